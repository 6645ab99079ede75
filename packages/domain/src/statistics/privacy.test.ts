import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Margins, ProtectedCell } from './disclosure.js';
import {
  epsilonShare,
  geometricNoise,
  geometricVariance,
  noisyCount,
  protectTableDp,
  seededUniform,
  tableSensitivity,
} from './privacy.js';
import { releaseInput } from './releases.js';

const shown = (cells: readonly (ProtectedCell | null | undefined)[]) =>
  cells.filter((c): c is ProtectedCell => c?.value !== null && c?.value !== undefined);

describe('two-sided geometric noise', () => {
  it('has mean about 0 and variance 2α/(1 − α)² for each ε and sensitivity', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.1, 0.5, 1, 2, 5),
        fc.constantFrom(1, 3),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (epsilon, sensitivity, seed) => {
          const random = seededUniform(seed);
          const n = 20_000;
          let sum = 0;
          let squares = 0;
          for (let i = 0; i < n; i++) {
            const z = geometricNoise(epsilon, sensitivity, random);
            expect(Number.isInteger(z)).toBe(true);
            sum += z;
            squares += z * z;
          }
          const mean = sum / n;
          const variance = squares / n - mean * mean;
          const expected = geometricVariance(epsilon, sensitivity);
          // Mean within 5 standard errors; variance within 15 %.
          expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(expected / n));
          expect(Math.abs(variance / expected - 1)).toBeLessThan(0.15);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('is symmetric and decays as exp(−ε|z|/Δ)', () => {
    const random = seededUniform(7);
    const counts = new Map<number, number>();
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const z = geometricNoise(1, 1, random);
      counts.set(z, (counts.get(z) ?? 0) + 1);
    }
    const p = (z: number) => (counts.get(z) ?? 0) / n;
    const alpha = Math.exp(-1);
    expect(p(0)).toBeCloseTo((1 - alpha) / (1 + alpha), 2);
    expect(p(1) / p(0)).toBeCloseTo(alpha, 1);
    expect(p(-1) / p(0)).toBeCloseTo(alpha, 1);
    expect(p(2) / p(1)).toBeCloseTo(alpha, 1);
  });

  it('never gives a negative count', () => {
    const random = seededUniform(3);
    for (let i = 0; i < 5_000; i++) expect(noisyCount(0, 0.1, 5, random)).toBeGreaterThanOrEqual(0);
  });

  it('refuses a non-positive ε or sensitivity', () => {
    expect(() => geometricNoise(0, 1, Math.random)).toThrow(RangeError);
    expect(() => geometricNoise(1, 0, Math.random)).toThrow(RangeError);
  });
});

describe('sensitivity and budget', () => {
  it('is 1 for a table where a woman is in one cell, every cell otherwise', () => {
    expect(tableSensitivity({ additive: true, rows: 8, cols: 3 })).toBe(1);
    expect(tableSensitivity({ additive: false, rows: 9, cols: 1 })).toBe(9);
    expect(tableSensitivity({ additive: false, rows: 12, cols: 4 })).toBe(48);
    expect(tableSensitivity({ additive: false, rows: 5, cols: 0 })).toBe(5);
  });

  it('splits ε equally over the tables and the two summary counts', () => {
    expect(epsilonShare(1, 18)).toBeCloseTo(0.05);
    expect(epsilonShare(2, 0)).toBe(1);
  });
});

const countsArb = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, cols]) =>
    fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 7, max: 80 })), {
        minLength: cols,
        maxLength: cols,
      }),
      { minLength: rows, maxLength: rows },
    ),
  );

describe('tables under differential privacy', () => {
  it('publishes no cell or total under k', () => {
    fc.assert(
      fc.property(
        countsArb,
        fc.integer({ min: 3, max: 10 }),
        fc.constantFrom<Margins>('none', 'columns', 'both'),
        fc.constantFrom(0.1, 0.5, 1, 5),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (counts, k, margins, epsilon, seed) => {
          const table = protectTableDp(counts, k, margins, epsilon, 1, seededUniform(seed));
          const all = [
            ...table.cells.flat(),
            ...(table.rowTotals ?? []),
            ...(table.colTotals ?? []),
            table.total,
          ];
          for (const cell of shown(all)) {
            expect(cell.value === 0 || (cell.value ?? 0) >= k).toBe(true);
            expect(cell.value).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('has totals equal to the sums of the published cells when none is hidden', () => {
    fc.assert(
      fc.property(
        countsArb,
        fc.constantFrom<Margins>('columns', 'both'),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (counts, margins, seed) => {
          const table = protectTableDp(counts, 3, margins, 1, 1, seededUniform(seed));
          const hidden = [
            ...table.cells.flat(),
            ...(table.rowTotals ?? []),
            ...(table.colTotals ?? []),
            ...(table.total ? [table.total] : []),
          ].some((c) => c.value === null);
          if (hidden) return;
          const value = (c: ProtectedCell | undefined) => c?.value ?? 0;
          table.colTotals?.forEach((total, j) => {
            expect(total.value).toBe(table.cells.reduce((s, row) => s + value(row[j]), 0));
          });
          table.rowTotals?.forEach((total, i) => {
            expect(total.value).toBe((table.cells[i] ?? []).reduce((s, c) => s + value(c), 0));
          });
          if (table.total)
            expect(table.total.value).toBe(table.cells.flat().reduce((s, c) => s + value(c), 0));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('draws different noise for different random sources, the same for the same seed', () => {
    const counts = [[40], [55], [70], [33]];
    const a = protectTableDp(counts, 5, 'columns', 0.5, 1, seededUniform(1));
    const b = protectTableDp(counts, 5, 'columns', 0.5, 1, seededUniform(1));
    expect(a).toEqual(b);
    const values = new Set<string>();
    for (let seed = 1; seed <= 20; seed++)
      values.add(JSON.stringify(protectTableDp(counts, 5, 'columns', 0.5, 1, seededUniform(seed)).cells));
    expect(values.size).toBeGreaterThan(1);
  });
});

describe('release input', () => {
  const filters = { from: '2026-01', to: '2026-06' };
  it('requires ε in differential-privacy mode, within 0.1–10', () => {
    expect(releaseInput.safeParse({ title: 'Informe', filters, mode: 'standard' }).success).toBe(true);
    expect(
      releaseInput.safeParse({ title: 'Informe', filters, mode: 'differential_privacy', epsilon: 1 }).success,
    ).toBe(true);
    for (const epsilon of [undefined, null, 0.05, 11]) {
      const r = releaseInput.safeParse({ title: 'Informe', filters, mode: 'differential_privacy', epsilon });
      expect(r.success, String(epsilon)).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['epsilon']);
    }
  });
});
