// "Each digest message is delivered once", with a real kill: a child process runs the daily
// digest through the real Outbox and is SIGKILLed after handing a message over but before the
// job marks it done. A fresh run of the job then hands every message over again under the same
// deterministic key (digest:<team>:<date>, …:group, summary:<user>:<date>); the real outbound
// worker and a counting Feishu adapter show what the users got: each message exactly once,
// whether the queued job survived (BullMQ job id) or Redis lost it (the Delivery row).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../adapters/contract.js';
import { digestKey, runDailyDigest, summaryKey } from '../../jobs/digests/daily.job.js';
import { seedDemo } from '../../prisma/seed.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { runChild } from '../support/child.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';

const log = createLogger('silent');
const CHILD = fileURLToPath(new URL('./digest-crash-child.ts', import.meta.url));
const until = async (check: () => Promise<boolean> | boolean, ms = 20_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out waiting');
};
/** 18:00 in Shanghai, the demo team's digest time. */
const digestTime = (date: string) => `${date}T10:00:00.000Z`;

interface Sent { key: string; to: string; text: string; image: boolean }

describe('a digest worker killed mid-send', () => {
  let env: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const { db, url: dbUrl } = await testDb();
    const { redis, url: redisUrl, prefix } = testRedis();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-digest-crash-'));
    process.env.DATA_DIR = dataDir; // charts
    await seedDemo(db, { now: new Date('2026-11-18T02:00:00Z') });
    const users = Object.fromEntries((await db.user.findMany({ where: { tenantId: 'demo' } })).map((u) => [u.handle, u.id]));
    const team = await db.team.findFirstOrThrow({ where: { tenantId: 'demo' } });
    // Three messages a day: the manager's digest, the team group's copy, rep1's own summary.
    await db.user.update({ where: { id: users.rep1! }, data: { settings: { dailySummary: true } } });
    await db.team.update({ where: { id: team.id }, data: { settings: { group: { platform: 'feishu', platformTenant: 'tk', conversationId: 'oc_team' } } } });
    for (const handle of ['manager', 'rep1']) {
      await db.chatAddress.create({ data: { tenantId: 'demo', userId: users[handle]!, platform: 'feishu', platformTenant: 'tk', conversationId: `oc_${handle}`, kind: 'direct' } });
    }
    const sends: Sent[] = [];
    const feishu: Adapter = {
      platform: 'feishu',
      async send(address, reply, opts) { sends.push({ key: opts.idempotencyKey, to: address.conversationId, text: reply.text, image: Boolean(reply.image) }); },
    };
    const product = assemble({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: null, messengers: () => [feishu] });
    let workers = product.startWorkers();
    afterAll(async () => {
      await workers.close();
      await product.closeQueues();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const restartWorkers = async () => { await workers.close(); workers = product.startWorkers(); };
    const keysFor = (date: string) => [digestKey(team.id, date), `${digestKey(team.id, date)}:group`, summaryKey(users.rep1!, date)];
    return { db, dbUrl, redis, redisUrl, prefix, dataDir, sends, product, restartWorkers, keysFor };
  }
  beforeAll(async () => { env = await setup(); });

  /** Runs the digest in a child at `now`, SIGKILLs it after `killAfter` hand-overs; the keys it handed over. */
  async function crashAfter(killAfter: number, now: string): Promise<string[]> {
    const { child, exited, out, err } = runChild(CHILD, {
      DATABASE_URL: env.dbUrl, REDIS_URL: env.redisUrl, PREFIX: env.prefix, NOW: now, KILL_AFTER: String(killAfter), DATA_DIR: env.dataDir,
    });
    const handed = () => [...out().matchAll(/handed (\S+)/g)].map((m) => m[1]!);
    await until(() => handed().length >= killAfter || child.exitCode !== null, 60_000).catch(() => undefined);
    expect(handed(), err()).toHaveLength(killAfter);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    return handed();
  }

  const freshRun = (now: string) =>
    runDailyDigest({ db: env.db, redis: env.redis, notifier: env.product.outbox, now: () => new Date(now), log, keyPrefix: env.prefix }, { tenantId: 'demo' });
  const sentCount = (key: string) => env.sends.filter((s) => s.key === key).length;
  const deliveryOf = (key: string) => env.db.delivery.findUnique({ where: { id: key } });

  it('delivers each message once when the queued message survived the kill', async () => {
    const date = '2026-11-18';
    const [manager, group, summary] = env.keysFor(date);
    expect(await crashAfter(1, digestTime(date))).toEqual([manager]);
    await until(() => sentCount(manager!) === 1); // the queue still had it
    await freshRun('2026-11-18T10:05:00Z');
    await until(async () => (await deliveryOf(summary!))?.status === 'sent' && (await deliveryOf(group!))?.status === 'sent');
    await new Promise((r) => setTimeout(r, 1000)); // room for a duplicate to show up
    expect([manager, group, summary].map((k) => sentCount(k!))).toEqual([1, 1, 1]);
    const byKey = (k: string) => env.sends.find((s) => s.key === k)!;
    expect(byKey(manager!)).toMatchObject({ to: 'oc_manager', image: true });
    expect(byKey(manager!).text).toMatch(/^.+ · 11月18日/);
    expect(byKey(group!).to).toBe('oc_team');
    expect(byKey(summary!)).toMatchObject({ to: 'oc_rep1' });
    expect(byKey(summary!).text).toContain('张伟 今日小结');
  });

  it('delivers each message once when Redis also lost the queue and the done marks', async () => {
    const date = '2026-11-19';
    const [manager, group, summary] = env.keysFor(date);
    expect(await crashAfter(2, digestTime(date))).toEqual([manager, group]);
    await until(async () => (await deliveryOf(manager!))?.status === 'sent' && (await deliveryOf(group!))?.status === 'sent');
    // Redis loses this file's data (queues, finished jobs, the digest's done marks); workers restart.
    const keys = await env.redis.keys(`${env.prefix}*`);
    // The killed run marked the manager's message done, not the group's it was sending.
    expect(keys.filter((k) => k.includes(':digest-done:') && k.endsWith(date)).map((k) => k.split(':digest-done:')[1])).toEqual([manager]);
    if (keys.length) await env.redis.del(...keys);
    await env.restartWorkers();
    await freshRun('2026-11-19T10:05:00Z');
    // The re-sent manager and group messages reach the worker (a second attempt) and stop at the Delivery row.
    await until(async () => ((await deliveryOf(manager!))?.attempts ?? 0) >= 2 && ((await deliveryOf(group!))?.attempts ?? 0) >= 2
      && (await deliveryOf(summary!))?.status === 'sent');
    await new Promise((r) => setTimeout(r, 500));
    expect([manager, group, summary].map((k) => sentCount(k!))).toEqual([1, 1, 1]);
    // A third run the same day hands nothing over again: its done marks are back.
    const before = env.sends.length;
    await freshRun('2026-11-19T10:10:00Z');
    await new Promise((r) => setTimeout(r, 500));
    expect(env.sends.length).toBe(before);
  });
});
