// Which deal a message is about: the one a button named, the customer's only open deal, or —
// with several open — a question listing them (the answer re-runs `intent` with the dealId).
import { canSee } from '../domain/actor.js';
import { openDeals, type DealRow } from '../domain/deals.js';
import { UserError } from '../domain/errors.js';
import { formatAmount, t } from '../i18n/index.js';
import type { Args } from './args.js';
import type { IntentContext } from './types.js';
import type { Reply } from '../chat/index.js';
import { ft } from './facts-messages.js';

type Choice = { deal: DealRow | null; reply?: undefined } | { reply: Reply; deal?: undefined };

export async function pickDeal(ctx: IntentContext, intent: string, args: Args, customer: { id: string; name: string }): Promise<Choice> {
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
      [
        ...open.map((d) => ({ label: label(d), action: { intent, args: { ...args, customerId, dealId: d.id } } })),
        // "都不是 这个是新的": the facts may be a further deal's (not for 有把握, which names one).
        ...(intent === 'commit_deal' ? [] : [{ label: ft(ctx.locale, 'asNewDeal'), action: { intent, args: { ...args, customerId, new_deal: true } } }]),
      ],
    ),
  };
}
