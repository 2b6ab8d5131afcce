// "今天回访了几家 平均分多少", "有没有客户投诉", "最近有哪些低分回访" (issue #11, found by a tester):
// the callbacks recorded in the period on the customers the actor sees — how many, their average
// score, and the low scores and complaints listed. A rep sees their own customers', a manager
// their team's, care and admins everyone's.
import type { Reply } from '../chat/index.js';
import { formatDateTime, t } from '../i18n/index.js';
import { askedPeriod } from './query-who.js';
import { qt } from './query-messages.js';
import type { IntentHandler } from './types.js';
import { needCustomer } from './customer.js';
import { isComplaint } from './callback-alert.js';

const LISTED = 20;

export const queryCallbacks: IntentHandler = {
  async handle(ctx, args): Promise<Reply> {
    const { actor, locale } = ctx;
    // No period said: the last week's (本周 would be empty on a Monday morning).
    const period = askedPeriod(ctx, args, 'week');
    const owners = actor.visibleOwners;
    const named = args.customer ? await needCustomer(ctx, 'query_callbacks', args, { allowCreate: false }) : undefined;
    if (named?.reply) return named.reply;
    // One customer's, with no period said: their latest, whenever.
    const dated = !named || args.period !== undefined;
    // Care and admins see every customer: no list of ids to filter by.
    const seen = owners === 'all' ? undefined
      : await ctx.tx.customer.findMany({ where: { tenantId: actor.tenantId, ownerId: { in: owners } }, select: { id: true } });
    const calls = await ctx.tx.callback.findMany({
      where: { tenantId: actor.tenantId, ...(named ? { customerId: named.customer.id } : seen && { customerId: { in: seen.map((c) => c.id) } }), ...(dated && { occurredAt: { gte: period.start, lt: period.end } }) },
      ...(named && { take: 50 }),
      orderBy: { occurredAt: 'desc' },
    });
    const customers = await ctx.tx.customer.findMany({ where: { tenantId: actor.tenantId, id: { in: [...new Set(calls.map((c) => c.customerId))] } }, select: { id: true, name: true } });
    const name = new Map(customers.map((c) => [c.id, c.name]));
    const label = named ? `${named.customer.name}${dated ? ` · ${period.label}` : ''}` : period.label;
    const title = qt(locale, 'callbacksReviewTitle', { period: label });
    if (!calls.length) return { text: qt(locale, 'callbacksReviewEmpty', { period: label }) };
    const scored = calls.filter((c) => c.satisfaction !== null);
    const average = scored.length ? (scored.reduce((s, c) => s + c.satisfaction!, 0) / scored.length).toFixed(1) : '—';
    const flagged = calls.filter((c) => (c.satisfaction !== null && c.satisfaction <= 2) || isComplaint(c.summary));
    // "回访列表": each one listed; "有没有投诉": only the low scores and complaints.
    const all = (args as { all?: boolean }).all === true;
    const listed = all ? calls : flagged;
    const summary = qt(locale, 'callbacksReviewSummary', { count: calls.length, customers: new Set(calls.map((c) => c.customerId)).size, average, flagged: flagged.length, all: all ? 1 : '' });
    const fields = listed.slice(0, LISTED).map((c) => ({
      label: `${formatDateTime(c.occurredAt, locale, actor.timeZone)} · ${name.get(c.customerId) ?? ''}`,
      value: [c.satisfaction !== null ? `${c.satisfaction}/5` : t(locale, `category.${c.category}`), c.summary].join(' — ').slice(0, 120),
    }));
    const buttons = [...new Set(listed.map((c) => c.customerId))].slice(0, 5).map((customerId) => ({ label: name.get(customerId) ?? '', action: { intent: 'query_customer', args: { customerId } } }));
    return { text: [title, summary].join('\n'), card: { title, fields: [{ label: t(locale, 'field.total'), value: summary }, ...fields], ...(buttons.length && { buttons }) } };
  },
};
