// Read-only views: the pipeline funnel, KPI for a period, a rep's tasks, one customer's status.
// Every query is limited to what the actor may see (actor.ts).
import type { Channel, ReminderKind, Stage } from '../generated/prisma/enums.js';
import { periodRange, type Period } from '../time.js';
import { basisOf, collectedBy, sumOf, type Basis } from './attainment.js';
import { goalFor, periodKey, type Goal } from './targets.js';
import { visibleTo, type Actor, type Tx } from './actor.js';
import { OPEN_STAGES, STAGE_PROBABILITY } from './deals.js';

/** Whose numbers: the actor's, everyone they may see, or one person they may see (issue #11). */
export type Scope = 'me' | 'team' | { userId: string };
type Db = Tx;

/** Owners a report covers: the actor alone, one person, or everyone they may see. */
export function owners(actor: Actor, scope: Scope): { tenantId: string; ownerId?: { in: string[] } } {
  if (typeof scope === 'object') return { tenantId: actor.tenantId, ownerId: { in: [scope.userId] } };
  return scope === 'me' ? { tenantId: actor.tenantId, ownerId: { in: [actor.userId] } } : visibleTo(actor);
}

export interface FunnelRow { stage: Stage; count: number; amount: number; weighted: number }

/** Deals the scope covers, leaving out those of customers in the public pool (公海, #14): they
 * are no longer their last owner's pipeline. */
async function ownedDeals(db: Db, actor: Actor, scope: Scope) {
  const pooled = await db.customer.findMany({ where: { ...owners(actor, scope), pooledAt: { not: null } }, select: { id: true } });
  return { ...owners(actor, scope), ...(pooled.length && { customerId: { notIn: pooled.map((c) => c.id) } }) };
}

export async function funnel(db: Db, actor: Actor, scope: Scope): Promise<FunnelRow[]> {
  const groups = await db.deal.groupBy({
    by: ['stage'],
    where: { ...(await ownedDeals(db, actor, scope)), stage: { in: OPEN_STAGES } },
    _count: { _all: true },
    _sum: { amount: true },
  });
  return OPEN_STAGES.map((stage) => {
    const g = groups.find((x) => x.stage === stage);
    const amount = g?._sum.amount?.toNumber() ?? 0;
    return { stage, count: g?._count._all ?? 0, amount, weighted: (amount * STAGE_PROBABILITY[stage]) / 100 };
  });
}

export interface StageDeal {
  customerId: string; customer: string; title: string; amount: number; currency: string; owner: string;
  stage: Stage; expectedClose: Date | null;
}

/** Which deals a list shows: those at one stage, or the open ones expected to close between two
 * calendar dates (from inclusive, to exclusive; YYYY-MM-DD, the actor's own dates). */
export type DealFilter = { stage: Stage } | { closing: { from: string; to: string } } | { open: true };

/** The deals at one stage ("谈判阶段的单子有哪些") or closing in a period ("下个月预计能签哪些单",
 * issue #11): the largest first, and how many in all. */
