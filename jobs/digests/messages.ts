// What the digests say, in both languages (a digest follows its reader's language).
import { translator, type MessageTable } from '../../src/i18n/index.js';


const messages = {
  'digest.title': { zh: (p) => `${p.team} 日报 · ${p.date}`, en: (p) => `${p.team} daily digest · ${p.date}` },
  'digest.summaryTitle': { zh: (p) => `${p.name} 今日小结 · ${p.date}`, en: (p) => `${p.name}'s day · ${p.date}` },
  'digest.weeklyTitle': { zh: (p) => `${p.team} 周报 · ${p.from}–${p.to}（对比前一周）`, en: (p) => `${p.team} weekly summary · ${p.from}–${p.to} (vs the week before)` },
  'digest.day': {
    zh: (p) => `跟进 ${p.activities} · 新客户 ${p.newCustomers} · 新商机 ${p.newDeals} · 推进 ${p.stageMoves} · 赢单 ${p.won}`,
    en: (p) => `${p.activities} activities · ${p.newCustomers} new customers · ${p.newDeals} new deals · ${p.stageMoves} moved forward · won ${p.won}`,
  },
  'digest.today': { zh: '今日', en: 'Today' },
  'digest.mtd': { zh: (p) => `本月赢单 ${p.won} / 目标 ${p.target}`, en: (p) => `Month to date: won ${p.won} of ${p.target}` },
  'digest.noTarget': { zh: '未设目标', en: 'no target' },
  'digest.reps': { zh: '成员', en: 'Reps' },
  'digest.repMonth': { zh: (p) => `本月 ${p.won}/${p.target}`, en: (p) => `month ${p.won}/${p.target}` },
  'digest.repOpen': { zh: (p) => `在手 ${p.amount}（${p.count}个）`, en: (p) => `open ${p.amount} (${p.count})` },
  'digest.repOverdue': { zh: (p) => `逾期跟进 ${p.count}`, en: (p) => `${p.count} overdue follow-ups` },
  'digest.pipeline': { zh: '在手商机（金额 · 加权）', en: 'Open pipeline (amount · weighted)' },
  'digest.stageLine': { zh: (p) => `${p.stage}：${p.count}个 · ${p.amount} · ${p.weighted}`, en: (p) => `${p.stage}: ${p.count} · ${p.amount} · ${p.weighted}` },
  'digest.total': { zh: (p) => `合计：${p.count}个 · ${p.amount} · 加权 ${p.weighted}`, en: (p) => `Total: ${p.count} · ${p.amount} · weighted ${p.weighted}` },
  'digest.conversion': { zh: '阶段转化', en: 'Stage conversion' },
  'digest.wins': { zh: '今日赢单', en: "Today's wins" },
  'digest.movers': { zh: '商机推进', en: 'Top movers' },
  'digest.setbacks': { zh: '商机回退/丢单', en: 'Moved back or lost' },
  'digest.none': { zh: '无', en: 'none' },
  'digest.overdue': { zh: (p) => `逾期跟进：共 ${p.count} 条`, en: (p) => `Overdue follow-ups: ${p.count}` },
  'digest.open': { zh: (p) => `在手商机 ${p.count}个 · ${p.amount}（加权 ${p.weighted}）`, en: (p) => `Open pipeline: ${p.count} deals · ${p.amount} (weighted ${p.weighted})` },
  'digest.chartAlt': { zh: (p) => `${p.team} 销售漏斗与目标完成图`, en: (p) => `${p.team} funnel and targets chart` },
  'digest.chart.pipeline': { zh: '在手商机（按阶段）', en: 'Open pipeline by stage' },
  'digest.chart.deals': { zh: (p) => `${p.count}个`, en: (p) => `${p.count} deals` },
  'digest.chart.amount': { zh: '金额', en: 'Amount' },
  'digest.chart.weighted': { zh: '加权', en: 'Weighted' },
  'digest.chart.reps': { zh: '本月赢单 vs 目标（按成员）', en: 'Won this month vs target, by rep' },
  'digest.chart.won': { zh: '本月赢单', en: 'Won this month' },
  'digest.chart.target': { zh: '目标', en: 'Target' },
  'digest.chart.open': { zh: (p) => `在手 ${p.count}个 · ${p.amount}（加权 ${p.weighted}）`, en: (p) => `open ${p.count} deals · ${p.amount} (weighted ${p.weighted})` },
  'digest.week.activities': { zh: '跟进', en: 'Activities' },
  'digest.week.newCustomers': { zh: '新客户', en: 'New customers' },
  'digest.week.newDeals': { zh: '新商机', en: 'New deals' },
  'digest.week.stageMoves': { zh: '阶段推进', en: 'Moved forward' },
  'digest.week.wonCount': { zh: '赢单数', en: 'Deals won' },
  'digest.week.wonAmount': { zh: '赢单金额', en: 'Won' },
  'digest.week.line': { zh: (p) => `${p.label}：${p.last}（前一周 ${p.before}，${p.delta}）`, en: (p) => `${p.label}: ${p.last} (week before ${p.before}, ${p.delta})` },
} satisfies MessageTable;

export type DigestKey = keyof typeof messages;

export const dt = translator(messages);
