// The extractors of issue #11's slots (src/nlu/README.md): a query's shifted period, subject,
// ranking, task kind and list; a second deal; a correction of the customer's own fields.
import type { Extractor } from './assemble.js';
import type { Slots } from '../types.js';
import { findPeriod, findScope } from './query.js';
import { findIdleDays, findPeriodShift, findRank, findSubject, findTaskKind } from './query-extra.js';
import { findIndustry, findTier } from './profile.js';
import { segmentsOf } from './segments.js';
import { CLEAR_CLOSE, CONTACT_ASK, CUSTOMER_LIST, NEW_DEAL } from '../intent/signals.js';

// 上个月/明天/下周: the shifted period wins over a plain one said later.
// "明年一季度预计签约的", "2027年Q2的业绩": a quarter named by its number and year, counted from this one.
const NAMED_QUARTER = /(明年|今年|去年|(20\d\d)\s?年)\s*(?:的)?\s*(?:Q([1-4])|第?([一二三四1-4])季度)/i;
/** 明年 / 去年 / 今年 / "2027年": how many years from today's. */
function yearsAhead(word: string | undefined, digits: string | undefined, today: string): number {
  return digits ? Number(digits) - Number(today.slice(0, 4)) : word === '明年' ? 1 : word === '去年' ? -1 : 0;
}
function namedQuarter(text: string, today: string): Partial<Slots> | undefined {
  const m = NAMED_QUARTER.exec(text);
  if (!m) return undefined;
  const year = yearsAhead(m[1], m[2], today);
  const q = m[3] ? Number(m[3]) : '一二三四'.indexOf(m[4]!) + 1 || Number(m[4]);
  const offset = year * 4 + q - Math.ceil(Number(today.slice(5, 7)) / 3);
  return Math.abs(offset) <= 24 ? { period: 'quarter', ...(offset ? { period_offset: offset } : {}) } : undefined;
}
// "11月份的业绩", "上个月回访", "2026年10月签了多少", "1月能签哪些": a month named by its number.
// Without a year it is the latest such month — the one ahead when the question looks ahead.
const NAMED_MONTH = /(?:(明年|今年|去年|(20\d\d)\s?年)\s*)?(?<![\d.\/-])(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s?月份?(?![\d一二三四五六七八九十]{1,3}\s?[日号]|底|初|中旬|上旬|下旬)/;
const LOOKS_AHEAD = /预计|能签|会签|要签|计划|打算|将要|能成|能拿下|\b(?:forecast|expect|will|going to)\b/i;
const CN_MONTH = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
function namedMonth(text: string, today: string): Partial<Slots> | undefined {
  const m = NAMED_MONTH.exec(text);
  if (!m) return undefined;
  const month = /\d/.test(m[3]!) ? Number(m[3]) : CN_MONTH.indexOf(m[3]!) + 1;
  const current = Number(today.slice(5, 7));
  let offset = month - current;
  if (m[1]) offset += 12 * yearsAhead(m[1], m[2], today);
  else if (LOOKS_AHEAD.test(text)) offset += offset < 0 ? 12 : 0;
  else offset -= offset > 0 ? 12 : 0;
  return Math.abs(offset) <= 24 ? { period: 'month', ...(offset ? { period_offset: offset } : {}) } : undefined;
}

export const period: Extractor = (c) => {
  const quarter = namedQuarter(c.text, c.today);
  if (quarter) return quarter;
  const shifted = findPeriodShift(c.text);
  if (shifted) return shifted;
  const month = namedMonth(c.text, c.today);
  if (month) return month;
  const found = findPeriod(c.text);
  if (found) return { period: found };
  // "2026年我的业绩": a year said by its number, counted from this one.
  const year = /(?<!\d)(20\d\d)\s?年(?![\d一二三四五六七八九十]{1,2}月)/.exec(c.text)?.[1];
  const offset = year ? Number(year) - Number(c.today.slice(0, 4)) : undefined;
  return offset !== undefined && Math.abs(offset) <= 24 ? { period: 'year', ...(offset ? { period_offset: offset } : {}) } : {};
};
// "15号要干嘛", "周五要跟进谁": the tasks of one day named by a date are that day's (up to 24 days ahead).
// "下周二要跟进谁": one day of next week, not the week.
const WEEK_DAY = /(?:下|这|本|下个|这个)(?:周|礼拜|星期)[一二三四五六日天1-7]|\bnext (?:mon|tue|wed|thu|fri|sat|sun)/i;
export const taskPeriod: Extractor = (c) => {
  const found = period(c);
  if (found.period && !(found.period === 'week' && WEEK_DAY.test(c.text))) return found;
  const days = c.dates.filter((d) => !d.timeOnly).map((d) => (Date.parse(d.value.slice(0, 10)) - Date.parse(c.today)) / 86_400_000);
  const ahead = days.length === 1 ? days[0]! : undefined;
  return ahead !== undefined && ahead >= 0 && ahead <= 24 ? { period: 'today', ...(ahead ? { period_offset: ahead } : {}) } : found;
};
// A ranking is the team's; so are a colleague's numbers ("王磊上个月完成了多少", "Arun's KPI"):
// every blind labeller of batches 38 and 42–44 said team. The subject says whose (the router
// reads it before the scope).
export const scope: Extractor = (c) => {
  // ("我上个季度业绩排第几": where I stand is asked about me — batches 23, 25 and 53 agree.)
  if (findRank(c.text)) return { scope: /我[^,，。?？]{0,10}排(?:在)?第几|我的?(?:名次|排名)/.test(c.text) ? 'me' : 'team' };
  const team = findScope(c.text);
  return { scope: team === 'me' && findSubject(c.text, c.names) ? 'team' : team };
};
export const teamScope: Extractor = (c) => (findScope(c.text) === 'team' ? { scope: 'team' } : {});
export const subject: Extractor = (c) => {
  const who = findSubject(c.text, c.names);
  return who ? { subject: who } : {};
};
export const rank: Extractor = (c) => findRank(c.text) ?? {};
// "哪些单子超过两周没动了": the days are a filter, not a period to report on.
export const idle: Extractor = (c) => {
  const days = findIdleDays(c.text);
  return days === undefined ? {} : { idle_days: days, period: undefined, period_offset: undefined };
};
export const taskKind: Extractor = (c) => {
  const kind = findTaskKind(c.text);
  return kind ? { task_kind: kind } : {};
};
export const ask: Extractor = (c) => {
  if (CUSTOMER_LIST.test(c.text)) return { ask: 'customers' };
  return c.customer && CONTACT_ASK.test(c.text) ? { ask: 'contacts' } : {};
};

// (Said with no customer right after a deal card, it corrects that card: router/amend.ts.)
// ("签约时间还没定吗" asks; it changes nothing.)
export const clearClose: Extractor = (c) => (CLEAR_CLOSE.test(c.text) && !/(?:吗|么|嘛|没有?)\s*[?？]?\s*$|[?？]\s*$/.test(c.text) ? { clear_close: true } : {});

export const newDeal: Extractor = (c) => (c.customer && NEW_DEAL.test(c.text) ? { new_deal: true } : {});

// "海康的行业改成安防": the value after the change word; "把美团改成A类": the tier.
const INDUSTRY_TO = /(?:行业|所属行业|industry)[^,，。]{0,4}?(?:改成|改为|换成|调整为|调成|设为|设置为|变成|更正为|应该是|to|is now|should be)\s*[:：]?\s*([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z &-]{0,19}?)(?=$|[,，。;；!！\s]|行业)/i;

export const correction: Extractor = (c) => {
  const industry = INDUSTRY_TO.exec(c.text)?.[1]?.trim() ?? (/行业|industry/i.test(c.text) ? findIndustry(c.masked, segmentsOf(c.masked), c.customer) : undefined);
  const tier = findTier(c.text);
  return { ...(industry ? { industry } : {}), ...(tier ? { tier } : {}) };
};
