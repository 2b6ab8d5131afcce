// The public pool (公海, issue #14) by chat, typed into the web chat and read back from Postgres:
// every rep of the tenant lists it (never another tenant's), claims within the daily limit, the
// previous owner waits out the cool-down, an owner returns a customer, 撤销 takes a claim back,
// and the warning's 申请保留 reaches the manager, whose 批准保留 restarts the clock.
import { beforeAll, describe, expect, it } from 'vitest';
import { poolRecycle } from '../../jobs/pool/recycle.job.js';
import { loadActor } from '../../src/domain/actor.js';
import { nameKeys } from '../../src/domain/names.js';
import { funnel } from '../../src/domain/reports.js';
import { withPoolRules } from '../../src/domain/pool-rules.js';
import { button, testApp } from '../support/app.js';
import { jobContext, textOf } from '../jobs/reminders-support.js';
import { counts, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
let rep1: string, rep2: string;
const DAY = 86_400_000;

async function pooled(name: string, opts: { owner?: string; industry?: string; tenantId?: string; daysAgo?: number } = {}) {
  const tenantId = opts.tenantId ?? 'demo';
  const at = new Date(Date.now() - (opts.daysAgo ?? 2) * DAY);
  const c = await app.db.customer.create({ data: {
    tenantId, name, ...nameKeys(name), ownerId: opts.owner ?? rep2, industry: opts.industry ?? '零售', tier: 'B', pooledAt: at,
  } });
  await app.db.ownershipMove.create({ data: { tenantId, customerId: c.id, kind: 'recycle', fromUserId: c.ownerId, at } });
  return c;
}
const row = (id: string) => app.db.customer.findUniqueOrThrow({ where: { id } });
const setRules = async (change: Parameters<typeof withPoolRules>[1]) => {
  const t = await app.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } });
  await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: withPoolRules(t.settings, change) as object } });
};

beforeAll(async () => {
  app = await testApp();
  rep1 = await app.userId('rep1');
  rep2 = await app.userId('rep2');
  await app.db.tenant.create({ data: { id: 'other-co', name: '别家公司' } });
  const stranger = await app.db.user.create({ data: { tenantId: 'other-co', handle: 'x', name: '外人' } });
  await pooled('海外制造集团', { owner: stranger.id, industry: '制造业', tenantId: 'other-co' });
  await pooled('公海制造甲', { industry: '制造业' });
  await pooled('公海零售乙');
});

describe('listing the pool', () => {
  it('every rep of the tenant sees the same pool, filtered by industry; never another tenant\'s', async () => {
    for (const rep of ['rep1', 'rep2']) {
      const reply = only(await app.say(rep, '公海里有哪些客户'));
      expect(reply.text).toMatch(/^公海客户（2）/);
      expect(reply.text).toContain('公海制造甲 · 制造业 · B · 入公海2天');
      expect(reply.text).toContain('公海零售乙');
      expect(reply.text).not.toContain('海外制造集团');
    }
    const filtered = only(await app.say('rep1', '公海里有哪些制造业客户'));
    expect(filtered.text).toMatch(/^公海里的制造业客户（1）\n公海制造甲/);
    expect(filtered.card?.buttons?.map((b) => b.label)).toEqual(['领取 公海制造甲']);
    expect(only(await app.say('rep1', '公海里有哪些金融客户')).text).toBe('公海里没有金融客户。');
  });
});

