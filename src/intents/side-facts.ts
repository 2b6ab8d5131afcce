// Facts about the contact and the customer that ride along in a message about something else
// ("拜访了华为的张总，他电话13800138000"; "…，对方是安防行业"): applied where they belong, or
// named in the reply when they have no home (a phone with no contact named) — issue #11.
import type { Field } from '../chat/index.js';
import { upsertContact } from '../domain/records.js';
import { t, type Locale } from '../i18n/index.js';
import type { Args } from './args.js';
import type { CustomerRef } from './customer.js';
import { ft } from './facts-messages.js';
import type { IntentContext } from './types.js';

const CONTACT_FACTS = ['title', 'phone', 'email', 'birthday'] as const;

export async function contactFor(ctx: IntentContext, args: Args, customer: CustomerRef) {
  const facts = Object.fromEntries(CONTACT_FACTS.flatMap((k) => (args[k] ? [[k, args[k]]] : [])));
  if (!args.contact) {
    const said = Object.values(facts).join(' ');
    return { contact: undefined, notes: said ? [ft(ctx.locale, 'contactFactsNoName', { facts: said, customer: customer.name })] : [] };
  }
  const { contact } = await upsertContact(ctx.changes, ctx.tx, customer.id, { name: args.contact, ...facts });
  return { contact, notes: [] as string[] };
}

/** Industry and tier said in passing update the customer; the card shows them. */
export async function customerFacts(ctx: IntentContext, args: Args, customer: CustomerRef): Promise<Field[]> {
  const data = { ...(args.industry && { industry: args.industry }), ...(args.tier && { tier: args.tier }) };
  if (!Object.keys(data).length) return [];
  await ctx.changes.update('customer', customer.id, data);
  return customerFields(ctx.locale, data);
}

export function customerFields(locale: Locale, data: { industry?: string | null; tier?: string | null }): Field[] {
  return [
    ...(data.industry ? [{ label: t(locale, 'field.industry'), value: data.industry }] : []),
    ...(data.tier ? [{ label: t(locale, 'field.tier'), value: data.tier }] : []),
  ];
}
