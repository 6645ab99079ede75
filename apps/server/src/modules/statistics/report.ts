/**
 * The printable advocacy brief of a statistics view, as a pdfmake document
 * definition (pure: no I/O, rendered by pdf.ts). It holds what the page
 * publishes and nothing more: the title block (organization, period, filters
 * in words), key figures, each section's tables with a bar chart, and a
 * methods note (period, consent coverage, the suppression rule, when the
 * figures were computed). A hidden cell is printed as "—" with a footnote
 * mark (* under k, † to protect another cell), never as a number. When the
 * filters select too few women, only the two counts and the note are printed.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  STAT_SECTIONS,
  minObservations,
  type StatCellView,
  type StatisticsView,
  type StatReportLang,
  type StatTableView,
} from '@senda/domain';
import type { Labeller } from './export.js';
import type { Words } from './labels.js';
import { CHART_WIDTH, barChartSvg, chartDataOf, chartHeightOf } from './report-charts.js';

export interface ReportMeta {
  organization: string;
  lang: StatReportLang;
  /** When the brief was made (ISO instant). */
  generatedAt: string;
  /** A network's brief: how many organizations' figures are combined, and the p of the p% rule. */
  network?: { organizations: number; p: number };
}

export interface ReportText {
  label: Labeller;
  words: Words;
}

/** Footnote marks of hidden cells. */
export const MARKS = { small: '*', complementary: '†', dominance: '‡' } as const;
export const HIDDEN = '—';

const TIME_ZONE = 'America/Mexico_City';

/** Numbers, months and instants in the brief's language. */
function formatters(lang: StatReportLang) {
  const number = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const month = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(lang, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  });
  return {
    number: (n: number) => number.format(n),
    percent: (share: number) => percent.format(share),
    month: (ym: string) => {
      const [y, m] = ym.split('-').map(Number) as [number, number];
      return month.format(new Date(Date.UTC(y, m - 1, 1)));
    },
    instant: (iso: string) => instant.format(new Date(iso)),
  };
}
type Formatters = ReturnType<typeof formatters>;

/** The published value of a cell, or null when hidden. */
const valueOf = (cell: StatCellView | null | undefined): number | null =>
  cell && cell.suppressed === null ? cell.value : null;

/** A cell as printed: its published value, or "—" and the mark of why it is hidden. */
export function cellText(cell: StatCellView | null | undefined, f: Formatters['number']): string {
  if (!cell) return '';
  const value = valueOf(cell);
  if (value !== null) return f(value);
  return `${HIDDEN}${MARKS[cell.suppressed ?? 'small']}`;
}

/** The period and filters in words: "enero de 2025 a junio de 2025 · Chiapas · …". */
function scopeText(view: StatisticsView, { label, words }: ReportText, f: Formatters): string {
  const { filters } = view;
  return [
    periodText(view, words, f),
    filters.state ? label('state', filters.state) : words('statistics.filter.allStates'),
    filters.nationality
      ? label('nationality', filters.nationality)
      : words('statistics.filter.allNationalities'),
    filters.ageBand ? label('age_band', filters.ageBand) : words('statistics.filter.allAges'),
  ].join(' · ');
}

const periodText = (view: StatisticsView, words: Words, f: Formatters) =>
  words('statistics.summary.period', { from: f.month(view.filters.from), to: f.month(view.filters.to) });

/** "12 (40 %)" when both figures are published; null otherwise. */
function shareText(part: number | null, whole: number | null, f: Formatters): string | null {
  if (part === null || whole === null || whole <= 0) return null;
  return `${f.number(part)} (${f.percent(part / whole)})`;
}

