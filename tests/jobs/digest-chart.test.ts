// The digest chart in the reader's language (issue #13.5): the SVG carries the Chinese labels
// in the CJK font, resvg draws real glyphs with the per-chart font subset (not empty boxes), and
// an English reader gets English labels. No database: the figures are made here.
import { describe, expect, it } from 'vitest';
import { CHART_SIZE, chartSvg, renderChartPng } from '../../jobs/digests/chart.js';
import { CHART_FONT_FAMILY, renderSvgPng, subsetFont } from '../../jobs/digests/chart-font.js';
import type { DailyFigures } from '../../jobs/digests/figures.js';
import { formatAmount } from '../../src/i18n/index.js';

const rep = (userId: string, name: string, mtdWon: number, target: number | null) => ({
  userId, name, mtdWon, target, activities: 2, newCustomers: 0, newDeals: 1, stageMoves: 1, wonAmount: 0, wonCount: 0, overdue: 1, open: { count: 3, amount: 900_000, weighted: 300_000 },
});

const figures: DailyFigures = {
  team: { tenantId: 'demo', teamId: 't1', teamName: '华东销售一组', timeZone: 'Asia/Shanghai', members: [] },
  date: '2026-11-20', asOf: new Date('2026-11-20T10:00:00Z'),
  reps: [rep('u1', '张伟', 800_000, 1_500_000), rep('u2', '李娜', 1_720_000, 1_500_000), rep('u3', '欧阳娜娜', 98_000, null)],
  mtdWon: 2_618_000, target: 3_000_000,
  pipeline: {
    lead: { count: 42, amount: 12_600_000, weighted: 1_260_000 }, qualified: { count: 25, amount: 9_800_000, weighted: 2_450_000 },
    proposal: { count: 14, amount: 6_300_000, weighted: 3_150_000 }, negotiation: { count: 6, amount: 3_400_000, weighted: 2_720_000 },
    won: { count: 0, amount: 0, weighted: 0 }, lost: { count: 0, amount: 0, weighted: 0 },
  },
  conversion: [], wins: [], movers: [], setbacks: [],
};

/** The text nodes of an SVG, in order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
const textSvg = (s: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#fff"/><text x="10" y="40" font-size="32" font-family="${CHART_FONT_FAMILY}">${s}</text></svg>`;

describe('digest chart', () => {
  it('labels a Chinese reader\'s chart in Chinese: stages, names as written, amounts in 万, the target', () => {
    const svg = chartSvg(figures, 'zh');
    const labels = texts(svg);
    expect(svg).toContain(`font-family:${CHART_FONT_FAMILY}`);
    expect(labels).toEqual(expect.arrayContaining(['线索', '需求确认', '方案报价', '商务谈判', '42个', '张伟', '李娜', '欧阳娜娜', '目标', '金额', '加权']));
    expect(labels).toContain('华东销售一组 日报 · 11月20日');
    expect(labels.find((l) => l.startsWith('本月赢单 '))).toBe('本月赢单 261.8万 / 目标 300万 (87.3%)  ·  在手 87个 · 3210万（加权 958万）');
    // A value label on every bar: each stage's amount and weighted amount, each rep's wins / target.
    for (const s of [figures.pipeline.lead, figures.pipeline.qualified, figures.pipeline.proposal, figures.pipeline.negotiation]) expect(labels).toEqual(expect.arrayContaining([formatAmount(s.amount, 'zh'), formatAmount(s.weighted, 'zh')]));
    // Attainment against target per rep (issue #15).
    expect(labels).toEqual(expect.arrayContaining(['80万 / 150万 (53.3%)', '172万 / 150万 (114.7%)', '9.8万 / 未设目标']));
    expect(svg).not.toMatch(/Zhang|¥\d|\d(k|M)\b/);
    // The target tick: one per rep with a target, and the legend's.
    expect(svg.match(/fill="#ea580c"/g)).toHaveLength(3);
  });

  it("keeps an English reader's labels English", () => {
    const labels = texts(chartSvg(figures, 'en'));
    expect(labels).toEqual(expect.arrayContaining(['Lead', 'Qualified', 'Proposal', 'Negotiation', '42 deals', 'Target', '¥12.6M', '¥800k / ¥1.5M (53.3%)', '¥98k / no target', '张伟']));
    expect(labels.join(' ')).not.toMatch(/线索|万/);
  });

  it('draws Chinese glyphs, not empty boxes, from a font cut down to the characters used', () => {
    const [xian, suo, blank] = [renderSvgPng(textSvg('线')), renderSvgPng(textSvg('索')), renderSvgPng(textSvg(''))];
    // Missing glyphs would all be the same box: two characters drawing alike means no CJK font.
    expect(xian.equals(suo)).toBe(false);
    expect(xian.equals(blank)).toBe(false);
    expect(subsetFont('regular', [...'线索张伟'].map((c) => c.codePointAt(0)!)).length).toBeLessThan(8_000);
  });

  it('renders a PNG of the chart size that differs from the English one', () => {
    const zh = renderChartPng(figures, 'zh'), en = renderChartPng(figures, 'en');
    expect([zh.readUInt32BE(16), zh.readUInt32BE(20)]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    expect(zh.equals(en)).toBe(false);
    expect(zh.length).toBeLessThan(120_000);
  });
});
