// The digest's public-pool lines (issue #14): per rep, customers returning to the pool within
// DUE_AHEAD_DAYS days (with the date), and yesterday's claims. Nothing when there is neither,
// so a team without a pool reads as before.
import type { DailyFigures } from './figures.js';
import { formatCalendarDate, translator, type Locale, type MessageTable } from '../../src/i18n/index.js';
import { calendarDate } from '../../src/time.js';
import type { PoolLine } from '../../src/domain/digest-pool.js';

const messages = {
  due: { zh: (p) => `即将退回公海（${p.days}天内）：`, en: (p) => `Returning to the pool within ${p.days} days:` },
  claims: { zh: '昨日领取公海客户：', en: 'Claimed from the pool yesterday:' },
} satisfies MessageTable;
const pt = translator(messages);

const SHOWN = 5;

function byRep(f: DailyFigures, lines: PoolLine[], locale: Locale, withDate: boolean): string[] {
  return f.reps.flatMap((r) => {
    const mine = lines.filter((l) => l.userId === r.userId);
    if (!mine.length) return [];
    const names = mine.slice(0, SHOWN).map((l) => (withDate && l.date ? `${l.name}（${formatCalendarDate(calendarDate(l.date), locale, calendarDate(f.date))}）` : l.name));
    const more = mine.length > SHOWN ? (locale === 'zh' ? ` 等${mine.length}个` : ` (${mine.length} in all)`) : '';
    return [`· ${r.name}${locale === 'zh' ? '：' : ': '}${names.join(locale === 'zh' ? '、' : ', ')}${more}`];
  });
}

export function poolLines(f: DailyFigures, locale: Locale, aheadDays: number): string[] {
  if (!f.pool) return [];
  const due = byRep(f, f.pool.due, locale, true), claims = byRep(f, f.pool.claims, locale, false);
  return [
    ...(due.length ? [pt(locale, 'due', { days: aheadDays }), ...due] : []),
    ...(claims.length ? [pt(locale, 'claims'), ...claims] : []),
  ];
}
