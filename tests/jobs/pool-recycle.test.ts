// The pool job (公海, issue #14) over the seeded demo tenant with the real clock moved day by
// day: warnings 3 days and 1 day before (once each, re-runs send nothing), the recycle itself
// (pooledAt, an OwnershipMove, the owner's reminders cancelled), a follow-up typed in the chat
// resetting the clock, the negotiation exemption and the no-win rule.
import { beforeAll, describe, expect, it } from 'vitest';
import { poolRecycle } from '../../jobs/pool/recycle.job.js';
import { withPoolRules } from '../../src/domain/pool-rules.js';
import { testApp } from '../support/app.js';
import { jobContext, textOf } from './reminders-support.js';

const DAY = 86_400_000;
const START = new Date();
const localDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const day = (n: number) => localDate(new Date(START.getTime() + n * DAY));
const zhDate = (n: number) => { const [, m, d] = day(n).split('-').map(Number); return `${m}月${d}日`; };

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
let job: ReturnType<typeof jobContext>;
let rep1: string;

/** A customer of `owner` assigned `ago` days back, with no activity. */
async function customer(name: string, ago: number, extra: { tier?: 'A' | 'B' | 'C' } = {}) {
  const { nameKeys } = await import('../../src/domain/names.js');
  return app.db.customer.create({ data: {
    tenantId: 'demo', name, ...nameKeys(name), ownerId: rep1, tier: extra.tier ?? 'C', assignedAt: new Date(START.getTime() - ago * DAY),
  } });
}

/** Runs the job for the local day `n` days from today, the clock at that moment. */
async function runOn(n: number) {
  job.clock.now = new Date(START.getTime() + n * DAY);
  job.notifier.clear();
  await poolRecycle.run(job.ctx, { tenantId: 'demo', date: day(n) });
  return job.notifier.sent;
}

const setRules = async (change: Parameters<typeof withPoolRules>[1]) => {
  const t = await app.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } });
  await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: { ...withPoolRules(t.settings, change), weekends: true } as object } });
};

beforeAll(async () => {
  app = await testApp({ now: START });
  job = jobContext(app.db, app.redis, app.prefix, START);
  rep1 = await app.userId('rep1');
  // Every day is a workday here, so the runs below are not skipped on a weekend.
  await setRules({});
});

