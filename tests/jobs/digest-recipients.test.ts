// Who gets what: a rep's own daily summary (opt-in), a manager who muted the digest, the team's
// group chat, a tenant in another zone with its own digest time, and the bounded query count.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { runDailyDigest } from '../../jobs/digests/daily.job.js';
import { dailyFigures } from '../../jobs/digests/figures.js';
import type { Db } from '../../src/db.js';
import { formatAmount, formatPercent } from '../../src/i18n/index.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { jobContext, shanghai, tempDataDir } from './digest-support.js';

const DATE = '2026-11-18';
const clock = { now: shanghai(DATE, '09:00') };
const { db } = await testDb();
const { redis, prefix } = testRedis();
const { ctx, notifier } = jobContext(db, redis, prefix, clock);
tempDataDir();
const ids: Record<string, string> = {};
let teamId = '';

beforeAll(async () => {
  await seedDemo(db, { now: clock.now });
  for (const u of await db.user.findMany({ where: { tenantId: 'demo' } })) ids[u.handle] = u.id;
  teamId = (await db.team.findFirstOrThrow({ where: { tenantId: 'demo' } })).id;
  await db.user.update({ where: { id: ids.rep1 }, data: { settings: { dailySummary: true } } });
  await db.user.update({ where: { id: ids.manager }, data: { settings: { muted: ['digest'] } } });
  await db.team.update({ where: { id: teamId }, data: { settings: { group: { platform: 'feishu', platformTenant: 'tk1', conversationId: 'oc_team' } } } });
  // Another tenant in New York whose team reads its digest at 07:30 local time.
  await db.tenant.create({ data: { id: 'ny', name: 'NY Sales', timeZone: 'America/New_York', locale: 'en' } });
  const team = await db.team.create({ data: { tenantId: 'ny', name: 'East Coast', digestTime: '07:30' } });
  const boss = await db.user.create({ data: { tenantId: 'ny', handle: 'boss', name: 'Ann Lee', role: 'manager', locale: 'en', teamId: team.id } });
  await db.user.create({ data: { tenantId: 'ny', handle: 'bob', name: 'Bob Stone', role: 'rep', locale: 'en', teamId: team.id } });
  await db.team.update({ where: { id: team.id }, data: { managerId: boss.id } });
});

describe('digest recipients', () => {
  it('at 18:00 Shanghai: the group gets the digest, the muted manager nothing, the opted-in rep a summary', async () => {
    clock.now = shanghai(DATE, '18:00');
    await runDailyDigest(ctx, { tenantId: 'demo' });
    const sent = notifier.take();
    expect(sent.map((s) => s.key).sort()).toEqual([`digest:${teamId}:${DATE}:group`, `summary:${ids.rep1}:${DATE}`].sort());
    const group = sent.find((s) => s.key.endsWith(':group'))!;
    expect(group.to).toEqual({ platform: 'feishu', platformTenant: 'tk1', conversationId: 'oc_team', kind: 'group' });
    expect(group.reply.image?.path).toMatch(/-zh\.png$/); // the group's text is Chinese, so is its chart
    const summary = sent.find((s) => s.key.startsWith('summary:'))!;
    expect(summary.to).toEqual({ tenantId: 'demo', userId: ids.rep1 });
    const won = await db.deal.aggregate({ where: { tenantId: 'demo', ownerId: ids.rep1, stage: 'won', closedAt: { gte: shanghai('2026-11-01', '00:00'), lt: shanghai('2026-11-19', '00:00') } }, _sum: { amount: true } });
    const target = (await db.target.findFirstOrThrow({ where: { tenantId: 'demo', userId: ids.rep1, period: '2026-11' } })).amount.toNumber();
    const w = won._sum.amount?.toNumber() ?? 0;
    expect(summary.reply.text).toContain(`张伟 今日小结`);
    expect(summary.reply.text).toContain(`本月赢单 ${formatAmount(w, 'zh')} / 目标 ${formatAmount(target, 'zh')} (${formatPercent(w / target)})`);
  });

  it('follows each tenant zone and team digest time', async () => {
    clock.now = new Date('2026-11-18T12:29:00Z'); // 07:29 in New York (EST, UTC-5)
    await runDailyDigest(ctx, {});
    expect(notifier.take()).toEqual([]);
    clock.now = new Date('2026-11-18T12:30:00Z');
    await runDailyDigest(ctx, {});
    const sent = notifier.take();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.reply.text).toMatch(/^East Coast daily digest · Nov 18\n/);
    expect(sent[0]!.reply.text).toContain('· Bob Stone: 0 activities');
    expect(sent[0]!.reply.image?.path).toMatch(/-en\.png$/); // an English reader's chart is English
  });

  it('costs the same number of queries for 1 rep as for 5 (grouped by rep, no query per rep)', async () => {
    const count = async (members: { id: string; name: string }[]) => {
      let n = 0;
      const counting = db.$extends({ query: { async $allOperations({ args, query }) { n++; return query(args); } } }) as unknown as Db;
      await dailyFigures(counting, { tenantId: 'demo', teamId, teamName: 't', timeZone: 'Asia/Shanghai', members }, DATE, shanghai(DATE, '18:00'));
      return n;
    };
    const all = Object.entries(ids).map(([handle, id]) => ({ id, name: handle }));
    const one = await count(all.slice(0, 1));
    expect(await count(all)).toBe(one);
    expect(one).toBeGreaterThanOrEqual(10);
    // 18: issue #15 added the month's leaderboard figures and forecast (one statement each), #14 the pool's rules and lines (2).
    expect(one).toBe(18);
  });
});
