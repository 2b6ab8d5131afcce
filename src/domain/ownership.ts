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
