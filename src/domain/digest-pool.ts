// The public pool in a team's daily digest (issue #14): per rep, the customers due to return to
// the pool within the next days, and yesterday's claims. Two queries per team whatever its size
// (the tenant's rules; one statement for both lists), so a digest's query count stays constant.
import { addDays, atLocal } from '../../jobs/calendar.js';
import { Prisma, type Db } from '../db.js';
import { dueSql } from './pool-clock.js';
import { poolRules } from './pool-rules.js';

/** How far ahead the digest looks for customers about to return. */
export const DUE_AHEAD_DAYS = 3;

export interface PoolLine { userId: string; name: string; date: string | null }
export interface PoolDigest { due: PoolLine[]; claims: PoolLine[] }

export async function poolDigest(db: Db, team: { tenantId: string; timeZone: string }, members: string[], date: string, now: Date): Promise<PoolDigest> {
  const { tenantId, timeZone } = team;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  const rules = poolRules(tenant?.settings);
  const due = rules.enabled && members.length
    ? Prisma.sql`SELECT 'due' AS kind, d."ownerId" AS "userId", d.name, d."dueDate"::text AS date
                   FROM (${dueSql({ tenantId, timeZone, rules, now, owners: members })}) d WHERE d."dueDate" <= ${addDays(date, DUE_AHEAD_DAYS)}::date`
    : Prisma.sql`SELECT NULL::text AS kind, NULL::text AS "userId", NULL::text AS name, NULL::text AS date WHERE false`;
  const rows = await db.$queryRaw<(PoolLine & { kind: string })[]>(Prisma.sql`
    ${due}
    UNION ALL
    SELECT 'claim', m."toUserId", c.name, NULL
      FROM "OwnershipMove" m JOIN "Customer" c ON c.id = m."customerId" AND c."tenantId" = m."tenantId"
     WHERE m."tenantId" = ${tenantId} AND m.kind = 'claim' AND m."toUserId" = ANY(${members}::text[])
       AND m.at >= ${atLocal(addDays(date, -1), '00:00', timeZone)} AND m.at < ${atLocal(date, '00:00', timeZone)}
    ORDER BY 1, 4, 3`);
  const pick = (kind: string) => rows.filter((r) => r.kind === kind).map(({ userId, name, date: d }) => ({ userId, name, date: d }));
  return { due: pick('due'), claims: pick('claim') };
}
