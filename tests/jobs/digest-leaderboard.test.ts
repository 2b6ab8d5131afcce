// Issue #15 in the digests: the leaderboard section is off until a manager turns it on by chat
// (/设置 排行榜 开), then the daily digest ranks the month so far and the weekly summary last
// week — won, 回款, attainment, activities, new customers; the daily digest always carries the
// month's forecast line. Figures recomputed here with plain Prisma queries.
import { beforeAll, describe, expect, it } from 'vitest';
import { runDailyDigest } from '../../jobs/digests/daily.job.js';
import { runWeeklySummary } from '../../jobs/digests/weekly.job.js';
import { formatAmount, formatPercent } from '../../src/i18n/index.js';
import { testApp } from '../support/app.js';
import { jobContext, shanghai, tempDataDir } from './digest-support.js';

const DATE = '2026-11-23'; // a Monday
const clock = { now: shanghai(DATE, '18:00') };
let app: Awaited<ReturnType<typeof testApp>>;
let ctx: ReturnType<typeof jobContext>['ctx'];
let notifier: ReturnType<typeof jobContext>['notifier'];
tempDataDir();

beforeAll(async () => {
  app = await testApp({ now: clock.now });
  ({ ctx, notifier } = jobContext(app.db, app.redis, `${app.prefix}:jobs`, clock));
});

const wonMtd = async (ownerId: string) => (await app.db.deal.aggregate({
  where: { tenantId: 'demo', ownerId, stage: 'won', closedAt: { gte: shanghai('2026-11-01', '00:00'), lt: shanghai('2026-11-24', '00:00') } }, _sum: { amount: true },
}))._sum.amount?.toNumber() ?? 0;

describe('the leaderboard section', () => {
  it('is off by default; the forecast line is always there', async () => {
    await runDailyDigest(ctx, { tenantId: 'demo', date: DATE });
    const digest = notifier.take().find((s) => s.key.startsWith('digest:'))!;
    expect(digest.reply.text).not.toContain('本月排行榜');
    expect(digest.reply.text).toMatch(/\n本月预测：赢单 .+ \+ 承诺 .+，加权管道 .+，目标 .+，缺口 .+\n/);
  });

  it('on by chat: the daily digest ranks the month so far, the weekly summary last week', async () => {
    expect((await app.say('rep1', '/设置 排行榜 开')).replies[0]!.text).toBe('只有经理或管理员可以开关日报排行榜。');
    expect((await app.say('manager', '/设置 排行榜 开')).replies[0]!.text).toContain('的日报和周报将带排行榜。');
    await runDailyDigest(ctx, { tenantId: 'demo', date: '2026-11-24' });
    const text = notifier.take().find((s) => s.key.startsWith('digest:'))!.reply.text;
    const lines = text.split('\n');
    const at = lines.indexOf('本月排行榜（按赢单）：');
    expect(at).toBeGreaterThan(0);
    const [rep1, rep2] = await Promise.all([app.userId('rep1'), app.userId('rep2')]);
    const [w1, w2] = await Promise.all([wonMtd(rep1), wonMtd(rep2)]);
    const target1 = (await app.db.target.findFirstOrThrow({ where: { tenantId: 'demo', userId: rep1, period: '2026-11' } })).amount.toNumber();
    const first = w1 >= w2 ? '张伟' : '李娜';
    expect(lines[at + 1]).toMatch(new RegExp(`^1\\. ${first} 赢单 `));
    const zhang = lines.slice(at + 1, at + 3).find((l) => l.includes('张伟'))!;
    expect(zhang).toContain(`赢单 ${formatAmount(w1, 'zh')} · 回款 `);
    expect(zhang).toContain(`完成率 ${formatPercent(w1 / target1)}`);

    await runWeeklySummary(ctx, { tenantId: 'demo', date: DATE });
    const weekly = notifier.take().find((s) => s.key.startsWith('weekly:'))!.reply.text;
    expect(weekly).toContain('\n上周排行榜（按赢单）：\n1. ');
    expect(weekly).toContain('完成率 —');
  });
});
