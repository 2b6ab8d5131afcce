// Which deal a plan or a payment is about (issue #15): the one a button named, else the first
// non-empty tier of candidates — for a plan the won deals with no plan yet, then the won ones
// (which then say they have a plan), then the open ones;
// for a payment the deals with instalments still open, then the won ones, then the open ones.
// Several in the tier: a question with one button per deal, as deal-choice.ts asks.
import type { Reply } from '../chat/index.js';
import { canSee } from '../domain/actor.js';
import { OPEN_STAGES } from '../domain/deals.js';
import { UserError } from '../domain/errors.js';
import { remainingOf } from '../domain/payments.js';
import type { Deal } from '../generated/prisma/client.js';
import { formatAmount, t } from '../i18n/index.js';
import type { Args } from './args.js';
import type { CustomerRef } from './customer.js';
import { pt } from './payment-messages.js';
import type { IntentContext } from './types.js';

export type DealPick = { deal: Deal; reply?: undefined } | { reply: Reply; deal?: undefined };
type Purpose = 'plan' | 'payment';

export async function paymentDeal(ctx: IntentContext, intent: string, args: Args, customer: CustomerRef, purpose: Purpose): Promise<DealPick> {
  const { actor, tx } = ctx;
  if (args.dealId) {
    const deal = await tx.deal.findFirst({ where: { id: args.dealId, tenantId: actor.tenantId, customerId: customer.id } });
    if (!deal || !canSee(actor, deal)) throw new UserError('error.notAllowed');
    return { deal };
  }
  const deals = (await tx.deal.findMany({
    where: { tenantId: actor.tenantId, customerId: customer.id, stage: { in: ['won', ...OPEN_STAGES] } },
    orderBy: [{ closedAt: { sort: 'desc', nulls: 'last' } }, { updatedAt: 'desc' }],
  })).filter((d) => canSee(actor, d));
  const plans = await tx.instalment.findMany({ where: { tenantId: actor.tenantId, dealId: { in: deals.map((d) => d.id) } } });
  const planned = new Set(plans.map((i) => i.dealId));
  const unpaid = new Set(plans.filter((i) => remainingOf(i) > 0).map((i) => i.dealId));
  const won = deals.filter((d) => d.stage === 'won');
  const open = deals.filter((d) => d.stage !== 'won');
  const tiers = purpose === 'plan'
    ? [won.filter((d) => !planned.has(d.id)), won, open]
    : [deals.filter((d) => unpaid.has(d.id)), won, open];
  const tier = tiers.find((x) => x.length);
  if (!tier) return { reply: { text: pt(ctx.locale, 'noDeal', { customer: customer.name }) } };
  if (tier.length === 1) return { deal: tier[0]! };
  const label = (d: Deal) => [d.title, t(ctx.locale, `stage.${d.stage}`), d.amount ? formatAmount(d.amount.toNumber(), ctx.locale, d.currency) : '']
    .filter(Boolean).join(' · ');
  return {
    reply: await ctx.ask(pt(ctx.locale, 'whichDeal', { customer: customer.name }),
      tier.slice(0, 8).map((d) => ({ label: label(d), action: { intent, args: { ...args, customerId: customer.id, dealId: d.id } } }))),
  };
}