describe('claiming', () => {
  it('"领取" makes it the rep\'s, audited, and 撤销 puts it back in the pool', async () => {
    const c = await pooled('公海认领丙');
    const reply = only(await app.say('rep1', '领取 公海认领丙'));
    expect(reply.text).toMatch(/^已领取「公海认领丙」，现在是你的客户。今天还可以领取 4 个。/);
    const after = await row(c.id);
    expect(after).toMatchObject({ ownerId: rep1, pooledAt: null });
    expect(Date.now() - after.assignedAt.getTime()).toBeLessThan(60_000);
    expect(await app.db.ownershipMove.findFirst({ where: { customerId: c.id, kind: 'claim' } })).toMatchObject({ fromUserId: rep2, toUserId: rep1, actorId: rep1 });
    expect(only(await app.say('rep1', '撤销')).text).toContain('公海认领丙');
    expect(await row(c.id)).toMatchObject({ ownerId: rep2, pooledAt: c.pooledAt });
    expect(await app.db.ownershipMove.count({ where: { customerId: c.id, kind: 'claim' } })).toBe(0);
  });

  it('stops at the daily limit, changing nothing', async () => {
    await setRules({ dailyClaimLimit: 2 });
    const manager = await app.userId('manager');
    const [a, b, d] = [await pooled('限额客户一', { owner: manager }), await pooled('限额客户二', { owner: manager }), await pooled('限额客户三', { owner: manager })];
    expect(only(await app.say('rep2', `领取 ${a.name}`)).text).toMatch(/^已领取「限额客户一」.*还可以领取 1 个/);
    expect(only(await app.say('rep2', `claim ${b.name}`)).text).toMatch(/^已领取「限额客户二」.*还可以领取 0 个/);
    const before = await counts(app.db);
    expect(only(await app.say('rep2', `领取 ${d.name}`)).text).toBe('今天已领取 2 个公海客户，达到每日上限，明天再来领取吧。');
    expect(await counts(app.db)).toEqual(before);
    expect((await row(d.id)).pooledAt).not.toBeNull();
    await setRules({ dailyClaimLimit: 5 });
  });

  it('the previous owner waits out the cool-down; another rep may claim at once', async () => {
    const c = await pooled('冷却客户', { owner: rep2, daysAgo: 2 });
    const refused = only(await app.say('rep2', '领取 冷却客户'));
    const until = new Date(c.pooledAt!.getTime() + 8 * 3_600_000 + 7 * DAY);
    expect(refused.text).toBe(`「冷却客户」是从你名下退回公海的，${until.getUTCMonth() + 1}月${until.getUTCDate()}日起才能重新领取。`);
    expect((await row(c.id)).pooledAt).not.toBeNull();
    only(await app.say('rep1', '领取 冷却客户'));
    expect((await row(c.id)).ownerId).toBe(rep1);
  });

  it('a customer with an owner, or another tenant\'s, cannot be claimed', async () => {
    expect(only(await app.say('rep1', '领取 永辉超市')).text).toBe('「永辉超市」不在公海里，不能领取。');
    expect(only(await app.say('rep1', '领取 海外制造集团')).text).toMatch(/^公海里没有找到「海外制造集团」/);
    const foreign = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'other-co' } });
    expect(only(await app.click('rep1', { intent: 'claim_customer', args: { customerId: foreign.id } })).text).toBe('你没有权限做这个操作。');
    expect((await row(foreign.id)).pooledAt).not.toBeNull();
  });
});

describe('returning a customer to the pool', () => {
  it('the owner returns it: pooled, audited, its reminders cancelled; it leaves "我的客户"', async () => {
    const meituan = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '美团' } });
    expect(only(await app.say('rep1', '我的客户有哪些')).text).toContain('美团');
    const followUp = await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', dueAt: new Date(Date.now() + DAY), assigneeId: rep1, customerId: meituan.id } });
    const openDeals = await app.db.deal.count({ where: { customerId: meituan.id, stage: { notIn: ['won', 'lost'] } } });
    expect(openDeals).toBeGreaterThan(0);
    const pipelineCount = async () => (await funnel(app.db, await loadActor(app.db, rep1), 'me')).reduce((n, r) => n + r.count, 0);
    const before = await pipelineCount();
    const reply = only(await app.say('rep1', '把美团退回公海'));
    expect(reply.text).toBe('已把「美团」退回公海，相关提醒已取消。');
    expect((await row(meituan.id)).pooledAt).not.toBeNull();
    expect(await app.db.ownershipMove.findFirst({ where: { customerId: meituan.id, kind: 'release' } })).toMatchObject({ fromUserId: rep1 });
    expect(await app.db.reminder.count({ where: { customerId: meituan.id, assigneeId: rep1, status: { in: ['pending', 'sent'] } } })).toBe(0);
    expect((await app.db.reminder.findUniqueOrThrow({ where: { id: followUp.id } })).status).toBe('cancelled');
    // Its open deals leave the last owner's pipeline.
    expect(await pipelineCount()).toBe(before - openDeals);
    expect(only(await app.say('rep1', '我的客户有哪些')).text).not.toMatch(/^美团/m);
    expect(only(await app.say('rep2', '公海里有哪些客户')).text).toContain('美团');
    expect(only(await app.say('rep1', '把美团退回公海')).text).toBe('「美团」已经在公海里了。');
  });

  it('a rep cannot return a colleague\'s customer', async () => {
    const before = await counts(app.db);
    const reply = only(await app.say('rep2', '把比亚迪退回公海'));
    expect(reply.text).not.toContain('已把');
    expect(await counts(app.db)).toEqual(before);
    expect((await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '比亚迪' } })).pooledAt).toBeNull();
  });
});

