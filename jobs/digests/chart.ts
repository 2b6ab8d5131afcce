// The digest's chart: open pipeline by stage (a funnel of bars) and each rep's month-to-date
// wins against target, rendered on the server (ECharts SVG SSR → resvg PNG).
// Labels are English stage names, pinyin rep names and ASCII amounts: no CJK font is installed
// on a typical server (and none is downloaded), and resvg would draw Chinese as empty boxes.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { pinyin } from 'pinyin-pro';
import { OPEN_STAGES } from '../../src/domain/deals.js';
import { formatAmount } from '../../src/i18n/index.js';
import type { DailyFigures } from './figures.js';

export const CHART_SIZE = { width: 960, height: 540 };
const STAGE_LABELS: Record<string, string> = { lead: 'Lead', qualified: 'Qualified', proposal: 'Proposal', negotiation: 'Negotiation' };

/** "张伟" → "Zhang Wei"; Latin names stay as they are. */
export function latinName(name: string): string {
  return pinyin(name, { toneType: 'none', nonZh: 'consecutive', type: 'array' })
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ').replace(/\s+/g, ' ').trim();
}

const amount = (n: number) => formatAmount(n, 'en');

function option(f: DailyFigures): echarts.EChartsCoreOption {
  const stages = [...OPEN_STAGES].reverse();
  // Category axes run bottom-up: reverse both so the funnel and the rep list read top-down.
  const repRows = [...f.reps].reverse();
  const reps = repRows.map((r) => latinName(r.name));
  const label = { show: true, position: 'right', formatter: (p: { value: number }) => amount(p.value), fontSize: 11 };
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: 'DejaVu Sans, Liberation Sans, sans-serif' },
    title: [
      { text: `Open pipeline by stage  ${f.date}`, left: '3%', top: 8, textStyle: { fontSize: 15 } },
      { text: 'Month to date: won vs target', left: '53%', top: 8, textStyle: { fontSize: 15 } },
    ],
    legend: { data: ['Amount', 'Weighted', 'Won', 'Target'], bottom: 6 },
    grid: [{ left: '12%', width: '32%', top: 50, bottom: 50 }, { left: '64%', width: '30%', top: 50, bottom: 50 }],
    xAxis: [
      { type: 'value', gridIndex: 0, axisLabel: { formatter: amount, fontSize: 10 } },
      { type: 'value', gridIndex: 1, axisLabel: { formatter: amount, fontSize: 10 } },
    ],
    yAxis: [
      { type: 'category', gridIndex: 0, data: stages.map((s) => `${STAGE_LABELS[s]} (${f.pipeline[s].count})`) },
      { type: 'category', gridIndex: 1, data: reps },
    ],
    series: [
      { name: 'Amount', type: 'bar', xAxisIndex: 0, yAxisIndex: 0, data: stages.map((s) => f.pipeline[s].amount), label },
      { name: 'Weighted', type: 'bar', xAxisIndex: 0, yAxisIndex: 0, data: stages.map((s) => f.pipeline[s].weighted) },
      { name: 'Won', type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: repRows.map((r) => r.mtdWon), label },
      { name: 'Target', type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: repRows.map((r) => r.target ?? 0) },
    ],
  };
}

// Scanning every system font costs a third of a chart's rendering (issue #6: 100 teams' charts,
// resvg 84 → 50 ms each); DejaVu Sans, regular and bold, is all the chart draws with. Where it
// is not at Debian's path, the system fonts as before.
const DEJAVU = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => path.join('/usr/share/fonts/truetype/dejavu', f));
let fontOptions: ResvgRenderOptions['font'] | undefined;

function fonts(): ResvgRenderOptions['font'] {
  const family = { defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
  fontOptions ??= DEJAVU.every((f) => existsSync(f)) ? { loadSystemFonts: false, fontFiles: DEJAVU, ...family } : { loadSystemFonts: true, ...family };
  return fontOptions;
}

export function renderChartPng(f: DailyFigures): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    chart.setOption(option(f));
    const svg = chart.renderToSVGString();
    return new Resvg(svg, { font: fonts(), fitTo: { mode: 'original' } }).render().asPng();
  } finally {
    chart.dispose();
  }
}

/** Writes the chart under `dir` as <key>.png (same key, same file: a re-run overwrites it). */
export async function writeChart(f: DailyFigures, dir: string, key: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.resolve(dir, `${key.replace(/[^A-Za-z0-9_-]+/g, '-')}.png`);
  await fs.writeFile(file, renderChartPng(f));
  return file;
}
