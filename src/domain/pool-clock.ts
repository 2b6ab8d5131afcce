// When each customer of a tenant returns to the public pool (公海, issue #14), as one SQL
// fragment the recycle job, the warnings and the digest share: set-based over the tenant's
// customers, never a query per customer.
//
// A customer's clock: its last follow-up is the latest of its assignment (created, claimed,
// transferred), any activity on it by anyone, and a manager's 保留 (an OwnershipMove 'keep').
// It returns `days[tier]` local days after that, or — with `noWinDays` — that many days after
// its assignment when no deal of it was won since; whichever comes first. A customer with an
// open deal in 商务谈判 is exempt while `exemptNegotiation` holds, and one whose owner asked to
// keep it (申请保留) waits for the manager's answer.
import { Prisma } from '../db.js';
import type { PoolRules } from './pool-rules.js';

export interface ClockInput {
  tenantId: string; timeZone: string; rules: PoolRules; now: Date;
  /** Only these owners' customers (a team's digest): the latest activity is then probed per customer. */
  owners?: string[];
}

const localDate = (column: Prisma.Sql, zone: string) => Prisma.sql`((${column}) AT TIME ZONE 'UTC' AT TIME ZONE ${zone})::date`;

/**
 * `SELECT id, "ownerId", name, "lastDate", "dueDate", reason FROM …` for every owned (not pooled)
 * customer that is not exempt: `dueDate` is the local date it returns to the pool, `reason`
 * 'no_follow_up' or 'no_win'. Activities after `now` (a clock set back in tests) do not count.
 */
export function dueSql({ tenantId, timeZone, rules, now, owners }: ClockInput): Prisma.Sql {
  const { days } = rules;
  const untiered = days.untiered ?? days.C;
  const noWin = rules.noWinDays;
  return Prisma.sql`
    SELECT c.id, c."ownerId", c.name, c."lastDate",
           LEAST(c."lastDate" + c.limit, c."noWinDate") AS "dueDate",
           CASE WHEN c."noWinDate" < c."lastDate" + c.limit THEN 'no_win' ELSE 'no_follow_up' END AS reason
      FROM (
        SELECT cu.id, cu."ownerId", cu.name,
               ${localDate(Prisma.sql`GREATEST(cu."assignedAt", a.last, k.last)`, timeZone)} AS "lastDate",
               (CASE cu.tier WHEN 'A' THEN ${days.A}::int WHEN 'B' THEN ${days.B}::int WHEN 'C' THEN ${days.C}::int ELSE ${untiered}::int END) AS limit,
               ${noWin === null ? Prisma.sql`NULL::date` : Prisma.sql`CASE WHEN w.won IS NULL THEN ${localDate(Prisma.sql`cu."assignedAt"`, timeZone)} + ${noWin}::int END`} AS "noWinDate"
          FROM "Customer" cu
          ${owners ? Prisma.sql`
          LEFT JOIN LATERAL (SELECT max("occurredAt") AS last FROM "Activity"
                      WHERE "tenantId" = ${tenantId} AND "customerId" = cu.id AND "occurredAt" <= ${now}) a ON true` : Prisma.sql`
          LEFT JOIN (SELECT "customerId", max("occurredAt") AS last FROM "Activity"
                      WHERE "tenantId" = ${tenantId} AND "occurredAt" <= ${now} GROUP BY 1) a ON a."customerId" = cu.id`}
          LEFT JOIN (SELECT "customerId", max(at) AS last FROM "OwnershipMove"
                      WHERE "tenantId" = ${tenantId} AND kind = 'keep' AND at <= ${now} GROUP BY 1) k ON k."customerId" = cu.id
          ${noWin === null ? Prisma.empty : Prisma.sql`
          LEFT JOIN (SELECT d."customerId", true AS won FROM "Deal" d JOIN "Customer" x ON x.id = d."customerId"
                      WHERE d."tenantId" = ${tenantId} AND d.stage = 'won' AND d."closedAt" >= x."assignedAt" GROUP BY 1) w ON w."customerId" = cu.id`}
         WHERE cu."tenantId" = ${tenantId} AND cu."pooledAt" IS NULL
           ${owners ? Prisma.sql`AND cu."ownerId" = ANY(${owners}::text[])` : Prisma.empty}
           -- A keep request waiting for the manager holds the customer where it is.
           AND NOT EXISTS (SELECT 1 FROM "OwnershipRequest" q WHERE q."tenantId" = ${tenantId} AND q."customerId" = cu.id AND q.kind = 'keep' AND q.status = 'pending')
           ${rules.exemptNegotiation ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "Deal" n WHERE n."tenantId" = ${tenantId} AND n."customerId" = cu.id AND n.stage = 'negotiation')` : Prisma.empty}
      ) c`;
}
