import { describe, expect, it } from 'vitest';
import { defaultPeriod } from './releaseValues';

describe('the period a new release suggests', () => {
  it('is the last twelve whole months before the current one', () => {
    expect(defaultPeriod(new Date(Date.UTC(2026, 11, 2)))).toEqual({ from: '2025-12', to: '2026-11' });
    expect(defaultPeriod(new Date(Date.UTC(2026, 0, 15)))).toEqual({ from: '2025-01', to: '2025-12' });
  });
});
