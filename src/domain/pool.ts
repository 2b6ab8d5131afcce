// The public pool (公海, issue #14) as the chat uses it: what is in it, claiming a customer from
// it (daily limit, cool-down for the previous owner), an owner returning one, and a manager's
// 保留 that restarts the clock. Every write goes through Changes (audited, undone by 撤销), and
// every query is scoped to the actor's tenant: a pooled customer is anyone's in that tenant to
// see and claim, never another tenant's.
import type { Tier } from '../generated/prisma/enums.js';
import { addDays, atLocal, localDate } from '../../jobs/calendar.js';
import type { Actor, Tx } from './actor.js';
import type { Changes } from './changes.js';
import { findCandidates } from './customers.js';
import { recordMove } from './ownership.js';
import { poolRules, type PoolRules } from './pool-rules.js';

export interface PoolFilter { industry?: string; tier?: Tier }
export interface PooledCustomer { id: string; name: string; industry: string | null; tier: Tier | null; pooledAt: Date }

const pooledWhere = (tenantId: string, f: PoolFilter) => ({
  tenantId, pooledAt: { not: null },
  // "制造业客户" finds 制造 and 制造业: the trailing 业 is not needed to match.
  ...(f.industry && { industry: { contains: f.industry.replace(/(?<=.)业$/, ''), mode: 'insensitive' as const } }),
  ...(f.tier && { tier: f.tier }),
});

export async function listPool(tx: Tx, tenantId: string, f: PoolFilter, take: number) {
  const where = pooledWhere(tenantId, f);
  const [rows, count] = await Promise.all([
    tx.customer.findMany({ where, orderBy: [{ pooledAt: 'desc' }, { name: 'asc' }], take, select: { id: true, name: true, industry: true, tier: true, pooledAt: true } }),
    tx.customer.count({ where }),
  ]);
  return { rows: rows as PooledCustomer[], count };
}

export async function rulesOf(tx: Tx, tenantId: string): Promise<PoolRules> {
  const t = await tx.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  return poolRules(t?.settings);
}

/** The customers a typed name means, and which of them are in the pool. */
export async function findByName(tx: Tx, tenantId: string, typed: string) {
  const plausible = (await findCandidates(tx, tenantId, typed)).filter((c) => c.exact || c.contains);
  const rows = plausible.length
    ? await tx.customer.findMany({ where: { tenantId, id: { in: plausible.map((c) => c.id) } }, select: { id: true, name: true, ownerId: true, pooledAt: true } })
    : [];
  const exact = new Set(plausible.filter((c) => c.exact).map((c) => c.id));
  const pooled = rows.filter((r) => r.pooledAt);
  // An exact name among the pooled wins over names that only contain what was typed.
  const best = pooled.filter((r) => exact.has(r.id));
  return { pooled: best.length === 1 ? best : pooled, any: rows };
}

export type ClaimRefusal =
  | { kind: 'limit'; limit: number }
  | { kind: 'cooldown'; until: string };

/** Why the actor may not claim this pooled customer now, or null. */
export async function claimRefusal(tx: Tx, actor: Actor, customerId: string, rules: PoolRules, now: Date): Promise<ClaimRefusal | null> {
  const today = localDate(now, actor.timeZone);
  const [claimed, left] = await Promise.all([
    tx.ownershipMove.count({ where: { tenantId: actor.tenantId, kind: 'claim', toUserId: actor.userId, at: { gte: atLocal(today, '00:00', actor.timeZone) } } }),
    tx.ownershipMove.findFirst({ where: { tenantId: actor.tenantId, customerId, kind: { in: ['recycle', 'release'] } }, orderBy: { at: 'desc' } }),
  ]);
  if (claimed >= rules.dailyClaimLimit) return { kind: 'limit', limit: rules.dailyClaimLimit };
  if (left?.fromUserId === actor.userId && rules.reclaimCooldownDays > 0) {
    const until = addDays(localDate(left.at, actor.timeZone), rules.reclaimCooldownDays);
    if (until > today) return { kind: 'cooldown', until };
  }
  return null;
}

/** The customer becomes the actor's: assigned now, out of the pool, its open deals with it. */
export async function claim(changes: Changes, actor: Actor, customer: { id: string; ownerId: string }, now: Date): Promise<void> {
  await changes.update('customer', customer.id, { ownerId: actor.userId, assignedAt: now, pooledAt: null });
  await recordMove(changes, { customerId: customer.id, kind: 'claim', fromUserId: customer.ownerId, toUserId: actor.userId, at: now });
  const deals = await changes.tx.deal.findMany({ where: { tenantId: actor.tenantId, customerId: customer.id, stage: { notIn: ['won', 'lost'] }, ownerId: { not: actor.userId } } });
  for (const d of deals) await changes.update('deal', d.id, { ownerId: actor.userId }, d);
}

/** The owner returns the customer to the pool; their open reminders on it are cancelled. */
export async function release(changes: Changes, actor: Actor, customer: { id: string; ownerId: string }, now: Date): Promise<void> {
  await changes.update('customer', customer.id, { pooledAt: now });
  await recordMove(changes, { customerId: customer.id, kind: 'release', fromUserId: customer.ownerId, at: now });
  const open = await changes.tx.reminder.findMany({ where: { tenantId: actor.tenantId, customerId: customer.id, assigneeId: customer.ownerId, status: { in: ['pending', 'sent'] } } });
  for (const r of open) await changes.update('reminder', r.id, { status: 'cancelled' }, r);
}

/** A manager's 保留: counts as a follow-up, so the customer's clock starts again ('keep' is a
 * pool-only kind, outside ownership.ts's MoveKind: no owner changes). */
export async function keep(changes: Changes, actor: Actor, customer: { id: string; ownerId: string }, now: Date, reason?: string): Promise<void> {
  await changes.create('ownershipMove', {
    customerId: customer.id, kind: 'keep', fromUserId: customer.ownerId, toUserId: customer.ownerId, actorId: actor.userId, at: now, ...(reason && { reason }),
  });
}
