// The digest's chart, in the reader's language: a header with the month's wins against target,
// then panels side by side (open pipeline by stage; each rep's wins against target), rendered on
// the server (ECharts SVG SSR → resvg PNG) with a CJK font cut down to the chart's characters.
import fs from 'node:fs/promises';
import path from 'node:path';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { OPEN_STAGES } from '../../src/domain/deals.js';
import { formatAmount, type Locale } from '../../src/i18n/index.js';
import { CHART_FONT_FAMILY, renderSvgPng } from './chart-font.js';
import { COLORS, pipelinePanel, repsPanel, type Panel } from './chart-panels.js';
import type { DailyFigures } from './figures.js';
import { dt } from './messages.js';
import { dailyTitle, mtdLine } from './render.js';

export const CHART_SIZE = { width: 960, height: 540 };
const PANEL_TOP = 84, GRID_TOP = 118, GRID_BOTTOM = 20;

/** "本月赢单 57万 / 目标 300万 (19%) · 在手 87个 · 3210万（加权 958万）" */
function headline(f: DailyFigures, locale: Locale): string {
  const open = OPEN_STAGES.reduce((a, s) => ({ count: a.count + f.pipeline[s].count, amount: a.amount + f.pipeline[s].amount, weighted: a.weighted + f.pipeline[s].weighted }), { count: 0, amount: 0, weighted: 0 });
  const amounts = { count: open.count, amount: formatAmount(open.amount, locale), weighted: formatAmount(open.weighted, locale) };
  return `${mtdLine(f.mtdWon, f.target, locale)}  ·  ${dt(locale, 'digest.chart.open', amounts)}`;
}

/** Panels side by side: grid i, its axes and series on index i, its title above it. */
function compose(panels: Panel[]): EChartsOption {
  return {
    title: panels.map((p) => ({ text: p.title, left: p.box.left - 86, top: PANEL_TOP, textStyle: { fontSize: 15, color: COLORS.text } })),
    grid: panels.map((p) => ({ left: p.box.left, width: p.box.width, top: GRID_TOP, bottom: GRID_BOTTOM })),
    xAxis: panels.map((p, i) => ({ type: 'value', gridIndex: i, max: p.max, show: false })),
    yAxis: panels.map((p, i) => ({ ...p.yAxis, gridIndex: i }) as NonNullable<EChartsOption['yAxis']>),
    series: panels.flatMap((p, i) => p.series.map((s) => ({ ...s, xAxisIndex: i, yAxisIndex: i }))),
  } as EChartsOption;
}

export function chartOption(f: DailyFigures, locale: Locale): EChartsOption {
  const panels = [pipelinePanel(f, locale), repsPanel(f, locale)];
  const body = compose(panels);
  const legend = ['digest.chart.amount', 'digest.chart.weighted', 'digest.chart.won', 'digest.chart.target'] as const;
  return {
    ...body,
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: [
      { text: dailyTitle(f, locale), left: 24, top: 16, textStyle: { fontSize: 22, color: '#111827' } },
      { text: headline(f, locale), left: 24, top: 50, textStyle: { fontSize: 14, fontWeight: 'normal', color: COLORS.muted } },
      ...(body.title as object[]),
    ],
    legend: { data: legend.map((k) => dt(locale, k)), right: 24, top: 20, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 13, color: COLORS.text } },
    // A hairline between the panels.
    graphic: [{ type: 'line', shape: { x1: 468, y1: PANEL_TOP, x2: 468, y2: CHART_SIZE.height - GRID_BOTTOM }, style: { stroke: COLORS.track, lineWidth: 1 } }],
  };
}

export function chartSvg(f: DailyFigures, locale: Locale): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    chart.setOption(chartOption(f, locale));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function renderChartPng(f: DailyFigures, locale: Locale): Buffer {
  return renderSvgPng(chartSvg(f, locale));
}

/** Writes the chart under `dir` as <key>.png (same key, same file: a re-run overwrites it). */
export async function writeChart(f: DailyFigures, locale: Locale, dir: string, key: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.resolve(dir, `${key.replace(/[^A-Za-z0-9_-]+/g, '-')}.png`);
  await fs.writeFile(file, renderChartPng(f, locale));
  return file;
}
