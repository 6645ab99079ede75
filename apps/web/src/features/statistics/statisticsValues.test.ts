import { describe, expect, it } from 'vitest';
import { statisticsExportUrl, statisticsQuery, statisticsReportUrl } from '../../lib/statisticsApi';
import { statisticsFixture } from './fixture';
import {
  beyondLimitShare,
  canEditStatSettings,
  canReadStatistics,
  chartData,
  defaultPeriod,
  filtersOf,
  hidesAnything,
  parseStatisticsSearch,
  sectionsOf,
  shareOf,
} from './statisticsValues';

const tableOf = (id: string) => {
  const table = statisticsFixture.tables.find((t) => t.id === id);
  if (!table) throw new Error(`no table ${id} in the fixture`);
  return table;
};

describe('who reads the statistics', () => {
  it('admins, coordinators and analysts; only admins change k', () => {
    expect(canReadStatistics('admin')).toBe(true);
    expect(canReadStatistics('coordinator')).toBe(true);
    expect(canReadStatistics('analyst')).toBe(true);
    for (const role of ['lawyer', 'psychologist', 'social_worker', 'intake', 'partner'] as const)
      expect(canReadStatistics(role)).toBe(false);
    expect(canEditStatSettings('admin')).toBe(true);
    expect(canEditStatSettings('coordinator')).toBe(false);
    expect(canEditStatSettings('analyst')).toBe(false);
  });
});

describe('the share of the women served', () => {
  const of = (value: number | null) => ({ value, suppressed: value === null ? ('small' as const) : null });

  it('is the published count over the published universe', () => {
    expect(shareOf(of(52), of(148))).toBeCloseTo(0.3514, 4);
    expect(shareOf(of(0), of(148))).toBe(0);
  });

  it('is never worked out from a hidden value, nor over nobody', () => {
    expect(shareOf(of(null), of(148))).toBeNull();
    expect(shareOf(of(12), of(null))).toBeNull();
    expect(shareOf(of(12), of(0))).toBeNull();
    expect(shareOf(undefined, of(148))).toBeNull();
  });

  it('of decisions beyond the legal limit uses the two published counts', () => {
    expect(beyondLimitShare(statisticsFixture.decisionTime)).toBeCloseTo(12 / 23, 6);
    expect(
      beyondLimitShare({
        ...statisticsFixture.decisionTime,
        beyondLimit: { value: null, suppressed: 'small' },
      }),
    ).toBeNull();
  });
});

describe('what a chart draws', () => {
  it('one series of the published counts, hidden cells left out (null), totals not drawn', () => {
    const data = chartData(tableOf('by_nationality'));
    expect(data.series).toHaveLength(1);
    expect(data.series[0]?.col).toBeNull();
    expect(data.series[0]?.values).toEqual([52, 31, 24, 17, 11, null, 7, null]);
    expect(data.hidden).toBe(2);
  });

  it('one series per column of a cross table', () => {
    const data = chartData(tableOf('nationality_by_age'));
    expect(data.series.map((s) => s.col)).toEqual(tableOf('nationality_by_age').cols);
    expect(data.series[0]?.values).toEqual([5, null, null, 5]);
    expect(data.hidden).toBe(11);
  });

  it('knows when a table hides anything, its totals included', () => {
    expect(hidesAnything(tableOf('people_summary'))).toBe(false);
    expect(hidesAnything(tableOf('by_age_band'))).toBe(true);
    expect(hidesAnything(tableOf('revision_outcomes'))).toBe(true);
  });
});

describe('the filters in the URL', () => {
  it('keep known codes (a state read back as a number too) and drop the rest', () => {
    expect(
      parseStatisticsSearch({
        from: '2025-01',
        to: '2025-06',
        state: 7,
        nationality: 'HN',
        ageBand: 'age_18_29',
      }),
    ).toEqual({ from: '2025-01', to: '2025-06', state: '07', nationality: 'HN', ageBand: 'age_18_29' });
    expect(
      parseStatisticsSearch({ from: 'enero', state: '99', nationality: 'XX', ageBand: 'adult', q: 'Ana' }),
    ).toEqual({});
  });

  it('keep a whole day as typed, so the server can say it wants whole months', () => {
    expect(parseStatisticsSearch({ from: '2025-01-15' })).toEqual({ from: '2025-01-15' });
  });

  it('default to January of this year to this month, in Mexico City', () => {
    expect(defaultPeriod(new Date('2025-06-15T12:00:00Z'))).toEqual({ from: '2025-01', to: '2025-06' });
    // 1 January 03:00 UTC is still 31 December in Mexico City.
    expect(defaultPeriod(new Date('2026-01-01T03:00:00Z'))).toEqual({ from: '2025-01', to: '2025-12' });
    expect(filtersOf({ state: '07' }, new Date('2025-06-15T12:00:00Z'))).toEqual({
      from: '2025-01',
      to: '2025-06',
      state: '07',
    });
  });

  it('become the query of the figures and of the downloads', () => {
    const filters = { from: '2025-01', to: '2025-06', state: '07' as const, ageBand: 'age_15_17' as const };
    expect(statisticsQuery(filters)).toBe('from=2025-01&to=2025-06&state=07&ageBand=age_15_17');
    expect(statisticsExportUrl('csv', filters, 'ht')).toBe(
      '/api/v1/statistics/export.csv?from=2025-01&to=2025-06&state=07&ageBand=age_15_17&lang=ht',
    );
    expect(statisticsExportUrl('xlsx', { from: '2024-01', to: '2024-12' }, 'es')).toBe(
      '/api/v1/statistics/export.xlsx?from=2024-01&to=2024-12&lang=es',
    );
    expect(statisticsReportUrl(filters, 'en')).toBe(
      '/api/v1/statistics/report.pdf?from=2025-01&to=2025-06&state=07&ageBand=age_15_17&lang=en',
    );
  });
});

describe('the sections', () => {
  it('come in their order, each with its tables; an empty one only when kept', () => {
    const sections = sectionsOf(statisticsFixture);
    expect(sections.map((s) => s.section)).toEqual([
      'people',
      'violence',
      'procedure',
      'needs',
      'referrals',
      'workshops',
    ]);
    expect(sections[0]?.tables.map((t) => t.id)).toContain('nationality_by_age');
    const few = { ...statisticsFixture, tables: [tableOf('needs')] };
    expect(sectionsOf(few).map((s) => s.section)).toEqual(['needs']);
    expect(sectionsOf(few, ['procedure', 'referrals']).map((s) => s.section)).toEqual([
      'procedure',
      'needs',
      'referrals',
    ]);
  });
});
