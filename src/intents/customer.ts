// The customer an intent is about: by id (buttons) or by the name typed, asking when the name
// is unknown or ambiguous. The question's buttons carry the original request, completed.
import { looksLikeMarkup } from '../chat/clean-text.js';
import type { Reply } from '../chat/index.js';
import { createCustomer, findCandidates, getVisibleCustomer, resolve, type Candidate } from '../domain/customers.js';
import { UserError } from '../domain/errors.js';
import { t } from '../i18n/index.js';
import type { Args } from './args.js';
import { takenReply } from './ownership-reply.js';
import type { IntentContext } from './types.js';

export interface CustomerRef { id: string; name: string; ownerId: string; tenantId: string }
type Found = { customer: CustomerRef; reply?: undefined } | { reply: Reply; customer?: undefined };

export async function needCustomer(
  ctx: IntentContext, intent: string, args: Args, opts: { allowCreate: boolean },
): Promise<Found> {
  if (args.customerId) {
    const customer = await getVisibleCustomer(ctx.tx, ctx.actor, args.customerId);
    if (!customer) throw new UserError('error.notAllowed');
    return { customer };
  }
  // "陈海波的电话是139…": no customer said, but one customer the actor sees has that contact.
  // ("不是吴海 是吴涛": the name on record finds them.)
  const theirs = !args.customer && args.contact ? await contactsCustomer(ctx, args.contact_was ?? args.contact) : undefined;
  if (theirs) return needCustomer(ctx, intent, { ...args, customerId: theirs }, opts);
  if (!args.customer) return { reply: { text: t(ctx.locale, 'ask.customerMissing') } };
  const name = args.customer;
  const candidates = await findCandidates(ctx.tx, ctx.actor.tenantId, name, ctx.actor.userId);
  const found = resolve(ctx.actor, candidates, new Set(candidates.flatMap((c) => (c.shared ? [c.id] : []))));
  const pick = (c: Candidate) => ({ label: c.name, action: { intent, args: { ...args, customerId: c.id } } });
  switch (found.kind) {
    case 'one':
      return { customer: found.customer };
    case 'hidden':
      // Someone else's: no more than 查重 says (their team, or the owner's name for a manager) (#14).
      return { reply: await takenReply(ctx, found.customer) };
    case 'several':
      return { reply: await ctx.ask(t(ctx.locale, 'ask.whichCustomer', { name }), found.options.map(pick)) };
    case 'none': {
      // "给周涛打个电话" with 周涛 a contact (added seconds ago, before the parser's names caught up):
      // the contact's customer, not a new customer called 周涛.
      const theirs = await contactsCustomer(ctx, name);
      if (theirs) return needCustomer(ctx, intent, { ...args, customerId: theirs, contact: args.contact ?? name }, opts);
      if (!opts.allowCreate) {
        const text = t(ctx.locale, 'customer.notFound', { name });
        return { reply: found.similar.length ? await ctx.ask(text, found.similar.map(pick)) : { text } };
      }
      if (args.confirmNew) return { customer: await createCustomer(ctx.changes, ctx.actor, { name, industry: args.industry, tier: args.tier }) };
      // Markup the cleaning left (a broken tag, a bare @mention) is never offered as a customer.
      if (looksLikeMarkup(name)) return { reply: { text: t(ctx.locale, 'customer.notPlainName', { name }) } };
      return {
        reply: await ctx.ask(t(ctx.locale, 'ask.createCustomer', { name }), [
          { label: t(ctx.locale, 'button.create', { name }), action: { intent, args: { ...args, confirmNew: true } }, style: 'primary' },
          ...found.similar.map(pick),
        ]),
      };
    }
  }
}

/** The one customer the actor sees with a contact of exactly this name (a person's name only). */
async function contactsCustomer(ctx: IntentContext, name: string): Promise<string | undefined> {
  if (!/^[\u4e00-\u9fff]{2,4}$|^[A-Z][a-z]+(?: [A-Z][a-z]+)?$/.test(name)) return undefined;
  const rows = await ctx.tx.contact.findMany({ where: { tenantId: ctx.actor.tenantId, name }, select: { customerId: true }, take: 5 });
  const ids = [...new Set(rows.map((r) => r.customerId))];
  if (ids.length !== 1) return undefined;
  return (await getVisibleCustomer(ctx.tx, ctx.actor, ids[0]!)) ? ids[0] : undefined;
}

export async function ownerName(ctx: IntentContext, userId: string): Promise<string> {
  const user = await ctx.tx.user.findFirst({ where: { id: userId, tenantId: ctx.actor.tenantId }, select: { name: true } });
  return user?.name ?? '?';
}
