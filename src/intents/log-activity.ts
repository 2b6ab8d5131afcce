// "今天拜访了华为的张总，意向金额50万，下周三再跟进": one activity, the deal facts it carries,
// the contact if named, and the next follow-up as a reminder — all in the message's transaction.
import { applyDealFacts, hasDealFacts, openDeals } from '../domain/deals.js';
import { logActivity as addActivity, upsertContact } from '../domain/records.js';
import { t } from '../i18n/index.js';
import { fromLocalString } from '../time.js';
import { needCustomer } from './customer.js';
import { dealFacts } from './deal-facts.js';
import { pickDeal } from './deal-choice.js';
import { dealFields, field, undoButton, viewCustomerButton, whenField } from './render.js';
import type { IntentHandler } from './types.js';

export const logActivity: IntentHandler = {
  async handle(ctx, args) {
    const found = await needCustomer(ctx, 'log_activity', args, { allowCreate: true });
    if (found.reply) return found.reply;
    const { customer } = found;
    const { actor, locale } = ctx;

    const facts = dealFacts(args);
    // Deal facts need the right deal: with several open ones, ask (before writing anything).
    const choice = hasDealFacts(facts) ? await pickDeal(ctx, 'log_activity', { ...args, customerId: customer.id }, customer) : undefined;
    if (choice?.reply) return choice.reply;
    const deal = choice
      ? (await applyDealFacts(ctx.changes, actor, customer, choice.deal, facts)).deal
      : (await openDeals(ctx.tx, actor, customer.id))[0];
    const contact = args.contact
      ? (await upsertContact(ctx.changes, ctx.tx, customer.id, { name: args.contact })).contact
      : undefined;
    const channel = args.channel ?? 'visit';
    const nextFollowUpAt = args.next_follow_up ? fromLocalString(args.next_follow_up, actor.timeZone) : undefined;
    await addActivity(ctx.changes, {
      customerId: customer.id, contactId: contact?.id, dealId: deal?.id, userId: actor.userId, channel,
      summary: args.summary ?? ctx.text ?? t(locale, `channel.${channel}`),
      occurredAt: ctx.now, nextFollowUpAt, sourceMessageId: ctx.eventId,
    });

    const title = t(locale, 'activity.logged', { channel: t(locale, `channel.${channel}`), customer: customer.name });
    return {
      text: title,
      card: {
        title,
        fields: [
          ...field(locale, 'field.contact', contact?.name),
          ...(deal && hasDealFacts(facts) ? dealFields(locale, deal) : []),
          ...whenField(locale, nextFollowUpAt, actor.timeZone),
        ],
        buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)],
      },
    };
  },
};
