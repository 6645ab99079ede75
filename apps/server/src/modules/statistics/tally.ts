/**
 * Counting cells while the facts are read, then publishing them as tables
 * under the disclosure rules (domain statistics/disclosure.ts): only the
 * published values leave this file.
 */
import {
  KEY_SPACE,
  OTHER_CATEGORY,
  addTo,
  dominated,
  emptyCell,
  isSmall,
  perturbed,
  protectTable,
  type Margins,
  type RawCell,
  type StatCellView,
  type StatDimension,
  type StatSection,
  type StatTableId,
  type StatTableView,
} from '@senda/domain';

/** A table being counted: rows (and columns) by code, created as they are met. */
export class Tally {
  private readonly cells = new Map<string, Map<string, RawCell>>();

  constructor(
    readonly rows: readonly string[] = [],
    readonly cols: readonly string[] = ['count'],
  ) {}

  /** Count one contribution (or `times` of them) of a record into a cell. */
  add(row: string, recordKey: number, col = 'count', times = 1): void {
    let byCol = this.cells.get(row);
    if (!byCol) {
      byCol = new Map();
      this.cells.set(row, byCol);
    }
    let cell = byCol.get(col);
    if (!cell) {
      cell = emptyCell();
      byCol.set(col, cell);
    }
    for (let i = 0; i < times; i++) addTo(cell, recordKey);
  }

  cell(row: string, col = 'count'): RawCell {
    return this.cells.get(row)?.get(col) ?? emptyCell();
  }

  /** True count of a row over every column. */
  rowCount(row: string): number {
    let n = 0;
    for (const cell of this.cells.get(row)?.values() ?? []) n += cell.count;
    return n;
  }

  /** Rows met while counting, largest first, with `other` and `unknown` last. */
  seenRows(): string[] {
    const last = (code: string) => (code === OTHER_CATEGORY ? 2 : code === 'unknown' ? 1 : 0);
    return [...this.cells.keys()].sort(
      (a, b) => last(a) - last(b) || this.rowCount(b) - this.rowCount(a) || a.localeCompare(b),
    );
  }

  /**
   * Rows too small to name (true count under k) gathered into `other`: a
   * nationality or language few women share is not named at all.
   */
  collapsed(k: number): { tally: Tally; rowOf: (code: string) => string } {
    const small = new Set(
      [...this.cells.keys()].filter((row) => row !== 'unknown' && this.rowCount(row) < k),
    );
    const rowOf = (code: string) => (small.has(code) ? OTHER_CATEGORY : code);
    const tally = new Tally([], this.cols);
    for (const [row, byCol] of this.cells)
      for (const [col, cell] of byCol) tally.merge(rowOf(row), col, cell);
    return { tally, rowOf };
  }

  /** Every counted cell: row, column and the cell. */
  *entries(): Generator<[string, string, RawCell]> {
    for (const [row, byCol] of this.cells) for (const [col, cell] of byCol) yield [row, col, cell];
  }

  /** Add a counted cell (its contributions and key sum) into a cell of this tally. */
  merge(row: string, col: string, cell: RawCell): void {
    this.add(row, 0, col, 0);
    const into = this.cells.get(row)?.get(col);
    if (!into) return;
    into.count += cell.count;
    into.keySum = (into.keySum + cell.keySum) % KEY_SPACE;
  }
}

export interface TableSpec {
  id: StatTableId;
  section: StatSection;
  rowDimension: StatDimension;
  colDimension?: StatDimension;
  /** 'columns' for a column of counts with its total, 'both' for a cross table, 'none' when a woman may be in several rows. */
  margins: Margins;
  ofServed?: boolean;
  /** Rows to show even when empty (a fixed list); otherwise the rows met. */
  rows?: readonly string[];
}

/** The rows a table shows: its fixed list, or the rows met. */
export const rowsOf = (spec: TableSpec, tally: Tally): string[] =>
  spec.rows ? [...spec.rows] : tally.seenRows();

/**
 * Publish a tally as a table. Network figures pass each cell's parts by
 * organization (rows × columns × organizations), and dominated cells are hidden too.
 */
export function publishTable(
  spec: TableSpec,
  tally: Tally,
  k: number,
  shares?: readonly (readonly (readonly number[])[])[],
): StatTableView {
  const rows = rowsOf(spec, tally);
  const cols = [...tally.cols];
  const raw = rows.map((row) => cols.map((col) => tally.cell(row, col)));
  const table = protectTable(raw, k, spec.margins, shares ? { shares } : {});
  return {
    id: spec.id,
    section: spec.section,
    rowDimension: spec.rowDimension,
    colDimension: spec.colDimension ?? null,
    rows,
    cols: spec.colDimension ? cols : [],
    additive: spec.margins !== 'none',
    cells: table.cells,
    rowTotals: table.rowTotals,
    colTotals: table.colTotals,
    total: table.total,
    ofServed: spec.ofServed ?? false,
  };
}

/** Publish one count on its own: perturbed, suppressed when small (or, given its parts by organization, dominated). */
export function publishCell(cell: RawCell, k: number, parts?: readonly number[]): StatCellView {
  const value = perturbed(cell);
  if (isSmall(cell.count, value, k)) return { value: null, suppressed: 'small' };
  if (parts && dominated(parts)) return { value: null, suppressed: 'dominance' };
  return { value, suppressed: null };
}
