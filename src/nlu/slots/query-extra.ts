// What a query is about beyond the contract's period and scope (issue #11): which period
// relative to this one (上个月 = month −1), whose numbers (张伟的漏斗), a ranking of the team,
// what kind of task, and whether a list of customers or a customer's contacts is asked for.
import type { Period } from '../types.js';
import { SURNAMES } from './lexicon.js';
import { findKnown, type KnownNames } from './known-names.js';
import { RANK } from '../intent/signals.js';

type Shift = [RegExp, Period, number];

// Most specific first; the earliest match in the text wins among them.
const SHIFTS: Shift[] = [
  [/上上个?月/, 'month', -2], [/上个?月|上月|last month|previous month/i, 'month', -1],
  [/下个?月|next month/i, 'month', 1],
  [/上上个?(?:周|星期|礼拜)/, 'week', -2], [/上个?(?:周|星期|礼拜)|last week|previous week/i, 'week', -1],
  [/下个?(?:周|星期|礼拜)|next week/i, 'week', 1],
  [/上个?季度|last quarter|previous quarter/i, 'quarter', -1], [/下个?季度|next quarter/i, 'quarter', 1],
  [/前年/, 'year', -2], [/去年|last year|previous year/i, 'year', -1], [/明年|next year/i, 'year', 1],
  [/前天/, 'today', -2], [/昨天|昨日|yesterday/i, 'today', -1], [/后天/, 'today', 2], [/明天|明日|tomorrow/i, 'today', 1],
];

export function findPeriodShift(text: string): { period: Period; period_offset: number } | undefined {
  let best: { period: Period; period_offset: number; index: number } | undefined;
  for (const [re, period, offset] of SHIFTS) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { period, period_offset: offset, index: m.index };
  }
  return best ? { period: best.period, period_offset: best.period_offset } : undefined;
}

