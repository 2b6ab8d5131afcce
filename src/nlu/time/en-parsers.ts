// English counterparts of the contract's anchors that chrono.en reads differently:
// "next Friday" is Friday of next week, a bare weekday is strictly after today, and the
// ends of month / quarter / year are their last days.
import type { Parser } from 'chrono-node';
import { addDays, compareDates, endOfMonth } from './calendar.js';
import { anchorParser } from './parser-kit.js';
import { endOfQuarter, upcomingMonthEnd, weekdayDate, type WeekRelation } from './anchors.js';

const WEEKDAY: Record<string, number> = {
  mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6,
};
const RELATION: Record<string, WeekRelation> = {
  this: 'this', next: 'next', coming: 'bare', last: 'last',
};
// Short forms that are also ordinary words need a this/next in front of them.
const AMBIGUOUS = new Set(['mon', 'sat', 'sun']);

function insideCapitalisedRun(m: RegExpMatchArray): boolean {
  const input = m.input ?? '';
  const at = m.index ?? 0;
  const before = input.slice(0, at);
  const after = input.slice(at + m[0].length);
  // A company suffix ends a name: "visit Acme Corp Sat" is a day.
  const ended = /\b(?:Corp|Inc|Ltd|LLC|Co|Group|Company)\.?\s+$/.test(before);
  return (!ended && /[A-Z][A-Za-z&.'-]*\s+$/.test(before)) || /^\s+[A-Z][A-Za-z]/.test(after);
}

const TIME_AFTER = /^\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|^\s+(?:morning|afternoon|eod|am|pm)\b/i;

// "f/u w/ acme mon", "demo on sat": after on/by/until, or 'mon' closing the message, it is a day.
const DAY_PREPOSITION = /\b(?:on|by|until|till|til|before|next|this)\s+$/i;
function saidAsDay(m: RegExpMatchArray): boolean {
  const input = m.input ?? '';
  const at = m.index ?? 0;
  if (DAY_PREPOSITION.test(input.slice(Math.max(0, at - 8), at))) return true;
  return m[2] === 'mon' && /^\s*(?:[.,;!?]|$)/.test(input.slice(at + m[0].length));
}

const weekday = anchorParser(
  /\b(?:(this|next|coming|last)\s+)?(mon|tue|wed|thu|fri|sat|sun)(day|sday|nesday|rsday|urday|s|r|rs)?\b/i,
  (m, today) => {
    const relation = m[1]?.toLowerCase() ?? '';
    const key = (m[2] ?? '').toLowerCase();
    // Lower-case 'sun'/'sat'/'mon' are words; capitalised, or with a time after ("mon 9am"), they are days.
    if (!m[3] && !relation && AMBIGUOUS.has(m[2] ?? '') && !TIME_AFTER.test((m.input ?? '').slice((m.index ?? 0) + m[0].length)) && !saidAsDay(m)) return null;
    // "Sat down with …" opens a sentence with a verb.
    if (key === 'sat' && !m[3] && !relation && /^\s+down\b/i.test((m.input ?? '').slice((m.index ?? 0) + m[0].length))) return null;
    // "Blue Sun Corp", "Sun Life": a short form inside a run of capitalised words is a name.
    if (!m[3] && !relation && AMBIGUOUS.has(key) && insideCapitalisedRun(m)) return null;
    return weekdayDate(today, WEEKDAY[key] ?? 0, RELATION[relation] ?? 'bare');
  },
);

const nextWeek = anchorParser(/\bnext\s+week\b/i, (_m, today) => weekdayDate(today, 0, 'next'));

const monthEnd = anchorParser(
  /\b(?:end\s+of\s+(?:the\s+)?(next\s+|this\s+)?month|(?:month[-\s]end|eom)\b)/i,
  (m, today) => endOfMonth(today.y, today.m, m[1]?.toLowerCase().startsWith('next') ? 1 : 0),
);

// "end of Q" (no number): this quarter's last day.
const quarterEnd = anchorParser(
  /\b(?:end\s+of\s+(?:the\s+)?(next\s+|this\s+)?(?:quarter\b|q(?![\w-]))|(?:quarter[-\s]end|eoq)\b)/i,
  (m, today) => endOfQuarter(today, m[1]?.toLowerCase().startsWith('next') ? 1 : 0),
);

// "close this quarter", "signing this month": this month or quarter, said of a signing, is its last day.
const thisPeriodSigning = anchorParser(
  /(?<=\b(?:close|closes|closing|closure|sign|signs|signing|signed|land|book|po)\b[^.,;]{0,20})\b(this|next)\s+(month|quarter|qtr)\b/i,
  (m, today) => {
    const shift = m[1]?.toLowerCase() === 'next' ? 1 : 0;
    return m[2]?.toLowerCase() === 'month' ? endOfMonth(today.y, today.m, shift) : endOfQuarter(today, shift);
  },
);

const yearEnd = anchorParser(
  /\b(?:end\s+of\s+(?:the\s+)?(next\s+|this\s+)?year|(?:year[-\s]end|eoy)\b)/i,
  (m, today) => ({ y: today.y + (m[1]?.toLowerCase().startsWith('next') ? 1 : 0), m: 12, d: 31 }),
);

// "on the 15th": that day of this month, or of next month once it has passed.
const dayOfMonth = anchorParser(/\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b/i, (m, today) => {
  const day = Number(m[1]);
  const thisMonth = { ...endOfMonth(today.y, today.m), d: day };
  if (day < 1 || day > 31) return null;
  if (day >= today.d && day <= endOfMonth(today.y, today.m).d) return thisMonth;
  const next = endOfMonth(today.y, today.m, 1);
  return day <= next.d ? { ...next, d: day } : null;
});

// "end of Q1", "Q3 next year", "by Q2": the quarter's last day (src/nlu/README.md), next
// year's once this year's has ended.
const namedQuarter = anchorParser(/\b(?:end\s+of\s+)?Q([1-4])(?:\s+(next\s+year|\d{4}))?\b/i, (m, today) => {
  const q = Number(m[1]);
  const said = m[2]?.toLowerCase();
  const year = said ? (said.startsWith('next') ? today.y + 1 : Number(said)) : today.y;
  const end = endOfMonth(year, q * 3);
  return !said && end.y * 12 + end.m < today.y * 12 + today.m ? endOfMonth(year + 1, q * 3) : end;
});

// "by EOW", "end of the week": this week's Friday (next week's once it has passed); "next week" said: that one's.
const weekEnd = anchorParser(/\b(?:end\s+of\s+(?:the\s+)?(next\s+|this\s+)?week|eow)\b/i, (m, today) => {
  if (m[1]?.toLowerCase().startsWith('next')) return weekdayDate(today, 4, 'next');
  const friday = weekdayDate(today, 4, 'this');
  return compareDates(friday, today) < 0 ? weekdayDate(today, 4, 'next') : friday;
});

// "end of Jan", "end of Sept": that month's last day, next year's once this year's has passed.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const namedMonthEnd = anchorParser(
  /\bend\s+of\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?\.?(?![a-z])/i,
  (m, today) => upcomingMonthEnd(today, MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1),
);

// "by EOD", "end of day", "COB": today; "EOD tomorrow", "tmrw COB": tomorrow's.
const dayEnd = anchorParser(
  /\b(?:(tomorrow|tmrw|tmr)\s+)?(?:eod|end\s+of\s+(?:the\s+)?day|cob|close\s+of\s+business)\b(?:\s+(tomorrow|tmrw|tmr)\b)?/i,
  (m, today) => (m[1] || m[2] ? addDays(today, 1) : today),
);

export const enParsers: Parser[] = [weekday, nextWeek, monthEnd, quarterEnd, thisPeriodSigning, yearEnd, dayOfMonth, namedQuarter, weekEnd, namedMonthEnd, dayEnd];
