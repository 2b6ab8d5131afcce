// Where a date stands against `now`: behind it (the activity being reported), ahead of it (a
// plan), or today with no time said. Today's time counts as past when the words around it
// are in the past tense ("今天下午去了…" said at 10:00 is a report, not a plan).
import { addDays, compareDates, formatDate, type LocalDate } from './calendar.js';
import type { DateMention } from './extract.js';

export interface Clock { today: LocalDate; minuteOfDay: number }

export type Tense = 'past' | 'today' | 'future';

// 约了/约好了/定了 book a plan; they are no past tense.
const DONE = /(?<!约|约好|定|安排)了|过(?!去|来|几)|完|刚|已经|\b(?:called|met|visited|had|sent|emailed|spoke|talked|discussed|did|went|was|were|demo'?d|demoed|caught up)\b/i;

export function tenseOf(mention: DateMention, clock: Clock, clause: string): Tense {
  const order = compareDates(mention.date, clock.today);
  if (order !== 0) return order < 0 ? 'past' : 'future';
  const time = /T(\d{2}):(\d{2})$/.exec(mention.value);
  const rest = clause.replace(mention.text, ' ');
  if (!time) return DONE.test(rest) ? 'past' : 'today';
  if (Number(time[1]) * 60 + Number(time[2]) < clock.minuteOfDay) return 'past';
  // "电话打了 对方在开会 晚上8点再打": a time still ahead today, then 再, is the next try.
  const after = clause.slice(clause.indexOf(mention.text) + mention.text.length);
  if (/^\s*(?:再|重新|\bagain\b)/i.test(after)) return 'future';
  return DONE.test(rest) ? 'past' : 'future';
}

// "周末给华润打了电话", "Friday we met Acme" said on Monday: a bare weekday in the past tense is
// the last such day, not the next one.
const BARE_DAY = /^(?:周|星期|礼拜)(?:[一二三四五六日天1-7]|末)$|^(?:(?:on|last)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/i;
const DONE_HERE = /(?<!约|约好|定|安排)了|过(?!去|来|几)|完|\b(?:called|met|visited|had|sent|emailed|spoke|talked|went|was|were|demo'?d|demoed|presented|pitched|did|gave|ran)\b/i;

/** `near`: the words next to the mention; `follow`: whether they promise a follow-up. */
export function isLastBareDay(mention: DateMention, near: string, follow: boolean): boolean {
  return BARE_DAY.test(mention.text.trim()) && DONE_HERE.test(near) && !follow;
}

/** The date a week before `value` (same time of day): the last bare weekday, not the next. */
export function weekBefore(value: string): string {
  const [date = '', time] = value.split('T');
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 7);
  return `${day.toISOString().slice(0, 10)}${time ? `T${time}` : ''}`;
}

/** "晚上去了华为" said at 10:00: a time of today still ahead, in a report, was last night's (a bare
 * day part), or only today's date (今天晚上去了…: the hour cannot be right). */
export function notAhead(value: string, said: string, clock: Clock): string {
  const [date = '', time] = value.split('T');
  if (!time || date !== formatDate(clock.today)) return value;
  const [h = 0, m = 0] = time.split(':').map(Number);
  if (h * 60 + m <= clock.minuteOfDay) return value;
  return /今|today|this/i.test(said) ? date : `${formatDate(addDays(clock.today, -1))}T${time}`;
}