describe('申请保留', () => {
  it('the owner asks, the manager hears with the pool job and approves: the clock restarts', async () => {
    const c = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '比亚迪' } });
    const asked = only(await app.click('rep1', { intent: 'pool_keep', args: { customerId: c.id } }));
    expect(asked.text).toBe('已申请保留「比亚迪」，等经理批准；批准前不会退回公海。');
    expect(only(await app.click('rep1', { intent: 'pool_keep', args: { customerId: c.id } })).text).toMatch(/已经提交过了/);
    // Not the owner: a colleague may not ask.
    expect(only(await app.click('rep2', { intent: 'pool_keep', args: { customerId: c.id } })).text).toBe('你没有权限做这个操作。');

    // Every day a workday, so the job runs whatever today is.
    const t = await app.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } });
    await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: { ...(t.settings as object), weekends: true } } });
    const job = jobContext(app.db, app.redis, app.prefix, new Date());
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await poolRecycle.run(job.ctx, { tenantId: 'demo', date: today });
    const manager = await app.userId('manager');
    const card = job.notifier.to(manager).find((s) => textOf(s).includes('申请保留「比亚迪」'));
    expect(card?.reply.text).toBe('张伟申请保留「比亚迪」（即将退回公海）');
    // A rep cannot decide.
    const approve = button({ status: 200, replies: [card!.reply] }, '批准保留');
    expect(only(await app.click('rep1', approve)).text).toBe('你没有权限做这个操作。');
    expect(only(await app.click('manager', approve)).text).toBe('已保留「比亚迪」，重新开始计时。');
    expect(await app.db.ownershipRequest.findFirst({ where: { customerId: c.id } })).toMatchObject({ status: 'approved', deciderId: manager });
    expect(await app.db.ownershipMove.findFirst({ where: { customerId: c.id, kind: 'keep' } })).toMatchObject({ actorId: manager, toUserId: rep1 });
    expect(only(await app.click('manager', approve)).text).toBe('这个申请已经处理过了。');
  });
});

describe('the warning\'s 记录跟进', () => {
  it('asks how it went and logs the answer on the customer, which restarts its clock', async () => {
    const c = await app.db.customer.create({ data: {
      tenantId: 'demo', name: '预警跟进测试', ...nameKeys('预警跟进测试'), ownerId: rep1, tier: 'C', assignedAt: new Date(Date.now() - 13 * DAY),
    } });
    const t = await app.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } });
    await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: { ...(t.settings as object), weekends: true } } });
    const job = jobContext(app.db, app.redis, app.prefix, new Date());
    await poolRecycle.run(job.ctx, { tenantId: 'demo', date: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) });
    const warning = job.notifier.to(rep1).find((s) => textOf(s).includes('预警跟进测试'))!;
    expect(warning.reply.text).toMatch(/^「预警跟进测试」13天没有跟进，\d+月\d+日将退回公海$/);
    const asked = only(await app.click('rep1', button({ status: 200, replies: [warning.reply] }, '记录跟进')));
    expect(asked.text).toMatch(/^已完成 · 预警跟进测试。结果如何？/);
    expect((await app.say('rep1', '打了电话，对方下个月续约')).status).toBe(200);
    const logged = await app.db.activity.findFirstOrThrow({ where: { customerId: c.id } });
    expect(logged).toMatchObject({ userId: rep1, channel: 'call' });
  });
});

describe('/设置 公海', () => {
  it('anyone sees the rules; only an admin changes them, and the job reads the change', async () => {
    const shown = only(await app.say('rep1', '/设置 公海'));
    expect(shown.text).toMatch(/^公海规则\n公海：开\n未跟进天数：A 30 · B 20 · C 15\n/);
    const before = (await app.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } })).settings;
    expect(only(await app.say('rep1', '/设置 公海 上限 3')).text).toBe('只有管理员可以修改公海规则。');
    expect((await app.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } })).settings).toEqual(before);

    expect(only(await app.say('admin', '/设置 公海 A 45')).text).toContain('未跟进天数：A 45 · B 20 · C 15');
    expect(only(await app.say('admin', '/设置 公海 上限 3')).text).toContain('每人每天领取上限：3');
    expect(only(await app.say('admin', '/settings pool nowin 90')).text).toContain('90');
    expect(only(await app.say('admin', '/设置 公海 预警 5,1')).text).toContain('提前预警（天）：5, 1');
    const { poolRules } = await import('../../src/domain/pool-rules.js');
    expect(poolRules((await app.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } })).settings))
      .toMatchObject({ enabled: true, days: { A: 45, B: 20 }, dailyClaimLimit: 3, noWinDays: 90, warningDays: [5, 1] });
    expect(only(await app.say('admin', '/设置 公海 成交 关')).text).toContain('分配后未成交天数：不限');
    // Bad input: the usage, nothing changed.
    const saved = (await app.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } })).settings;
    for (const bad of ['/设置 公海 A 0', '/设置 公海 上限 abc', '/设置 公海 D 5', '/设置 公海 开 关']) {
      expect(only(await app.say('admin', bad)).text, bad).toMatch(/^用法：.*\/设置 公海/);
    }
    expect((await app.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } })).settings).toEqual(saved);
  });
});
