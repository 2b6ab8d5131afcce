// The numbers behind the team digests (issue #5), for many reps at once: every figure is one
// GROUP BY over the team's members, so a team costs a fixed number of queries whatever its size
// (issue #6 measures 100 teams × 20 reps over 500,000 deals).
import type { Db } from '../db.js';
import type { Stage } from '../generated/prisma/enums.js';
import { OPEN_STAGES, STAGE_PROBABILITY } from './deals.js';
import { FORWARD_MOVES } from './digest-deals.js';

export interface Range { start: Date; end: Date }

/** What a rep did in a period. */
export interface RepCounts {
  activities: number; newCustomers: number; newDeals: number; stageMoves: number; wonAmount: number; wonCount: number;
}

export const NO_COUNTS: RepCounts = { activities: 0, newCustomers: 0, newDeals: 0, stageMoves: 0, wonAmount: 0, wonCount: 0 };

type Counted = { _count: { _all: number } };
const countsBy = <K extends string>(rows: (Counted & Record<K, string>)[], key: K) =>
  new Map(rows.map((r) => [r[key], r._count._all]));

/** Per rep: activities, new customers, new deals, forward stage moves (not creations) and wins — 5 queries. */
export async function repCounts(db: Db, tenantId: string, members: string[], range: Range): Promise<Map<string, RepCounts>> {
  const during = { gte: range.start, lt: range.end };
  const [activities, customers, deals, moves, won] = await Promise.all([
    db.activity.groupBy({ by: ['userId'], where: { tenantId, userId: { in: members }, occurredAt: during }, _count: { _all: true } }),
    // Imported customers are existing business, not new customers (as in the chat KPIs).
    db.customer.groupBy({ by: ['ownerId'], where: { tenantId, ownerId: { in: members }, createdAt: during, importedAt: null }, _count: { _all: true } }),
    db.deal.groupBy({ by: ['ownerId'], where: { tenantId, ownerId: { in: members }, createdAt: during }, _count: { _all: true } }),
    // 推进: moves forward only (a move back or a loss is not progress; the digest lists those apart).
    db.stageChange.groupBy({ by: ['actorId'], where: { tenantId, actorId: { in: members }, at: during, OR: FORWARD_MOVES }, _count: { _all: true } }),
    db.deal.groupBy({ by: ['ownerId'], where: { tenantId, ownerId: { in: members }, stage: 'won', closedAt: during }, _count: { _all: true }, _sum: { amount: true } }),
  ]);
  const a = countsBy(activities, 'userId'), c = countsBy(customers, 'ownerId'), d = countsBy(deals, 'ownerId'), m = countsBy(moves, 'actorId');
  const w = new Map(won.map((r) => [r.ownerId, { amount: r._sum.amount?.toNumber() ?? 0, count: r._count._all }]));
  return new Map(members.map((id) => [id, {
    activities: a.get(id) ?? 0, newCustomers: c.get(id) ?? 0, newDeals: d.get(id) ?? 0, stageMoves: m.get(id) ?? 0,
    wonAmount: w.get(id)?.amount ?? 0, wonCount: w.get(id)?.count ?? 0,
  }]));
}

/** Won amount per rep in a range (month to date). */
export async function wonBy(db: Db, tenantId: string, members: string[], range: Range): Promise<Map<string, number>> {
  const rows = await db.deal.groupBy({
    by: ['ownerId'], where: { tenantId, ownerId: { in: members }, stage: 'won', closedAt: { gte: range.start, lt: range.end } },
    _sum: { amount: true },
  });
  return new Map(rows.map((r) => [r.ownerId, r._sum.amount?.toNumber() ?? 0]));
}

/** The month's targets: per rep, and the team's own (null when none is set). */
export async function targets(db: Db, tenantId: string, teamId: string, members: string[], month: string) {
  const rows = await db.target.findMany({
    where: { tenantId, period: month, OR: [{ userId: { in: members } }, { teamId }] },
    select: { userId: true, teamId: true, amount: true },
  });
  const perRep = new Map(rows.filter((r) => r.userId).map((r) => [r.userId!, r.amount.toNumber()]));
  const team = rows.find((r) => r.teamId === teamId && !r.userId)?.amount.toNumber() ?? null;
  return { perRep, team };
}

/** Follow-ups due before `asOf` and not done (pending, or sent and not acted upon), per rep. */
export async function overdueFollowUps(db: Db, tenantId: string, members: string[], asOf: Date): Promise<Map<string, number>> {
  const rows = await db.reminder.groupBy({
    by: ['assigneeId'],
    where: { tenantId, assigneeId: { in: members }, kind: 'follow_up', status: { in: ['pending', 'sent'] }, dueAt: { lt: asOf } },
    _count: { _all: true },
  });
  return countsBy(rows, 'assigneeId');
}

export interface PipelineCell { count: number; amount: number; weighted: number }
export interface Pipeline { byStage: Record<Stage, PipelineCell>; byRep: Map<string, PipelineCell> }

/** Open deals by stage and by rep, weighted by the stage's probability (as query_pipeline does). */
export async function openPipeline(db: Db, tenantId: string, members: string[]): Promise<Pipeline> {
  const rows = await db.deal.groupBy({
    by: ['ownerId', 'stage'], where: { tenantId, ownerId: { in: members }, stage: { in: OPEN_STAGES } },
    _count: { _all: true }, _sum: { amount: true },
  });
  const empty = (): PipelineCell => ({ count: 0, amount: 0, weighted: 0 });
  const byStage = Object.fromEntries(OPEN_STAGES.map((s) => [s, empty()])) as Record<Stage, PipelineCell>;
  const byRep = new Map<string, PipelineCell>();
  for (const r of rows) {
    const amount = r._sum.amount?.toNumber() ?? 0;
    const weighted = (amount * STAGE_PROBABILITY[r.stage]) / 100;
    for (const cell of [byStage[r.stage], byRep.get(r.ownerId) ?? byRep.set(r.ownerId, empty()).get(r.ownerId)!]) {
      cell.count += r._count._all; cell.amount += amount; cell.weighted += weighted;
    }
  }
  return { byStage, byRep };
}
