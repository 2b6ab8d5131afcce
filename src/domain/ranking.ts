// Everyone's numbers side by side for a period (issue #11 "每个人的业绩排名", issue #15's
// leaderboard): won, 回款, attainment against the period's target (on the tenant's basis),
// activities, new customers, follow-up reminders done — a fixed number of queries whatever the size.
import type { Actor, Tx } from './actor.js';
import { basisOf, type Basis } from './attainment.js';
import { boardStats, type BoardStats, NO_STATS } from './leaderboard.js';
import { goalsBy } from './targets.js';

export interface RankRow extends BoardStats { userId: string; name: string; target: number | null; attainment: number | null }

export async function ranking(
  db: Tx, actor: Actor, range: { start: Date; end: Date }, periodKey: string | null,
): Promise<{ rows: RankRow[]; basis: Basis }> {
  const { tenantId } = actor;
  const people = await db.user.findMany({
    where: { tenantId, ...(actor.visibleOwners === 'all' ? { role: { in: ['rep', 'manager'] } } : { id: { in: actor.visibleOwners } }) },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  const ids = people.map((p) => p.id);
  const [stats, goals, basis] = await Promise.all([
    boardStats(db, tenantId, ids, range, actor.timeZone),
    periodKey ? goalsBy(db, tenantId, { userIds: ids }, periodKey) : Promise.resolve(new Map()),
    basisOf(db, tenantId),
  ]);
  const rows = people.map((p) => {
    const s = stats.get(p.id) ?? NO_STATS;
    const target = goals.get(p.id)?.amount ?? null;
    const done = basis === 'collected' ? s.collected : s.won;
    return { userId: p.id, name: p.name, ...s, target, attainment: target ? done / target : null };
  });
  return { rows, basis };
}
