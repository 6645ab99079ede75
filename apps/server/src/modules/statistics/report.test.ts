/**
 * The advocacy brief prints what the page publishes and nothing more: hidden
 * cells as "—" with their mark (never a number, not even the one a careless
 * caller left in a suppressed cell), no count under k, a methods note with
 * the threshold, and only the counts and the note when there are too few women.
 */
import { describe, expect, it } from 'vitest';
import type { StatCellView, StatisticsView, StatTableView } from '@senda/domain';
import { exportLabeller, reportWords } from './labels.js';
import { statisticsPdf } from './pdf.js';
import { MAX_CHART_HEIGHT, barChartSvg, chartDataOf, chartHeightOf } from './report-charts.js';
import { HIDDEN, MARKS, reportDefinition, tableBody, type ReportMeta } from './report.js';

const K = 5;
const n = (value: number): StatCellView => ({ value, suppressed: null });
/** A suppressed cell that (wrongly) still carries its value: the brief must not print it. */
const small = (leak = 3): StatCellView => ({ value: leak, suppressed: 'small' });
const comp = (leak = 7): StatCellView => ({ value: leak, suppressed: 'complementary' });

const byNationality: StatTableView = {
  id: 'by_nationality',
  section: 'people',
  rowDimension: 'nationality',
  colDimension: null,
  rows: ['HN', 'SV', 'GT', 'other'],
  cols: [],
  additive: true,
  cells: [[n(14)], [n(9)], [comp(6)], [small(2)]],
  rowTotals: null,
  colTotals: [n(31)],
  total: null,
  ofServed: true,
};

const violencePhase: StatTableView = {
  id: 'violence_phase',
  section: 'violence',
  rowDimension: 'violence_phase',
  colDimension: null,
  rows: ['any', 'origin', 'transit', 'mexico', 'institutional_mexico'],
  cols: [],
  additive: false,
  cells: [[n(22)], [n(15)], [n(11)], [small(4)], [n(0)]],
  rowTotals: null,
  colTotals: null,
  total: null,
  ofServed: true,
};

const procedureActs: StatTableView = {
  id: 'procedure_acts',
  section: 'procedure',
  rowDimension: 'procedure_measure',
  colDimension: null,
  rows: ['applications', 'late_applications', 'decisions'],
  cols: [],
  additive: false,
  cells: [[n(20)], [small(1)], [n(12)]],
  rowTotals: null,
  colTotals: null,
  total: null,
  ofServed: false,
};

const view: StatisticsView = {
  filters: { from: '2025-01', to: '2025-12', state: '12' },
  k: K,
  minUniverse: 4 * K,
  universe: n(30),
  leftOut: small(2),
  tooFew: false,
  tables: [byNationality, violencePhase, procedureActs],
  decisionTime: {
    observations: n(12),
    q1: 30,
    median: 41,
    q3: 60,
    limit: 45,
    beyondLimit: n(5),
  },
  acceptanceTime: { observations: small(1), q1: null, median: null, q3: null },
  refreshedAt: '2026-01-10T15:00:00.000Z',
  pending: 0,
};

const meta: ReportMeta = {
  organization: 'Clínica Jurídica',
  lang: 'es',
  generatedAt: '2026-01-11T18:30:00.000Z',
};
const text = { label: exportLabeller('es'), words: reportWords('es') };

/** Where a definition holds printed text (not styles, not the charts' SVG). */
const PRINTED = new Set(['content', 'text', 'stack', 'table', 'body', 'columns']);

/** Every printed string of a definition, in order, with narrow and no-break spaces as spaces. */
function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node.replace(/[\u00a0\u202f]/g, ' '));
  else if (Array.isArray(node)) for (const item of node) texts(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) if (PRINTED.has(key)) texts(value, out);
  }
  return out;
}

/** The printed text of every table of a definition: rows of cells. */
function tablesOf(node: unknown, out: string[][][] = []): string[][][] {
  if (Array.isArray(node)) for (const item of node) tablesOf(item, out);
  else if (node && typeof node === 'object') {
    const table = (node as { table?: { body?: unknown[][] } }).table;
    if (table?.body) out.push(table.body.map((row) => row.map((cell) => texts(cell).join(''))));
    else for (const [key, value] of Object.entries(node)) if (PRINTED.has(key)) tablesOf(value, out);
  }
  return out;
}

/** A printed count is hidden, zero, or at least k. */
function acceptable(cell: string): boolean {
  if (Object.values(MARKS).some((mark) => cell === `${HIDDEN}${mark}`)) return true;
  const value = Number(cell.replace(/\s/g, ''));
  return Number.isInteger(value) && (value === 0 || value >= K);
}

