import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOMINANCE_P, addTo, dominated, emptyCell, protectTable, type RawCell } from './disclosure.js';

/** A cell of these organizations' parts, each woman with a random key. */
function cellOf(parts: readonly number[], random: () => number): RawCell {
  const cell = emptyCell();
  for (const part of parts) for (let n = 0; n < part; n++) addTo(cell, Math.floor(random() * 2 ** 31));
  return cell;
}

describe('the p% rule', () => {
  it('hides a part one or two organizations make, or one another can estimate within p %', () => {
    expect(DOMINANCE_P).toBe(10);
    expect(dominated([12])).toBe(true);
    expect(dominated([0, 12, 0])).toBe(true);
    expect(dominated([30, 8])).toBe(true);
    // The second-largest (50) subtracts itself from 155: the largest is at most 105, 5 % off.
    expect(dominated([100, 50, 5])).toBe(true);
    expect(dominated([100, 60, 40])).toBe(false);
    expect(dominated([20, 20, 20, 20])).toBe(false);
    expect(dominated([])).toBe(false);
    expect(dominated([0, 0])).toBe(false);
  });

  it('hides dominated cells and totals, and a second cell beside each so the total does not give it away', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 4 }),
        fc.array(fc.array(fc.nat({ max: 30 }), { minLength: 4, maxLength: 4 }), {
          minLength: 2,
          maxLength: 6,
        }),
        fc.integer(),
        (orgs, rows, seed) => {
          let s = seed;
          const random = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) >>> 0) / 2 ** 31;
          const shares = rows.map((parts) => [parts.slice(0, orgs)]);
          const raw = shares.map(([parts = []]) => [cellOf(parts, random)]);
          const table = protectTable(raw, 5, 'columns', { shares });
          const total = table.colTotals?.[0];
          const columnParts = Array.from({ length: orgs }, (_, o) =>
            shares.reduce((sum, [parts = []]) => sum + (parts[o] ?? 0), 0),
          );
          // Nothing published is dominated, the total included.
          table.cells.forEach(([cell], i) => {
            if (cell?.value !== null) expect(dominated(shares[i]?.[0] ?? [])).toBe(false);
          });
          if (total?.value !== null) expect(dominated(columnParts)).toBe(false);
          // A member reading the total cannot subtract the published cells to find one hidden cell.
          const hidden = table.cells.filter(([cell]) => cell?.value === null).length;
          if (total?.value !== null) expect(hidden === 0 || hidden >= 2).toBe(true);
          // Each dominated cell is marked as such (unless it is small, which is the stronger reason).
          table.cells.forEach(([cell], i) => {
            const parts = shares[i]?.[0] ?? [];
            const count = parts.reduce((a, b) => a + b, 0);
            if (count >= 5 && dominated(parts) && cell?.suppressed !== 'small')
              expect(cell?.suppressed).toBe('dominance');
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hides the whole column when one organization makes all of it', () => {
    let s = 7;
    const random = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) >>> 0) / 2 ** 31;
    const shares = [[[40, 0, 0]], [[25, 0, 0]], [[60, 0, 0]]];
    const raw = shares.map(([parts = []]) => [cellOf(parts, random)]);
    const table = protectTable(raw, 5, 'columns', { shares });
    expect(table.cells.map(([cell]) => cell?.suppressed)).toEqual(['dominance', 'dominance', 'dominance']);
    expect(table.colTotals?.[0]?.value).toBeNull();
  });
});
