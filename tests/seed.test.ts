// The demo seed against real Postgres: what the demos rely on exists, and seeding is idempotent.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../prisma/seed.js';
import type { Db } from '../src/db.js';
import { matchKey } from '../src/domain/names.js';
import { testDb } from './support/db.js';

// 11:00 in Shanghai on Monday 23 November 2026.
const NOW = new Date('2026-11-23T03:00:00Z');

async function counts(db: Db) {
  const where = { tenantId: 'demo' };
  return {
    users: await db.user.count({ where }),
    teams: await db.team.count({ where }),
    customers: await db.customer.count({ where }),
    contacts: await db.contact.count({ where }),
    deals: await db.deal.count({ where }),
    stageChanges: await db.stageChange.count({ where }),
    activities: await db.activity.count({ where }),
    reminders: await db.reminder.count({ where }),
    callbacks: await db.callback.count({ where }),
    targets: await db.target.count({ where }),
  };
}

describe('seedDemo', () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await testDb());
    expect(await seedDemo(db, { now: NOW })).toEqual({ created: true });
  });

  it('creates the demo users and team', async () => {
    const users = await db.user.findMany({ where: { tenantId: 'demo' }, orderBy: { handle: 'asc' } });
    expect(users.map((u) => [u.handle, u.name, u.role])).toEqual([
      ['admin', '管理员', 'admin'], ['care', '陈静', 'care'], ['manager', '王强', 'manager'],
      ['rep1', '张伟', 'rep'], ['rep2', '李娜', 'rep'],
    ]);
    const team = await db.team.findFirstOrThrow({ where: { tenantId: 'demo' }, include: { members: true, manager: true } });
    expect(team.name).toBe('华东销售一组');
    expect(team.manager?.handle).toBe('manager');
    expect(team.members.map((m) => m.handle).sort()).toEqual(['manager', 'rep1', 'rep2']);
  });

  it('creates customers whose names are ambiguous, aliased and absent where the demos need it', async () => {
    const customers = await db.customer.findMany({ where: { tenantId: 'demo' } });
    expect(customers.length).toBeGreaterThanOrEqual(12);
    const names = customers.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['华为技术有限公司', '华为云', '比亚迪', '美团', 'Acme Corp']));
    expect(names).not.toContain('华为');
    expect(names.some((n) => n.includes('宁德时代'))).toBe(false);
    expect(customers.find((c) => c.name === '比亚迪')?.aliasKeys).toContain('byd');
    for (const c of customers) expect(c.matchKey, c.name).toBe(matchKey(c.name));
  });

  it('has deals in every stage, each with its stage history', async () => {
    const deals = await db.deal.findMany({ where: { tenantId: 'demo' } });
    const stages = new Set(deals.map((d) => d.stage));
    expect([...stages].sort()).toEqual(['lead', 'lost', 'negotiation', 'proposal', 'qualified', 'won']);
    const changes = await db.stageChange.findMany({ where: { tenantId: 'demo' }, orderBy: { at: 'asc' } });
    for (const deal of deals) {
      const history = changes.filter((c) => c.dealId === deal.id);
      expect(history[0]?.from, deal.title).toBeNull();
      expect(history.at(-1)?.to, deal.title).toBe(deal.stage);
    }
    const wonThisMonth = deals.filter((d) => d.stage === 'won' && d.closedAt! >= new Date('2026-10-31T16:00:00Z'));
    expect(wonThisMonth.length).toBeGreaterThanOrEqual(2);
  });

  it('has follow-ups due today with pending reminders, and birthdays today and in 3 days', async () => {
    const [start, end] = [new Date('2026-11-22T16:00:00Z'), new Date('2026-11-23T16:00:00Z')];
    const dueToday = await db.reminder.count({
      where: { tenantId: 'demo', kind: 'follow_up', status: 'pending', dueAt: { gte: start, lt: end } },
    });
    expect(dueToday).toBeGreaterThanOrEqual(3);
    const overdue = await db.activity.count({ where: { tenantId: 'demo', nextFollowUpAt: { lt: start } } });
    expect(overdue).toBeGreaterThanOrEqual(2);
    const birthdays = await db.contact.findMany({ where: { tenantId: 'demo', birthday: { in: ['11-23', '11-26'] } } });
    expect(birthdays.map((c) => c.birthday).sort()).toEqual(['11-23', '11-26']);
  });

  it('sets targets for the current month for both reps and the team', async () => {
    const targets = await db.target.findMany({ where: { tenantId: 'demo', period: '2026-11' } });
    expect(targets.filter((t) => t.userId !== null)).toHaveLength(2);
    const team = targets.find((t) => t.teamId !== null);
    const repSum = targets.filter((t) => t.userId !== null).reduce((s, t) => s + Number(t.amount), 0);
    expect(Number(team?.amount)).toBe(repSum);
  });

  it('sets the year\'s targets with a stretch for both reps and the team (issue #15)', async () => {
    const year = await db.target.findMany({ where: { tenantId: 'demo', period: '2026' } });
    expect(year.map((t) => [t.userId ? 'rep' : 'team', Number(t.amount), Number(t.stretch)]).sort()).toEqual([
      ['rep', 18_000_000, 21_000_000], ['rep', 24_000_000, 28_000_000], ['team', 42_000_000, 49_000_000],
    ]);
  });

  it('does nothing the second time', async () => {
    const before = await counts(db);
    expect(await seedDemo(db, { now: NOW })).toEqual({ created: false });
    expect(await counts(db)).toEqual(before);
  });
});

describe('seedDemo on the first morning of a month', () => {
  it('puts nothing that already happened in the future', async () => {
    const { db } = await testDb();
    const now = new Date('2026-12-01T01:00:00Z');
    await seedDemo(db, { now });
    const where = { tenantId: 'demo' };
    expect(await db.deal.count({ where: { ...where, closedAt: { gt: now } } })).toBe(0);
    expect(await db.stageChange.count({ where: { ...where, at: { gt: now } } })).toBe(0);
    expect(await db.activity.count({ where: { ...where, occurredAt: { gt: now } } })).toBe(0);
    expect(await db.target.count({ where: { ...where, period: '2026-12' } })).toBe(3);
  });
});
