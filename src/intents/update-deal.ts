// A deal's amount, stage, expected close or lost reason changed, with no activity reported —
// or a second deal ("又有个新商机"). A follow-up said with it becomes a reminder (issue #11).
import type { Field } from '../chat/index.js';
import { hasDealFacts } from '../domain/deals.js';
import { scheduleFollowUp } from '../domain/records.js';
import { t } from '../i18n/index.js';
import { fromLocalString } from '../time.js';
import { needCustomer, type CustomerRef } from './customer.js';
import { dealFacts } from './deal-facts.js';
import { placeDealFacts } from './deal-place.js';
import { ft } from './facts-messages.js';
import { askFollowUpTime, withQuestion } from './follow-up-ask.js';
import { contactFor } from './side-facts.js';
import { updateCustomer } from './update-customer.js';
import { logActivity } from './log-activity.js';
import { activityTimes, timeNotes } from './times.js';
import { dealFields, undoButton, viewCustomerButton, whenField } from './render.js';
import type { Args } from './args.js';
import type { IntentContext, IntentHandler } from './types.js';

/** A request to change the deal that says no change yet. */
const EDIT_REQUEST = /改|调整|更新|修改|编辑|\b(?:update|change|edit|modify)\b/i;

export const updateDeal: IntentHandler = {
  async handle(ctx, args) {
    // "byd的王总微信说审批走完了，下周签合同": a conversation was reported too — log it, with the news.
    if (args.channel && !args.new_deal) return logActivity.handle(ctx, args);
    const found = await needCustomer(ctx, 'update_deal', args, { allowCreate: true });
    if (found.reply) return found.reply;
    const { customer } = found;
    if (!hasDealFacts(dealFacts(args)) && !args.new_deal) {
      // "美团的行业改成本地生活" read as a deal update: it is a correction to the customer.
      if (args.industry || args.tier) return updateCustomer.handle(ctx, { ...args, customerId: customer.id });
      // "上汽预算批下来了", "腾讯的需求变了": news with no fact the deal has a field for is kept as a
      // note (nothing dropped), with how to change the deal. "更新一下Acme的商机" asks what changed.
      if (ctx.text && !EDIT_REQUEST.test(ctx.text)) {
        const noted = await logActivity.handle(ctx, { ...args, customerId: customer.id });
        return { ...noted, text: `${noted.text}\n${t(ctx.locale, 'hint.dealFacts', { customer: customer.name })}` };
      }
      return { text: t(ctx.locale, 'ask.dealFacts', { customer: customer.name }) };
    }

    const placed = await placeDealFacts(ctx, 'update_deal', args, customer);
    if (placed.reply) return placed.reply;
    const { deal, created, count } = placed;
    const { notes, fields, scheduled } = await sideFacts(ctx, args, customer, deal!.id);
    const title = count && count > 1
      ? ft(ctx.locale, 'newDealCreated', { customer: customer.name, count })
      : t(ctx.locale, created ? 'deal.created' : 'deal.updated', { customer: customer.name });
    const reply = {
      text: [title, ...(placed.notes ?? []), ...notes].join('\n'),
      card: {
        title,
        fields: [...dealFields(ctx.locale, deal!, ctx.actor.timeZone), ...fields],
        buttons: [undoButton(ctx.locale, ctx.changes.ctx.batchId), viewCustomerButton(ctx.locale, customer.id)],
      },
    };
    // "顺丰那单丢了…明年再约他们聊": a follow-up said too vaguely is asked about, not dropped.
    if (scheduled || !args.follow_up_vague) return reply;
    return withQuestion(reply, await askFollowUpTime(ctx, args.follow_up_vague, { customerId: customer.id, dealId: deal!.id, summary: args.summary ?? ctx.text }));
  },
};

/** The contact named and a follow-up said alongside the deal's news. */
async function sideFacts(ctx: IntentContext, args: Args, customer: CustomerRef, dealId: string): Promise<{ notes: string[]; fields: Field[]; scheduled: boolean }> {
  const { actor, locale } = ctx;
  const { contact, notes } = await contactFor(ctx, args, customer);
  const times = activityTimes(args, ctx.now, actor.timeZone);
  // No activity here to give a past time to: it is named as passed.
  const past = args.next_follow_up && !times.followUpAt ? fromLocalString(args.next_follow_up, actor.timeZone) : undefined;
  if (times.followUpAt) {
    await scheduleFollowUp(ctx.changes, { assigneeId: actor.userId, customerId: customer.id, dealId, dueAt: times.followUpAt, note: args.summary ?? ctx.text });
  }
  return {
    notes: [...timeNotes(locale, args, { pastFollowUp: past }, actor.timeZone), ...notes],
    fields: [...(contact ? [{ label: t(locale, 'field.contact'), value: contact.name }] : []), ...whenField(locale, times.followUpAt, actor.timeZone)],
    scheduled: Boolean(times.followUpAt),
  };
}
