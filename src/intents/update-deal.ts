// A deal's amount, stage, expected close or lost reason changed, with no activity reported.
import { applyDealFacts, hasDealFacts } from '../domain/deals.js';
import { pickDeal } from './deal-choice.js';
import { t } from '../i18n/index.js';
import { needCustomer } from './customer.js';
import { dealFacts } from './deal-facts.js';
import { dealFields, undoButton, viewCustomerButton } from './render.js';
import type { IntentHandler } from './types.js';

export const updateDeal: IntentHandler = {
  async handle(ctx, args) {
    const found = await needCustomer(ctx, 'update_deal', args, { allowCreate: true });
    if (found.reply) return found.reply;
    const { customer } = found;
    const facts = dealFacts(args);
    if (!hasDealFacts(facts)) return { text: t(ctx.locale, 'ask.dealFacts', { customer: customer.name }) };

    const target = await pickDeal(ctx, 'update_deal', args, customer);
    if (target.reply) return target.reply;
    const { deal, created } = await applyDealFacts(ctx.changes, ctx.actor, customer, target.deal, facts);
    const title = t(ctx.locale, created ? 'deal.created' : 'deal.updated', { customer: customer.name });
    return {
      text: title,
      card: {
        title,
        fields: dealFields(ctx.locale, deal),
        buttons: [undoButton(ctx.locale, ctx.changes.ctx.batchId), viewCustomerButton(ctx.locale, customer.id)],
      },
    };
  },
};
