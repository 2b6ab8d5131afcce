// Deals gone quiet: open deals with no activity for longer than a limit — the tenant's per-stage
// thresholds (Tenant.settings.staleDays, what the daily stale-deal nudge uses) or a number of
// days the asker said ("哪些单子超过两周没动了", issue #11). Idle days count from the deal's last
// activity, or its creation when it has none.
import { z } from 'zod';
import type { Actor, Tx } from './actor.js';
import { owners, type Scope } from './reports.js';

const days = z.number().int().min(1).max(3650);
export const staleDaysSchema = z.object({ lead: days.catch(14), qualified: days.catch(10), proposal: days.catch(7), negotiation: days.catch(5) })
  .catch({ lead: 14, qualified: 10, proposal: 7, negotiation: 5 });
export type StaleDays = z.infer<typeof staleDaysSchema>;

const OPEN = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
const DAY_MS = 86_400_000;

export interface IdleDeal { dealId: string; customerId: string; customer: string; owner: string; stage: (typeof OPEN)[number]; amount: number; currency: string | null; idleDays: number }

/** Open deals of the scope idle longer than `minDays` (or, without it, their stage's limit), longest idle first. */
export async function idleDeals(db: Tx, actor: Actor, scope: Scope, now: Date, minDays?: number): Promise<IdleDeal[]> {
  const [deals, tenant] = await Promise.all([
    db.deal.findMany({ where: { ...owners(actor, scope), stage: { in: [...OPEN] } }, select: { id: true, customerId: true, ownerId: true, stage: true, amount: true, currency: true, createdAt: true } }),
    minDays === undefined ? db.tenant.findUnique({ where: { id: actor.tenantId }, select: { settings: true } }) : null,
  ]);
  if (!deals.length) return [];
  const limits = staleDaysSchema.parse((tenant?.settings as { staleDays?: unknown } | null)?.staleDays ?? {});
  const [last, customers, users] = await Promise.all([
    db.activity.groupBy({ by: ['dealId'], where: { tenantId: actor.tenantId, dealId: { in: deals.map((d) => d.id) }, occurredAt: { lte: now } }, _max: { occurredAt: true } }),
    // A customer in the public pool (#14) is nobody's pipeline.
    db.customer.findMany({ where: { tenantId: actor.tenantId, id: { in: deals.map((d) => d.customerId) }, pooledAt: null }, select: { id: true, name: true } }),
    db.user.findMany({ where: { tenantId: actor.tenantId, id: { in: deals.map((d) => d.ownerId) } }, select: { id: true, name: true } }),
  ]);
  const lastAt = new Map(last.map((a) => [a.dealId, a._max.occurredAt]));
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const people = new Map(users.map((u) => [u.id, u.name]));
  return deals.flatMap((d) => {
    const name = names.get(d.customerId);
    if (name === undefined) return [];
    const stage = d.stage as IdleDeal['stage'];
    const idleDays = Math.floor((now.getTime() - (lastAt.get(d.id) ?? d.createdAt).getTime()) / DAY_MS);
    if (idleDays < (minDays ?? limits[stage] + 1)) return [];
    return [{ dealId: d.id, customerId: d.customerId, customer: name, owner: people.get(d.ownerId) ?? '—', stage, amount: d.amount?.toNumber() ?? 0, currency: d.currency, idleDays }];
  }).sort((a, b) => b.idleDays - a.idleDays || b.amount - a.amount);
}
