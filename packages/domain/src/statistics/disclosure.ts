/**
 * Statistical disclosure control (decision 0012). Three layers, each applied
 * by software, never left to the person publishing:
 *
 * 1. Cell-key perturbation (the method of the Australian Bureau of
 *    Statistics' TableBuilder): every counted case carries a permanent random
 *    record key; a cell's key is the sum of its contributors' keys modulo
 *    2^31, and its published value is its count plus a small noise in
 *    −2…+2 read from that key. The same contributors always give the same
 *    value (asking twice teaches nothing), and two queries whose universes
 *    differ by a few women differ by noise that hides the difference.
 * 2. Small cells: a cell whose true or published count is between 1 and
 *    k − 1 is suppressed (k default 5, never below 3). Zero stays zero.
 * 3. Complementary suppression: in additive tables the totals are the sums
 *    of the published cells; more cells are suppressed until no suppressed
 *    value can be worked out from the row and column totals. A suppressed
 *    cell is recoverable exactly when it is a bridge of the graph whose
 *    vertices are the table's lines with a published total and whose edges
 *    are the suppressed cells; cells are added along the cheapest path until
 *    no bridge is left.
 */

export const DEFAULT_K = 5;
export const MIN_K = 3;
export const MAX_K = 50;
/** The largest noise the perturbation adds or takes away. */
export const MAX_PERTURBATION = 2;
/** Record keys are integers in [0, 2^31): they fit a 32-bit signed column in both databases. */
export const KEY_SPACE = 2 ** 31;

/** A filtered universe (the women counted) must hold at least this many cases, or nothing is shown. */
export const minUniverse = (k: number): number => 4 * k;
/** Quartiles of a duration are published only over at least this many observations. */
export const minObservations = (k: number): number => Math.max(10, 2 * k);

/** A new record key: uniform in [0, 2^31). */
export function newRecordKey(random: () => number = Math.random): number {
  return Math.floor(random() * KEY_SPACE);
}

/** A cell being counted: how many contributions and the sum of their record keys modulo 2^31. */
export interface RawCell {
  count: number;
  keySum: number;
}

export const emptyCell = (): RawCell => ({ count: 0, keySum: 0 });

/** Count one contribution of a record (a woman, a need of hers) into a cell. */
export function addTo(cell: RawCell, recordKey: number): void {
  cell.count += 1;
  cell.keySum = (cell.keySum + recordKey) % KEY_SPACE;
}

// Cumulative probabilities of −2, −1, 0, +1, +2: mean 0, variance 1.2.
const NOISE_CDF = [0.1, 0.3, 0.7, 0.9, 1];

/** The noise of a cell: a fixed function of its count and cell key. */
export function noiseOf(cell: RawCell): number {
  if (cell.count === 0) return 0;
  // Mix the count in so cells with equal keys but different counts draw differently.
  const mixed = Math.imul((cell.keySum ^ Math.imul(cell.count, 0x9e3779b1)) >>> 0, 0x85ebca6b) >>> 0;
  const u = ((mixed ^ (mixed >>> 13)) >>> 0) / 2 ** 32;
  const index = NOISE_CDF.findIndex((p) => u < p);
  return (index === -1 ? NOISE_CDF.length - 1 : index) - MAX_PERTURBATION;
}

/** The published value of a cell before suppression: its count plus its noise, never negative. */
export function perturbed(cell: RawCell): number {
  return Math.max(0, cell.count + noiseOf(cell));
}

/** Why a cell is not shown. */
export type SuppressionReason = 'small' | 'complementary' | 'dominance';

export interface ProtectedCell {
  /** The published value; null when suppressed. */
  value: number | null;
  suppressed: SuppressionReason | null;
}

/** Whether a count must be suppressed on its own (primary suppression). */
export function isSmall(trueCount: number, published: number, k: number): boolean {
  return (trueCount > 0 && trueCount < k) || (published > 0 && published < k);
}