export async function dealList(db: Db, actor: Actor, scope: Scope, filter: DealFilter, take: number): Promise<{ rows: StageDeal[]; count: number }> {
  const which = 'stage' in filter
    ? { stage: filter.stage }
    : 'open' in filter ? { stage: { in: OPEN_STAGES } }
    : { stage: { in: OPEN_STAGES }, expectedClose: { gte: new Date(`${filter.closing.from}T00:00:00Z`), lt: new Date(`${filter.closing.to}T00:00:00Z`) } };
  const where = { ...(await ownedDeals(db, actor, scope)), ...which };
  const [deals, count] = await Promise.all([
    db.deal.findMany({
      where, orderBy: [{ amount: { sort: 'desc', nulls: 'last' } }, { updatedAt: 'desc' }], take,
      select: { customerId: true, ownerId: true, title: true, amount: true, currency: true, stage: true, expectedClose: true },
    }),
    db.deal.count({ where }),
  ]);
  const [customers, users] = await Promise.all([
    db.customer.findMany({ where: { tenantId: actor.tenantId, id: { in: deals.map((d) => d.customerId) } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { tenantId: actor.tenantId, id: { in: deals.map((d) => d.ownerId) } }, select: { id: true, name: true } }),
  ]);
  const customerName = new Map(customers.map((c) => [c.id, c.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const rows = deals.map((d) => ({
    customerId: d.customerId, customer: customerName.get(d.customerId) ?? '—', title: d.title,
    amount: d.amount?.toNumber() ?? 0, currency: d.currency, owner: userName.get(d.ownerId) ?? '—',
    stage: d.stage, expectedClose: d.expectedClose,
  }));
  return { rows, count };
}

export interface Kpi {
  won: number; wonCount: number;
  /** Deals lost in the period: with wonCount, the win rate (团队这个季度赢单率). */
  lostCount: number;
  target: number | null; activities: number; newCustomers: number; newDeals: number;
  /** The activities by way of contact, most first ("团队本周拜访了多少次" reads the visits). */
  activitiesBy: { channel: Channel; count: number }[];
  /** Issue #15: the stretch target (挑战目标) when set, money collected (回款), and which one attainment counts. */
  stretch: number | null; collected: number; basis: Basis;
}

export async function kpi(db: Db, actor: Actor, scope: Scope, period: Period, now: Date): Promise<Kpi> {
  const { start, end } = periodRange(period, now, actor.timeZone);
  const who = owners(actor, scope);
  const userIds = who.ownerId?.in;
  const [closed, activities, newCustomers, newDeals, goal, collected, basis] = await Promise.all([
    // Won and lost in the period in one statement: the amount won, and the win rate.
    db.deal.groupBy({ by: ['stage'], where: { ...who, stage: { in: ['won', 'lost'] }, closedAt: { gte: start, lt: end } }, _sum: { amount: true }, _count: true }),
    db.activity.groupBy({ by: ['channel'], where: { tenantId: actor.tenantId, ...(userIds && { userId: { in: userIds } }), occurredAt: { gte: start, lt: end } }, _count: true }),
    // New business: customers added in the period, not existing ones imported from a spreadsheet.
    db.customer.count({ where: { ...who, createdAt: { gte: start, lt: end }, importedAt: null } }),
    db.deal.count({ where: { ...who, createdAt: { gte: start, lt: end } } }),
    targetFor(db, actor, scope, period, now),
    collectedBy(db, actor.tenantId, userIds ?? null, { start, end }, actor.timeZone).then(sumOf),
    basisOf(db, actor.tenantId),
  ]);
  const won = closed.find((c) => c.stage === 'won');
  return {
    won: won?._sum.amount?.toNumber() ?? 0, wonCount: won?._count ?? 0, lostCount: closed.find((c) => c.stage === 'lost')?._count ?? 0, target: goal?.amount ?? null, stretch: goal?.stretch ?? null,
    activities: activities.reduce((n, a) => n + a._count, 0),
    activitiesBy: activities.map((a) => ({ channel: a.channel, count: a._count })).sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel)),
    newCustomers, newDeals, collected, basis,
  };
}

/** The period's target (its own row, else its months'); none for a day or a week. */
async function targetFor(db: Db, actor: Actor, scope: Scope, period: Period, now: Date): Promise<Goal | null> {
  const key = periodKey(period, now, actor.timeZone);
  if (!key) return null;
  if (typeof scope === 'object' || scope === 'me') return goalFor(db, actor.tenantId, { userIds: [typeof scope === 'object' ? scope.userId : actor.userId] }, key);
  return goalFor(db, actor.tenantId, { teamIds: await teamsOf(db, actor) }, key);
}

/** The teams a manager leads; for an admin who leads none, every team of the tenant. */
export async function teamsOf(db: Db, actor: Actor): Promise<string[]> {
  const led = await db.team.findMany({ where: { tenantId: actor.tenantId, managerId: actor.userId }, select: { id: true } });
  if (led.length || actor.role !== 'admin') return led.map((t) => t.id);
  return (await db.team.findMany({ where: { tenantId: actor.tenantId }, select: { id: true } })).map((t) => t.id);
}

export interface TaskQuery {
  /** Whose reminders: these people, or everyone in the tenant. */
  assignees: string[] | 'all';
  kinds: ReminderKind[];
  /** Due at or after (absent: overdue ones too) and before. */
  from?: Date;
  before: Date;
  now: Date;
}

/** Tasks a list shows; how many there are in all is counted. */
export const TASKS_SHOWN = 20;

/** The tasks due, the earliest first (at most TASKS_SHOWN), and how many there are in all. */
export async function tasks(db: Db, actor: Actor, q: TaskQuery) {
  // 'sent' means the reminder went out, not that the follow-up was done: still a task.
  const where = {
    tenantId: actor.tenantId, kind: { in: q.kinds }, status: { in: ['pending' as const, 'sent' as const] },
    ...(q.assignees !== 'all' && { assigneeId: { in: q.assignees } }),
    dueAt: { ...(q.from && { gte: q.from }), lt: q.before },
  };
  const [due, total] = await Promise.all([
    db.reminder.findMany({ where, orderBy: { dueAt: 'asc' }, take: TASKS_SHOWN }),
    db.reminder.count({ where }),
  ]);
  const ids = [...new Set(due.map((r) => r.customerId).filter((x): x is string => !!x))];
  const customers = await db.customer.findMany({ where: { id: { in: ids }, tenantId: actor.tenantId }, select: { id: true, name: true } });
  const names = new Map(customers.map((c) => [c.id, c.name]));
  return { rows: due.map((r) => ({ ...r, customerName: r.customerId ? names.get(r.customerId) ?? '' : '', overdue: r.dueAt < q.now })), total };
}

/** Contacts a customer card lists; the rest are counted. */
export const CONTACTS_SHOWN = 8;

export async function customerStatus(db: Db, tenantId: string, customerId: string) {
  const [deals, activities, nextReminder, contacts, owner, callbacks, contactCount] = await Promise.all([
    db.deal.findMany({ where: { tenantId, customerId }, orderBy: [{ closedAt: { sort: 'desc', nulls: 'first' } }, { updatedAt: 'desc' }], take: 5 }),
    db.activity.findMany({ where: { tenantId, customerId }, orderBy: { occurredAt: 'desc' }, take: 3 }),
    // 'sent' is a reminder that went out and was not done: an overdue follow-up is still the next one.
    db.reminder.findFirst({ where: { tenantId, customerId, kind: 'follow_up', status: { in: ['pending', 'sent'] } }, orderBy: { dueAt: 'asc' } }),
    db.contact.findMany({ where: { tenantId, customerId, leftAt: null }, orderBy: { createdAt: 'asc' }, take: CONTACTS_SHOWN }),
    db.customer.findFirst({ where: { id: customerId, tenantId }, select: { ownerId: true } })
      .then((c) => (c ? db.user.findFirst({ where: { id: c.ownerId }, select: { name: true } }) : null)),
    db.callback.findMany({ where: { tenantId, customerId }, orderBy: { occurredAt: 'desc' }, take: 3 }),
    db.contact.count({ where: { tenantId, customerId, leftAt: null } }),
  ]);
  return { deals, activities, nextReminder, contacts, contactCount, callbacks, ownerName: owner?.name ?? '' };
}
