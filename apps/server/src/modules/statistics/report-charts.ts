/**
 * Bar charts of the brief, drawn by ECharts on the server as SVG strings
 * (no canvas, no DOM) for pdfmake to embed. Only published values are drawn:
 * a hidden cell is no bar at all, never a zero. The SVG holds paths and text
 * only (no image, no link), so embedding it fetches nothing.
 */
import { init, use as registerModules, type ComposeOption } from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  type GridComponentOption,
  type LegendComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { StatCellView, StatTableView } from '@senda/domain';
import type { Labeller } from './export.js';

registerModules([BarChart, GridComponent, LegendComponent, SVGRenderer]);

type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption>;

/** The web page's palette (StatChart.tsx): 4.5:1 against white. */
const PALETTE = ['#115e59', '#b45309', '#6d28d9', '#be123c', '#0369a1', '#4d7c0f', '#334155', '#a16207'];
/** Points of the page's text column (A4 less its margins). */
export const CHART_WIDTH = 515;

export interface BarChartData {
  /** One name per bar group (the table's rows). */
  categories: readonly string[];
  /** One series per column; null where the cell is hidden. */
  series: readonly { name: string; values: readonly (number | null)[] }[];
}

/** The published value of a cell, or null when hidden. */
const published = (cell: StatCellView | undefined): number | null =>
  cell && cell.suppressed === null ? cell.value : null;

/** The bars of a table: its rows, one series per column, hidden cells left out. */
export function chartDataOf(table: StatTableView, label: Labeller): BarChartData {
  const cols = table.cols.length ? table.cols : ['count'];
  return {
    categories: table.rows.map((row) => label(table.rowDimension, row)),
    series: cols.map((col, j) => ({
      name: table.colDimension ? label(table.colDimension, col) : label('column', col),
      values: table.rows.map((_, i) => published(table.cells[i]?.[j])),
    })),
  };
}

/** Whether a chart would show anything: at least one published value above zero. */
export const hasBars = (data: BarChartData): boolean =>
  data.series.some((s) => s.values.some((v) => v !== null && v > 0));

/** The tallest chart: it must fit on one page (an SVG is never split), so bars of big tables get thinner. */
export const MAX_CHART_HEIGHT = 560;

/** Height in points: room for every bar of every row, and a legend for several series; at most a page. */
export function chartHeightOf(data: BarChartData): number {
  const perRow = 13 * Math.max(1, data.series.length) * 0.6 + 10;
  const wanted = Math.round(data.categories.length * perRow + (data.series.length > 1 ? 56 : 32));
  return Math.min(MAX_CHART_HEIGHT, Math.max(110, wanted));
}

/** The chart as an SVG string, or null when it would draw no bar. */
export function barChartSvg(data: BarChartData, formatNumber: (value: number) => string): string | null {
  if (!hasBars(data)) return null;
  const legend = data.series.length > 1;
  const height = chartHeightOf(data);
  const option: ChartOption = {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: 'Roboto', color: '#0f172a', fontSize: 9 },
    grid: {
      left: 4,
      right: 24,
      top: legend ? 32 : 8,
      bottom: 4,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    legend: legend
      ? { show: true, top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 8 } }
      : { show: false },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { formatter: (value: number) => formatNumber(value), hideOverlap: true, fontSize: 8 },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...data.categories],
      axisLabel: { width: 150, overflow: 'truncate', fontSize: 8 },
    },
    series: data.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values.map((v) => (v === null ? '-' : v)),
      barMaxWidth: 14,
    })),
  };
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
