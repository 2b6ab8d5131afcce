// The daily digest against the seeded demo tenant plus a day of known activity: the numbers in
// the message are recomputed here with plain Prisma queries, the chart is a real PNG, and the
// five-minute tick sends each message once, at the team's local time.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { runDailyDigest } from '../../jobs/digests/daily.job.js';
import { CHART_SIZE } from '../../jobs/digests/chart.js';
import { formatAmount, formatPercent } from '../../src/i18n/index.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { jobContext, pngSize, shanghai, tempDataDir } from './digest-support.js';

const DATE = '2026-11-20';
const clock = { now: shanghai(DATE, '10:00') };
const { db } = await testDb();
const { redis, prefix } = testRedis();
const { ctx, notifier } = jobContext(db, redis, prefix, clock);
tempDataDir();

const ids: Record<string, string> = {};
const day = { gte: shanghai(DATE, '00:00'), lt: shanghai('2026-11-21', '00:00') };

beforeAll(async () => {
  await seedDemo(db, { now: clock.now });
  for (const u of await db.user.findMany({ where: { tenantId: 'demo' } })) ids[u.handle] = u.id;
  const customer = (name: string) => db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });
  const deal = (title: string) => db.deal.findFirstOrThrow({ where: { tenantId: 'demo', title } });
  const [huawei, acme, yonghui, meituan] = await Promise.all([customer('华为技术有限公司'), customer('Acme Corp'), deal('永辉门店收银升级'), deal('美团商户SaaS采购')]);
  // Today: three activities, a new customer, a win and a stage move.
  await db.activity.createMany({ data: [
    { tenantId: 'demo', customerId: huawei.id, userId: ids.rep1!, channel: 'call', summary: 'a', occurredAt: shanghai(DATE, '11:00') },
    { tenantId: 'demo', customerId: huawei.id, userId: ids.rep1!, channel: 'visit', summary: 'b', occurredAt: shanghai(DATE, '14:00') },
    { tenantId: 'demo', customerId: acme.id, userId: ids.rep2!, channel: 'email', summary: 'c', occurredAt: shanghai(DATE, '09:00') },
  ] });
  await db.customer.create({ data: { tenantId: 'demo', name: '今日新客', matchKey: '今日新客', pinyin: 'jinrixinke', initials: 'jrxk', ownerId: ids.rep2!, createdAt: shanghai(DATE, '09:30') } });
  await db.deal.update({ where: { id: yonghui.id }, data: { stage: 'won', probability: 100, closedAt: shanghai(DATE, '14:00') } });
  await db.deal.update({ where: { id: meituan.id }, data: { stage: 'proposal', probability: 50 } });
  await db.stageChange.createMany({ data: [
    { tenantId: 'demo', dealId: yonghui.id, from: 'negotiation', to: 'won', actorId: ids.rep2!, at: shanghai(DATE, '14:00') },
    { tenantId: 'demo', dealId: meituan.id, from: 'qualified', to: 'proposal', actorId: ids.rep1!, at: shanghai(DATE, '15:00') },
  ] });
});

/** What the digest should say about a rep, from plain queries. */
async function expected(handle: string) {
  const userId = ids[handle]!;
  const [activities, won, target, overdue, open] = await Promise.all([
    db.activity.count({ where: { tenantId: 'demo', userId, occurredAt: day } }),
    db.deal.aggregate({ where: { tenantId: 'demo', ownerId: userId, stage: 'won', closedAt: { gte: shanghai('2026-11-01', '00:00'), lt: day.lt } }, _sum: { amount: true } }),
    db.target.findFirstOrThrow({ where: { tenantId: 'demo', userId, period: '2026-11' } }),
    db.reminder.count({ where: { tenantId: 'demo', assigneeId: userId, kind: 'follow_up', status: { in: ['pending', 'sent'] }, dueAt: { lt: shanghai(DATE, '18:00') } } }),
    db.deal.aggregate({ where: { tenantId: 'demo', ownerId: userId, stage: { in: ['lead', 'qualified', 'proposal', 'negotiation'] } }, _sum: { amount: true }, _count: true }),
  ]);
  return { activities, won: won._sum.amount!.toNumber(), target: target.amount.toNumber(), overdue, open: open._sum.amount!.toNumber(), openCount: open._count };
}

describe('daily digest', () => {
  it('waits for the team digest time (18:00 Shanghai) on the five-minute tick', async () => {
    clock.now = shanghai(DATE, '17:55');
    await runDailyDigest(ctx, {});
    expect(notifier.take()).toEqual([]);
  });

  it("sends the manager the team's numbers, matching the database, with a chart", async () => {
    clock.now = shanghai(DATE, '18:00');
    await runDailyDigest(ctx, {});
    const sent = notifier.take();
    expect(sent.map((s) => s.key)).toEqual([`digest:${(await db.team.findFirstOrThrow({ where: { tenantId: 'demo' } })).id}:${DATE}`]);
    expect(sent[0]!.to).toEqual({ tenantId: 'demo', userId: ids.manager });
    const { text, image } = sent[0]!.reply;
    for (const [handle, name] of [['rep1', '张伟'], ['rep2', '李娜']] as const) {
      const e = await expected(handle);
      expect(text).toContain(`· ${name}：跟进 ${e.activities} ·`);
      expect(text).toContain(`本月 ${formatAmount(e.won, 'zh')}/${formatAmount(e.target, 'zh')} (${formatPercent(e.won / e.target)})`);
      expect(text).toContain(`在手 ${formatAmount(e.open, 'zh')}（${e.openCount}个）`);
      expect(text).toContain(`逾期跟进 ${e.overdue}`);
    }
    const rep1 = await expected('rep1'), rep2 = await expected('rep2');
    expect(rep2.activities + rep1.activities).toBe(3);
    const teamTarget = await db.target.findFirstOrThrow({ where: { tenantId: 'demo', teamId: { not: null }, period: '2026-11' } });
    expect(text).toContain(`本月赢单 ${formatAmount(rep1.won + rep2.won, 'zh')} / 目标 ${formatAmount(teamTarget.amount.toNumber(), 'zh')} (${formatPercent((rep1.won + rep2.won) / teamTarget.amount.toNumber())})`);
    expect(text).toContain('今日：跟进 3 · 新客户 1 · 新商机 0 · 推进 2 · 赢单 40万 (1)');
    expect(text).toContain('· 永辉超市 · 永辉门店收银升级 40万（李娜）');
    expect(text).toContain('· 美团 · 美团商户SaaS采购 需求确认→方案报价 30万（张伟）');
    expect(text).toContain(`逾期跟进：共 ${rep1.overdue + rep2.overdue} 条`);
    expect(image?.path).toMatch(/charts\/digest-.*-2026-11-20-zh\.png$/);
    expect(pngSize(image!.path)).toEqual(CHART_SIZE);
  });

  it('sends nothing twice: later ticks and a re-run for the date are no-ops', async () => {
    clock.now = shanghai(DATE, '18:05');
    await runDailyDigest(ctx, {});
    await runDailyDigest(ctx, { date: DATE, tenantId: 'demo' });
    expect(notifier.take()).toEqual([]);
  });
});
