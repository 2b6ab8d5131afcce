// What chrono.zh.hans lacks or reads differently from the contract: weeks run Monday to
// Sunday, a bare weekday is strictly after today, and 月底/下个月底/年底/季度末/两周后/12月
// name dates chrono does not know.
import type { Parser } from 'chrono-node';
import { addDays, addMonths, endOfMonth, isValidDate } from './calendar.js';
import { anchorParser } from './parser-kit.js';
import { endOfQuarter, upcomingDate, upcomingMonthEnd, weekdayDate, type WeekRelation } from './anchors.js';

const WEEKDAY: Record<string, number> = {
  一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, 1: 0, 2: 1, 3: 2, 4: 3, 5: 4, 6: 5, 7: 6,
};
const RELATION: Record<string, WeekRelation> = {
  '': 'bare', 这: 'this', 本: 'this', 下: 'next', 下下: 'after-next', 上: 'last',
};
const MONTH_SHIFT: Record<string, number> = { '': 0, 本: 0, 这: 0, 下: 1, 下下: 2, 上: -1 };

const weekday = anchorParser(
  /(下下|上|下|这|本)?个?(?:星期|礼拜|周)([一二三四五六日天1-7])/,
  (m, today) => weekdayDate(today, WEEKDAY[m[2] ?? ''] ?? 0, RELATION[m[1] ?? ''] ?? 'bare'),
  // 老周一早就… / 小周一起: a person called Zhou.
  /[老小]/,
);

// 下周 alone is Monday of the next week; 周末 is that week's Saturday.
const week = anchorParser(
  /(下下|下|这|本)?个?(?:星期|礼拜|周)(末)?(?![一二三四五六日天1-7])/,
  (m, today) => {
    // A bare 周末 is the coming Saturday; a bare 周 is no date at all.
    if (!m[1]) return m[2] ? weekdayDate(today, 5, 'bare') : null;
    const relation = RELATION[m[1]] ?? 'next';
    if (m[2]) return weekdayDate(today, 5, relation);
    return relation === 'this' ? null : weekdayDate(today, 0, relation);
  },
);

// "明年3月底", "今年6月底": a named year before the month fixes it.
const YEAR_SHIFT: Record<string, number> = { 今年: 0, 本年: 0, 明年: 1, 后年: 2 };
const monthEnd = anchorParser(/(?:(今年|本年|明年|后年)?(\d{1,2})月|(下下|下|本|这|上)?个?月)(?:底|末)/, (m, today) => {
  const month = Number(m[2]);
  if (m[2] && m[1]) return month <= 12 ? endOfMonth(today.y + (YEAR_SHIFT[m[1]] ?? 0), month) : null;
  if (m[2]) return month <= 12 ? upcomingMonthEnd(today, month) : null;
  return endOfMonth(today.y, today.m, MONTH_SHIFT[m[3] ?? ''] ?? 0);
});

// A month named without a day means its last day (contract).
const namedMonth = anchorParser(/(?:(下下|下)个?月|(今年|本年|明年|后年)?(\d{1,2})月份?)(?![底末初中旬\d个])/, (m, today) => {
  if (m[1]) return endOfMonth(today.y, today.m, MONTH_SHIFT[m[1]] ?? 1);
  const month = Number(m[3]);
  if (!(month >= 1 && month <= 12)) return null;
  return m[2] ? endOfMonth(today.y + (YEAR_SHIFT[m[2]] ?? 0), month) : upcomingMonthEnd(today, month);
});

// 月初 is the month's first day, by analogy with 月底.
const monthStart = anchorParser(/(?:(\d{1,2})月|(下下|下|本|这)?个?月)初/, (m, today) => {
  if (m[1]) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? { ...upcomingMonthEnd(today, month), d: 1 } : null;
  }
  const end = endOfMonth(today.y, today.m, MONTH_SHIFT[m[2] ?? ''] ?? 0);
  return { ...end, d: 1 };
});

const monthDay = anchorParser(/(下个?|本|这个?)月(\d{1,2})[日号]/, (m, today) => {
  const base = endOfMonth(today.y, today.m, m[1]?.startsWith('下') ? 1 : 0);
  const day = Number(m[2]);
  return isValidDate(base.y, base.m, day) ? { ...base, d: day } : null;
});

