// A new customer. An existing one of the same name is never duplicated; similar names are
// offered first ("create anyway" is one tap away).
import { looksLikeMarkup } from '../chat/clean-text.js';
import { canSee } from '../domain/actor.js';
import { createCustomer as create, findByContact, findCandidates, sharedWith } from '../domain/customers.js';
import { ownerName } from './customer.js';
import { takenReply } from './ownership-reply.js';
import { placeExtras } from './extras.js';
import { contactFor } from './side-facts.js';
import { field, undoButton, viewCustomerButton } from './render.js';
import { logActivity } from '../domain/records.js';
import { formatDateTime, t } from '../i18n/index.js';
import { activityTimes } from './times.js';
import type { Args } from './args.js';
import type { IntentContext, IntentHandler } from './types.js';

export const createCustomer: IntentHandler = {
  async handle(ctx, args) {
    const { locale, actor } = ctx;
    if (!args.customer) return { text: t(locale, 'ask.customerMissing') };
    // Typed markup the cleaning left is never created (a button's confirmNew names what was offered).
    if (looksLikeMarkup(args.customer) && !args.confirmNew) return { text: t(locale, 'customer.notPlainName', { name: args.customer }) };
    const candidates = await findCandidates(ctx.tx, actor.tenantId, args.customer, undefined, { similar: 'always' });
    const same = candidates.find((c) => c.exact);
    const shared = await sharedWith(ctx.tx, actor, candidates);
    if (same) {
      // Someone else's (查重, #14): their team and the request buttons, nothing private.
      if (!canSee(actor, same) && !shared.has(same.id)) return takenReply(ctx, same, true);
      const text = t(locale, 'customer.exists', { name: same.name, owner: await ownerName(ctx, same.ownerId) });
      return { text, card: { buttons: [viewCustomerButton(locale, same.id)] } };
    }
    // A contact's phone or company email domain already on someone else's customer is the same company.
    const byContact = (await findByContact(ctx.tx, actor.tenantId, { phone: args.phone, email: args.email }))
      .filter((c) => !canSee(actor, c));
    const otherShared = await sharedWith(ctx.tx, actor, byContact);
    const theirs = byContact.find((c) => !otherShared.has(c.id));
    if (theirs) return takenReply(ctx, theirs, true);
    const similar = candidates.filter((c) => canSee(actor, c) && (c.contains || c.score >= 0.4));
    if (similar.length && !args.confirmNew) {
      // A new name close to ones on file: is it one of them? (Not "matches several": it matched none.)
      return ctx.ask(t(locale, 'ask.similarCustomer', { name: args.customer, names: similar.map((c) => (locale === 'zh' ? `「${c.name}」` : `"${c.name}"`)).join(locale === 'zh' ? '、' : ', ') }), [
        ...similar.map((c) => ({ label: c.name, action: { intent: 'query_customer', args: { customerId: c.id } } })),
        { label: t(locale, 'button.createAnyway'), action: { intent: 'create_customer', args: { ...args, confirmNew: true } }, style: 'primary' },
      ]);
    }
    const customer = await create(ctx.changes, actor, { name: args.customer, industry: args.industry, tier: args.tier, ...(args.aliases && { aliases: args.aliases }) });
    // A new customer has no deal to choose between, so this never asks.
    const extras = await placeExtras(ctx, 'create_customer', args, customer);
    const { contact, notes } = extras.reply ? { contact: undefined, notes: [] } : await contactFor(ctx, args, customer);
    // "新增客户：恒逸石化…昨天刚拜访过": the contact already made is logged with the customer.
    const met = !extras.reply && args.channel ? await logFirstContact(ctx, args, customer.id, contact?.id) : undefined;
    const title = t(locale, 'customer.created', { name: customer.name });
    return {
      text: [title, ...(extras.reply ? [] : extras.notes), ...notes].join('\n'),
      card: {
        title,
        fields: [
          ...field(locale, 'field.industry', args.industry),
          ...field(locale, 'field.aliases', args.aliases?.join('、')),
          ...field(locale, 'field.tier', args.tier),
          ...field(locale, 'field.owner', actor.name),
          ...field(locale, 'field.contact', contact?.name),
          ...field(locale, 'field.activity', met),
          ...(contact && args.phone ? field(locale, 'field.phone', args.phone) : []),
          ...(extras.reply ? [] : extras.fields),
        ],
        buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)],
      },
    };
  },
};

/** The visit or call reported with a new customer, at the time said; its card line ("拜访 · 12月1日"). */
async function logFirstContact(ctx: IntentContext, args: Args, customerId: string, contactId: string | undefined): Promise<string> {
  const { actor, locale } = ctx;
  const channel = args.channel!;
  const times = activityTimes({ ...args, next_follow_up: undefined }, ctx.now, actor.timeZone);
  await logActivity(ctx.changes, {
    customerId, contactId, userId: actor.userId, channel, summary: args.summary ?? ctx.text ?? t(locale, `channel.${channel}`),
    occurredAt: times.occurredAt, sourceMessageId: ctx.eventId,
  });
  return `${t(locale, `channel.${channel}`)} · ${formatDateTime(times.occurredAt, locale, actor.timeZone)}`;
}
