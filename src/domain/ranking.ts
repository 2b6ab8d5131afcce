// Everyone's numbers side by side for a period (issue #11, "每个人的业绩排名"): won amount and
// count, activities logged, follow-up reminders done — three grouped queries whatever the size.
import type { Actor, Tx } from './actor.js';

export interface RankRow { userId: string; name: string; won: number; wonCount: number; activities: number; followUps: number }

export async function ranking(db: Tx, actor: Actor, range: { start: Date; end: Date }): Promise<RankRow[]> {
  const { tenantId } = actor;
  const people = await db.user.findMany({
    where: { tenantId, ...(actor.visibleOwners === 'all' ? { role: { in: ['rep', 'manager'] } } : { id: { in: actor.visibleOwners } }) },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  const ids = people.map((p) => p.id);
  const within = { gte: range.start, lt: range.end };
  const [won, activities, followUps] = await Promise.all([
    db.deal.groupBy({ by: ['ownerId'], where: { tenantId, ownerId: { in: ids }, stage: 'won', closedAt: within }, _sum: { amount: true }, _count: { _all: true } }),
    db.activity.groupBy({ by: ['userId'], where: { tenantId, userId: { in: ids }, occurredAt: within }, _count: { _all: true } }),
    db.reminder.groupBy({ by: ['assigneeId'], where: { tenantId, assigneeId: { in: ids }, kind: 'follow_up', status: 'done', updatedAt: within }, _count: { _all: true } }),
  ]);
  return people.map((p) => {
    const w = won.find((x) => x.ownerId === p.id);
    return {
      userId: p.id, name: p.name,
      won: w?._sum.amount?.toNumber() ?? 0, wonCount: w?._count._all ?? 0,
      activities: activities.find((x) => x.userId === p.id)?._count._all ?? 0,
      followUps: followUps.find((x) => x.assigneeId === p.id)?._count._all ?? 0,
    };
  });
}
