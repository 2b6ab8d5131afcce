// Calendar anchors shared by the Chinese and English custom chrono parsers: each takes the
// reference's local date and returns the date the contract's Time section prescribes.
import { addDays, endOfMonth, isoWeekday, compareDates, type LocalDate } from './calendar.js';

export type WeekRelation = 'bare' | 'this' | 'next' | 'after-next' | 'last';

const WEEK_SHIFT: Record<Exclude<WeekRelation, 'bare'>, number> = {
  this: 0, next: 7, 'after-next': 14, last: -7,
};

/** weekday: Monday = 0 … Sunday = 6. A bare weekday is the first such day strictly after today. */
export function weekdayDate(today: LocalDate, weekday: number, relation: WeekRelation): LocalDate {
  const current = isoWeekday(today);
  if (relation === 'bare') return addDays(today, ((weekday - current + 7) % 7) || 7);
  return addDays(today, WEEK_SHIFT[relation] - current + weekday);
}

/** The last day of the quarter `offset` quarters after today's. */
export function endOfQuarter(today: LocalDate, offset = 0): LocalDate {
  const quarterEndMonth = Math.floor((today.m - 1) / 3) * 3 + 3;
  return endOfMonth(today.y, quarterEndMonth, offset * 3);
}

/** A month named without a year: this year's, or next year's once it has passed. */
export function upcomingMonthEnd(today: LocalDate, month: number): LocalDate {
  const end = endOfMonth(today.y, month);
  return compareDates(end, today) < 0 ? endOfMonth(today.y + 1, month) : end;
}

/** A month and day without a year: this year, or next year if it has passed. */
export function upcomingDate(today: LocalDate, month: number, day: number): LocalDate {
  const candidate = { y: today.y, m: month, d: day };
  return compareDates(candidate, today) < 0 ? { ...candidate, y: today.y + 1 } : candidate;
}