// "张伟的漏斗", "李娜这个月业绩": a full name opening a query about numbers or tasks.
const QUERY_WORD = '(?:的|这|本|上|今|上个|这个|本月|今年|业绩|漏斗|商机|任务|待办|跟进|完成|KPI|pipeline|名下|手上|手里|目前|现在)';
const ZH_SUBJECT = new RegExp(`^(?:帮我)?(?:看看|看下|看一下|查下|查一下|查查)?([${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)(?=${QUERY_WORD})`);
// "看看小王的业绩", "老李这周的跟进": a familiar form of a team member.
const FAMILIAR_SUBJECT = new RegExp(`^(?:帮我)?(?:看看|看下|看一下|查下|查一下|查查)?((?:小|老)[${SURNAMES}])(?=${QUERY_WORD})`);
const NOT_SUBJECT = /组$|部门?$|^(?:本|这|上|下|今|明|全|各|每|团|我|大|所|谁|哪|公|部)|^.(?:月|周|季|年|天)|^周[一二三四五六日天末\d]/;
const EN_SUBJECT = /\b(?:how(?:'s| is) ([A-Z][a-z]+(?: [A-Z][a-z]+)?) doing|([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s (?:pipeline|numbers|deals|tasks|quota|performance|[Kk][Pp][Is]s?|customers|accounts|clients|funnel|target|forecast|revenue|sales|figures|attainment|to-?dos?))\b/;
// "Mei Ling本季度的业绩怎么样": an English name opening a Chinese query about numbers.
const LATIN_SUBJECT = new RegExp(`^([A-Z][a-z]+(?: [A-Z][a-z]+)?)\\s*(?=${QUERY_WORD})`);

export function findSubject(text: string, names?: KnownNames): string | undefined {
  const known = findKnown(text, names?.people);
  if (known) return known.name;
  const zh = ZH_SUBJECT.exec(text)?.[1] ?? FAMILIAR_SUBJECT.exec(text)?.[1];
  if (zh && !NOT_SUBJECT.test(zh) && !findKnown(zh, names?.customers)) return zh;
  const en = EN_SUBJECT.exec(text);
  return en?.[1] ?? en?.[2] ?? LATIN_SUBJECT.exec(text)?.[1];
}

const RANK_BY: ['follow_ups' | 'activities' | 'won', RegExp][] = [
  ['follow_ups', /跟进|follow[-\s]?ups?/i],
  ['activities', /拜访|活动|电话|打卡|activities|visits|calls|meetings/i],
  ['won', /签|成交|业绩|赢单|回款|销售额|won|closed|revenue|deals|sales/i],
];

export function findRank(text: string): { rank: true; rank_by?: 'follow_ups' | 'activities' | 'won' } | undefined {
  if (!RANK.test(text)) return undefined;
  const by = RANK_BY.find(([, re]) => re.test(text))?.[0];
  return by ? { rank: true, rank_by: by } : { rank: true };
}

// English words on word boundaries: "what's on my plate" is not "late".
// "小陈上周跟进了哪些客户": what was done, not what is due.
// ("李娜这周都干了啥", "我今天做了哪些事": what someone did in the period is the same list.)
export const DONE_ASK = /(?:都|一共|总共)?(?:干|做|忙)了(?:些)?(?:啥|什么|哪些事|些什么)(?:事|活)?[?？呢啊]*$|(?:跟进|拜访|联系|回访|见|跑|打电话给|打给)(?:了|过)(?:哪些|哪几个|哪几家|什么)(?:个|家|位)?客户|\b(?:who|which (?:customers?|accounts?|clients?)) did (?:i|we|he|she|they|[A-Z][a-z]+) (?:visit|call|meet|see|follow up(?: with| on)?)\b/i;
const RENEWAL_ASK = /(?:续费|续约|续签)(?!回访)|合同(?:快|要)?到期|\brenewals?\b|\bup for renewal\b|\bcontracts? (?:ending|expiring)\b/i;
const TASK_KINDS: ['done' | 'renewal' | 'overdue' | 'callback' | 'follow_up', RegExp][] = [
  ['done', DONE_ASK],
  ['overdue', /逾期|过期|超期|超时|拖了|好久没|很久没|[\d一两三四五六七八九十]+(?:天|周|个?星期|个月)(?:都|还)?(?:没|未)(?:跟进|联系|拜访|回访)|超过[^,，。]{1,6}(?:没|未)|\b(?:overdue|late|missed)\b/i],
  ['callback', /回访|满意度|\b(?:callbacks?|care calls?)\b/i],
  ['renewal', RENEWAL_ASK],
  ['follow_up', /跟进|联系|拜访|回电|打电话|\b(?:follow[-\s]?ups?|to call|to visit)\b/i],
];

export function findTaskKind(text: string): 'done' | 'renewal' | 'overdue' | 'callback' | 'follow_up' | undefined {
  return TASK_KINDS.find(([, re]) => re.test(text))?.[0];
}

// "哪些单子超过两周没动了", "30天没跟进的商机", "stale deals", "deals with no activity in 3 weeks":
// deals gone quiet — for at least the days said, or (0) by the team's per-stage limits.
const UNIT_DAYS: Record<string, number> = { 天: 1, 日: 1, 周: 7, 星期: 7, 礼拜: 7, 月: 30, day: 1, week: 7, month: 30 };
const IDLE_ZH = /(?:超过|有|已经|快)?(\d{1,3})\s*(?:个)?(天|日|周|星期|礼拜|月)(?:以上|多)?(?:都|还|了)?(?:没|没有|未)(?:动|动静|跟|跟进|联系|推进|进展|更新|碰)/;
const IDLE_EN = /\b(?:no (?:activity|movement|updates?|touch(?:es)?)|(?:not |un)touched|idle|quiet)\b[^.?]{0,12}?\b(?:for|in|over)\s+(?:the (?:last|past) )?(\d{1,3})\s*(day|week|month)s?\b/i;
export const STALE_WORDS = /很久没(?:动|跟|跟进|联系|推进|进展)|好久没(?:动|跟|跟进|联系|推进|进展)|没(?:有)?动静|停滞|卡住|\bstale\b|\bstalled\b|\bgone (?:quiet|cold)\b|\bstuck\b|\bidle\b/i;

export function findIdleDays(text: string): number | undefined {
  const zh = IDLE_ZH.exec(text);
  if (zh) return Number(zh[1]) * (UNIT_DAYS[zh[2] ?? '天'] ?? 1);
  const en = IDLE_EN.exec(text);
  if (en) return Number(en[1]) * (UNIT_DAYS[(en[2] ?? 'day').toLowerCase()] ?? 1);
  return STALE_WORDS.test(text) ? 0 : undefined;
}
