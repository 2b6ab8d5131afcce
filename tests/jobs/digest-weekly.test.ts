// The Monday summary: last week against the week before, numbers recomputed here; sent once,
// on Monday from 09:00 in the tenant's zone, and not to a manager who muted it.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { runWeeklySummary } from '../../jobs/digests/weekly.job.js';
import { formatAmount } from '../../src/i18n/index.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { jobContext, shanghai } from './digest-support.js';

const clock = { now: shanghai('2026-11-23', '08:00') };
const { db } = await testDb();
const { redis, prefix } = testRedis();
const { ctx, notifier } = jobContext(db, redis, prefix, clock);
const ids: Record<string, string> = {};
const LAST = { gte: shanghai('2026-11-16', '00:00'), lt: shanghai('2026-11-23', '00:00') };
const BEFORE = { gte: shanghai('2026-11-09', '00:00'), lt: shanghai('2026-11-16', '00:00') };

beforeAll(async () => {
  await seedDemo(db, { now: clock.now });
  for (const u of await db.user.findMany({ where: { tenantId: 'demo' } })) ids[u.handle] = u.id;
});

async function week(userIds: string[], range: typeof LAST) {
  const [activities, won] = await Promise.all([
    db.activity.count({ where: { tenantId: 'demo', userId: { in: userIds }, occurredAt: range } }),
    db.deal.aggregate({ where: { tenantId: 'demo', ownerId: { in: userIds }, stage: 'won', closedAt: range }, _sum: { amount: true } }),
  ]);
  return { activities, won: won._sum.amount?.toNumber() ?? 0 };
}

const delta = (a: number, b: number, fmt: (n: number) => string = String) => `${a > b ? '+' : a < b ? '-' : '±'}${fmt(Math.abs(a - b))}`;

describe('weekly summary', () => {
  it('is not sent before Monday 09:00', async () => {
    await runWeeklySummary(ctx, {});
    clock.now = shanghai('2026-11-22', '20:00');
    await runWeeklySummary(ctx, {});
    expect(notifier.take()).toEqual([]);
  });

  it('on Monday at 09:00 the manager gets last week against the week before', async () => {
    clock.now = shanghai('2026-11-23', '09:00');
    await runWeeklySummary(ctx, {});
    const sent = notifier.take();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toEqual({ tenantId: 'demo', userId: ids.manager });
    const { text } = sent[0]!.reply;
    expect(text.split('\n')[0]).toBe('华东销售一组 周报 · 11月16日–11月22日（对比前一周）');
    const reps = [ids.rep1!, ids.rep2!];
    const [last, before] = [await week(reps, LAST), await week(reps, BEFORE)];
    expect(last.activities + before.activities).toBeGreaterThan(0);
    expect(text).toContain(`跟进：${last.activities}（前一周 ${before.activities}，${delta(last.activities, before.activities)}）`);
    const money = (n: number) => formatAmount(n, 'zh');
    expect(text).toContain(`赢单金额：${money(last.won)}（前一周 ${money(before.won)}，${delta(last.won, before.won, money)}）`);
    for (const [handle, name] of [['rep1', '张伟'], ['rep2', '李娜']] as const) {
      const [l, b] = [await week([ids[handle]!], LAST), await week([ids[handle]!], BEFORE)];
      expect(text).toContain(`· ${name}：跟进 ${l.activities} (${delta(l.activities, b.activities)})`);
    }
  });

  it('is sent once; an operator date picks the Monday of its week; a muted manager gets none', async () => {
    clock.now = shanghai('2026-11-23', '11:00');
    await runWeeklySummary(ctx, {});
    await runWeeklySummary(ctx, { date: '2026-11-25' });
    expect(notifier.take()).toEqual([]);
    await db.user.update({ where: { id: ids.manager }, data: { settings: { muted: ['weekly'] } } });
    await runWeeklySummary(ctx, { date: '2026-11-18' });
    expect(notifier.take()).toEqual([]);
    await db.user.update({ where: { id: ids.manager }, data: { settings: {} } });
    await runWeeklySummary(ctx, { date: '2026-11-18' });
    expect(notifier.take().map((s) => s.key)).toEqual([expect.stringMatching(/^weekly:.*:2026-11-16$/)]);
  });
});
