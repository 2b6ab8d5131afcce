// "提醒我明天上午10点给华为打电话": a follow-up reminder; a plan, so no stage moves. Deal facts
// said with it ("…，金额调到120万") land on the deal; a missing or vague time is asked for, and
// the typed answer ("1月4号上午") completes this reminder (issue #11).
import { scheduleFollowUp as schedule } from '../domain/records.js';
import { formatDateTime, t } from '../i18n/index.js';
import { fromLocalString } from '../time.js';
import { needCustomer } from './customer.js';
import { placeDealFacts } from './deal-place.js';
import { ft } from './facts-messages.js';
import { askFollowUpTime, withQuestion } from './follow-up-ask.js';
import { dealFields, undoButton, viewCustomerButton } from './render.js';
import { timeNotes } from './times.js';
import type { Args } from './args.js';
import type { IntentContext, IntentHandler } from './types.js';
import type { Reply } from '../chat/index.js';

export const scheduleFollowUp: IntentHandler = {
  async handle(ctx, args) {
    const { locale, actor } = ctx;
    if (args.noFollowUp) return { text: ft(locale, 'noReminderDone') };
    const found = await needCustomer(ctx, 'schedule_follow_up', args, { allowCreate: true });
    if (found.reply) return found.reply;
    const { customer } = found;
    // A plan moves no stage (CONTRACT.md): only amount, close date and the like land.
    const placed = await placeDealFacts(ctx, 'schedule_follow_up', { ...args, stage: undefined }, customer);
    if (placed.reply) return placed.reply;
    const base: Args = { customerId: customer.id, ...(placed.deal && { dealId: placed.deal.id }), summary: args.summary ?? ctx.text };
    const facts = placed.deal && placed.changed ? dealFields(locale, placed.deal, ctx.actor.timeZone) : [];
    const buttons = [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)];
    const dueAt = args.next_follow_up ? fromLocalString(args.next_follow_up, actor.timeZone) : undefined;
    const isPast = dueAt && dueAt.getTime() < ctx.now.getTime() - 60_000;
    if (!dueAt || isPast) {
      const saved = facts.length ? { text: t(locale, 'deal.updated', { customer: customer.name }), card: { fields: facts, buttons } } : undefined;
      return askTime(ctx, base, args, saved, dueAt);
    }
    await schedule(ctx.changes, { assigneeId: actor.userId, customerId: customer.id, dealId: placed.deal?.id, dueAt, note: base.summary });
    const text = t(locale, 'followUp.scheduled', { customer: customer.name, when: formatDateTime(dueAt, locale, actor.timeZone) });
    const notes = timeNotes(locale, args, {}, actor.timeZone);
    return { text: [text, ...notes].join('\n'), card: { title: text, fields: facts, buttons } };
  },
};

/** No time, a past one, or a vague one: ask, and take the typed answer as the time. */
async function askTime(ctx: IntentContext, base: Args, args: Args, saved: Reply | undefined, past: Date | undefined): Promise<Reply> {
  const { locale, actor } = ctx;
  if (args.follow_up_vague && !past) {
    const question = await askFollowUpTime(ctx, args.follow_up_vague, base);
    return saved ? withQuestion(saved, question) : question;
  }
  await ctx.expect({ kind: 'time', action: { intent: 'schedule_follow_up', args: base } });
  const text = past
    ? t(locale, 'ask.followUpPast', { when: formatDateTime(past, locale, actor.timeZone) })
    : t(locale, 'ask.followUpTime');
  return saved ? { ...saved, text: `${saved.text}\n${text}` } : { text };
}
