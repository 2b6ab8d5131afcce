// Deal-level parts of the team digests: conversion between stages, the day's wins and the
// deals that moved. Bounded queries per team, like digest.ts.
import { Prisma, type Db } from '../db.js';
import type { Stage } from '../generated/prisma/enums.js';
import type { Range } from './digest.js';

export const FUNNEL: Stage[] = ['lead', 'qualified', 'proposal', 'negotiation', 'won'];

export interface Conversion { from: Stage; to: Stage; entered: number; advanced: number; rate: number | null }

/**
 * How many of the team's deals ever entered each stage (before `until`), and the share that went
 * on to the next one. One query: StageChange joined to the deals' owners. A deal created straight
 * into a later stage counts for that stage only, so a rate is capped at 100%.
 */
export async function conversion(db: Db, tenantId: string, members: string[], until: Date): Promise<Conversion[]> {
  if (!members.length) return [];
  const rows = await db.$queryRaw<{ stage: Stage; deals: bigint }[]>(Prisma.sql`
    SELECT sc."to" AS stage, COUNT(DISTINCT sc."dealId") AS deals
    FROM "StageChange" sc JOIN "Deal" d ON d.id = sc."dealId"
    WHERE sc."tenantId" = ${tenantId} AND d."tenantId" = ${tenantId}
      AND d."ownerId" IN (${Prisma.join(members)}) AND sc.at < ${until}
    GROUP BY sc."to"`);
  const entered = new Map(rows.map((r) => [r.stage, Number(r.deals)]));
  return FUNNEL.slice(0, -1).map((from, i) => {
    const to = FUNNEL[i + 1]!;
    const [a, b] = [entered.get(from) ?? 0, entered.get(to) ?? 0];
    return { from, to, entered: a, advanced: b, rate: a ? Math.min(1, b / a) : null };
  });
}

export interface DealLine { id: string; title: string; customer: string; ownerId: string; amount: number; from?: Stage; to?: Stage }

/** Forward along the funnel (won included); back, or lost, is a setback. */
const isForward = (from: Stage, to: Stage) => to !== 'lost' && FUNNEL.indexOf(to) > FUNNEL.indexOf(from);

/** Every forward move, as a StageChange filter (the digests' 推进 count). */
export const FORWARD_MOVES = FUNNEL.flatMap((from) => FUNNEL.filter((to) => isForward(from, to)).map((to) => ({ from, to })));

/**
 * The day's wins (largest first), the deals moved forward that day and, apart, the deals moved
 * back or lost (largest first). A deal back where it started the day is in neither.
 */
export async function dealsOfTheDay(db: Db, tenantId: string, members: string[], day: Range, limit = 5) {
  const [won, moves] = await Promise.all([
    db.deal.findMany({
      where: { tenantId, ownerId: { in: members }, stage: 'won', closedAt: { gte: day.start, lt: day.end } },
      orderBy: [{ amount: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }], take: limit,
      select: { id: true, title: true, customerId: true, ownerId: true, amount: true },
    }),
    db.stageChange.findMany({
      where: { tenantId, actorId: { in: members }, from: { not: null }, at: { gte: day.start, lt: day.end } },
      orderBy: { at: 'asc' }, take: 200, select: { dealId: true, from: true, to: true },
    }),
  ]);
  // A deal moved twice in a day shows once, from its first stage to its last.
  const span = new Map<string, { from: Stage; to: Stage }>();
  for (const m of moves) span.set(m.dealId, { from: span.get(m.dealId)?.from ?? m.from!, to: m.to });
  const movedDeals = await db.deal.findMany({
    where: { tenantId, id: { in: [...span.keys()] } }, select: { id: true, title: true, customerId: true, ownerId: true, amount: true },
  });
  const customerIds = [...new Set([...won, ...movedDeals].map((d) => d.customerId))];
  const customers = await db.customer.findMany({ where: { tenantId, id: { in: customerIds } }, select: { id: true, name: true } });
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const line = (d: (typeof won)[number]): DealLine => ({
    id: d.id, title: d.title, customer: names.get(d.customerId) ?? '', ownerId: d.ownerId, amount: d.amount?.toNumber() ?? 0,
  });
  const moved = movedDeals.map((d) => ({ ...line(d), ...span.get(d.id)! })).filter((d) => d.from !== d.to)
    .sort((a, b) => b.amount - a.amount || a.id.localeCompare(b.id));
  const movers = moved.filter((d) => isForward(d.from, d.to)).slice(0, limit);
  const setbacks = moved.filter((d) => !isForward(d.from, d.to)).slice(0, limit);
  return { wins: won.map(line), movers, setbacks };
}