// "明年3月15号": a named year before a month and day.
const yearMonthDay = anchorParser(/(今年|本年|明年|后年)(\d{1,2})月(\d{1,2})[日号]?/, (m, today) => {
  const [y, month, day] = [today.y + (YEAR_SHIFT[m[1] ?? ''] ?? 0), Number(m[2]), Number(m[3])];
  return isValidDate(y, month, day) ? { y, m: month, d: day } : null;
});

const yearEnd = anchorParser(/(明|今|本)?年(?:底|末)/, (m, today) => ({
  y: today.y + (m[1] === '明' ? 1 : 0), m: 12, d: 31,
}));

const quarterEnd = anchorParser(/(?:(下|本|这)个?)?季度?(?:末|底)/, (m, today) =>
  endOfQuarter(today, m[1] === '下' ? 1 : 0));

// "这个月就签", "本季度能拿下": this month or quarter, said of a signing, is its last day (as a named month is).
const SIGNING_SOON = '(?=\\s*(?:内|之内)?\\s*(?:就|能|要|会|可以|争取|应该|肯定|一定)?\\s*(?:签|定下来|成交|拿下|落地|下单))';
const thisMonthSigning = anchorParser(new RegExp(`(?:这个|本|这)月${SIGNING_SOON}`), (_m, today) => endOfMonth(today.y, today.m, 0));
const thisQuarterSigning = anchorParser(new RegExp(`(?:这个|本|这)季度?${SIGNING_SOON}`), (_m, today) => endOfQuarter(today, 0));

const UNIT_DAYS: Record<string, number> = { 天: 1, 日: 1, 周: 7, 星期: 7, 礼拜: 7 };

// "两周后", "3天之后", "过两周" (not 超过/经过 3天).
const later = anchorParser(/(?:过\s*)?(\d{1,3})\s*个?(天|日|周|星期|礼拜|月)(?:后|之后|以后)|(?<![超经通越度路])过\s*(\d{1,3})\s*个?(天|日|周|星期|礼拜|月)/, (m, today) => {
  const n = Number(m[1] ?? m[3]);
  const unit = m[2] ?? m[4] ?? '';
  if (unit === '月') return addMonths(today, n);
  return addDays(today, n * (UNIT_DAYS[unit] ?? 1));
});

const slashDate = anchorParser(/(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/])/, (m, today) => {
  const month = Number(m[1]);
  const day = Number(m[2]);
  return isValidDate(2000, month, day) ? upcomingDate(today, month, day) : null;
});

// "1.15 去一趟万华", "2.19前给方案": M.D as typed on a phone — never an amount, a score or a version.
const dotDate = anchorParser(
  /(?<![\d.¥$A-Za-z价率比分涨降跌长本数值度重量额点号])(?<!(?:满意度|评分|打分|分数|得分|评价|score|rating|rated|version|v)[\s:：为是了打给评]*)(1[0-2]|0?[1-9])\.(3[01]|[12]\d|0?[1-9])(?![\d.%]|\s*(?:万|亿|千|百|[kKmMwW]|个|倍|元|块|折|米|吨|公斤|岁|分|星|级|版|期|寸|英寸|G|T))/,
  (m, today) => {
    const [month, day] = [Number(m[1]), Number(m[2])];
    return isValidDate(2000, month, day) ? upcomingDate(today, month, day) : null;
  },
);

// "提醒我3号上午十点…": a day of the month alone is this month's, or next month's once it has passed.
const bareDay = anchorParser(
  /(?<![月\d./\-年])(\d{1,2})\s*[号日](?![楼线店仓门库机位厅馆院车间栋层室区内之以后])/,
  (m, today) => {
    const day = Number(m[1]);
    if (day < 1 || day > 31) return null;
    const month = day >= today.d ? endOfMonth(today.y, today.m) : endOfMonth(today.y, today.m, 1);
    return isValidDate(month.y, month.m, day) ? { ...month, d: day } : null;
  },
);

export const zhParsers: Parser[] = [
  weekday, week, yearMonthDay, monthEnd, monthStart, monthDay, namedMonth, yearEnd, quarterEnd, thisMonthSigning, thisQuarterSigning, later, slashDate, dotDate, bareDay,
];
