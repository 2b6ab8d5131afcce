// Finds every date or time a message names and resolves it against `now`, following the
// contract's Time section. Which slot (if any) a date fills is decided later, in roles.ts.
import type { ParsedResult } from 'chrono-node';
import { addDays, compareDates, endOfMonth, formatDate, formatDateTime, type LocalDate } from './calendar.js';
import { zhChrono, enChrono } from './chrono-setup.js';
import type { Reference } from './reference.js';

export interface DateMention {
  index: number;
  end: number;
  text: string;
  date: LocalDate;
  /** YYYY-MM-DD, or YYYY-MM-DDTHH:MM when a time of day was said. */
  value: string;
  /** Only a time of day was said (下午4点, 3pm): it attaches to a date right before it. */
  timeOnly: boolean;
  /** The day a lone time of day was put on (attachLoneTime): masked like any date, but no role of its own. */
  absorbed?: boolean;
}

// Parts of the day said without an hour (contract: 09:00, 12:00, 14:00, 19:00).
const DAY_PARTS: [RegExp, number][] = [
  [/上午|早上|早晨|清早|明早|morning|\b(?:tmrw|tomorrow)\s+am\b/i, 9],
  [/中午|\bnoon\b|lunch/i, 12],
  [/下午|afternoon/i, 14],
  [/晚上|今晚|明晚|傍晚|evening|tonight/i, 19],
];

// Cheap gates so a message with no date words never pays for a chrono run.
const ZH_GATE = /[今明后昨天周星期礼拜月年季号日点午晚早旬节0-9Q]/;
const EN_GATE = /\b(?:today|tomorrow|tonight|yesterday|mon|tue|wed|thu|fri|sat|sun|next|this|end|in\s+\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|eo[mqydw]|q[1-4]\b|cob\b|noon|morning|afternoon|evening|week|month|quarter|year|\d{1,2}\s*(?:am|pm)|\d{1,2}:\d{2}|\d{1,2}\/\d{1,2}|\d{1,2}(?:st|nd|rd|th)\b)/i;
const CJK = /[\u4e00-\u9fff]/;

// A clock time said with no date (下午4点, 3pm). chrono's casual parser stamps a bare 下午
// with today's date, so the text decides.
const TIME_ONLY = /^(?:上午|早上|早晨|中午|下午|晚上|傍晚|今晚)?\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:点|:|：|am|pm)/i;
const AFTERNOON = /下午|晚上|今晚|明晚|傍晚|pm/i;

const MORNING = /上午|早上|早晨|清早|凌晨|明早|\d\s*am\b|\bam\b|a\.m\./i;

// "下午4点" read alone comes back as 04:00; the day part fixes it (contract: 下午3点 → 15:00).
// A bare 1–6 o'clock is a business-hours afternoon too: nobody books a client at 3 a.m.
function afternoonHour(text: string, hour: number): number {
  if (hour < 12 && AFTERNOON.test(text)) return hour + 12;
  if (hour >= 1 && hour <= 6 && !MORNING.test(text)) return hour + 12;
  return hour;
}

function resolveDay(result: ParsedResult, today: LocalDate): LocalDate {
  const start = result.start;
  let day: LocalDate = { y: start.get('year') ?? today.y, m: start.get('month') ?? today.m, d: start.get('day') ?? today.d };
  if (start.isCertain('month') && !start.isCertain('day') && !start.isCertain('weekday')) {
    day = endOfMonth(day.y, day.m);
  }
  // chrono reads 明天 said before 02:00 as the same day; the contract's 明天 is always today + 1.
  if (/^[\s,，]*明[天日早晚]/.test(result.text) && compareDates(day, today) === 0) day = addDays(today, 1);
  if (!start.isCertain('year') && start.isCertain('month') && compareDates(day, today) < 0) {
    day = { ...day, y: day.y + 1 };
  }
  return day;
}

