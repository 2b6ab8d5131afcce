// set_target's slots (issue #15): "今年团队目标3000万，按季度 2:3:2:3 分", "12月给张伟定250万",
// "Q1 each rep 500k", "明年每人每季度200万 挑战目标250万", "团队Q1目标1000万 张伟40% 李娜60%".
// The period is a key ('2026', '2026-Q1', '2026-12'); a month or quarter said without a year is
// the next one not yet over (Q1 said in December is next year's).
import type { Slots } from '../types.js';
import type { Extractor } from './assemble.js';
import { findKnown } from './known-names.js';
import { UNCOMMIT } from '../intent/target-signals.js';

const UNIT: Record<string, number> = { 亿: 1e8, 千万: 1e7, 百万: 1e6, 万: 1e4, w: 1e4, k: 1e3, m: 1e6, million: 1e6, 元: 1 };
const AMOUNTS = /(?<![\d.:：])(\d{1,12}(?:\.\d+)?)\s?(千万|百万|万|亿|元|million|[wWkKmM](?![a-zA-Z]))(?![\d%％])/g;
const STRETCH_CUE = /(?:挑战|冲刺|stretch)[^,，。;；\d]{0,6}$/i;
const RATIOS = /(\d+(?:\.\d+)?(?:\s*[:：]\s*\d+(?:\.\d+)?){2,})/;
const PER_REP = /每人|每个人|每位|每个销售|人均|each rep|per rep|each person|per person|every rep/i;
const EACH_QUARTER = /每个?季度|each quarter|per quarter|a quarter/i;
const EACH_MONTH = /每个?月|each month|per month|a month\b/i;
const SHARE = /([\u4e00-\u9fff]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*(?:占|拿|分|:|：)?\s*(\d{1,3}(?:\.\d+)?)\s*[%％]/g;
const SUBJECT = /给([\u4e00-\u9fff]{2,3}?)(?:定|设|下|制定|分配)|\bfor ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b/;
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Found { value: number; index: number; end: number }

function amounts(text: string): Found[] {
  return [...text.matchAll(AMOUNTS)].map((m) => ({
    value: Math.round(Number(m[1]) * (UNIT[m[2]!.toLowerCase()] ?? 1) * 100) / 100, index: m.index ?? 0, end: (m.index ?? 0) + m[0].length,
  })).filter((a) => a.value > 0);
}

/** The year said (今年/明年/2027年), relative to `year`; undefined when none. */
function yearSaid(text: string, year: number): number | undefined {
  if (/明年|next year/i.test(text)) return year + 1;
  if (/今年|本年|this year|全年/i.test(text)) return year;
  const y = /(20\d\d)\s*年?/.exec(text);
  return y ? Number(y[1]) : undefined;
}

function quarterSaid(text: string): number | undefined {
  if (/本季度?|这个?季度|this quarter/i.test(text)) return 0;
  if (/下个?季度|next quarter/i.test(text)) return -1;
  const q = /\bQ([1-4])|第?([1-4一二三四])季度/i.exec(text);
  return q ? (q[1] ? Number(q[1]) : '一二三四'.indexOf(q[2]!) + 1 || Number(q[2])) : undefined;
}

function monthSaid(text: string): number | undefined {
  if (/本月|这个?月|this month/i.test(text)) return 0;
  if (/下个?月|next month/i.test(text)) return -1;
  const m = /(?<!\d)(1[0-2]|[1-9])\s*月(?![底中初份]?\s*\d)/.exec(text.replace(/每个?月/g, ''));
  if (m) return Number(m[1]);
  const en = new RegExp(`\\b(${EN_MONTHS.join('|')})[a-z]*\\b`, 'i').exec(text);
  return en ? EN_MONTHS.indexOf(en[1]!.toLowerCase()) + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period key: a month, else a quarter, else a year (this one when nothing is said). */
export function targetPeriod(text: string, today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const year = yearSaid(text, y);
  const month = monthSaid(text);
  if (month !== undefined) {
    const wanted = month === 0 ? m : month === -1 ? (m % 12) + 1 : month;
    const rolls = month === -1 ? m === 12 : month > 0 && wanted < m;
    return `${year ?? (rolls ? y + 1 : y)}-${pad(wanted)}`;
  }
  const quarter = quarterSaid(text);
  if (quarter !== undefined) {
    const now = Math.floor((m - 1) / 3) + 1;
    const wanted = quarter === 0 ? now : quarter === -1 ? (now % 4) + 1 : quarter;
    const rolls = quarter === -1 ? now === 4 : quarter > 0 && wanted < now;
    return `${year ?? (rolls ? y + 1 : y)}-Q${wanted}`;
  }
  return String(year ?? y);
}

function shares(text: string, people: string[] | undefined): { name: string; percent: number }[] {
  const out: { name: string; percent: number }[] = [];
  for (const m of text.matchAll(SHARE)) {
    const known = findKnown(m[1]!, people)?.name;
    out.push({ name: known ?? m[1]!, percent: Number(m[2]) });
  }
  return out;
}

export const targetSlots: Extractor = (c) => {
  const found = amounts(c.text);
  const stretch = found.find((a) => STRETCH_CUE.test(c.text.slice(Math.max(0, a.index - 10), a.index)));
  const base = found.find((a) => a !== stretch);
  const ratios = RATIOS.exec(c.text)?.[1]?.split(/\s*[:：]\s*/).map(Number);
  const split = shares(c.text, c.names?.people);
  const perRep = PER_REP.test(c.text);
  const each = EACH_QUARTER.test(c.text) ? 'quarter' : EACH_MONTH.test(c.text.replace(/\d{1,2}\s*月/g, '')) ? 'month' : undefined;
  const who = split.length ? undefined : findKnown(c.text, c.names?.people)?.name ?? SUBJECT.exec(c.text)?.slice(1).find(Boolean);
  const slots: Partial<Slots> = {
    target_period: targetPeriod(c.text, c.today),
    ...(base ? { amount: base.value } : {}),
    ...(stretch ? { stretch: stretch.value } : {}),
    ...(ratios ? { split: ratios } : {}),
    ...(split.length ? { shares: split } : {}),
    ...(perRep ? { per_rep: true as const } : {}),
    ...(each ? { each } : {}),
    ...(who ? { subject: who } : { scope: 'team' as const }),
  };
  return slots;
};

/** commit_deal: committed, or taken back (没把握了). */
export const commitSlot: Extractor = (c) => ({ commit: !UNCOMMIT.test(c.text) });
