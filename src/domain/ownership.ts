// Who owns a customer and who else works on it (issue #14): the moves that change it, recorded
// through Changes so every one is audited and undone with its message, and who may see it —
// the owner, its collaborators, the owner's manager, care and admins.
import type { Actor, Tx } from './actor.js';
import { canSee as ownerVisible } from './actor.js';
import type { Changes } from './changes.js';

export type MoveKind = 'recycle' | 'claim' | 'release' | 'transfer' | 'collaborate' | 'uncollaborate';

export interface Move {
  customerId: string;
  kind: MoveKind;
  fromUserId?: string | null;
  toUserId?: string | null;
  reason?: string;
  at?: Date;
}

/** One ownership move, audited in the message's batch (undo removes it with the change it records). */
export async function recordMove(changes: Changes, move: Move) {
  return changes.create<{ id: string }>('ownershipMove', {
    customerId: move.customerId,
    kind: move.kind,
    fromUserId: move.fromUserId ?? null,
    toUserId: move.toUserId ?? null,
    actorId: changes.ctx.userId,
    reason: move.reason,
    ...(move.at && { at: move.at }),
  });
}

/** Whether the actor works on this customer as a collaborator. */
export async function isCollaborator(tx: Tx, actor: Actor, customerId: string): Promise<boolean> {
  const row = await tx.collaborator.findUnique({ where: { customerId_userId: { customerId, userId: actor.userId } } });
  return row?.tenantId === actor.tenantId;
}

/** The ids of the customers the actor collaborates on (the tenant's, never another's). */
export async function collaborations(tx: Tx, actor: Actor): Promise<string[]> {
  const rows = await tx.collaborator.findMany({ where: { tenantId: actor.tenantId, userId: actor.userId }, select: { customerId: true } });
  return rows.map((r) => r.customerId);
}

/** Owner, team manager, care/admin by owner; else a collaborator. */
export async function canSee(tx: Tx, actor: Actor, customer: { id: string; tenantId: string; ownerId: string }): Promise<boolean> {
  if (customer.tenantId !== actor.tenantId) return false;
  return ownerVisible(actor, customer) || isCollaborator(tx, actor, customer.id);
}

/** The customer becomes `toUserId`'s (assigned now) with its open deals; one audited move. */
export async function transferCustomer(changes: Changes, customer: { id: string; ownerId: string }, toUserId: string, now: Date, reason?: string) {
  if (customer.ownerId === toUserId) return false;
  await changes.update('customer', customer.id, { ownerId: toUserId, assignedAt: now });
  const deals = await changes.tx.deal.findMany({
    where: { tenantId: changes.ctx.tenantId, customerId: customer.id, stage: { notIn: ['won', 'lost'] }, ownerId: { not: toUserId } },
  });
  for (const d of deals) await changes.update('deal', d.id, { ownerId: toUserId }, d);
  await recordMove(changes, { customerId: customer.id, kind: 'transfer', fromUserId: customer.ownerId, toUserId, reason, at: now });
  return true;
}

/** `userId` works on the customer too (sees it, logs activities); the owner keeps it and its KPI. */
export async function addCollaborator(changes: Changes, customer: { id: string; ownerId: string }, userId: string, now: Date) {
  const existing = await changes.tx.collaborator.findUnique({ where: { customerId_userId: { customerId: customer.id, userId } } });
  if (existing || customer.ownerId === userId) return false;
  // Collaborator's key is (customerId, userId), not an id: written directly, its move is the audited
  // record (undo of the move's batch removes the collaborator too, see undo.ts).
  await changes.tx.collaborator.create({ data: { tenantId: changes.ctx.tenantId, customerId: customer.id, userId, addedById: changes.ctx.userId, createdAt: now } });
  await recordMove(changes, { customerId: customer.id, kind: 'collaborate', fromUserId: customer.ownerId, toUserId: userId, at: now });
  return true;
}

/** Who decides a request about this owner's customer: their team's manager, else the tenant's admins. */
export async function approversOf(tx: Tx, tenantId: string, ownerId: string): Promise<string[]> {
  const owner = await tx.user.findFirst({ where: { id: ownerId, tenantId }, select: { team: { select: { managerId: true } } } });
  const manager = owner?.team?.managerId;
  if (manager && manager !== ownerId) return [manager];
  const admins = await tx.user.findMany({ where: { tenantId, role: 'admin' }, select: { id: true }, orderBy: { createdAt: 'asc' } });
  return admins.map((a) => a.id);
}

export interface MoveLine { at: Date; kind: string; from: string | null; to: string | null }

/** The customer's ownership moves, oldest first (the last `take`), with people's names. */
export async function ownershipHistory(tx: Tx, tenantId: string, customerId: string, take = 10): Promise<MoveLine[]> {
  const moves = await tx.ownershipMove.findMany({ where: { tenantId, customerId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take });
  const ids = [...new Set(moves.flatMap((m) => [m.fromUserId, m.toUserId]).filter((x): x is string => !!x))];
  const users = ids.length ? await tx.user.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true, name: true } }) : [];
  const name = new Map(users.map((u) => [u.id, u.name]));
  return moves.reverse().map((m) => ({ at: m.at, kind: m.kind, from: m.fromUserId ? name.get(m.fromUserId) ?? '?' : null, to: m.toUserId ? name.get(m.toUserId) ?? '?' : null }));
}

/** The names of the customer's collaborators. */
export async function collaboratorNames(tx: Tx, tenantId: string, customerId: string): Promise<string[]> {
  const rows = await tx.collaborator.findMany({ where: { tenantId, customerId }, select: { userId: true }, orderBy: { createdAt: 'asc' } });
  if (!rows.length) return [];
  const users = await tx.user.findMany({ where: { tenantId, id: { in: rows.map((r) => r.userId) } }, select: { id: true, name: true } });
  const name = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => name.get(r.userId) ?? '?');
}
