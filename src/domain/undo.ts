// Undo takes back the user's last message's changes: created rows are deleted, updated rows get
// their previous values back. A row changed again since then is left alone (and undo says so).
// Typed, it takes back the user's changes one at a time, latest first; one older than
// OLD_AFTER_MINUTES is not taken back unasked (a third 撤销 reached a lost deal from the day
// before): it is named and waits for a confirmation, which names the batch like a card's button.
import type { Tx } from './actor.js';
import { delegate, type Entity } from './changes.js';
import { UserError } from './errors.js';

/** How far back a typed undo reaches without asking (README: "take back your last change"). */
export const OLD_AFTER_MINUTES = 30;

export type UndoResult =
  | { kind: 'done'; label: string; /** The deal the undone change touched, if any (a correction said with 撤销 goes there). */ deal?: { id: string; customerId: string } }
  | { kind: 'nothing' }
  | { kind: 'old'; label: string; batchId: string; at: Date };

/** Undoes `batchId` (an Undo button, a confirmation), or the user's latest change when none is named. */
export async function undoBatch(
  tx: Tx, tenantId: string, userId: string, batchId?: string, now = new Date(),
): Promise<UndoResult> {
  const last = await tx.auditLog.findFirst({
    where: { tenantId, userId, undoneAt: null, ...(batchId && { batchId }) },
    orderBy: { seq: 'desc' },
  });
  if (!last) return { kind: 'nothing' };
  if (!batchId && now.getTime() - last.createdAt.getTime() > OLD_AFTER_MINUTES * 60_000) {
    return { kind: 'old', label: last.label ?? '', batchId: last.batchId, at: last.createdAt };
  }
  const entries = await tx.auditLog.findMany({ where: { batchId: last.batchId }, orderBy: { seq: 'desc' } });

  for (const entry of entries) {
    const d = delegate(tx, entry.entity as Entity);
    const current = await d.findUnique({ where: { id: entry.entityId } });
    // Thrown, not returned: the whole undo rolls back rather than half-applying.
    if (!current || canonical(current) !== canonical(entry.after)) throw new UserError('undo.conflict');
    if (entry.action === 'create' && (await referencedElsewhere(tx, tenantId, entry.batchId, entry.entityId))) {
      throw new UserError('undo.referenced');
    }
    if (entry.action === 'create') await d.delete({ where: { id: entry.entityId } });
    if (entry.action === 'create') await dropCollaborator(tx, entry.entity, entry.after);
    else await d.update({ where: { id: entry.entityId }, data: entry.before as object });
  }
  await tx.auditLog.updateMany({ where: { batchId: last.batchId }, data: { undoneAt: new Date() } });
  const touched = entries.find((e) => e.entity === 'deal' && e.action !== 'create');
  const customerId = (touched?.before as { customerId?: string } | null | undefined)?.customerId;
  return { kind: 'done', label: last.label ?? '', ...(touched && customerId ? { deal: { id: touched.entityId, customerId } } : {}) };
}

/**
 * Whether a change outside this batch that still stands wrote a row pointing at `entityId`
 * (an activity logged later on a customer this batch created): deleting it would orphan that row.
 * Ids are cuids, so a match in the row's JSON is a reference.
 */
async function referencedElsewhere(tx: Tx, tenantId: string, batchId: string, entityId: string): Promise<boolean> {
  const found = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "AuditLog"
     WHERE "tenantId" = ${tenantId} AND "batchId" <> ${batchId} AND "undoneAt" IS NULL
       AND "entityId" <> ${entityId} AND "after"::text LIKE ${`%"${entityId}"%`}
     LIMIT 1`;
  return found.length > 0;
}

/** A collaborator has no id of its own (issue #14): the 'collaborate' move that added it is audited,
 * and taking that move back removes the collaborator too. */
async function dropCollaborator(tx: Tx, entity: string, after: unknown): Promise<void> {
  const move = after as { kind?: string; customerId?: string; toUserId?: string } | null;
  if (entity !== 'ownershipMove' || move?.kind !== 'collaborate' || !move.customerId || !move.toUserId) return;
  await tx.collaborator.deleteMany({ where: { customerId: move.customerId, userId: move.toUserId } });
}

/** JSON with sorted keys: the audit's jsonb column does not keep key order. */
function canonical(row: unknown): string {
  const plain = JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
  return JSON.stringify(Object.keys(plain).sort().map((k) => [k, plain[k]]));
}
