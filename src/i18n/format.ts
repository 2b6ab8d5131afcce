// Amounts and dates the way each audience reads them: 50万 / 1.2亿 for Chinese readers,
// ¥500k / ¥1.2M in English; dates in the user's zone.
import { localParts } from '../time.js';
import type { Locale } from './messages.js';

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$', SGD: 'S$', MYR: 'RM' };

function trim(n: number, digits: number): string {
  return n.toFixed(digits).replace(/\.?0+$/, '');
}

export function formatAmount(value: number, locale: Locale, currency = 'CNY'): string {
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  if (locale === 'zh') {
    const prefix = currency === 'CNY' ? '' : symbol;
    if (Math.abs(value) >= 1e8) return `${prefix}${trim(value / 1e8, 2)}亿`;
    if (Math.abs(value) >= 1e4) return `${prefix}${trim(value / 1e4, 2)}万`;
    return `${prefix || '¥'}${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
  }
  if (Math.abs(value) >= 1e9) return `${symbol}${trim(value / 1e9, 2)}B`;
  if (Math.abs(value) >= 1e6) return `${symbol}${trim(value / 1e6, 2)}M`;
  if (Math.abs(value) >= 1e3) return `${symbol}${trim(value / 1e3, 1)}k`;
  return `${symbol}${trim(value, 2)}`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZH_WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const EN_WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * A calendar date (stored as midnight UTC): 12月2日 / Dec 2, with the year when it is not this
 * year on the reader's calendar — `now` in `timeZone` (until 08:00 on 1 January in Shanghai it is
 * still last year in UTC, so a UTC year would print the year on this year's dates and drop it from
 * last year's). `now` may itself be a calendar date, read in UTC.
 */
export function formatCalendarDate(date: Date, locale: Locale, now = new Date(), timeZone = 'UTC'): string {
  const y = date.getUTCFullYear(), m = date.getUTCMonth() + 1, d = date.getUTCDate();
  const year = y !== localParts(now, timeZone).year;
  return locale === 'zh'
    ? `${year ? `${y}年` : ''}${m}月${d}日`
    : `${EN_MONTHS[m - 1]} ${d}${year ? `, ${y}` : ''}`;
}

/** An instant in the user's zone: 12月2日 周三 09:00 / Wed Dec 2, 09:00. */
export function formatDateTime(at: Date, locale: Locale, timeZone: string): string {
  const p = localParts(at, timeZone);
  const hm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return locale === 'zh'
    ? `${p.month}月${p.day}日 ${ZH_WEEKDAYS[p.weekday]} ${hm}`
    : `${EN_WEEKDAYS[p.weekday]} ${EN_MONTHS[p.month - 1]} ${p.day}, ${hm}`;
}

export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}