function toMention(result: ParsedResult, today: LocalDate): DateMention {
  const day = resolveDay(result, today);
  const start = result.start;
  let value = formatDate(day);
  if (start.isCertain('hour')) {
    value = formatDateTime(day, afternoonHour(result.text, start.get('hour') ?? 0), start.get('minute') ?? 0);
  } else {
    const part = DAY_PARTS.find(([re]) => re.test(result.text));
    if (part) value = formatDateTime(day, part[1], 0);
  }
  const timeOnly = (!start.isCertain('day') && !start.isCertain('weekday') && !start.isCertain('month')) || TIME_ONLY.test(result.text);
  // chrono takes the comma after "end of June," (room for a year): the mention stops before it.
  // Nor does it start at the comma before "，9月15号".
  const lead = /^[\s,，;；]*/.exec(result.text)?.[0].length ?? 0;
  const said = result.text.slice(lead).replace(/[\s,，;；]+$/, '');
  return { index: result.index + lead, end: result.index + lead + said.length, text: said, date: day, value, timeOnly };
}

// "价格再降一点", "便宜一点儿", "多一点": 一点 after a word of more or less is "a little", not 1 o'clock.
const LITTLE_BEFORE = /(?:降|低|高|少|多|便宜|贵|快|慢|早|晚|大|小|好|减|砍|让|优惠|稍微|稍|再|有|差|松)\s*$/;
function isQuantityDian(text: string, r: ParsedResult): boolean {
  if (!/^[一1]点$/.test(r.text.trim())) return false;
  return LITTLE_BEFORE.test(text.slice(Math.max(0, r.index - 4), r.index)) || /^[儿点]/.test(text.slice(r.index + r.text.length));
}

const COUNT_AFTER = /^(?:[.,]\d+)?\s?(?:[kKmMwW万亿](?![a-z])|mm\b|mil|million|%|ppl\b|people|persons?\b|pax\b|seats?\b|sites?\b|stores?\b|units?\b|pcs\b|人|家|台|套|个)/;

const SIGNING_OFF = /^\s*(?:就|先)?(?:这样|到这|到此|到这儿)(?:吧|了|为止)?/;

export function extractDates(text: string, ref: Reference): DateMention[] {
  // chrono's casual Chinese parser reads the reference's *system-local* fields, ignoring a
  // timezone option; so hand it a Date whose system-local fields are the rep's wall clock.
  const wall = new Date(ref.instant.getTime() + ref.offsetMinutes * 60_000);
  const reference = new Date(
    wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(),
  );
  const results: ParsedResult[] = [];
  if (CJK.test(text) && ZH_GATE.test(text)) results.push(...zhChrono.parse(text, reference));
  if (EN_GATE.test(text)) {
    // "call Jason at 汇拓 this Friday 4:30pm": the Chinese parser reads only "4:30"; an English
    // reading that covers every Chinese one it overlaps, and more, replaces them.
    for (const r of enChrono.parse(text, reference)) {
      const [a, b] = [r.index, r.index + r.text.length];
      const overlapping = results.filter((z) => a < z.index + z.text.length && b > z.index);
      const covers = overlapping.every((z) => a <= z.index && b >= z.index + z.text.length && b - a > z.text.length);
      if (overlapping.length && !covers) continue;
      for (const z of overlapping) results.splice(results.indexOf(z), 1);
      results.push(r);
    }
  }
  const mentions = results
    .filter((r) => !BIRTHDAY_BEFORE.test(text.slice(Math.max(0, r.index - 6), r.index)))
    .filter((r) => !isScore(text, r))
    .filter((r) => !isQuantityDian(text, r))
    // "approved at 1.2M", "today, 15 ppl attended": a number that goes on as an amount or a count is no hour.
    .filter((r) => !/\d$/.test(r.text) || !COUNT_AFTER.test(text.slice(r.index + r.text.length)))
    // "现在走合同", "right now they…": the present moment is no date to file.
    .filter((r) => !NOW_WORD.test(r.text.trim()))
    // "平安夜还在跑客户": a lone 夜 (of 平安夜, 夜班) is no date.
    .filter((r) => r.text.trim() !== '夜')
    // "今天就这样 明天上午提醒我…": signing off for the day names no date.
    .filter((r) => !(/^今天$/.test(r.text.trim()) && SIGNING_OFF.test(text.slice(r.index + r.text.length))))
    // "培训了一下午", "聊了整个上午": a day part said as a length of time is no date.
    .filter((r) => !(DAY_PART_ONLY.test(r.text.trim()) && DURATION_BEFORE.test(text.slice(Math.max(0, r.index - 3), r.index))))
    .filter((r) => r.start.isCertain('day') || r.start.isCertain('month') || r.start.isCertain('hour') || r.start.isCertain('weekday') || DAY_PARTS.some(([re]) => re.test(r.text)))
    .sort((a, b) => a.index - b.index)
    .map((r) => recentPast(text, toMention(r, ref.today), ref.today));
  return attachLoneTime(text, sameDayTwice(text, spokenTimes(text, mergeDayParts(text, mentions))), ref.today);
}

