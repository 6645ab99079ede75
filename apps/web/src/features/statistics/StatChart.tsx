/**
 * A horizontal bar chart of the published values of one table (ECharts,
 * SVG). Loaded on demand (React.lazy) so the app's main bundle does not carry
 * ECharts. The chart repeats the table beside it: it is one image with a
 * short name for screen readers, and hidden cells are simply not drawn.
 */
import { useEffect, useRef } from 'react';
import { init, use as registerModules, type ComposeOption, type EChartsType } from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { chartHeight } from './chartSize';

// Only what a bar chart needs: the rest of ECharts stays out of the bundle.
registerModules([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption
>;

/** The page's font list (styles.css). */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
/** Colours that keep 4.5:1 against white and differ for colour-blind readers (with the decal patterns). */
const PALETTE = ['#115e59', '#b45309', '#6d28d9', '#be123c', '#0369a1', '#4d7c0f', '#334155', '#a16207'];

export interface StatChartProps {
  /** The chart's name for screen readers. */
  label: string;
  /** One name per bar group (the table's rows). */
  categories: readonly string[];
  /** One series per column; its values null where the cell is hidden. */
  series: readonly { name: string; values: readonly (number | null)[] }[];
  formatNumber: (value: number) => string;
}

function optionOf(props: StatChartProps, reducedMotion: boolean): ChartOption {
  const legend = props.series.length > 1;
  return {
    animation: !reducedMotion,
    color: PALETTE,
    aria: { enabled: true, label: { description: props.label }, decal: { show: legend } },
    // A real font list (as the page's), not 'inherit': ECharts measures labels with it to fit them.
    textStyle: { fontFamily: FONT, color: '#0f172a' },
    // The grid's box holds the axis labels too (ECharts 6's successor of `containLabel`).
    grid: {
      left: 8,
      right: 24,
      top: legend ? 40 : 12,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    // One line of legend, paged when it does not fit (a narrow phone), so it never covers the bars.
    legend: legend ? { show: true, top: 0, type: 'scroll', textStyle: { fontSize: 12 } } : { show: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => (typeof value === 'number' ? props.formatNumber(value) : '—'),
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { formatter: (value: number) => props.formatNumber(value), hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...props.categories],
      axisLabel: { width: 120, overflow: 'truncate', fontSize: 12 },
    },
    series: props.series.map((s) => ({
      type: 'bar',
      name: s.name,
      // A hidden cell is no bar at all (null), never a zero.
      data: s.values.map((v) => (v === null ? '-' : v)),
      barMaxWidth: 28,
      emphasis: { focus: 'series' },
    })),
  };
}

export default function StatChart({ label, categories, series, formatNumber }: StatChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const height = chartHeight(categories.length, series.length);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    chart.current?.setOption(optionOf({ label, categories, series, formatNumber }, reduced), {
      notMerge: true,
    });
    chart.current?.resize();
  }, [label, categories, series, formatNumber]);

  return <div ref={container} className="w-full min-w-0" style={{ height }} />;
}
