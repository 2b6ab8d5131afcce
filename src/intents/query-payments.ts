// "本月回款多少", "哪些款逾期了", "招行还有多少没回" (issue #15): collected over a period (a rep's
// own; a manager's team, admins and care everyone), overdue instalments, and what is still to
// collect per deal and instalment. Only deals the asker sees; sums per currency.
import type { Field, Reply } from '../chat/index.js';
import { collected, openInstalments, type OpenInstalment } from '../domain/payment-queries.js';
import { formatAmount, formatCalendarDate, type Locale } from '../i18n/index.js';
import { isoInZone } from '../time.js';
import { daysBetween } from '../../jobs/calendar.js';
import type { Args } from './args.js';
import { needCustomer } from './customer.js';
import { pt } from './payment-messages.js';
import { qt } from './query-messages.js';
import { askedPeriod } from './query-who.js';
import type { IntentContext, IntentHandler } from './types.js';

const today = (ctx: IntentContext) => isoInZone(ctx.now, ctx.actor.timeZone).slice(0, 10);
// The tenant's usual CNY first, then the other currencies alphabetically.
const byCurrency = ([a]: [string, number], [b]: [string, number]) => (a === 'CNY' ? -1 : b === 'CNY' ? 1 : a.localeCompare(b));
const sums = (locale: Locale, m: Map<string, number>) => [...m].sort(byCurrency).map(([c, n]) => formatAmount(n, locale, c)).join(' + ');

async function collectedReply(ctx: IntentContext, args: Args): Promise<Reply> {
  const { locale, actor } = ctx;
  const mine = actor.role === 'rep' || args.scope === 'me';
  const period = askedPeriod(ctx, args, 'month');
  const got = await collected(ctx.tx, actor, mine ? [actor.userId] : undefined, period);
  const who = mine ? qt(locale, 'me') : qt(locale, 'team');
  if (!got.byCurrency.size) return { text: pt(locale, 'collectedNone', { who, period: period.label }) };
  const title = `${pt(locale, 'collectedTitle', { who, period: period.label })}: ${sums(locale, got.byCurrency)}`;
  const fields = got.byCustomer.slice(0, 10).map((c) => ({ label: c.customer, value: formatAmount(c.amount, locale, c.currency) }));
  return { text: [title, ...fields.map((f) => `• ${f.label}: ${f.value}`)].join('\n'), card: { title, fields } };
}

function instalmentField(ctx: IntentContext, o: OpenInstalment, value: string): Field {
  return { label: `${o.deal.customer} · ${o.instalment.label}`, value };
}

async function overdueReply(ctx: IntentContext): Promise<Reply> {
  const { locale, actor } = ctx;
  const date = today(ctx);
  const rows = await openInstalments(ctx.tx, actor, { dueBefore: date });
  if (!rows.length) return { text: pt(locale, 'overdueNone') };
  const owners = actor.role === 'rep' ? new Map<string, string>() : await ownerNames(ctx, rows);
  const title = pt(locale, 'overdueTitle', { count: rows.length });
  const fields = rows.map((o) => instalmentField(ctx, o, pt(locale, 'overdueLine', {
    left: formatAmount(o.left, locale, o.deal.currency),
    days: daysBetween(o.instalment.dueDate!.toISOString().slice(0, 10), date),
    owner: owners.has(o.deal.ownerId) ? ` · ${owners.get(o.deal.ownerId)}` : '',
  }) + (o.reason ? pt(locale, 'reason', { reason: o.reason }) : '')));
  return { text: [title, ...fields.map((f) => `• ${f.label}: ${f.value}`)].join('\n'), card: { title, fields } };
}

async function outstandingReply(ctx: IntentContext, args: Args): Promise<Reply> {
  const { locale, actor } = ctx;
  let customer: { id: string; name: string } | undefined;
  if (args.customer || args.customerId) {
    const found = await needCustomer(ctx, 'query_payments', args, { allowCreate: false });
    if (found.reply) return found.reply;
    customer = found.customer;
  }
  const rows = await openInstalments(ctx.tx, actor, { ...(customer && { customerId: customer.id }) });
  if (!rows.length) return { text: pt(locale, 'outstandingNone', { customer: customer?.name ?? '' }) };
  const totals = new Map<string, number>();
  for (const o of rows) totals.set(o.deal.currency, (totals.get(o.deal.currency) ?? 0) + o.left);
  const title = pt(locale, 'outstandingTitle', { customer: customer?.name ?? '', total: sums(locale, totals) });
  const fields = rows.slice(0, 20).map((o) => instalmentField(ctx, o, pt(locale, 'outstandingLine', {
    left: formatAmount(o.left, locale, o.deal.currency),
    due: o.instalment.dueDate ? pt(locale, 'dueOn', { date: formatCalendarDate(o.instalment.dueDate, locale, ctx.now, actor.timeZone) }) : '',
  })));
  return { text: [title, ...fields.map((f) => `• ${f.label}: ${f.value}`)].join('\n'), card: { title, fields } };
}

async function ownerNames(ctx: IntentContext, rows: OpenInstalment[]): Promise<Map<string, string>> {
  const users = await ctx.tx.user.findMany({ where: { tenantId: ctx.actor.tenantId, id: { in: [...new Set(rows.map((r) => r.deal.ownerId))] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export const queryPayments: IntentHandler = {
  handle(ctx, args) {
    const ask = (args as { payment_ask?: string }).payment_ask;
    if (ask === 'overdue') return overdueReply(ctx);
    if (ask === 'outstanding' || (!ask && (args.customer || args.customerId))) return outstandingReply(ctx, args);
    return collectedReply(ctx, args);
  },
};