describe('advocacy brief', () => {
  it('prints hidden cells as marks, never as numbers, and no count under k', () => {
    for (const table of view.tables) {
      const [, ...rows] = tableBody(table, text, (v) => String(v));
      const printed = rows.flatMap(([, ...cells]) => cells);
      expect(printed.length).toBeGreaterThan(0);
      expect(printed.filter((cell) => !acceptable(cell))).toEqual([]);
    }
    const [, ...rows] = tableBody(byNationality, text, String);
    expect(rows.map((row) => row[1])).toEqual(['14', '9', '—†', '—*', '31']);
    // In the whole brief: the key figures, then each table as printed.
    const [keyFigures, ...tables] = tablesOf(reportDefinition(view, text, meta));
    expect(keyFigures?.map((row) => row[1])).toEqual(['30', '—*', '15 (50 %)', '41', '5 (42 %)']);
    // Three tables, and the durations of the procedure section.
    expect(tables).toHaveLength(4);
    for (const [, ...rows] of tables) {
      expect(rows.flatMap(([, ...cells]) => cells).filter((cell) => !acceptable(cell))).toEqual([]);
    }
  });

  it('holds the key figures and a methods note with k, the noise, the minimum universe and consent coverage', () => {
    const all = texts(reportDefinition(view, text, meta)).join('\n');
    expect(all).toContain('Clínica Jurídica');
    expect(all).toContain('Guerrero');
    expect(all).toContain('enero de 2025');
    expect(all).toContain('Nota metodológica');
    expect(all).toContain('umbral k = 5');
    expect(all).toContain('−2 y +2');
    expect(all).toContain('menos de 20 mujeres');
    expect(all).toContain('se cuentan 30 mujeres');
    // The women left out are a hidden count: said so, not numbered.
    expect(all).toContain('oculto: menos de 5 mujeres atendidas');
    // 15 of 30 suffered violence before fleeing; 5 of 12 decisions came late.
    expect(all).toContain('15 (50 %)');
    expect(all).toContain('5 (42 %)');
    expect(all).toContain('41');
    expect(all).toContain('Tiempo de COMAR para resolver');
    expect(all).toContain('* Oculto: menos de 5 mujeres.');
    expect(all).toContain('† Oculto para proteger otra celda.');
  });

  it("a network's brief marks cells hidden to protect an organization's part, and says how figures are combined", () => {
    const own = texts(reportDefinition(view, text, meta)).join('\n');
    expect(own).not.toContain('‡');
    const cells = byNationality.cells.map((row, i) =>
      i === 0 ? [{ value: null, suppressed: 'dominance' as const }] : row,
    );
    const network = { ...view, tables: view.tables.map((t) => (t === byNationality ? { ...t, cells } : t)) };
    const definition = reportDefinition(network, text, { ...meta, network: { organizations: 4, p: 10 } });
    const all = texts(definition).join('\n');
    expect(all).toContain(
      '‡ Oculto: una organización de la red podría deducir la parte de otra (regla del p %, p = 10).',
    );
    expect(all).toContain('Cifras combinadas de 4 organizaciones de la red');
    const [, ...rows] = tableBody({ ...byNationality, cells }, text, String);
    expect(rows[0]?.[1]).toBe('—‡');
  });

  it('says so and prints only the counts and the methods note when there are too few women', () => {
    const few: StatisticsView = { ...view, universe: n(12), tooFew: true, tables: [] };
    const definition = reportDefinition(few, text, meta);
    const all = texts(definition).join('\n');
    expect(all).toContain('Muy pocas mujeres para mostrar cifras');
    expect(all).toContain('Nota metodológica');
    expect(all).not.toContain('Personas atendidas');
    expect(all).not.toContain('Mediana');
    expect(JSON.stringify(definition)).not.toContain('"svg"');
  });

  it('draws only published values, and an SVG that links to nothing', () => {
    const data = chartDataOf(byNationality, text.label);
    expect(data.series[0]?.values).toEqual([14, 9, null, null]);
    const svg = barChartSvg(data, String);
    expect(svg).toMatch(/^<svg/);
    expect(svg).not.toMatch(/<image|href=/);
    expect(barChartSvg({ categories: ['a'], series: [{ name: 'x', values: [null] }] }, String)).toBeNull();
    // A big cross table still fits on one page.
    const big = {
      categories: Array.from({ length: 40 }, (_, i) => `row ${String(i)}`),
      series: Array.from({ length: 8 }, (_, j) => ({
        name: `col ${String(j)}`,
        values: Array.from({ length: 40 }, () => j),
      })),
    };
    expect(chartHeightOf(big)).toBe(MAX_CHART_HEIGHT);
  });

  it('renders to a PDF in English', async () => {
    const pdf = await statisticsPdf(view, 'en', meta);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const words = texts(
      reportDefinition(view, { label: exportLabeller('en'), words: reportWords('en') }, meta),
    );
    expect(words.join('\n')).toContain('Methods note');
  });
});
