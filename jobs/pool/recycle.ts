// Recycling into the public pool (公海, issue #14), one statement per tenant whatever its size:
// customers past their due date get `pooledAt`, an OwnershipMove 'recycle' each (ownerId keeps
// the last owner) and their owner's open reminders on them cancelled — as a cancelled follow-up
// is elsewhere (status 'cancelled'), so no reminder fires and no task lists them. Idempotent: a
// pooled customer is no longer a candidate, so a re-run changes nothing.
import { Prisma, type Db } from '../../src/db.js';
import { dueSql, type ClockInput } from '../../src/domain/pool-clock.js';

export interface Recycled { id: string; ownerId: string; name: string; reason: string }

export async function recycleDue(db: Db, input: ClockInput & { today: string }): Promise<Recycled[]> {
  const { tenantId, now, today } = input;
  return db.$queryRaw<Recycled[]>(Prisma.sql`
    WITH due AS (SELECT * FROM (${dueSql(input)}) d WHERE d."dueDate" <= ${today}::date),
    moved AS (
      UPDATE "Customer" c SET "pooledAt" = ${now}, "updatedAt" = ${now}
        FROM due WHERE c.id = due.id AND c."tenantId" = ${tenantId} AND c."pooledAt" IS NULL
      RETURNING c.id, c."ownerId", c.name, due.reason),
    logged AS (
      INSERT INTO "OwnershipMove" (id, "tenantId", "customerId", kind, "fromUserId", reason, at)
      SELECT gen_random_uuid()::text, ${tenantId}, m.id, 'recycle', m."ownerId", m.reason, ${now} FROM moved m),
    closed AS (
      UPDATE "Reminder" r SET status = 'cancelled', "updatedAt" = ${now}
        FROM moved m
       WHERE r."tenantId" = ${tenantId} AND r."customerId" = m.id AND r."assigneeId" = m."ownerId"
         AND r.status IN ('pending', 'sent'))
    SELECT id, "ownerId", name, reason FROM moved ORDER BY "ownerId", name`);
}