function keyFigures(view: StatisticsView, { words }: ReportText, f: Formatters): Content {
  const notPublished = words('statistics.report.notPublished');
  const rows: [string, string][] = [
    [words('statistics.export.summary.universe'), cellText(view.universe, f.number)],
    [words('statistics.export.summary.left_out'), cellText(view.leftOut, f.number)],
  ];
  if (!view.tooFew) {
    const universe = valueOf(view.universe);
    const phase = view.tables.find((t) => t.id === 'violence_phase');
    const origin = phase ? valueOf(phase.cells[phase.rows.indexOf('origin')]?.[0]) : null;
    rows.push([
      words('statistics.report.fact.violenceOrigin'),
      shareText(origin, universe, f) ?? notPublished,
    ]);
    const d = view.decisionTime;
    rows.push([
      words('statistics.report.fact.decisionMedian'),
      d.median === null ? notPublished : f.number(d.median),
    ]);
    rows.push([
      words('statistics.report.fact.beyondLimit', { limit: d.limit }),
      (d.median === null ? null : shareText(valueOf(d.beyondLimit), valueOf(d.observations), f)) ??
        notPublished,
    ]);
  }
  return {
    table: {
      widths: ['*', 'auto'],
      body: rows.map(([term, value]) => [
        { text: term },
        { text: value, style: 'figure', alignment: 'right' },
      ]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12],
  };
}

/** The words of a table's column heading. */
function columnLabel(table: StatTableView, col: string, label: Labeller): string {
  return table.colDimension ? label(table.colDimension, col) : label('column', col);
}

/** A table as printed: row labels, published values, totals, and the marks of hidden cells. */
export function tableBody(
  table: StatTableView,
  { label, words }: ReportText,
  f: Formatters['number'],
): string[][] {
  const cols = table.cols.length ? table.cols : ['count'];
  const withRowTotals = table.rowTotals !== null;
  const header = [
    words(`statistics.dimension.${table.rowDimension}`),
    ...cols.map((col) => columnLabel(table, col, label)),
    ...(withRowTotals ? [label('column', 'total')] : []),
  ];
  const body = table.rows.map((row, i) => [
    label(table.rowDimension, row),
    ...cols.map((_, j) => cellText(table.cells[i]?.[j] ?? { value: null, suppressed: 'small' }, f)),
    ...(withRowTotals ? [cellText(table.rowTotals?.[i], f)] : []),
  ]);
  if (table.colTotals) {
    body.push([
      label('column', 'total'),
      ...table.colTotals.map((cell) => cellText(cell, f)),
      ...(withRowTotals ? [cellText(table.total, f)] : []),
    ]);
  }
  return [header, ...body];
}

function tableBlock(table: StatTableView, text: ReportText, f: Formatters): Content[] {
  const { label, words } = text;
  const body = tableBody(table, text, f.number);
  const columns = body[0]?.length ?? 1;
  const totalsRow = table.colTotals ? body.length - 1 : -1;
  const cells: TableCell[][] = body.map((line, r) =>
    line.map((value, c) => ({
      text: value,
      alignment: c === 0 ? 'left' : 'right',
      bold: r === 0 || r === totalsRow,
    })),
  );
  const out: Content[] = [
    { text: words(`statistics.table.${table.id}`), style: 'tableTitle' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', ...Array.from({ length: columns - 1 }, () => 'auto')],
        body: cells,
      },
      layout: 'lightHorizontalLines',
      style: 'table',
    },
  ];
  if (!table.additive) out.push({ text: words('statistics.note.severalRows'), style: 'note' });
  const data = chartDataOf(table, label);
  const svg = barChartSvg(data, f.number);
  out.push(
    svg
      ? { svg, width: CHART_WIDTH, height: chartHeightOf(data), margin: [0, 4, 0, 0] }
      : { text: words('statistics.chart.nothing'), style: 'note' },
  );
  return [{ stack: out, margin: [0, 6, 0, 10] }];
}

/** The durations of a section (quartiles only over enough observations), or nothing. */
function timesBlock(view: StatisticsView, section: string, { words }: ReportText, f: Formatters): Content[] {
  const days = (value: number | null) =>
    value === null ? words('statistics.report.notPublished') : f.number(value);
  const block = (title: string, intro: string | null, rows: [string, string][], empty: string | null) => [
    {
      stack: [
        { text: title, style: 'tableTitle' },
        ...(intro ? [{ text: intro, style: 'note' }] : []),
        empty
          ? { text: empty, style: 'note' }
          : {
              table: {
                widths: ['*', 'auto'],
                body: rows.map(([term, value]) => [term, { text: value, alignment: 'right' as const }]),
              },
              layout: 'lightHorizontalLines',
              style: 'table',
            },
      ],
      margin: [0, 6, 0, 10] as [number, number, number, number],
    },
  ];
  if (section === 'procedure') {
    const d = view.decisionTime;
    return block(
      words('statistics.time.decisionTitle'),
      words('statistics.time.decisionIntro', { limit: d.limit }),
      [
        [words('statistics.time.decisions'), cellText(d.observations, f.number)],
        [words('statistics.time.q1'), days(d.q1)],
        [words('statistics.time.median'), days(d.median)],
        [words('statistics.time.q3'), days(d.q3)],
        [words('statistics.time.beyondLimit', { limit: d.limit }), cellText(d.beyondLimit, f.number)],
      ],
      d.median === null ? words('statistics.time.notEnoughDecisions') : null,
    );
  }
  if (section === 'referrals') {
    const a = view.acceptanceTime;
    return block(
      words('statistics.time.acceptanceTitle'),
      words('statistics.time.acceptanceIntro'),
      [
        [words('statistics.time.accepted'), cellText(a.observations, f.number)],
        [words('statistics.time.q1'), days(a.q1)],
        [words('statistics.time.median'), days(a.median)],
        [words('statistics.time.q3'), days(a.q3)],
      ],
      a.median === null ? words('statistics.time.notEnoughAcceptances') : null,
    );
  }
  return [];
}

