// The arguments every intent takes: the parser's slots (shared/nlu/CONTRACT.md, snake_case as
// there) plus what buttons add (customerId, confirmNew, …). Validated on every path — a
// button payload is user input like any other.
import { z } from 'zod';
import { matchKey } from '../domain/names.js';

const text = (max: number) => z.string().trim().min(1).max(max);
// Real dates and times only: "2026-02-30" or "T25:99" would otherwise roll over silently.
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDate, 'not a calendar date');
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/)
  .refine((v) => isCalendarDate(v.slice(0, 10)) && isClockTime(v.slice(11)), 'not a calendar date and time');
// A name must keep something after folding (matchKey): "!!!" would be a customer nobody can find.
const customerName = text(200).refine((v) => matchKey(v) !== '', 'no letters or digits');

function isCalendarDate(value: string): boolean {
  const [y = 0, m = 0, d = 0] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isClockTime(hhmm: string): boolean {
  const [h = 0, m = 0] = hhmm ? hhmm.split(':').map(Number) : [];
  return h < 24 && m < 60;
}

// Loose: intents beyond the contract (reminder buttons, settings) carry their own keys and
// validate them with their own schema.
export const argsSchema = z.looseObject({
  customer: customerName.optional(),
  contact: text(100).optional(),
  title: text(100).optional(),
  phone: z.string().regex(/^\+?\d{5,20}$/).optional(),
  email: z.string().email().max(200).optional(),
  // A leap year stands in when the year is not known, so 02-29 is a birthday.
  birthday: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/).refine((v) => isCalendarDate(v.length === 5 ? `2000-${v}` : v), 'not a date').optional(),
  industry: text(100).optional(),
  tier: z.enum(['A', 'B', 'C']).optional(),
  channel: z.enum(['visit', 'call', 'wechat', 'email', 'meeting', 'demo']).optional(),
  amount: z.number().finite().nonnegative().max(1e14).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  stage: z.enum(['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost']).optional(),
  expected_close: localDate.optional(),
  next_follow_up: localDateTime.optional(),
  lost_reason: text(500).optional(),
  category: z.enum(['care', 'feedback', 'satisfaction', 'renewal', 'marketing']).optional(),
  satisfaction: z.number().int().min(1).max(5).optional(),
  period: z.enum(['today', 'week', 'month', 'quarter', 'year']).optional(),
  scope: z.enum(['me', 'team']).optional(),
  summary: text(4000).optional(),
  // Issue #11's slots (src/nlu/types.ts documents them).
  occurred_at: localDateTime.optional(),
  subject: text(100).optional(),
  rank: z.boolean().optional(),
  rank_by: z.enum(['won', 'activities', 'follow_ups']).optional(),
  period_offset: z.number().int().min(-24).max(24).optional(),
  new_deal: z.boolean().optional(),
  clear_close: z.literal(true).optional(),
  // A contact who changed jobs, and the customer they left (add_contact).
  job_change: z.boolean().optional(),
  moved_from: text(200).optional(),
  contact_was: text(100).optional(),
  task_kind: z.enum(['follow_up', 'callback', 'overdue', 'done', 'renewal']).optional(),
  idle_days: z.number().int().min(0).max(3650).optional(),
  ask: z.enum(['contacts', 'customers']).optional(),
  follow_up_vague: text(100).optional(),
  other_dates: z.array(localDate).max(10).optional(),
  also_customers: z.array(text(60)).max(8).optional(),
  aliases: z.array(text(60)).max(4).optional(),
  // Issue #15's targets (src/nlu/types.ts documents them); `confirm` is the preview's button.
  target_period: z.string().regex(/^\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?$/).optional(),
  stretch: z.number().finite().positive().max(1e14).optional(),
  split: z.array(z.number().finite().positive().max(1e6)).min(2).max(12).optional(),
  shares: z.array(z.object({ name: text(100), percent: z.number().positive().max(100) })).min(1).max(50).optional(),
  per_rep: z.boolean().optional(),
  each: z.enum(['quarter', 'month']).optional(),
  commit: z.boolean().optional(),
  confirm: z.boolean().optional(),
  rank_order: z.literal('asc').optional(),
  // Issue #15's contracts and 回款 (src/nlu/types.ts documents them); `note` is a typed reason.
  contract_amount: z.number().finite().positive().max(1e14).optional(),
  instalments: z.array(z.object({
    label: text(60), share: z.number().positive().max(100).optional(),
    amount: z.number().finite().positive().max(1e14).optional(), due: localDate.optional(),
  })).min(1).max(12).optional(),
  instalment: z.string().regex(/^(?:first|last|[1-9]\d?)$/).optional(),
  payment_ask: z.enum(['collected', 'overdue', 'outstanding']).optional(),
  note: text(500).optional(),
  // Issue #14's transfer by a manager (src/nlu/README.md documents them).
  from_person: text(100).optional(),
  to_person: text(100).optional(),
  all: z.boolean().optional(),
  // Added by buttons and clarifications:
  /** A payment nudge's instalment and reminder, and the new due date 改期 picked (#15). */
  instalmentId: z.string().max(64).optional(),
  reminderId: z.string().max(64).optional(),
  date: localDate.optional(),
  customerId: z.string().max(64).optional(),
  dealId: z.string().max(64).optional(),
  batchId: z.string().max(64).optional(),
  confirmNew: z.boolean().optional(),
  /** A backwards stage move the user confirmed (update-deal.ts). */
  confirmBack: z.boolean().optional(),
  /** The user declined to be reminded (the vague follow-up question's "不用提醒"). */
  noFollowUp: z.boolean().optional(),
  /** The follow-up said corrects the one just set ("不是周四 是周五", "美团改成周五再跟进"): move it. */
  moves: z.boolean().optional(),
});

export type Args = z.infer<typeof argsSchema>;
