// The period and scope of a query.
import type { Period } from '../types.js';

const PERIOD_WORDS: [Period, RegExp][] = [
  ['today', /今天|今日|当天|today|tonight/i],
  ['week', /本周|这周|这个?星期|这个?礼拜|本星期|一周|(?<!\d)1\s?周(?!年)|(?:最近|近|过去)\s?7\s?天|周报|this week|weekly|\bweek\b|last 7 days|past week/i],
  ['month', /本月|这个?月|\d{1,2}月份|当月|月度|月报|this month|monthly|\bmonth\b|\bmtd\b/i],
  ['quarter', /本季度?|这个?季度|这一?季(?!节)|季度|\bQ[1-4]\b|this quarter|quarterly|\bquarter\b|\bqtd\b/i],
  ['year', /今年|本年度?|全年|年度|this year|annual|yearly|\byear\b|\bytd\b/i],
];

// "今天月底了 我这个月的业绩", "今天季度末 团队…": saying what day it is picks no period.
const SAYS_WHAT_DAY = /(?:今天|today)(?:是|就是|都|已经|is)?\s*(?:月底|月末|季度末|季末|年底|年末|周[五六日末]|最后一天|\d{1,2}号|the last day|month[-\s]end|quarter[-\s]end)/gi;

export function findPeriod(text: string): Period | undefined {
  let best: { period: Period; index: number } | undefined;
  for (const [period, re] of PERIOD_WORDS) {
    const m = re.exec(period === 'today' ? text.replace(SAYS_WHAT_DAY, '') : text);
    if (m && (!best || m.index < best.index)) best = { period, index: m.index };
  }
  return best?.period;
}

const TEAM = /谁(?:有|还有|的|手上|名下)|哪些人|哪个人|每个人|各人|(?:销售)?[一二三四五六七八九\d]组|(?:华南|华北|华东|华中|西南|西北|东北|[\u4e00-\u9fff]{2})组(?![织件合成装建长员])|小组|销售部|整体|总体|大伙儿?|团队|全组|我们|咱们|组里|组内|部门|大家|各位|所有人|全员|整个组|全公司|全体|team|everyone|everybody|all reps|whole group|our group|the group|\bour\b|\bwe\b/i;

export function findScope(text: string): 'me' | 'team' {
  return TEAM.test(text) ? 'team' : 'me';
}