/** The footnotes of the marks a brief uses. */
function marksNote(view: StatisticsView, words: Words, meta: ReportMeta): Content {
  return {
    stack: [
      words('statistics.report.mark.small', { k: view.k }),
      words('statistics.report.mark.complementary'),
      ...(meta.network ? [words('statistics.report.mark.dominance', { p: meta.network.p })] : []),
    ],
    style: 'note',
    margin: [0, 0, 0, 8],
  };
}

function methodsNote(view: StatisticsView, meta: ReportMeta, { words }: ReportText, f: Formatters): Content {
  const hidden = words('statistics.hidden.small', { k: view.k });
  const count = (cell: StatCellView) => {
    const value = valueOf(cell);
    return value === null ? hidden : f.number(value);
  };
  const paragraphs = [
    words('statistics.report.methods.period', { period: periodText(view, words, f) }),
    words('statistics.report.methods.consent', {
      counted: count(view.universe),
      leftOut: count(view.leftOut),
    }),
    words('statistics.protection.consent'),
    words('statistics.report.methods.suppression', { k: view.k, below: view.k - 1 }),
    ...(meta.network
      ? [
          words('statistics.report.methods.network', {
            organizations: meta.network.organizations,
            p: meta.network.p,
          }),
        ]
      : []),
    words('statistics.report.methods.noise'),
    words('statistics.report.methods.minUniverse', { min: view.minUniverse }),
    words('statistics.report.methods.durations', { min: minObservations(view.k) }),
    words('statistics.report.methods.computed', { date: f.instant(view.refreshedAt ?? meta.generatedAt) }),
    words('statistics.report.generatedAt', { date: f.instant(meta.generatedAt) }),
  ];
  return {
    stack: [
      { text: words('statistics.report.methods.title'), style: 'h2' },
      ...paragraphs.map((text) => ({ text, margin: [0, 0, 0, 4] as [number, number, number, number] })),
    ],
    margin: [0, 12, 0, 0],
  };
}

/** The brief's pdfmake document definition. */
export function reportDefinition(
  view: StatisticsView,
  text: ReportText,
  meta: ReportMeta,
): TDocumentDefinitions {
  const { words } = text;
  const f = formatters(meta.lang);
  const title = words('statistics.report.title');
  const content: Content[] = [
    { text: meta.organization, style: 'organization' },
    { text: title, style: 'h1' },
    { text: scopeText(view, text, f), style: 'scope' },
    { text: words('statistics.report.generatedAt', { date: f.instant(meta.generatedAt) }), style: 'note' },
    { text: words('statistics.report.keyFigures'), style: 'h2' },
    keyFigures(view, text, f),
  ];
  if (view.tooFew) {
    content.push(
      { text: words('statistics.tooFew.title'), style: 'h2' },
      { text: words('statistics.tooFew.body', { min: view.minUniverse }) },
    );
  } else {
    content.push(marksNote(view, words, meta));
    for (const section of STAT_SECTIONS) {
      const tables = view.tables.filter((t) => t.section === section);
      if (!tables.length) continue;
      content.push({ text: words(`statistics.section.${section}`), style: 'h2', pageBreak: 'before' });
      for (const table of tables) content.push(...tableBlock(table, text, f));
      content.push(...timesBlock(view, section, text, f));
    }
  }
  content.push(methodsNote(view, meta, text, f));
  return {
    info: { title: `${title} — ${meta.organization}`, creator: 'Senda', producer: 'Senda' },
    language: meta.lang,
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    footer: (page, pages) => ({
      text: `${meta.organization} · ${String(page)} / ${String(pages)}`,
      style: 'note',
      alignment: 'center',
      margin: [40, 16, 40, 0],
    }),
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10, color: '#0f172a' },
    styles: {
      organization: { fontSize: 11, color: '#115e59', bold: true },
      h1: { fontSize: 20, bold: true, margin: [0, 4, 0, 6] },
      h2: { fontSize: 14, bold: true, margin: [0, 10, 0, 6] },
      scope: { fontSize: 11, margin: [0, 0, 0, 4] },
      tableTitle: { fontSize: 11, bold: true, margin: [0, 0, 0, 4] },
      table: { fontSize: 8.5 },
      figure: { bold: true },
      note: { fontSize: 8, color: '#334155' },
    },
  };
}
