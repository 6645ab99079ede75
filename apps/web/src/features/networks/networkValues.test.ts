import { describe, expect, it } from 'vitest';
import { defaultNetworkPeriod, lastMonthOver, networkFiltersOf } from './networkValues';

describe('network figures period', () => {
  it('ends with the last month that is over, in Mexico City', () => {
    // 1 March 2026, 03:00 UTC is still 28 February in Mexico City.
    expect(lastMonthOver(new Date('2026-03-01T03:00:00Z'))).toBe('2026-01');
    expect(lastMonthOver(new Date('2026-03-15T12:00:00Z'))).toBe('2026-02');
    expect(lastMonthOver(new Date('2026-01-10T12:00:00Z'))).toBe('2025-12');
  });

  it('covers twelve months by default', () => {
    expect(defaultNetworkPeriod(new Date('2026-12-02T12:00:00Z'))).toEqual({
      from: '2025-12',
      to: '2026-11',
    });
  });

  it('keeps the filters of the URL', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(networkFiltersOf({ from: '2026-01', nationality: 'HN' }, now)).toEqual({
      from: '2026-01',
      to: '2026-11',
      nationality: 'HN',
    });
  });
});
