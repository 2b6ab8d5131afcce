// What a rep is told about a customer that is someone else's (查重, issue #14): that it has an
// owner — their team for a rep, the owner's name for a manager or admin — and nothing private
// (no contacts, deals or amounts). The buttons ask the owner's manager for a transfer or to
// collaborate; a customer in the public pool is offered to claim instead.
import type { Reply } from '../chat/index.js';
import type { IntentContext } from './types.js';
import { ow } from './ownership-messages.js';

export interface TakenCustomer { id: string; name: string; ownerId: string }

/** `creating`: the rep tried to add it as new (查重); otherwise they named it in another message. */
export async function takenReply(ctx: IntentContext, customer: TakenCustomer, creating = false): Promise<Reply> {
  const { tx, actor, locale } = ctx;
  const row = await tx.customer.findFirst({ where: { id: customer.id, tenantId: actor.tenantId }, select: { pooledAt: true } });
  if (row?.pooledAt) {
    return ctx.ask(ow(locale, 'pooled', { name: customer.name }), [
      { label: ow(locale, 'claim', { name: customer.name }), action: { intent: 'claim_customer', args: { customerId: customer.id } }, style: 'primary' },
    ]);
  }
  const text = ow(locale, creating ? 'taken' : 'takenOther', { name: customer.name, owner: await ownerLabel(ctx, customer.ownerId) });
  return ctx.ask(text, [
    { label: ow(locale, 'askTransfer'), action: { intent: 'request_ownership', args: { customerId: customer.id, kind: 'transfer' } } },
    { label: ow(locale, 'askCollaborate'), action: { intent: 'request_ownership', args: { customerId: customer.id, kind: 'collaborate' } } },
  ]);
}

/** A manager or admin is told who owns it; a rep only the owner's team. */
async function ownerLabel(ctx: IntentContext, ownerId: string): Promise<string> {
  const owner = await ctx.tx.user.findFirst({ where: { id: ownerId, tenantId: ctx.actor.tenantId }, select: { name: true, team: { select: { name: true } } } });
  if (ctx.actor.role !== 'rep') return owner?.name ?? '?';
  return owner?.team?.name ?? ow(ctx.locale, 'anotherTeam');
}