/** The p of the p% rule, in percent. */
export const DOMINANCE_P = 10;

/**
 * Whether a cell made of these organizations' parts is dominated: the
 * remainder once the two largest are taken away is under p % of the largest.
 */
export function dominated(parts: readonly number[], p: number = DOMINANCE_P): boolean {
  let first = 0;
  let second = 0;
  let total = 0;
  for (const part of parts) {
    if (part <= 0) continue;
    total += part;
    if (part > first) {
      second = first;
      first = part;
    } else if (part > second) second = part;
  }
  if (first === 0) return false;
  return total - first - second < (p / 100) * first;
}

/** Which totals of a table are published (and so constrain its cells). */
export type Margins = 'none' | 'columns' | 'both';

export interface ProtectedTable {
  cells: ProtectedCell[][];
  /** Totals of each row (only with margins 'both'). */
  rowTotals: ProtectedCell[] | null;
  /** Totals of each column (margins 'columns' or 'both'). */
  colTotals: ProtectedCell[] | null;
  /** The grand total (margins 'both'; with 'columns' and one column, colTotals[0] is it). */
  total: ProtectedCell | null;
}

/** Each organization's part of every cell and of the totals (last row and column). */
function sharesGrid(
  shares: readonly (readonly (readonly number[])[])[],
  R: number,
  C: number,
): Grid<number[]> {
  const grid = new Grid<number[]>(R + 1, C + 1, []);
  shares.forEach((row, i) => {
    row.forEach((parts, j) => {
      for (const [a, b] of [
        [i, j],
        [i, C],
        [R, j],
        [R, C],
      ] as const) {
        const into = [...grid.get(a, b)];
        parts.forEach((part, o) => (into[o] = (into[o] ?? 0) + part));
        grid.set(a, b, into);
      }
    });
  });
  return grid;
}

interface Edge {
  a: number;
  b: number;
}

/** A rectangle of values addressed by row and column. */
class Grid<T> {
  private readonly values: T[];

  constructor(
    rows: number,
    private readonly cols: number,
    fill: T,
  ) {
    this.values = new Array<T>(rows * cols).fill(fill);
  }

  get(i: number, j: number): T {
    return this.values[i * this.cols + j] as T;
  }

  set(i: number, j: number, value: T): void {
    this.values[i * this.cols + j] = value;
  }

  add(i: number, j: number, value: number): void {
    (this.values as number[])[i * this.cols + j] = (this.get(i, j) as number) + value;
  }
}

/**
 * Publish a table of counted cells under the three rules. Totals are always
 * the sums of the published (perturbed) cells, so a table adds up.
 */