// "明天一早", "Tuesday at half 10" (British: 10:30): times of day chrono does not read, said right after a day.
const EARLY = /^\s?(?:一早|一大早|大清早|一清早|早早)/;
const HALF_PAST = /^\s?(?:at\s+)?half\s+(\d{1,2})\b(?!\s*(?:hours?|hrs?|day|days|an?))/i;
function spokenTimes(text: string, mentions: DateMention[]): DateMention[] {
  return mentions.map((m) => {
    if (m.value.includes('T')) return m;
    const rest = text.slice(m.end);
    const early = EARLY.exec(rest);
    if (early) return { ...m, end: m.end + early[0].length, value: `${m.value}T09:00` };
    const half = HALF_PAST.exec(rest);
    const hour = half ? afternoonHour('', Number(half[1])) : -1;
    if (half && hour >= 0 && hour < 24) return { ...m, end: m.end + half[0].length, value: `${m.value}T${String(hour).padStart(2, '0')}:30` };
    return m;
  });
}

// "明天周六 早上八点半": the same day said twice, the second time with its hour, is one mention.
function sameDayTwice(text: string, mentions: DateMention[]): DateMention[] {
  return mentions.map((m, i) => {
    const next = mentions[i + 1];
    const twice = next && !m.value.includes('T') && next.value.includes('T') && compareDates(m.date, next.date) === 0 && /^[\s,，]*$/.test(text.slice(m.end, next.index));
    return twice ? { ...m, absorbed: true } : m;
  });
}

// "明天要去吉利 提醒我下午两点出发": a time of day said on its own, in a message naming one day
// ahead (within a week, no time of its own), is on that day — not today. The day is absorbed
// into the time (it stays masked, with no role). A signing date (周五签 下午3点再过去) keeps its own role.
const SIGNING_AFTER = /^[^,，。;；]{0,4}(?:签|盖章|成交|定下来|close|sign)/i;
function attachLoneTime(text: string, mentions: DateMention[], today: LocalDate): DateMention[] {
  // (A bare 下午 / 晚上 said after the day, then an hour, is the same time said twice.)
  const lone = (m: DateMention) => (m.timeOnly || (DAY_PART_ONLY.test(m.text.trim()) && mentions.some((t) => t.timeOnly && t.index > m.index) && mentions.some((d) => d.index < m.index && !d.timeOnly && !DAY_PART_ONLY.test(d.text.trim())))) && m.value.includes('T');
  const times = mentions.filter(lone);
  const days = mentions.filter((m) => !m.timeOnly && !times.includes(m));
  // ("明天周六 早上八点半…": one day said twice is one day; "周三…呃下午吧 下午三点": the time said
  // last, after the day, is the one meant.)
  const sameDay = days.length > 1 && days.every((d) => compareDates(d.date, days[0]!.date) === 0);
  const restated = times.length > 1 && days.length > 0 && times.every((t) => t.index > days[0]!.index);
  if (!times.length || (times.length !== 1 && !restated) || (days.length !== 1 && !sameDay)) return mentions;
  const [time, day] = [times.at(-1)!, days[0]!];
  const ahead = compareDates(day.date, today) > 0 && compareDates(day.date, addDays(today, 7)) <= 0;
  // "这周五晚上约了…吃饭7点": a day said with a part of the day only (晚上) takes the hour said later.
  const partOnly = day.value.includes('T') && !/\d\s*(?:点|:|：|am|pm)|[一二两三四五六七八九十]点/i.test(day.text);
  if (!ahead || (day.value.includes('T') && !partOnly) || day.index > time.index || SIGNING_AFTER.test(text.slice(day.end))) return mentions;
  const hour = Number(time.value.slice(11, 13));
  const clock = partOnly && hour < 12 && AFTERNOON.test(day.text) ? `T${String(hour + 12).padStart(2, '0')}${time.value.slice(13)}` : time.value.slice(10);
  const moved = { ...time, date: day.date, value: `${formatDate(day.date)}${clock}` };
  return mentions.map((m) => (m === time ? moved : (days.includes(m) || times.includes(m)) ? { ...m, absorbed: true } : m));
}