describe('warnings and recycle', () => {
  it('warns 3 days and 1 day before, once each, then recycles', async () => {
    const c = await customer('测试甲科技', 12);
    const first = await runOn(0);
    expect(first.map(textOf).filter((t) => t.includes('测试甲科技'))).toEqual([expect.stringContaining(`「测试甲科技」12天没有跟进，${zhDate(3)}将退回公海`)]);
    const sent = first.find((s) => textOf(s).includes('测试甲科技'))!;
    expect(sent.to.userId).toBe(rep1);
    expect(sent.reply.card?.buttons?.map((b) => b.label)).toEqual(['记录跟进', '申请保留']);
    expect((await runOn(0)).filter((s) => textOf(s).includes('测试甲科技'))).toEqual([]);
    expect((await runOn(1)).filter((s) => textOf(s).includes('测试甲科技'))).toEqual([]);
    const second = (await runOn(2)).filter((s) => textOf(s).includes('测试甲科技'));
    expect(second.map(textOf)).toEqual([expect.stringContaining(`「测试甲科技」14天没有跟进，${zhDate(3)}将退回公海`)]);
    expect((await runOn(2)).filter((s) => textOf(s).includes('测试甲科技'))).toEqual([]);
    expect(await app.db.reminder.count({ where: { customerId: c.id, kind: 'recycle_warning' } })).toBe(2);
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: c.id } })).pooledAt).toBeNull();

    const reminder = await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', dueAt: new Date(START.getTime() + 5 * DAY), assigneeId: rep1, customerId: c.id } });
    const recycled = await runOn(3);
    const after = await app.db.customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.pooledAt).not.toBeNull();
    expect(after.ownerId).toBe(rep1);
    expect(await app.db.ownershipMove.findMany({ where: { customerId: c.id }, select: { kind: true, fromUserId: true, reason: true } }))
      .toEqual([{ kind: 'recycle', fromUserId: rep1, reason: 'no_follow_up' }]);
    expect((await app.db.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).status).toBe('cancelled');
    expect(recycled.filter((s) => s.to.userId === rep1).map(textOf).join('\n')).toContain('测试甲科技（长期未跟进）');
    // A re-run recycles nothing again.
    await runOn(3);
    expect(await app.db.ownershipMove.count({ where: { customerId: c.id } })).toBe(1);
  });

  it('a follow-up typed in the chat resets the clock', async () => {
    const c = await customer('测试乙科技', 12);
    expect((await runOn(0)).filter((s) => textOf(s).includes('测试乙科技'))).toHaveLength(1);
    expect((await app.say('rep1', '今天给测试乙科技打了电话，聊了续约')).status).toBe(200);
    expect(await app.db.activity.count({ where: { customerId: c.id } })).toBe(1);
    expect((await runOn(2)).filter((s) => textOf(s).includes('测试乙科技'))).toEqual([]);
    await runOn(3);
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: c.id } })).pooledAt).toBeNull();
  });

  it('never recycles a customer with an open deal in negotiation unless the rule says so', async () => {
    const c = await customer('测试丙科技', 40);
    await app.db.deal.create({ data: { tenantId: 'demo', customerId: c.id, ownerId: rep1, title: '丙', stage: 'negotiation', probability: 80 } });
    await runOn(0);
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: c.id } })).pooledAt).toBeNull();
    await setRules({ exemptNegotiation: false });
    await runOn(0);
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: c.id } })).pooledAt).not.toBeNull();
    await setRules({ exemptNegotiation: true });
  });

  it('no won deal within noWinDays of assignment recycles a customer followed up recently', async () => {
    const c = await customer('测试丁科技', 11, { tier: 'A' });
    await app.db.activity.create({ data: { tenantId: 'demo', customerId: c.id, userId: rep1, channel: 'call', summary: '通话', occurredAt: new Date(START.getTime() - DAY) } });
    await runOn(0);
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: c.id } })).pooledAt).toBeNull();
    await setRules({ noWinDays: 10 });
    await runOn(0);
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: c.id } })).pooledAt).not.toBeNull();
    expect((await app.db.ownershipMove.findFirstOrThrow({ where: { customerId: c.id } })).reason).toBe('no_win');
    await setRules({ noWinDays: null });
  });

  it('does nothing while the tenant has the pool off', async () => {
    const c = await customer('测试戊科技', 60);
    await setRules({ enabled: false });
    expect(await runOn(0)).toEqual([]);
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: c.id } })).pooledAt).toBeNull();
    await setRules({ enabled: true });
    await runOn(0);
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: c.id } })).pooledAt).not.toBeNull();
  });
});

describe('keeping a customer', () => {
  it('a pending keep request holds it; a manager\'s keep restarts its clock', async () => {
    const held = await customer('测试己科技', 20);
    await app.db.ownershipRequest.create({ data: { tenantId: 'demo', customerId: held.id, requesterId: rep1, kind: 'keep' } });
    const kept = await customer('测试庚科技', 20);
    await app.db.ownershipMove.create({ data: { tenantId: 'demo', customerId: kept.id, kind: 'keep', toUserId: rep1, at: new Date(START.getTime() - DAY) } });
    const control = await customer('测试辛科技', 20);
    await runOn(0);
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: held.id } })).pooledAt).toBeNull();
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: kept.id } })).pooledAt).toBeNull();
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: control.id } })).pooledAt).not.toBeNull();
    // Declined: the next run recycles it.
    await app.db.ownershipRequest.updateMany({ where: { customerId: held.id }, data: { status: 'rejected' } });
    await runOn(0);
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: held.id } })).pooledAt).not.toBeNull();
  });
});

describe('in English', () => {
  it('an English-speaking owner is warned and told in English', async () => {
    const rep2 = await app.userId('rep2');
    await app.db.user.update({ where: { id: rep2 }, data: { locale: 'en' } });
    const c = await app.db.customer.create({ data: {
      tenantId: 'demo', name: 'Globex Pool Test', ...(await import('../../src/domain/names.js')).nameKeys('Globex Pool Test'),
      ownerId: rep2, tier: 'C', assignedAt: new Date(START.getTime() - 12 * DAY),
    } });
    const [, m, d] = day(3).split('-').map(Number);
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m! - 1];
    const warned = (await runOn(0)).filter((s) => s.to.userId === rep2).map(textOf).join('\n');
    expect(warned).toContain(`"Globex Pool Test": no follow-up for 12 days — returns to the pool on ${month} ${d}`);
    const told = (await runOn(3)).filter((s) => s.to.userId === rep2).map(textOf).join('\n');
    expect(told).toContain('Globex Pool Test (no follow-up)');
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: c.id } })).pooledAt).not.toBeNull();
  });
});