export function protectTable(
  raw: readonly (readonly RawCell[])[],
  k: number,
  margins: Margins,
  options: {
    perturb?: boolean;
    /** Network figures: each cell's true count by contributing organization; dominated cells and totals are hidden. */
    shares?: readonly (readonly (readonly number[])[])[];
  } = {},
): ProtectedTable {
  const perturb = options.perturb ?? true;
  const R = raw.length;
  const C = raw[0]?.length ?? 0;
  const rowsTotals = margins === 'both' && C > 1;
  const colsTotals = margins !== 'none' && R > 1;
  // Extended matrix: (R + 1) × (C + 1); the last row and column hold totals.
  const value = new Grid(R + 1, C + 1, 0);
  const truth = new Grid(R + 1, C + 1, 0);
  raw.forEach((row, i) => {
    row.forEach((cell, j) => {
      const v = perturb ? perturbed(cell) : cell.count;
      for (const [a, b] of [
        [i, j],
        [i, C],
        [R, j],
        [R, C],
      ] as const) {
        value.add(a, b, v);
        truth.add(a, b, cell.count);
      }
    });
  });
  const published = (i: number, j: number): boolean => {
    if (i < R && j < C) return true;
    if (i < R) return rowsTotals;
    if (j < C) return colsTotals;
    return rowsTotals && colsTotals;
  };
  // Graph vertices: 0 = ground (lines without a published total), 1..R+1 rows, R+2.. columns.
  const rowHasTotal = (i: number) => (i < R ? rowsTotals : rowsTotals && colsTotals);
  const colHasTotal = (j: number) => (j < C ? colsTotals : rowsTotals && colsTotals);
  const rowVertex = (i: number) => (rowHasTotal(i) ? 1 + i : 0);
  const colVertex = (j: number) => (colHasTotal(j) ? R + 2 + j : 0);
  const vertexCount = R + C + 3;
  const suppressed = new Grid<SuppressionReason | null>(R + 1, C + 1, null);
  const everyCell = (fn: (i: number, j: number) => void) => {
    for (let i = 0; i <= R; i++) for (let j = 0; j <= C; j++) if (published(i, j)) fn(i, j);
  };
  const parts = options.shares ? sharesGrid(options.shares, R, C) : null;
  everyCell((i, j) => {
    if (isSmall(truth.get(i, j), value.get(i, j), k)) suppressed.set(i, j, 'small');
    else if (parts && dominated(parts.get(i, j))) suppressed.set(i, j, 'dominance');
  });
  const hideAll = () =>
    everyCell((i, j) => {
      if (!suppressed.get(i, j)) suppressed.set(i, j, 'complementary');
    });
  if (margins !== 'none') {
    // A cell costs its value to suppress; totals dearer; zeros last (readers may know them).
    const cost = (i: number, j: number) => {
      const v = value.get(i, j);
      return v === 0 ? 1e9 : v + (i === R || j === C ? 1e6 : 0);
    };
    for (;;) {
      const edges: Edge[] = [];
      const cells: [number, number][] = [];
      everyCell((i, j) => {
        if (!suppressed.get(i, j)) return;
        edges.push({ a: rowVertex(i), b: colVertex(j) });
        cells.push([i, j]);
      });
      const bridge = cells[findBridge(vertexCount, edges)];
      if (!bridge) break;
      const [bi, bj] = bridge;
      const path = cheapestPath(vertexCount, rowVertex(bi), colVertex(bj), bi, bj, {
        R,
        C,
        published,
        suppressed: (i, j) => suppressed.get(i, j) !== null,
        rowVertex,
        colVertex,
        cost,
      });
      const added = path.filter(([i, j]) => suppressed.get(i, j) === null);
      if (!added.length) {
        // Nothing can hide it (or the graph code erred): hide the whole table rather than publish a recoverable value.
        hideAll();
        break;
      }
      for (const [i, j] of added) suppressed.set(i, j, 'complementary');
    }
  }
  const out = (i: number, j: number): ProtectedCell => {
    const reason = suppressed.get(i, j);
    return reason ? { value: null, suppressed: reason } : { value: value.get(i, j), suppressed: null };
  };
  const cells: ProtectedCell[][] = [];
  for (let i = 0; i < R; i++) cells.push(Array.from({ length: C }, (_, j) => out(i, j)));
  return {
    cells,
    rowTotals: rowsTotals ? Array.from({ length: R }, (_, i) => out(i, C)) : null,
    colTotals: colsTotals ? Array.from({ length: C }, (_, j) => out(R, j)) : null,
    total: rowsTotals && colsTotals ? out(R, C) : null,
  };
}

/** The index of an edge that lies on no cycle (multigraph; self-loops are cycles), or −1. */
export function findBridge(vertexCount: number, edges: readonly Edge[]): number {
  const adjacency: { to: number; edge: number }[][] = Array.from({ length: vertexCount }, () => []);
  edges.forEach((e, index) => {
    adjacency[e.a]?.push({ to: e.b, edge: index });
    if (e.a !== e.b) adjacency[e.b]?.push({ to: e.a, edge: index });
  });
  const order = new Array<number>(vertexCount).fill(-1);
  const low = new Array<number>(vertexCount).fill(0);
  const at = (list: number[], i: number) => list[i] ?? -1;
  let counter = 0;
  let found = -1;
  const visit = (v: number, viaEdge: number) => {
    order[v] = low[v] = counter++;
    for (const { to, edge } of adjacency[v] ?? []) {
      if (edge === viaEdge) continue;
      if (at(order, to) === -1) {
        visit(to, edge);
        low[v] = Math.min(at(low, v), at(low, to));
        if (at(low, to) > at(order, v) && found === -1) found = edge;
      } else {
        low[v] = Math.min(at(low, v), at(order, to));
      }
    }
  };
  for (let v = 0; v < vertexCount; v++) if (at(order, v) === -1) visit(v, -1);
  return found;
}

