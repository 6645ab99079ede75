import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PERTURBATION,
  addTo,
  emptyCell,
  noiseOf,
  perturbed,
  protectTable,
  quartiles,
  quartilesOfHistogram,
  type Margins,
  type ProtectedCell,
  type RawCell,
} from './disclosure.js';

/** The item at an index, or a failed test. */
const at = <T>(xs: readonly T[] | undefined, i: number): T => {
  const v = xs?.[i];
  if (v === undefined) throw new Error(`no item ${i}`);
  return v;
};

/** A cell of `count` records with random keys. */
const cellArb = fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 40 }).map((keys) => {
  const cell = emptyCell();
  for (const key of keys) addTo(cell, key);
  return cell;
});
// Tables full of small counts, where suppression has work to do.
const smallCellArb = fc
  .oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) },
    { weight: 2, arbitrary: fc.integer({ min: 7, max: 60 }) },
  )
  .chain((count) =>
    fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: count, maxLength: count }).map((keys) => {
      const cell = emptyCell();
      for (const key of keys) addTo(cell, key);
      return cell;
    }),
  );
const tableArb = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, cols }) =>
    fc.array(fc.array(smallCellArb, { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  );
const marginsArb = fc.constantFrom<Margins>('none', 'columns', 'both');
const kArb = fc.integer({ min: 3, max: 10 });

/** Every published cell of a protected table with the true count behind it. */
function published(raw: RawCell[][], table: ReturnType<typeof protectTable>) {
  const out: { cell: ProtectedCell; truth: number; value: number }[] = [];
  raw.forEach((row, i) =>
    row.forEach((c, j) => out.push({ cell: at(at(table.cells, i), j), truth: c.count, value: perturbed(c) })),
  );
  table.rowTotals?.forEach((cell, i) =>
    out.push({
      cell,
      truth: at(raw, i).reduce((s, c) => s + c.count, 0),
      value: at(raw, i).reduce((s, c) => s + perturbed(c), 0),
    }),
  );
  table.colTotals?.forEach((cell, j) =>
    out.push({
      cell,
      truth: raw.reduce((s, row) => s + at(row, j).count, 0),
      value: raw.reduce((s, row) => s + perturbed(at(row, j)), 0),
    }),
  );
  if (table.total) {
    out.push({
      cell: table.total,
      truth: raw.flat().reduce((s, c) => s + c.count, 0),
      value: raw.flat().reduce((s, c) => s + perturbed(c), 0),
    });
  }
  return out;
}

/**
 * Independent of the algorithm: whether a suppressed cell's value follows
 * from the published figures. Unknowns are the suppressed cells; each line
 * with a published total gives one equation; a cell is determined exactly
 * when its unit vector lies in the row space of those equations.
 */
function recoverable(raw: RawCell[][], table: ReturnType<typeof protectTable>): boolean {
  const R = raw.length;
  const C = at(raw, 0).length;
  // Extended (R+1)×(C+1) grid: is each cell hidden, and does it exist as a published figure?
  const hidden: boolean[][] = [];
  const exists: boolean[][] = [];
  for (let i = 0; i <= R; i++) {
    hidden.push([]);
    exists.push([]);
    for (let j = 0; j <= C; j++) {
      let cell: ProtectedCell | null | undefined;
      if (i < R && j < C) cell = at(table.cells, i)[j];
      else if (i < R) cell = table.rowTotals?.[i];
      else if (j < C) cell = table.colTotals?.[j];
      else cell = table.total;
      at(exists, i)[j] = cell != null;
      at(hidden, i)[j] = cell?.value === null;
    }
  }
  const unknowns: [number, number][] = [];
  for (let i = 0; i <= R; i++) for (let j = 0; j <= C; j++) if (at(hidden, i)[j]) unknowns.push([i, j]);
  if (!unknowns.length) return false;
  const index = new Map(unknowns.map(([i, j], n) => [`${i},${j}`, n]));
  const indexOf = (key: string): number => {
    const n = index.get(key);
    if (n === undefined) throw new Error(`no unknown ${key}`);
    return n;
  };
  const equations: number[][] = [];
  // Row i: cells of the row minus its total, when the total is published (or the grand total for the totals row).
  for (let i = 0; i <= R; i++) {
    if (!at(exists, i)[C]) continue;
    const eq = new Array<number>(unknowns.length).fill(0);
    for (let j = 0; j < C; j++) if (at(hidden, i)[j]) eq[indexOf(`${i},${j}`)] = 1;
    if (at(hidden, i)[C]) eq[indexOf(`${i},${C}`)] = -1;
    equations.push(eq);
  }
  for (let j = 0; j <= C; j++) {
    if (!at(exists, R)[j]) continue;
    const eq = new Array<number>(unknowns.length).fill(0);
    for (let i = 0; i < R; i++) if (at(hidden, i)[j]) eq[indexOf(`${i},${j}`)] = 1;
    if (at(hidden, R)[j]) eq[indexOf(`${R},${j}`)] = -1;
    equations.push(eq);
  }
  const rank = (rows: number[][]) => {
    const m = rows.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < unknowns.length && r < m.length; c++) {
      const pivot = m.findIndex((row, n) => n >= r && Math.abs(at(row, c)) > 1e-9);
      if (pivot === -1) continue;
      [m[r], m[pivot]] = [at(m, pivot), at(m, r)];
      for (let n = 0; n < m.length; n++) {
        if (n === r) continue;
        const f = at(at(m, n), c) / at(at(m, r), c);
        const target = at(m, n);
        for (let x = 0; x < unknowns.length; x++) target[x] = at(target, x) - f * at(at(m, r), x);
      }
      r++;
    }
    return r;
  };
  const base = rank(equations);
  return unknowns.some((_, n) => {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[n] = 1;
    return rank([...equations, unit]) === base;
  });
}

describe('cell-key perturbation', () => {
  it('adds at most ±2, never below zero, leaves zero alone, and is the same every time', () => {
    fc.assert(
      fc.property(cellArb, (cell) => {
        const noise = noiseOf(cell);
        expect(Math.abs(noise)).toBeLessThanOrEqual(MAX_PERTURBATION);
        expect(perturbed(cell)).toBeGreaterThanOrEqual(0);
        if (cell.count === 0) expect(perturbed(cell)).toBe(0);
        expect(perturbed({ ...cell })).toBe(perturbed(cell));
      }),
    );
  });

  it('averages to no bias over many cells', () => {
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) sum += noiseOf({ count: 10 + (i % 50), keySum: (i * 2654435761) % 2 ** 31 });
    expect(Math.abs(sum / n)).toBeLessThan(0.05);
  });
});

