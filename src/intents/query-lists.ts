// Lists a rep asks for (issue #11): "我的客户有哪些" (mine, the team's, a colleague's) and
// "帮我查下蔚来的联系人电话" (a customer's contacts with title, phone and email).
import { collaborations } from '../domain/ownership.js';
import { owners } from '../domain/reports.js';
import { needCustomer } from './customer.js';
import { qt } from './query-messages.js';
import { whose } from './query-who.js';
import type { IntentHandler } from './types.js';

const SHOWN = 30;

export const queryCustomers: IntentHandler = {
  async handle(ctx, args) {
    const { locale } = ctx;
    const who = await whose(ctx, args);
    if ('reply' in who) return who.reply;
    // A customer in the public pool (公海, #14) is no longer its last owner's.
    // My own list also holds the customers I collaborate on (#14), marked as such.
    const shared = who.scope === 'me' ? await collaborations(ctx.tx, ctx.actor) : [];
    const own = owners(ctx.actor, who.scope);
    const where = shared.length
      ? { tenantId: own.tenantId, pooledAt: null, OR: [{ ownerId: own.ownerId }, { id: { in: shared } }] }
      : { ...own, pooledAt: null };
    const [rows, count] = await Promise.all([
      ctx.tx.customer.findMany({ where, orderBy: { updatedAt: 'desc' }, take: SHOWN, select: { id: true, name: true, industry: true, tier: true } }),
      ctx.tx.customer.count({ where }),
    ]);
    if (!count) return { text: [who.note, qt(locale, 'customersEmpty')].filter(Boolean).join('\n') };
    const title = qt(locale, 'customersTitle', { who: who.label, count });
    const mark = (id: string) => (shared.includes(id) ? qt(locale, 'collaborating') : undefined);
    const lines = rows.map((c) => [c.name, c.industry, c.tier && `${c.tier}`, mark(c.id)].filter(Boolean).join(' · '));
    const more = count > SHOWN ? [qt(locale, 'customersMore', { n: count - SHOWN })] : [];
    return {
      text: [who.note, title, ...lines, ...more].filter(Boolean).join('\n'),
      card: {
        title,
        // One field per customer (the card's title already says whose and how many).
        fields: [
          ...rows.map((c) => ({ label: c.name, value: [c.industry, c.tier, mark(c.id)].filter(Boolean).join(' · ') || '—' })),
          ...more.map((m) => ({ label: '…', value: m })),
        ],
        buttons: rows.slice(0, 5).map((c) => ({ label: c.name, action: { intent: 'query_customer', args: { customerId: c.id } } })),
      },
    };
  },
};

export const queryContacts: IntentHandler = {
  async handle(ctx, args) {
    const { locale } = ctx;
    const found = await needCustomer(ctx, 'query_contacts', args, { allowCreate: false });
    if (found.reply) return found.reply;
    const { customer } = found;
    const contacts = await ctx.tx.contact.findMany({ where: { tenantId: ctx.actor.tenantId, customerId: customer.id }, orderBy: { createdAt: 'asc' }, take: 20 });
    if (!contacts.length) return { text: qt(locale, 'contactsEmpty', { customer: customer.name }) };
    const title = qt(locale, 'contactsTitle', { customer: customer.name });
    // Someone who left (a job change told in chat) stays listed, marked, after the current people.
    const ordered = [...contacts.filter((c) => !c.leftAt), ...contacts.filter((c) => c.leftAt)];
    const fields = ordered.map((c) => ({
      label: [c.name + (c.leftAt ? qt(locale, 'contactLeft') : ''), c.title].filter(Boolean).join(' · '),
      value: [c.phone, c.email].filter(Boolean).join(' · ') || '—',
    }));
    return { text: [title, ...fields.map((f) => `${f.label}: ${f.value}`)].join('\n'), card: { title, fields } };
  },
};
