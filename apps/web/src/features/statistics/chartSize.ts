/** How tall a bar chart is drawn: room for every bar of every row, and for the legend of a cross table. */
const ROW_HEIGHT = 22;

export function chartHeight(rows: number, seriesCount: number): number {
  const perRow = ROW_HEIGHT * Math.max(1, seriesCount) * 0.6 + 14;
  return Math.max(160, Math.round(rows * perRow + (seriesCount > 1 ? 72 : 40)));
}
