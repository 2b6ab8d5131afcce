// "今天拜访了华为的张总，意向金额50万，下周三再跟进": one activity at the time it happened, the
// deal facts it carries, the contact if named, and the next follow-up as a reminder — all in
// the message's transaction. A fact that cannot be placed is said in the reply (issue #11).
import type { Reply } from '../chat/index.js';
import { logActivity as addActivity, settleFollowUps, type ActivityInput } from '../domain/records.js';
import { formatDateTime, t } from '../i18n/index.js';
import { logOnOthers } from './also-customers.js';
import { needCustomer } from './customer.js';
import { placeDealFacts } from './deal-place.js';
import { ft } from './facts-messages.js';
import { askFollowUpTime, withQuestion } from './follow-up-ask.js';
import { contactFor, customerFacts } from './side-facts.js';
import { activityTimes, timeNotes } from './times.js';
import { dealFields, field, undoButton, viewCustomerButton, whenField } from './render.js';
import type { IntentContext, IntentHandler } from './types.js';
import { endOfLocalDay } from '../time.js';
import type { Args } from './args.js';

export const logActivity: IntentHandler = {
  async handle(ctx, args) {
    const found = await needCustomer(ctx, 'log_activity', args, { allowCreate: true });
    if (found.reply) return found.reply;
    const { customer } = found;
    const placed = await placeDealFacts(ctx, 'log_activity', args, customer);
    if (placed.reply) return placed.reply;
    const { actor, locale } = ctx;
    const { contact, notes } = await contactFor(ctx, args, customer);
    const customerChanged = await customerFacts(ctx, args, customer);
    const times = activityTimes(args, ctx.now, actor.timeZone);
    // No way of contact said (上汽那边说…, Bob said…): a note, never a visit the rep did not mention.
    const channel = args.channel ?? 'note';
    const activity: ActivityInput = {
      customerId: customer.id, contactId: contact?.id, dealId: placed.deal?.id, userId: actor.userId, channel,
      summary: args.summary ?? ctx.text ?? t(locale, `channel.${channel}`),
      occurredAt: times.occurredAt, nextFollowUpAt: times.followUpAt, sourceMessageId: ctx.eventId,
    };
    // "刚给招行打了电话": a call or visit made is the follow-up that was due; a note (上汽那边说…) is not.
    const settled = channel === 'note' ? 0 : await settleFollowUps(ctx.changes, actor.userId, customer.id, endOfLocalDay(times.occurredAt, actor.timeZone));
    await addActivity(ctx.changes, activity);
    const others = await logOnOthers(ctx, args, activity, customer.name);
    const customers = [customer.name, ...others.names].join('、');
    const title = t(locale, 'activity.logged', { channel: t(locale, `channel.${channel}`), customer: customers });
    const fields = [
      ...field(locale, 'field.contact', contact?.name),
      ...(times.occurredSaid ? [{ label: ft(locale, 'occurredAt'), value: formatDateTime(times.occurredAt, locale, actor.timeZone) }] : []),
      ...(placed.deal && placed.changed ? dealFields(locale, placed.deal, ctx.actor.timeZone) : []),
      ...whenField(locale, times.followUpAt, actor.timeZone),
      ...customerChanged,
      // The follow-ups this contact settled, said on the card (undo reopens them).
      ...(settled ? [{ label: ft(locale, 'settledLabel'), value: ft(locale, 'followUpsSettled', { n: settled }) }] : []),
    ];
    const reply: Reply = {
      text: [title, ...timeNotes(locale, args, times, actor.timeZone), ...notes, ...(placed.notes ?? []), ...(others.note ? [others.note] : [])].join('\n'),
      card: { title, fields, buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)] },
    };
    if (times.followUpAt || !(args.follow_up_vague || times.laterToday)) return reply;
    return askWhen(ctx, args, reply, { customerId: customer.id, ...(placed.deal && { dealId: placed.deal.id }), summary: args.summary ?? ctx.text });
  },
};

/** A follow-up said with no usable time: buttons for a vague one; "今天再联系" takes a typed time. */
async function askWhen(ctx: IntentContext, args: Args, reply: Reply, base: Args): Promise<Reply> {
  if (args.follow_up_vague) return withQuestion(reply, await askFollowUpTime(ctx, args.follow_up_vague, base));
  await ctx.expect({ kind: 'time', action: { intent: 'schedule_follow_up', args: base } });
  return { ...reply, text: `${reply.text}\n${ft(ctx.locale, 'askToday')}` };
}
