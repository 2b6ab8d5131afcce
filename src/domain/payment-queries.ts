// The questions about 回款 (issue #15): what came in over a period, which instalments are
// overdue, what is still to collect. Only deals the actor sees (a rep their own, a manager their
// team's); sums stay per currency.
import type { Instalment } from '../generated/prisma/client.js';
import { calendarDate, isoInZone } from '../time.js';
import { visibleTo, type Actor, type Tx } from './actor.js';
import { remainingOf } from './payments.js';

export interface DealInfo { id: string; title: string; currency: string; ownerId: string; customerId: string; customer: string }

/** Deals (won or open) the actor sees, limited to `owners` and to a customer when given. */
async function dealsOf(tx: Tx, actor: Actor, opts: { owners?: string[]; customerId?: string }): Promise<Map<string, DealInfo>> {
  const visible = visibleTo(actor);
  const owners = opts.owners && visible.ownerId ? opts.owners.filter((o) => visible.ownerId!.in.includes(o)) : opts.owners ?? visible.ownerId?.in;
  const deals = await tx.deal.findMany({
    where: { tenantId: actor.tenantId, ...(owners && { ownerId: { in: owners } }), ...(opts.customerId && { customerId: opts.customerId }) },
    select: { id: true, title: true, currency: true, ownerId: true, customerId: true },
  });
  const customers = await tx.customer.findMany({ where: { tenantId: actor.tenantId, id: { in: [...new Set(deals.map((d) => d.customerId))] } }, select: { id: true, name: true } });
  const names = new Map(customers.map((c) => [c.id, c.name]));
  return new Map(deals.map((d) => [d.id, { ...d, customer: names.get(d.customerId) ?? '' }]));
}

export interface Collected { byCurrency: Map<string, number>; byCustomer: { customer: string; currency: string; amount: number }[] }

/** Payments received in [start, end) (dated in the actor's zone) on the deals of `owners`. */
export async function collected(tx: Tx, actor: Actor, owners: string[] | undefined, range: { start: Date; end: Date }): Promise<Collected> {
  const deals = await dealsOf(tx, actor, { owners });
  const day = (d: Date) => calendarDate(isoInZone(d, actor.timeZone).slice(0, 10));
  const rows = await tx.payment.groupBy({
    by: ['dealId', 'currency'],
    where: { tenantId: actor.tenantId, dealId: { in: [...deals.keys()] }, receivedAt: { gte: day(range.start), lt: day(range.end) } },
    _sum: { amount: true },
  });
  const byCurrency = new Map<string, number>();
  const byCustomer = new Map<string, { customer: string; currency: string; amount: number }>();
  for (const r of rows) {
    const amount = r._sum.amount?.toNumber() ?? 0;
    byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + amount);
    const customer = deals.get(r.dealId)!.customer;
    const key = `${customer}\n${r.currency}`;
    byCustomer.set(key, { customer, currency: r.currency, amount: (byCustomer.get(key)?.amount ?? 0) + amount });
  }
  return { byCurrency, byCustomer: [...byCustomer.values()].sort((a, b) => b.amount - a.amount) };
}

export interface OpenInstalment { instalment: Instalment; deal: DealInfo; left: number; reason?: string }

/** Instalments with money still to come on the deals the actor sees; `dueBefore`: only those due before that day. */
export async function openInstalments(tx: Tx, actor: Actor, opts: { customerId?: string; dueBefore?: string; owners?: string[] }): Promise<OpenInstalment[]> {
  const deals = await dealsOf(tx, actor, opts);
  const rows = await tx.instalment.findMany({
    where: { tenantId: actor.tenantId, dealId: { in: [...deals.keys()] }, ...(opts.dueBefore && { dueDate: { lt: calendarDate(opts.dueBefore) } }) },
    orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { seq: 'asc' }],
  });
  const open = rows.filter((i) => remainingOf(i) > 0);
  const reasons = await latestReasons(tx, actor.tenantId, open.map((i) => i.id));
  return open.map((i) => ({ instalment: i, deal: deals.get(i.dealId)!, left: remainingOf(i), ...(reasons.has(i.id) && { reason: reasons.get(i.id)! }) }));
}

/** The reason last given for each instalment (说明原因 on a nudge keeps it after the note's key line). */
async function latestReasons(tx: Tx, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx.reminder.findMany({
    where: { tenantId, kind: 'payment_due', OR: ids.map((id) => ({ note: { startsWith: `instalment:${id}:` } })) },
    orderBy: { updatedAt: 'asc' },
  });
  const out = new Map<string, string>();
  for (const r of rows) {
    const [key, ...reason] = (r.note ?? '').split('\n');
    if (reason.length) out.set(key!.split(':')[1]!, reason.join(' '));
  }
  return out;
}
