/**
 * The tables as they render (server-side, no browser): captions, headers,
 * hidden cells with their words, shares, and the page's header when the
 * filters select too few women. The charts are lazy and not rendered here.
 */
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createIntl } from 'react-intl';
import es from '../../i18n/es.json';
import { makeFormatters } from '../../lib/format';
import type { MessageKey } from '../../i18n/catalogues';
import { statisticsFixture, tooFewFixture } from './fixture';
import { StatTable } from './StatTable';
import { StatSections } from './Sections';
import { SummaryHeader } from './SummaryHeader';
import { makeStatText } from './statText';

const intl = createIntl({ locale: 'es-MX', messages: es });
const text = makeStatText(
  (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values),
  makeFormatters('es'),
);
const view = statisticsFixture;
const tableOf = (id: string) => {
  const table = view.tables.find((t) => t.id === id);
  if (!table) throw new Error(`no table ${id} in the fixture`);
  return table;
};
const render = (id: string) =>
  renderToStaticMarkup(
    createElement(StatTable, {
      table: tableOf(id),
      universe: view.universe,
      k: view.k,
      text,
      idBase: `t-${id}`,
    }),
  );
/** The text content of the `index`-th element matching a tag, tags stripped. */
const cells = (html: string, tag: 'td' | 'th' | 'caption') =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, 'g'))].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, ''),
  );

describe('a statistics table', () => {
  it('has a caption equal to its title, and headers for its rows and columns', () => {
    const html = render('by_nationality');
    expect(cells(html, 'caption')).toEqual(['Mujeres por nacionalidad']);
    expect(html).toContain('<th scope="col"');
    expect(html.match(/<th scope="row"/g)).toHaveLength(tableOf('by_nationality').rows.length + 1);
    expect(cells(html, 'th')).toEqual(
      expect.arrayContaining(['Nacionalidad', 'Número', '% de las atendidas', 'Honduras', 'Total']),
    );
  });

  it('shows a hidden cell as a mark with its reason in words, never a number', () => {
    const html = render('by_nationality');
    const row = cells(html, 'td');
    // Cuba (under k) and "Sin dato" (hidden to protect it): count and share columns.
    expect(row).toContain('—*oculto: menos de 5');
    expect(row).toContain('—†oculto para proteger otra celda');
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain('<span class="sr-only">oculto: menos de 5</span>');
    // The legend under the table explains both marks, and the table points to it.
    expect(html).toContain('aria-describedby="t-by_nationality-legend"');
    expect(html).toContain('id="t-by_nationality-legend"');
  });

  it('gives the share of the women served where both numbers are published', () => {
    const html = render('by_nationality');
    const row = cells(html, 'td');
    expect(row).toContain(text.percent(52 / 148));
    expect(row.filter((c) => c === '—sin porcentaje')).toHaveLength(2);
    // The total row: its count and its share.
    expect(row).toContain('148');
    expect(row).toContain(text.percent(1));
  });

  it('shows row totals, column totals and the grand total of a cross table', () => {
    const html = render('nationality_by_age');
    expect(cells(html, 'th')).toEqual(
      expect.arrayContaining(['Edad', '0 a 5 años', '60 años o más', 'Total']),
    );
    const td = cells(html, 'td');
    expect(td.at(-1)).toBe('148');
    // A cross table is no share of the women served: no percentage column.
    expect(html).not.toContain('% de las atendidas');
  });

  it('marks a cell hidden by dominance (a network) with ‡ and its words, and explains ‡ only then', () => {
    const plain = render('by_nationality');
    expect(plain).not.toContain('‡');
    const table = tableOf('by_nationality');
    const dominated = {
      ...table,
      cells: table.cells.map((row, i) =>
        i === 0 ? row.map(() => ({ value: null, suppressed: 'dominance' as const })) : row,
      ),
    };
    const html = renderToStaticMarkup(
      createElement(StatTable, { table: dominated, universe: view.universe, k: view.k, text, idBase: 't-d' }),
    );
    expect(cells(html, 'td')).toContain(`—‡${es['statistics.hidden.dominance']}`);
    expect(html).toContain(`<span class="sr-only">${es['statistics.hidden.dominance']}</span>`);
    // The legend: the two usual marks and the network's.
    const legend = /<ul id="t-d-legend"[^>]*>(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(legend.match(/<li>/g)).toHaveLength(3);
    expect(legend).toContain(es['statistics.hidden.dominance']);
  });

  it('has no legend when it hides nothing, and scrolls inside its own labelled region', () => {
    const html = render('people_summary');
    expect(html).not.toContain('aria-describedby');
    expect(html).toContain('role="region"');
    expect(html).toContain('aria-label="Tabla: Mujeres atendidas y casos"');
    expect(html).toContain('tabindex="0"');
  });
});

describe('the figures of the page', () => {
  it('put every section in a region with its heading, and every table in it', () => {
    const html = renderToStaticMarkup(createElement(StatSections, { view, text }));
    for (const section of ['people', 'violence', 'procedure', 'needs', 'referrals', 'workshops'])
      expect(html).toContain(`<section aria-labelledby="stat-section-${section}"`);
    expect(html.match(/<caption/g)).toHaveLength(view.tables.length);
    // The decision times: quartiles in business days, and the share beyond the limit.
    expect(html).toContain('47 días hábiles');
    expect(html).toContain(`12<span class="text-slate-700"> (${text.percent(12 / 23)})</span>`);
    // Too few accepted referrals to publish a time.
    expect(html).toContain(es['statistics.time.notEnoughAcceptances']);
  });

  it('say who was counted and left out, the threshold, and offer the downloads', () => {
    const html = renderToStaticMarkup(createElement(SummaryHeader, { view, text }));
    expect(html).toContain(es['statistics.summary.leftOut']);
    expect(html).toContain('>9<');
    expect(html).toContain('enero de 2025 a junio de 2025 · Chiapas');
    expect(html).toContain(
      'href="/api/v1/statistics/export.csv?from=2025-01&amp;to=2025-06&amp;state=07&amp;lang=es"',
    );
    expect(html).toContain('>Descargar CSV<');
    expect(html).toContain('>Descargar Excel<');
    expect(html).toContain('±2');
  });

  it('offer the downloads of a network when told where they are', () => {
    const exports = {
      csv: '/api/v1/statistics/networks/n1/export.csv?x',
      xlsx: '/api/v1/statistics/networks/n1/export.xlsx?x',
      pdf: (lang: string) => `/api/v1/statistics/networks/n1/report.pdf?lang=${lang}`,
    };
    const html = renderToStaticMarkup(createElement(SummaryHeader, { view, text, exports }));
    expect(html).toContain('href="/api/v1/statistics/networks/n1/export.csv?x"');
    expect(html).toContain('href="/api/v1/statistics/networks/n1/report.pdf?lang=en"');
    expect(html).not.toContain('href="/api/v1/statistics/export.csv');
  });

  it('say plainly when the filters select too few women, with no downloads', () => {
    const html = renderToStaticMarkup(createElement(SummaryHeader, { view: tooFewFixture, text }));
    expect(html).toContain(es['statistics.tooFew.title']);
    expect(html).toContain('menos de 20 mujeres');
    expect(html).not.toContain('Descargar CSV');
  });
});
