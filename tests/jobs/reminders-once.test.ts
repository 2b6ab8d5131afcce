// "Nothing is sent twice", with a real kill: a child process runs the reminders tick through the
// real Outbox and is SIGKILLed after handing the message over but before marking the reminder
// sent. The restarted tick sends it again under the same key; the real outbound worker and a
// counting messenger adapter show the customer-facing result: exactly one message — whether the
// queued job survived (BullMQ job id) or Redis lost it (the Delivery row).
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../adapters/contract.js';
import { tick } from '../../jobs/reminders/follow-ups.js';
import { seedDemo } from '../../prisma/seed.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { runChild } from '../support/child.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { userIds } from './reminders-support.js';

const log = createLogger('silent');
const CHILD = fileURLToPath(new URL('./reminders-crash-child.ts', import.meta.url));
const until = async (check: () => Promise<boolean> | boolean, ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out waiting');
};

describe('a reminder worker killed mid-send', () => {
  let env: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const { db, url: dbUrl } = await testDb();
    const { redis, url: redisUrl, prefix } = testRedis();
    await seedDemo(db, { now: new Date('2026-11-25T02:00:00Z') });
    const sends: { key: string; text: string }[] = [];
    const feishu: Adapter = { platform: 'feishu', async send(_address, reply, opts) { sends.push({ key: opts.idempotencyKey, text: reply.text }); } };
    const product = assemble({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: null, messengers: () => [feishu] });
    let workers = product.startWorkers();
    afterAll(async () => { await workers.close(); await product.closeQueues(); });
    const ids = await userIds(db);
    // The reps last wrote from Feishu: their reminders go there.
    for (const handle of ['rep1', 'rep2']) {
      await db.chatAddress.create({ data: { tenantId: 'demo', userId: ids[handle]!, platform: 'feishu', platformTenant: 'tk', conversationId: `oc_${handle}`, kind: 'direct' } });
    }
    const restartWorkers = async () => { await workers.close(); workers = product.startWorkers(); };
    return { db, dbUrl, redis, redisUrl, prefix, sends, product, restartWorkers };
  }
  beforeAll(async () => { env = await setup(); });

  /** Runs the tick in a child at `now`, kills it once it has handed a message over; the key. */
  async function crashOnce(now: string): Promise<string> {
    const { child, exited, out, err } = runChild(CHILD, { DATABASE_URL: env.dbUrl, REDIS_URL: env.redisUrl, PREFIX: env.prefix, NOW: now });
    await until(() => out().includes('notified ') || child.exitCode !== null, 60_000).catch(() => undefined);
    expect(out(), err()).toContain('notified ');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    return /notified (\S+)/.exec(out())![1]!;
  }

  const restartedTick = (now: string) =>
    tick({ db: env.db, redis: env.redis, notifier: env.product.outbox, now: () => new Date(now), log, keyPrefix: env.prefix }, { tenantId: 'demo' });

  it('delivers once when the queued message survived', async () => {
    const key = await crashOnce('2026-11-25T02:30:00Z'); // 10:30: 恒信's follow-up
    const id = key.split(':')[1]!;
    expect((await env.db.reminder.findUniqueOrThrow({ where: { id } })).status).toBe('pending');
    await until(() => env.sends.some((s) => s.key === key));
    await restartedTick('2026-11-25T02:35:00Z');
    expect((await env.db.reminder.findUniqueOrThrow({ where: { id } })).status).toBe('sent');
    await new Promise((r) => setTimeout(r, 1000));
    expect(env.sends.filter((s) => s.key === key).map((s) => s.text.split('\n')[0])).toEqual([
      '跟进 苏州恒信精密机械有限公司 · 沈总 — 上次: 远程演示报表模块，沈总满意，要求出正式报价。, 5天前',
    ]);
  });

  it('delivers once when Redis lost the queue meanwhile', async () => {
    const key = await crashOnce('2026-11-25T07:00:00Z'); // 15:00: 华为's follow-up
    const id = key.split(':')[1]!;
    await until(async () => (await env.db.delivery.findUnique({ where: { id: key } }))?.status === 'sent');
    // Redis loses its data (the outbound queue with the finished job) and the workers restart.
    const keys = await env.redis.keys(`${env.prefix}:bull:*`);
    if (keys.length) await env.redis.del(...keys);
    await env.restartWorkers();
    await restartedTick('2026-11-25T07:05:00Z');
    await until(async () => (await env.db.delivery.findUniqueOrThrow({ where: { id: key } })).attempts >= 2);
    expect((await env.db.reminder.findUniqueOrThrow({ where: { id } })).status).toBe('sent');
    expect(env.sends.filter((s) => s.key === key)).toHaveLength(1);
    expect(env.sends.find((s) => s.key === key)!.text).toContain('跟进 华为技术有限公司 · 张总');
  });
});
