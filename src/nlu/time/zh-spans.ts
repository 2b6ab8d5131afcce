// Dates said as a span or a holiday, each resolved by one documented rule (src/nlu/README.md,
// "Vague times"): a quarter named without a day is its last day (like a month); 上旬/中旬/下旬
// are the 5th/15th/25th; 过N天 is N days on and 过几天 three; 元旦后/国庆后 are the first
// weekday after the holiday. Holidays that move with the lunar calendar (春节, 节后) have no
// rule here: they come back as a vague follow-up for the router to ask about.
import type { Parser } from 'chrono-node';
import { addDays, compareDates, endOfMonth, isoWeekday, type LocalDate } from './calendar.js';
import { anchorParser } from './parser-kit.js';
import { endOfQuarter } from './anchors.js';

const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const YEAR_SHIFT: Record<string, number> = { 明: 1, 今: 0, 本: 0, 后: 2 };

// 明年Q2 / 今年三季度 / 第四季度 / Q3 / 下季度: the last day of that quarter.
const quarter = anchorParser(/(?:(明|今|本|后)年)?(?:的)?(?:Q([1-4])|第?([一二三四1-4])季度)(?:末|底)?/i, (m, today) => {
  const q = QUARTER[m[2] ?? m[3] ?? ''] ?? 0;
  if (!q) return null;
  const shift = m[1] === undefined ? undefined : YEAR_SHIFT[m[1]] ?? 0;
  const end = endOfMonth(today.y + (shift ?? 0), q * 3);
  // A quarter named without a year that has already ended is next year's.
  return shift === undefined && compareDates(end, today) < 0 ? endOfMonth(today.y + 1, q * 3) : end;
});
const nextQuarter = anchorParser(/下个?季度(?![末底])/, (_m, today) => endOfQuarter(today, 1));

const TEN_DAYS: Record<string, number> = { 上: 5, 中: 15, 下: 25 };
const MONTH_SHIFT: Record<string, number> = { 下下: 2, 下: 1, 本: 0, 这: 0 };

// 12月中旬 / 下个月上旬 / 月中 / 下旬: the 5th, 15th or 25th; this month's, or the next one's once passed.
// ("3月中再联系": a named month's middle too.)
const tenDays = anchorParser(/(?:(\d{1,2})月|(下下|下|本|这)?个?月)?([上中下])旬|(?:(下个?|本|这个?)?|(\d{1,2}))月中(?![旬心间国层标午期秋文])/, (m, today) => {
  const day = m[3] ? TEN_DAYS[m[3]] ?? 15 : 15;
  const shift = MONTH_SHIFT[(m[2] ?? m[4] ?? '').replace(/个$/, '')] ?? 0;
  let candidate: LocalDate;
  if (m[1] ?? m[5]) {
    const month = Number(m[1] ?? m[5]);
    if (month < 1 || month > 12) return null;
    candidate = { y: today.y, m: month, d: day };
    if (compareDates(candidate, today) < 0) candidate = { ...candidate, y: today.y + 1 };
    return candidate;
  }
  candidate = { ...endOfMonth(today.y, today.m, shift), d: day };
  const explicit = m[2] ?? m[4];
  return !explicit && compareDates(candidate, today) < 0 ? { ...endOfMonth(today.y, today.m, 1), d: day } : candidate;
});

// 过3天 / 过两天 (numerals already digits) / 过几天 (= 3 days, documented).
const after = anchorParser(/过(\d{1,2}|几|两)天/, (m, today) => addDays(today, m[1] === '几' ? 3 : m[1] === '两' ? 2 : Number(m[1])));

const firstWeekdayFrom = (day: LocalDate): LocalDate => {
  const weekday = isoWeekday(day);
  return weekday >= 5 ? addDays(day, 7 - weekday) : day;
};
const upcoming = (today: LocalDate, m: number, d: number): LocalDate => {
  const day = { y: today.y, m, d };
  return compareDates(day, today) < 0 ? { ...day, y: today.y + 1 } : day;
};

// 元旦后 = the first weekday from Jan 2; 国庆后 / 十一后 = the first weekday from Oct 8.
const holiday = anchorParser(/(元旦|国庆|十一长假|十一)(?:节)?(?:假期)?(?:后|之后|以后|过后|回来)/, (m, today) =>
  m[1] === '元旦' ? firstWeekdayFrom(upcoming(today, 1, 2)) : firstWeekdayFrom(upcoming(today, 10, 8)));

export const zhSpanParsers: Parser[] = [quarter, nextQuarter, tenDays, after, holiday];
