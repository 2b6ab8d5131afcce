// "今天拜访了华为的张总，意向金额50万，下周三再跟进": one activity at the time it happened, the
// deal facts it carries, the contact if named, and the next follow-up as a reminder — all in
// the message's transaction. A fact that cannot be placed is said in the reply (issue #11).
import type { Reply } from '../chat/index.js';
import { logActivity as addActivity } from '../domain/records.js';
import { formatDateTime, t } from '../i18n/index.js';
import { needCustomer, type CustomerRef } from './customer.js';
import { placeDealFacts } from './deal-place.js';
import { ft } from './facts-messages.js';
import { askFollowUpTime, withQuestion } from './follow-up-ask.js';
import { contactFor, customerFacts } from './side-facts.js';
import { activityTimes, timeNotes } from './times.js';
import { dealFields, field, undoButton, viewCustomerButton, whenField } from './render.js';
import type { IntentContext, IntentHandler } from './types.js';
import type { Args } from './args.js';

export const logActivity: IntentHandler = {
  async handle(ctx, args) {
    const found = await needCustomer(ctx, 'log_activity', args, { allowCreate: true });
    if (found.reply) return found.reply;
    const { customer } = found;
    const placed = await placeDealFacts(ctx, 'log_activity', args, customer);
    if (placed.reply) return placed.reply;
    const { actor, locale } = ctx;
    const { contact, notes: contactNotes } = await contactFor(ctx, args, customer);
    const customerChanged = await customerFacts(ctx, args, customer);
    const times = activityTimes(args, ctx.now, actor.timeZone);
    const channel = args.channel ?? 'visit';
    await addActivity(ctx.changes, {
      customerId: customer.id, contactId: contact?.id, dealId: placed.deal?.id, userId: actor.userId, channel,
      summary: args.summary ?? ctx.text ?? t(locale, `channel.${channel}`),
      occurredAt: times.occurredAt, nextFollowUpAt: times.followUpAt, sourceMessageId: ctx.eventId,
    });
    const title = t(locale, 'activity.logged', { channel: t(locale, `channel.${channel}`), customer: customer.name });
    const notes = [...timeNotes(locale, args, times, actor.timeZone), ...contactNotes];
    const reply: Reply = {
      text: [title, ...notes].join('\n'),
      card: {
        title,
        fields: [
          ...field(locale, 'field.contact', contact?.name),
          ...(times.occurredSaid ? [{ label: ft(locale, 'occurredAt'), value: formatDateTime(times.occurredAt, locale, actor.timeZone) }] : []),
          ...(placed.deal && placed.changed ? dealFields(locale, placed.deal) : []),
          ...whenField(locale, times.followUpAt, actor.timeZone),
          ...customerChanged,
        ],
        buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)],
      },
    };
    if (!args.follow_up_vague || times.followUpAt) return reply;
    return withQuestion(reply, await askVague(ctx, args, customer, placed.deal?.id));
  },
};

function askVague(ctx: IntentContext, args: Args, customer: CustomerRef, dealId: string | undefined): Promise<Reply> {
  return askFollowUpTime(ctx, args.follow_up_vague!, { customerId: customer.id, ...(dealId && { dealId }), summary: args.summary ?? ctx.text });
}