interface PathContext {
  R: number;
  C: number;
  published: (i: number, j: number) => boolean;
  suppressed: (i: number, j: number) => boolean;
  rowVertex: (i: number) => number;
  colVertex: (j: number) => number;
  cost: (i: number, j: number) => number;
}

/**
 * The cheapest set of cells joining two vertices without the bridge itself
 * (Dijkstra; already suppressed cells cost nothing): suppressing them puts
 * the bridge on a cycle.
 */
function cheapestPath(
  vertexCount: number,
  from: number,
  to: number,
  bi: number,
  bj: number,
  ctx: PathContext,
): [number, number][] {
  const adjacency: { to: number; i: number; j: number; cost: number }[][] = Array.from(
    { length: vertexCount },
    () => [],
  );
  for (let i = 0; i <= ctx.R; i++) {
    for (let j = 0; j <= ctx.C; j++) {
      if (!ctx.published(i, j) || (i === bi && j === bj)) continue;
      const a = ctx.rowVertex(i);
      const b = ctx.colVertex(j);
      const cost = ctx.suppressed(i, j) ? 0 : ctx.cost(i, j);
      adjacency[a]?.push({ to: b, i, j, cost });
      if (a !== b) adjacency[b]?.push({ to: a, i, j, cost });
    }
  }
  const distance = new Array<number>(vertexCount).fill(Infinity);
  const previous = new Map<number, { from: number; i: number; j: number }>();
  const done = new Set<number>();
  const dist = (v: number) => distance[v] ?? Infinity;
  distance[from] = 0;
  for (;;) {
    let v = -1;
    for (let u = 0; u < vertexCount; u++) if (!done.has(u) && (v === -1 || dist(u) < dist(v))) v = u;
    if (v === -1 || dist(v) === Infinity) return [];
    if (v === to) break;
    done.add(v);
    for (const e of adjacency[v] ?? []) {
      const d = dist(v) + e.cost;
      if (d < dist(e.to)) {
        distance[e.to] = d;
        previous.set(e.to, { from: v, i: e.i, j: e.j });
      }
    }
  }
  const path: [number, number][] = [];
  for (let v = to; v !== from;) {
    const step = previous.get(v);
    if (!step) return [];
    path.push([step.i, step.j]);
    v = step.from;
  }
  return path;
}

/** Quartiles by the nearest-rank method; null below the minimum number of observations. */
export function quartiles(
  values: readonly number[],
  k: number,
): { q1: number; median: number; q3: number } | null {
  if (values.length < minObservations(k)) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return { q1: rank(0.25), median: rank(0.5), q3: rank(0.75) };
}

/** Quartiles of values given as a histogram (value → how many), by the same nearest-rank method. */
export function quartilesOfHistogram(
  histogram: ReadonlyMap<number, number>,
  k: number,
): { q1: number; median: number; q3: number } | null {
  const values = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((sum, [, n]) => sum + n, 0);
  if (total < minObservations(k)) return null;
  const rank = (p: number) => {
    const target = Math.max(1, Math.ceil(p * total));
    let seen = 0;
    for (const [value, n] of values) {
      seen += n;
      if (seen >= target) return value;
    }
    return values.at(-1)?.[0] ?? 0;
  };
  return { q1: rank(0.25), median: rank(0.5), q3: rank(0.75) };
}
