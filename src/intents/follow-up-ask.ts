// A follow-up said vaguely ("过几天再联系", "节后再约") is asked about, never dropped: buttons
// for 3 days from now, next Monday, or no reminder — and a typed time answers it too.
import type { Reply } from '../chat/index.js';
import { isoInZone } from '../time.js';
import type { Args } from './args.js';
import { ft } from './facts-messages.js';
import type { IntentContext } from './types.js';

/** The local date `days` after `now`'s local date, as YYYY-MM-DD. */
function plusDays(now: Date, zone: string, days: number): string {
  const [y = 0, m = 1, d = 1] = isoInZone(now, zone).slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function daysToNextMonday(now: Date, zone: string): number {
  const [y = 0, m = 1, d = 1] = isoInZone(now, zone).slice(0, 10).split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
  return 8 - weekday;
}

/** `base`: what the answer schedules against (customerId, dealId, the note). */
export function askFollowUpTime(ctx: IntentContext, vague: string, base: Args): Promise<Reply> {
  const { locale, now } = ctx;
  const zone = ctx.actor.timeZone;
  const at = (days: number) => ({ intent: 'schedule_follow_up', args: { ...base, next_follow_up: `${plusDays(now, zone, days)}T09:00` } });
  return ctx.ask(ft(locale, 'askVague', { vague }), [
    { label: ft(locale, 'in3days'), action: at(3), style: 'primary' },
    { label: ft(locale, 'nextMonday'), action: at(daysToNextMonday(now, zone)) },
    { label: ft(locale, 'noReminder'), action: { intent: 'schedule_follow_up', args: { ...base, noFollowUp: true } } },
  ], { awaitsTime: { intent: 'schedule_follow_up', args: base }, noCancel: true, no: 2 });
}

/** The confirmation, then the question with its buttons (the question's numbers stay valid). */
export function withQuestion(done: Reply, question: Reply): Reply {
  return { text: `${done.text}\n${question.text}`, card: { ...done.card, buttons: question.card?.buttons ?? [] } };
}
