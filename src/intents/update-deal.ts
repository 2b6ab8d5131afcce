// A deal's amount, stage, expected close or lost reason changed, with no activity reported.
import { applyDealFacts, hasDealFacts, openDeals, type DealRow } from '../domain/deals.js';
import { canSee } from '../domain/actor.js';
import { UserError } from '../domain/errors.js';
import { formatAmount, t } from '../i18n/index.js';
import { needCustomer } from './customer.js';
import { dealFacts } from './deal-facts.js';
import { dealFields, undoButton, viewCustomerButton } from './render.js';
import type { IntentContext, IntentHandler } from './types.js';
import type { Args } from './args.js';

export const updateDeal: IntentHandler = {
  async handle(ctx, args) {
    const found = await needCustomer(ctx, 'update_deal', args, { allowCreate: true });
    if (found.reply) return found.reply;
    const { customer } = found;
    const facts = dealFacts(args);
    if (!hasDealFacts(facts)) return { text: t(ctx.locale, 'ask.dealFacts', { customer: customer.name }) };

    const target = await pickDeal(ctx, args, customer);
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

/** The deal meant: the one named by a button, the only open one, or ask among several. */
async function pickDeal(ctx: IntentContext, args: Args, customer: { id: string; name: string }) {
  const customerId = customer.id;
  if (args.dealId) {
    const deal = await ctx.tx.deal.findFirst({ where: { id: args.dealId, tenantId: ctx.actor.tenantId, customerId } });
    if (!deal || !canSee(ctx.actor, deal)) throw new UserError('error.notAllowed');
    return { deal };
  }
  const open = await openDeals(ctx.tx, ctx.actor, customerId);
  if (open.length <= 1) return { deal: open[0] ?? null };
  const label = (d: DealRow) =>
    [d.title, t(ctx.locale, `stage.${d.stage}`), d.amount ? formatAmount(d.amount.toNumber(), ctx.locale, d.currency) : '']
      .filter(Boolean).join(' · ');
  return {
    reply: await ctx.ask(
      t(ctx.locale, 'ask.whichDeal', { customer: customer.name }),
      open.map((d) => ({ label: label(d), action: { intent: 'update_deal', args: { ...args, customerId, dealId: d.id } } })),
    ),
  };
}
