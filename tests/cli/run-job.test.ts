// `run-job` as an operator runs it: the real command in a child process against this file's
// database and the test Redis. --print shows the digest (numbers checked against the database,
// chart checked as a PNG); without it the digest reaches the manager's web inbox once.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { WebInbox } from '../../adapters/web/inbox.js';
import { CHART_SIZE } from '../../jobs/digests/chart.js';
import { formatAmount, formatPercent } from '../../src/i18n/index.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { pngSize, shanghai } from '../jobs/digest-support.js';

const run = promisify(execFile);
const { db, url } = await testDb();
const { redis } = testRedis();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-cli-'));
const now = new Date();
await seedDemo(db, { now });
const DATE = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const inbox = new WebInbox(redis, 'salesbot');

afterAll(async () => {
  const keys = await redis.keys('salesbot:*');
  if (keys.length) await redis.del(...keys);
});

async function runJob(...args: string[]) {
  const env = { ...process.env, DATABASE_URL: url, REDIS_URL: inject('redisUrl'), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  return run('npx', ['tsx', 'src/cli/main.ts', 'run-job', ...args], { env, timeout: 90_000 });
}

const lines = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { to: unknown; text: string; image?: string; key: string });

describe('run-job', () => {
  it('--print prints the demo digest for a date, its numbers matching the database, with a chart', async () => {
    const { stdout } = await runJob('daily-digest', '--tenant', 'demo', '--date', DATE, '--print');
    const out = lines(stdout);
    expect(out).toHaveLength(1);
    expect(out[0]!.to).toBe('manager');
    const team = await db.team.findFirstOrThrow({ where: { tenantId: 'demo' } });
    expect(out[0]!.key).toBe(`digest:${team.id}:${DATE}`);
    for (const [handle, name] of [['rep1', '张伟'], ['rep2', '李娜']] as const) {
      const user = await db.user.findFirstOrThrow({ where: { tenantId: 'demo', handle } });
      const won = await db.deal.aggregate({ where: { tenantId: 'demo', ownerId: user.id, stage: 'won', closedAt: { gte: shanghai(`${DATE.slice(0, 7)}-01`, '00:00'), lt: new Date(shanghai(DATE, '00:00').getTime() + 86_400_000) } }, _sum: { amount: true } });
      const target = (await db.target.findFirstOrThrow({ where: { tenantId: 'demo', userId: user.id, period: DATE.slice(0, 7) } })).amount.toNumber();
      const w = won._sum.amount?.toNumber() ?? 0;
      expect(out[0]!.text).toContain(`· ${name}：`);
      expect(out[0]!.text).toContain(`本月 ${formatAmount(w, 'zh')}/${formatAmount(target, 'zh')} (${formatPercent(w / target)})`);
    }
    expect(pngSize(out[0]!.image!)).toEqual(CHART_SIZE);
  }, 120_000);

  it('--print sends nothing and can be repeated', async () => {
    const { stdout } = await runJob('daily-digest', '--tenant', 'demo', '--date', DATE, '--print');
    expect(lines(stdout)).toHaveLength(1);
    expect(await db.delivery.count()).toBe(0);
    expect(await inbox.drain('demo', 'manager')).toEqual([]);
  }, 120_000);

  it('without --print delivers the digest to the manager once, however often it is run', async () => {
    const first = await runJob('daily-digest', '--tenant', 'demo', '--date', DATE);
    expect(first.stderr).toContain('1 message(s) queued, 1 delivered');
    const got = await inbox.drain('demo', 'manager');
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain('华东销售一组 日报');
    expect(got[0]!.image?.path).toMatch(/\.png$/);
    const second = await runJob('daily-digest', '--tenant', 'demo', '--date', DATE);
    expect(second.stderr).toContain('0 message(s) queued');
    expect(await inbox.drain('demo', 'manager')).toEqual([]);
    expect(await db.delivery.findMany({ select: { id: true, status: true } })).toEqual([{ id: expect.stringMatching(/^digest:/), status: 'sent' }]);
  }, 180_000);

  it('refuses an unknown job or a bad date with the usage', async () => {
    await expect(runJob('no-such-job')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('daily-digest') });
    await expect(runJob('daily-digest', '--date', '2026-02-30')).rejects.toMatchObject({ code: 2 });
  }, 120_000);
});
