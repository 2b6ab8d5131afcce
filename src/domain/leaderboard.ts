// The leaderboard (issue #15): per person, won amount and count, money collected (回款),
// activities, new customers and follow-up reminders done in a period — ONE statement whatever the
// number of people (a correlated sub-select per measure over the list of ids), so the chat
// ranking and the digests cost the same for 2 reps or 20. Ranking: the same figure is the same
// rank (1, 1, 3); a named tie-breaker orders the tied.
import { Prisma } from '../db.js';
import { isoInZone } from '../time.js';
import type { Tx } from './actor.js';

export interface BoardStats { won: number; wonCount: number; collected: number; activities: number; newCustomers: number; followUps: number }
export const NO_STATS: BoardStats = { won: 0, wonCount: 0, collected: 0, activities: 0, newCustomers: 0, followUps: 0 };

const day = (at: Date, zone: string) => isoInZone(at, zone).slice(0, 10);

export async function boardStats(
  db: Tx, tenantId: string, members: string[], range: { start: Date; end: Date }, timeZone: string,
): Promise<Map<string, BoardStats>> {
  if (!members.length) return new Map();
  const { start, end } = range;
  const [from, to] = [day(start, timeZone), day(end, timeZone)];
  const rows = await db.$queryRaw<({ userId: string } & Record<keyof BoardStats, Prisma.Decimal | bigint>)[]>(Prisma.sql`
    SELECT m.id AS "userId",
      (SELECT COALESCE(SUM(d.amount), 0) FROM "Deal" d WHERE d."tenantId" = ${tenantId} AND d."ownerId" = m.id AND d.stage = 'won' AND d."closedAt" >= ${start} AND d."closedAt" < ${end}) AS won,
      (SELECT COUNT(*) FROM "Deal" d WHERE d."tenantId" = ${tenantId} AND d."ownerId" = m.id AND d.stage = 'won' AND d."closedAt" >= ${start} AND d."closedAt" < ${end}) AS "wonCount",
      (SELECT COALESCE(SUM(p.amount), 0) FROM "Payment" p JOIN "Deal" d ON d.id = p."dealId" AND d."tenantId" = ${tenantId}
        WHERE p."tenantId" = ${tenantId} AND d."ownerId" = m.id AND p."receivedAt" >= ${from}::date AND p."receivedAt" < ${to}::date) AS collected,
      (SELECT COUNT(*) FROM "Activity" a WHERE a."tenantId" = ${tenantId} AND a."userId" = m.id AND a."occurredAt" >= ${start} AND a."occurredAt" < ${end}) AS activities,
      (SELECT COUNT(*) FROM "Customer" c WHERE c."tenantId" = ${tenantId} AND c."ownerId" = m.id AND c."createdAt" >= ${start} AND c."createdAt" < ${end} AND c."importedAt" IS NULL) AS "newCustomers",
      (SELECT COUNT(*) FROM "Reminder" r WHERE r."tenantId" = ${tenantId} AND r."assigneeId" = m.id AND r.kind = 'follow_up' AND r.status = 'done' AND r."updatedAt" >= ${start} AND r."updatedAt" < ${end}) AS "followUps"
    FROM unnest(ARRAY[${Prisma.join(members)}]::text[]) AS m(id)`);
  return new Map(rows.map((r) => [r.userId, {
    won: Number(r.won), wonCount: Number(r.wonCount), collected: Number(r.collected),
    activities: Number(r.activities), newCustomers: Number(r.newCustomers), followUps: Number(r.followUps),
  }]));
}

export interface Ranked<T> { row: T; rank: number; tied: boolean }

/**
 * Sorted by `value` (largest first, or smallest with `ascending`); the same value is the same rank
 * (competition ranking: 1, 1, 3); among the tied, `breaker` (largest first) decides the order.
 */
export function rankBy<T>(rows: T[], value: (r: T) => number, breaker: (r: T) => number, ascending = false): Ranked<T>[] {
  const dir = ascending ? 1 : -1;
  const sorted = [...rows].sort((a, b) => dir * (value(a) - value(b)) || breaker(b) - breaker(a));
  return sorted.map((row) => {
    const first = sorted.findIndex((r) => value(r) === value(row));
    const tied = sorted.filter((r) => value(r) === value(row)).length > 1;
    return { row, rank: first + 1, tied };
  });
}