describe('suppression', () => {
  it('publishes no cell or total under k, nor one whose true count is under k', () => {
    fc.assert(
      fc.property(tableArb, marginsArb, kArb, (raw, margins, k) => {
        const table = protectTable(raw, k, margins);
        for (const { cell, truth } of published(raw, table)) {
          if (cell.value === null) continue;
          expect(cell.value === 0 || cell.value >= k).toBe(true);
          expect(truth === 0 || truth >= k).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('publishes totals that are the sums of the cells (shown and hidden) and values that are the perturbed counts', () => {
    fc.assert(
      fc.property(tableArb, marginsArb, kArb, (raw, margins, k) => {
        const table = protectTable(raw, k, margins);
        for (const { cell, value } of published(raw, table))
          if (cell.value !== null) expect(cell.value).toBe(value);
        // Where nothing in a line is hidden, its shown cells add up to its shown total.
        table.rowTotals?.forEach((total, i) => {
          const row = at(table.cells, i);
          if (total.value !== null && row.every((c) => c.value !== null)) {
            expect(row.reduce((s, c) => s + (c.value ?? NaN), 0)).toBe(total.value);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never leaves a hidden cell that the totals give away', () => {
    fc.assert(
      fc.property(tableArb, fc.constantFrom<Margins>('columns', 'both'), kArb, (raw, margins, k) => {
        expect(recoverable(raw, protectTable(raw, k, margins))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('hides a second cell beside a lone small one (the attack on a column total)', () => {
    const of = (count: number, seed: number): RawCell => {
      const cell = emptyCell();
      for (let i = 0; i < count; i++) addTo(cell, (seed * 7919 + i * 104729) % 2 ** 31);
      return cell;
    };
    const raw = [[of(40, 1)], [of(2, 2)], [of(25, 3)], [of(31, 4)]];
    const table = protectTable(raw, 5, 'columns');
    const hidden = table.cells.filter((row) => at(row, 0).value === null).length;
    expect(at(table.cells, 1)[0]).toEqual({ value: null, suppressed: 'small' });
    expect(hidden + (at(table.colTotals ?? [], 0).value === null ? 1 : 0)).toBeGreaterThanOrEqual(2);
    // What the attacker would compute: total minus the shown cells is not the hidden value alone.
    expect(recoverable(raw, table)).toBe(false);
  });
});

describe('differencing attacks', () => {
  /** Women with random record keys; the attacker asks for a cell with and without one of them. */
  function world(seed: number, size: number) {
    let state = seed;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    return Array.from({ length: size }, () => Math.floor(random() * 2 ** 31));
  }
  const cellOf = (keys: readonly number[]) => {
    const cell = emptyCell();
    for (const key of keys) addTo(cell, key);
    return cell;
  };

  /** How often each difference is seen when the two universes differ by `m` women (a state added, a month more). */
  function differences(m: number, trials: number, seedBase: number): Map<number, number> {
    const seen = new Map<number, number>();
    for (let t = 0; t < trials; t++) {
      const keys = world(seedBase + t, 30 + m);
      const d = perturbed(cellOf(keys)) - perturbed(cellOf(keys.slice(0, 30)));
      seen.set(d, (seen.get(d) ?? 0) + 1 / trials);
    }
    return seen;
  }
  const overlap = (a: Map<number, number>, b: Map<number, number>) =>
    [...a].reduce((sum, [d, p]) => sum + Math.min(p, b.get(d) ?? 0), 0);

  it('two queries whose universes differ by one woman do not tell how many women differ', () => {
    const one = differences(1, 3_000, 1);
    const two = differences(2, 3_000, 50_000);
    const three = differences(3, 3_000, 90_000);
    // The attacker's reading (the difference) is right for one woman less than a third of the time…
    expect(one.get(1) ?? 0).toBeLessThan(0.34);
    expect(one.size).toBeGreaterThanOrEqual(5);
    // …and one, two or three women produce mostly the same differences.
    expect(overlap(one, two)).toBeGreaterThan(0.6);
    expect(overlap(two, three)).toBeGreaterThan(0.6);
  });

  it('asking the same question again gives the same answer, so averaging learns nothing', () => {
    const keys = world(7, 30);
    const first = perturbed(cellOf(keys));
    for (let i = 0; i < 20; i++) expect(perturbed(cellOf([...keys].reverse()))).toBe(first);
  });

  it('summing every other state to recover a hidden one misses it', () => {
    // 12 states; the target state holds 2 women (hidden). The attacker publishes the total and the 11 others.
    let hits = 0;
    const trials = 500;
    for (let t = 0; t < trials; t++) {
      const keys = world(9_000 + t, 2 + 11 * 20);
      const target = cellOf(keys.slice(0, 2));
      const others = Array.from({ length: 11 }, (_, s) => cellOf(keys.slice(2 + s * 20, 22 + s * 20)));
      const total = cellOf(keys);
      const estimate = perturbed(total) - others.reduce((s, c) => s + perturbed(c), 0);
      if (estimate === target.count) hits++;
    }
    expect(hits / trials).toBeLessThan(0.34);
  });
});

describe('quartiles', () => {
  it('are published only over enough observations', () => {
    expect(quartiles([1, 2, 3], 5)).toBeNull();
    expect(quartiles([5, 1, 4, 2, 3, 9, 8, 7, 6, 10], 5)).toEqual({ q1: 3, median: 5, q3: 8 });
  });

  it('from a histogram are those of the values it counts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 200 }), kArb, (values, k) => {
        const histogram = new Map<number, number>();
        for (const v of values) histogram.set(v, (histogram.get(v) ?? 0) + 1);
        expect(quartilesOfHistogram(histogram, k)).toEqual(quartiles(values, k));
      }),
    );
  });
});
