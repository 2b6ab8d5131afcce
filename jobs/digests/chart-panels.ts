// The digest chart's panels, each a grid with its axes, series and title, in the reader's
// language. chart.ts lays them side by side; another view (e.g. attainment per rep) is one more
// function returning a Panel.
import type { BarSeriesOption, PictorialBarSeriesOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import { OPEN_STAGES } from '../../src/domain/deals.js';
import { formatAmount, formatPercent, t, type Locale } from '../../src/i18n/index.js';
import type { DailyFigures, RepDay } from './figures.js';
import { dt } from './messages.js';

export interface Panel {
  title: string;
  /** Where the plot area sits, in pixels; axis labels go to its left. */
  box: { left: number; width: number };
  yAxis: YAXisComponentOption;
  /** The value axis' upper end: the largest value plus room for the value labels. */
  max: number;
  series: (BarSeriesOption | PictorialBarSeriesOption)[];
}

export const COLORS = { amount: '#2563eb', weighted: '#93b4f5', won: '#6366f1', met: '#16a34a', track: '#e5e7eb', target: '#ea580c', text: '#374151', muted: '#6b7280' };

const money = (n: number, locale: Locale) => formatAmount(n, locale);
const valueLabel = (locale: Locale, color = COLORS.text) =>
  ({ show: true, position: 'right', color, fontSize: 12, formatter: (p: { value: unknown }) => money(Number(p.value), locale) }) as const;

/** Open deals by stage, top-down as a funnel: amount and weighted amount, each labelled. */
export function pipelinePanel(f: DailyFigures, locale: Locale): Panel {
  // Category axes run bottom-up: reversed, the funnel reads top-down.
  const stages = [...OPEN_STAGES].reverse();
  const cells = stages.map((s) => f.pipeline[s]);
  const bar = { type: 'bar', barMaxWidth: 26, barGap: '25%' } as const;
  return {
    title: dt(locale, 'digest.chart.pipeline'),
    box: { left: 110, width: 300 },
    yAxis: {
      type: 'category', data: stages.map((s, i) => `{stage|${t(locale, `stage.${s}`)}}\n{count|${dt(locale, 'digest.chart.deals', { count: cells[i]!.count })}}`),
      axisTick: { show: false }, axisLine: { lineStyle: { color: COLORS.track } },
      axisLabel: { rich: { stage: { fontSize: 14, color: COLORS.text, lineHeight: 20 }, count: { fontSize: 12, color: COLORS.muted } } },
    },
    max: Math.max(1, ...cells.map((c) => c.amount)) * 1.3,
    series: [
      { ...bar, name: dt(locale, 'digest.chart.amount'), data: cells.map((c) => c.amount), itemStyle: { color: COLORS.amount }, label: valueLabel(locale) },
      { ...bar, name: dt(locale, 'digest.chart.weighted'), data: cells.map((c) => c.weighted), itemStyle: { color: COLORS.weighted }, label: valueLabel(locale, COLORS.muted) },
    ],
  };
}

/** "80万 / 150万 (53.3%)" — attainment against target (issue #15) — at the end of whichever is longer: the won bar or the target track. */
function repLabel(r: RepDay, locale: Locale) {
  const target = r.target === null ? dt(locale, 'digest.noTarget') : money(r.target, locale);
  const pct = r.target ? ` (${formatPercent(r.mtdWon / r.target)})` : '';
  return { show: true, position: 'right', color: COLORS.text, fontSize: 12, formatter: `${money(r.mtdWon, locale)} / ${target}${pct}` } as const;
}

/** Each rep's month-to-date wins over a track as long as their target, the target marked. */
export function repsPanel(f: DailyFigures, locale: Locale): Panel {
  const reps = [...f.reps].reverse();
  const barWidth = Math.max(6, Math.min(22, Math.floor(360 / Math.max(1, reps.length)) - 8));
  const wonOnTop = (r: RepDay) => r.target === null || r.mtdWon >= r.target;
  const met = (r: RepDay) => r.target !== null && r.target > 0 && r.mtdWon >= r.target;
  return {
    title: dt(locale, 'digest.chart.reps'),
    box: { left: 580, width: 250 },
    yAxis: {
      type: 'category', data: reps.map((r) => r.name), axisTick: { show: false }, axisLine: { lineStyle: { color: COLORS.track } },
      axisLabel: { fontSize: 13, color: COLORS.text, width: 84, overflow: 'truncate' },
    },
    max: Math.max(1, ...reps.map((r) => Math.max(r.mtdWon, r.target ?? 0))) * 1.5,
    series: [
      {
        // The track: unnamed, so the legend's target is the tick below.
        type: 'bar', barWidth, silent: true, itemStyle: { color: COLORS.track },
        data: reps.map((r) => ({ value: r.target ?? 0, label: wonOnTop(r) ? { show: false } : repLabel(r, locale) })),
      },
      {
        type: 'bar', name: dt(locale, 'digest.chart.won'), barWidth, barGap: '-100%',
        data: reps.map((r) => ({ value: r.mtdWon, itemStyle: { color: met(r) ? COLORS.met : COLORS.won }, label: wonOnTop(r) ? repLabel(r, locale) : { show: false } })),
      },
      {
        // The target as a tick across the row (a rep without one has none).
        type: 'pictorialBar', name: dt(locale, 'digest.chart.target'), symbol: 'rect', symbolSize: [3, barWidth + 8], symbolPosition: 'end',
        itemStyle: { color: COLORS.target }, z: 5, data: reps.map((r) => (r.target === null ? '-' : r.target)),
      },
    ],
  };
}
