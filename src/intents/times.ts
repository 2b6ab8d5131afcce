// The roles of the times in a message (issue #11): when the reported activity happened, when
// to follow up, and dates that are neither. A follow-up time that is not after the activity
// and the message never becomes a reminder: said with no activity time, it is that time.
import { formatCalendarDate, formatDateTime, type Locale } from '../i18n/index.js';
import { fromLocalString, isoInZone } from '../time.js';
import type { Args } from './args.js';
import { ft } from './facts-messages.js';

/** A minute of slack: "now" said as a time of day is not the past. */
const SLACK_MS = 60_000;

export interface Times {
  occurredAt: Date;
  /** Said as the activity's time (shown on the card). */
  occurredSaid: boolean;
  followUpAt?: Date;
  /** A follow-up time that had already passed and was not used as the activity's time. */
  pastFollowUp?: Date;
  /** "今天再跟进" with no hour, said after 09:00: later today, but when? (asked, like a vague one) */
  laterToday?: boolean;
}

/** "YYYY-MM-DD" alone means: now if today, else noon of that day (never in the future). */
function whenHappened(value: string, now: Date, zone: string): Date {
  const today = isoInZone(now, zone).slice(0, 10);
  const at = value.length === 10 ? (value === today ? now : fromLocalString(value, zone, 12)) : fromLocalString(value, zone);
  return at.getTime() > now.getTime() ? now : at;
}

export function activityTimes(args: Args, now: Date, zone: string): Times {
  const said = args.occurred_at ? whenHappened(args.occurred_at, now, zone) : undefined;
  const followUp = args.next_follow_up ? fromLocalString(args.next_follow_up, zone) : undefined;
  const floor = Math.max(now.getTime(), said?.getTime() ?? 0) + SLACK_MS;
  if (!followUp || followUp.getTime() > floor) {
    return { occurredAt: said ?? now, occurredSaid: !!said, followUpAt: followUp };
  }
  if (args.next_follow_up === isoInZone(now, zone).slice(0, 10)) return { occurredAt: said ?? now, occurredSaid: !!said, laterToday: true };
  // "今天下午去华为…" sent at 16:00: 14:00 is when it happened, not a reminder.
  if (!said) return { occurredAt: whenHappened(args.next_follow_up!, now, zone), occurredSaid: true };
  return { occurredAt: said, occurredSaid: true, pastFollowUp: followUp };
}

/** Lines telling the user about dates that set nothing (issue #11: never silently). */
export function timeNotes(locale: Locale, args: Args, times: Pick<Times, 'pastFollowUp'>, zone: string): string[] {
  const notes: string[] = [];
  if (times.pastFollowUp) notes.push(ft(locale, 'pastFollowUp', { when: formatDateTime(times.pastFollowUp, locale, zone) }));
  const other = args.other_dates ?? [];
  if (other.length) {
    const dates = other.map((d) => formatCalendarDate(new Date(`${d}T00:00:00Z`), locale, new Date(), zone)).join(locale === 'zh' ? '、' : ', ');
    notes.push(ft(locale, 'otherDates', { dates }));
  }
  return notes;
}
