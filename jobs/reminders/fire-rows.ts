// The reminder rows a round reads and writes (issue #16), one statement each whatever the round's
// size, in raw SQL: Prisma's model queries cost ~0.1 ms of CPU per reminder to build here (an
// `id IN` of 250, an OR of 250 (id, dueAt) pairs), more than the rest of a round. Reminder.dueAt
// and sentAt are timestamps without time zone holding UTC, as Prisma writes them.
import type { Db } from '../../src/db.js';
import type { Reminder } from '../../src/generated/prisma/client.js';

export interface Queued { reminderId: string; dueAt: string }

/** The reminders still pending at the due time each was queued for (moved, done, cancelled or
 * deleted ones are not returned), in due order. */
export async function stillPending(db: Db, ps: Queued[]): Promise<Reminder[]> {
  const valid = ps.filter((p) => !Number.isNaN(Date.parse(p.dueAt)));
  if (!valid.length) return [];
  return db.$queryRaw<Reminder[]>`
    SELECT r.id, r."tenantId", r.kind::text AS kind, r."dueAt", r.status::text AS status, r."assigneeId", r."customerId", r."dealId",
      r."contactId", r."activityId", r."callbackId", r.note, r."sentAt", r."createdAt", r."updatedAt"
      FROM "Reminder" r JOIN unnest(${valid.map((p) => p.reminderId)}::text[], ${valid.map((p) => p.dueAt)}::text[]) AS v(id, due)
        ON r.id = v.id AND r."dueAt" = (v.due::timestamptz AT TIME ZONE 'UTC')
     WHERE r.status = 'pending'
     ORDER BY r."dueAt", r.id`;
}

/** Marks the reminders sent at `now`, each only if still pending at the due time it fired for. */
export async function markSent(db: Db, rs: Reminder[], now: Date): Promise<void> {
  if (!rs.length) return;
  const at = now.toISOString();
  await db.$executeRaw`
    UPDATE "Reminder" r SET status = 'sent', "sentAt" = (${at}::timestamptz AT TIME ZONE 'UTC'), "updatedAt" = (${at}::timestamptz AT TIME ZONE 'UTC')
      FROM unnest(${rs.map((r) => r.tenantId)}::text[], ${rs.map((r) => r.id)}::text[], ${rs.map((r) => r.dueAt.toISOString())}::text[]) AS v(tenant, id, due)
     WHERE r."tenantId" = v.tenant AND r.id = v.id AND r."dueAt" = (v.due::timestamptz AT TIME ZONE 'UTC') AND r.status = 'pending'`;
}