// "7月28日 拜访华润燃气 王总 初步接触" sent in August: a month and day that passed in the last 45
// days, at the head of a report, is when it happened — not that day next year (the contract's
// next-year rule is for plans: nobody plans eleven months ahead by a bare date).
const MONTH_DAY = /^\d{1,2}\s*(?:月\s*\d{1,2}\s*[日号]?|[/.]\d{1,2})$/;
const PLAN_WORDS = /提醒|记得|别忘|再|下次|准备|计划|打算|要去|\bremind|\bnext\b|\bwill\b/i;
const DONE_AFTER = /^[^,，。;；]{0,16}?(?:了|过|拜访|上门|见面|来访|回访|走访|\b(?:met|visited|called|had)\b)/i;
function recentPast(text: string, m: DateMention, today: LocalDate): DateMention {
  if (!MONTH_DAY.test(m.text) || m.date.y !== today.y + 1) return m;
  const thisYear = { ...m.date, y: today.y };
  if (compareDates(thisYear, addDays(today, -45)) < 0 || PLAN_WORDS.test(text) || !DONE_AFTER.test(text.slice(m.end))) return m;
  return { ...m, date: thisYear, value: `${formatDate(thisYear)}${m.value.slice(10)}` };
}

const NOW_WORD = /^(?:现在|目前|当前|此刻|眼下|now|right now|just now)$/i;

// A birthday is a fact about a person, never a follow-up or a close date.
const BIRTHDAY_BEFORE = /(?:生日|出生|birthday|born|dob)\D{0,4}$/i;

// "satisfaction 4/5", "满意度评分 9/10": a score out of 5 or 10 after a score word is no date.
const SCORE_BEFORE = /(?:满意度|评分|打分|得分|分数|回访|score|rated|rating|satisfaction|gave|nps|csat|callback)[^,，。;；!！]{0,40}$/i;
const SCORE_SHAPE = /^(\d{1,2})\s*\/\s*(5|10)$/;

function isScore(text: string, result: ParsedResult): boolean {
  const shape = SCORE_SHAPE.exec(result.text.trim());
  if (!shape || Number(shape[1]) > Number(shape[2])) return false;
  return SCORE_BEFORE.test(text.slice(Math.max(0, result.index - 50), result.index));
}

const DAY_PART_ONLY = /^(?:上午|早上|早晨|中午|下午|晚上|傍晚)$/;
const DURATION_BEFORE = /(?:(?<![周期拜初])一|半|整个?|大半个?|一整个?)$/;

// chrono reads "下周一下午" or "12/8下午4点" as a date followed by a separate time; join them.
// (Its casual parser marks a bare 下午 as today's date, hence the day-part test.)
function mergeDayParts(text: string, mentions: DateMention[]): DateMention[] {
  const merged: DateMention[] = [];
  for (const mention of mentions) {
    const previous = merged[merged.length - 1];
    const gap = previous ? text.slice(previous.end, mention.index) : '';
    const isTime = mention.timeOnly || DAY_PART_ONLY.test(mention.text);
    if (previous && !previous.value.includes('T') && isTime && mention.value.includes('T') && /^\s?(?:at\s)?$/.test(gap)) {
      const time = mention.value.slice(10);
      merged[merged.length - 1] = { ...previous, end: mention.end, text: text.slice(previous.index, mention.end), value: `${previous.value}${time}` };
    } else {
      merged.push(mention);
    }
  }
  return merged;
}
