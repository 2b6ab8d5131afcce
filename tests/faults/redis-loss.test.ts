// "Redis restarted (data lost) with reminders pending": Postgres holds every reminder, Redis only
// the ones due within the next 30 minutes as delayed jobs. This file runs its own redis-server so
// it can lose it: the product schedules reminders, Redis is stopped and comes back empty, and a
// fresh process (workers + startJobs, whose schedulers run the catch-up tick at once) rebuilds
// the schedule from Postgres. A counting Feishu adapter shows what users got: each due reminder
// exactly once, nothing that was already delivered before the crash, the future ones queued
// again (inside the horizon) or still pending in Postgres (beyond it).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../adapters/contract.js';
import { startJobs } from '../../jobs/index.js';
import { queuedState, REMINDER_QUEUE, reminderKey } from '../../jobs/reminders/follow-ups.js';
import { seedDemo } from '../../prisma/seed.js';
import type { Db } from '../../src/db.js';
import type { Reminder } from '../../src/generated/prisma/client.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { startEmbeddedRedis } from '../../src/runtime/embedded-redis.js';
import type { RunningService } from '../../src/runtime/service.js';
import { testDb } from '../support/db.js';

const log = createLogger('silent');
const PREFIX = 'salesbot';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => Promise<boolean> | boolean, ms = 30_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if (await check()) return;
  throw new Error('timed out waiting');
};

interface Sent { key: string; to: string; text: string }

/** What a worker process runs: the product's queue workers and the scheduled jobs, on one Redis. */
async function startProcess(db: Db, redisUrl: string, feishu: Adapter) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const product = assemble({ db, redis, log, keyPrefix: PREFIX, tenantId: 'demo', webChatToken: null, messengers: () => [feishu] });
  const workers = product.startWorkers();
  const connection = { connection: redis, prefix: `${PREFIX}:bull` };
  const jobs = await startJobs({ db, redis, log, keyPrefix: PREFIX, notifier: product.outbox, now: () => new Date() }, connection);
  const reminders = new Queue(REMINDER_QUEUE, connection);
  return {
    /** The state of the delayed job of the reminder's tenant and second in Redis ('unknown' when there is none). */
    queued: (r: Reminder) => queuedState(reminders, r.tenantId, r.dueAt),
    async stop() {
      await jobs.close();
      await workers.close();
      await reminders.close();
      await product.closeQueues();
      redis.disconnect();
    },
  };
}

describe('Redis restarted with its data lost while reminders are pending', () => {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-redis-loss-'));
  let redis: RunningService;
  let db: Db;
  const sends: Sent[] = [];
  const feishu: Adapter = { platform: 'feishu', async send(address, reply, opts) { sends.push({ key: opts.idempotencyKey, to: address.conversationId, text: reply.text }); } };

  beforeAll(async () => {
    ({ db } = await testDb());
    redis = await startEmbeddedRedis({ dataRoot, log });
    await seedDemo(db, { now: new Date() });
    // Reminders go out at any hour in this file (no quiet hours), to the reps' Feishu chats.
    await db.tenant.update({ where: { id: 'demo' }, data: { settings: { quietHours: { start: '00:00', end: '00:00' } } } });
    for (const u of await db.user.findMany({ where: { tenantId: 'demo', handle: { in: ['rep1', 'rep2'] } } })) {
      await db.chatAddress.create({ data: { tenantId: 'demo', userId: u.id, platform: 'feishu', platformTenant: 'tk', conversationId: `oc_${u.handle}`, kind: 'direct' } });
    }
  });
  afterAll(async () => {
    await redis?.stop();
    fs.rmSync(dataRoot, { recursive: true, force: true });
  });

  it('rebuilds due and future reminders from Postgres; none lost, none sent twice', async () => {
    const t0 = Date.now();
    // Only this file's reminders are pending: the seed's pending follow-ups serve as templates.
    const templates = await db.reminder.findMany({ where: { tenantId: 'demo', kind: 'follow_up', status: 'pending' }, orderBy: { dueAt: 'asc' } });
    expect(templates.length).toBeGreaterThanOrEqual(2);
    await db.reminder.updateMany({ where: { id: { in: templates.map((r) => r.id) } }, data: { status: 'done' } });
    const add = (i: number, dueInMs: number, extra: Partial<Reminder> = {}) => {
      const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = templates[i % templates.length]!;
      return db.reminder.create({ data: { ...rest, status: 'pending', sentAt: null, dueAt: new Date(t0 + dueInMs), ...extra } as Omit<Reminder, 'id' | 'createdAt' | 'updatedAt'> });
    };
    const soon = await add(0, 8_000); // queued before the crash, falls due while Redis is down
    const later = await add(1, 28_000); // queued before the crash, still ahead after it
    const inHorizon = await add(0, 20 * 60_000); // queued, and due after this test
    const inDays = await add(1, 3 * 86_400_000); // beyond the horizon: Postgres only

    // The first process schedules them: all three inside the 30-minute horizon are delayed jobs.
    const first = await startProcess(db, redis.url, feishu);
    await until(async () => (await first.queued(soon)) === 'delayed' && (await first.queued(later)) === 'delayed' && (await first.queued(inHorizon)) === 'delayed');
    expect(await first.queued(inDays)).toBe('unknown');

    // Crash: the process goes, Redis goes and comes back with nothing (its append-only file lost).
    await first.stop();
    await redis.stop();
    fs.rmSync(path.join(dataRoot, 'redis'), { recursive: true, force: true });
    // Meanwhile Postgres gains two more: one overdue, and one the crashed process had already
    // delivered (Delivery 'sent') but not yet marked sent.
    const overdue = await add(1, -2 * 3_600_000);
    const delivered = await add(0, -10 * 60_000);
    await db.delivery.create({ data: { id: reminderKey(delivered), tenantId: 'demo', userId: delivered.assigneeId, platform: 'feishu', status: 'sent', sentAt: new Date(), attempts: 1 } });
    await sleep(Math.max(0, t0 + 9_000 - Date.now())); // `soon` is now overdue too
    redis = await startEmbeddedRedis({ dataRoot, log });
    const probe = new Redis(redis.url);
    expect(await probe.dbsize().finally(() => probe.disconnect())).toBe(0);

    // A fresh process over the empty Redis.
    const second = await startProcess(db, redis.url, feishu);
    try {
      const status = async (r: Reminder) => (await db.reminder.findUniqueOrThrow({ where: { id: r.id } })).status;
      // The catch-up sends what is overdue and marks the delivered one without sending it again.
      await until(async () => (await status(soon)) === 'sent' && (await status(overdue)) === 'sent' && (await status(delivered)) === 'sent');
      expect(await second.queued(later)).toBe('delayed');
      expect(await second.queued(inHorizon)).toBe('delayed');
      expect(await second.queued(inDays)).toBe('unknown');
      // `later` fires from its rebuilt delayed job.
      await until(async () => (await status(later)) === 'sent', 40_000);
      await until(() => sends.some((s) => s.key === reminderKey(later)));
      await sleep(1000); // room for a duplicate to show up
      const count = (r: Reminder) => sends.filter((s) => s.key === reminderKey(r)).length;
      expect([soon, overdue, later, delivered, inHorizon, inDays].map(count)).toEqual([1, 1, 1, 0, 0, 0]);
      expect(Date.now()).toBeGreaterThanOrEqual(later.dueAt.getTime()); // not early
      expect(await status(inHorizon)).toBe('pending');
      expect(await status(inDays)).toBe('pending');
      const customer = await db.customer.findUniqueOrThrow({ where: { id: soon.customerId! } });
      expect(sends.find((s) => s.key === reminderKey(soon))!.text).toContain(`跟进 ${customer.name}`);
    } finally {
      await second.stop();
    }
  }, 80_000);

  it('a running process rebuilds the schedule when Redis comes back empty on the same port', async () => {
    const t0 = Date.now();
    await db.reminder.updateMany({ where: { tenantId: 'demo', status: 'pending' }, data: { status: 'done' } });
    const template = await db.reminder.findFirstOrThrow({ where: { tenantId: 'demo', kind: 'follow_up' }, orderBy: { dueAt: 'asc' } });
    const add = (dueInMs: number) => {
      const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = template;
      return db.reminder.create({ data: { ...rest, status: 'pending', sentAt: null, dueAt: new Date(t0 + dueInMs) } });
    };
    const soon = await add(8_000);
    const inHorizon = await add(20 * 60_000);
    redis = await restartEmpty(redis, dataRoot); // a clean start: the schedules from the test above are gone
    const running = await startProcess(db, redis.url, feishu);
    try {
      await until(async () => (await running.queued(soon)) === 'delayed' && (await running.queued(inHorizon)) === 'delayed');
      // Redis restarts with nothing (no persistence) on its port; the process keeps running.
      redis = await restartEmpty(redis, dataRoot);
      const status = async (r: Reminder) => (await db.reminder.findUniqueOrThrow({ where: { id: r.id } })).status;
      await until(async () => (await status(soon)) === 'sent' && (await running.queued(inHorizon)) === 'delayed', 40_000);
      await until(() => sends.some((s) => s.key === reminderKey(soon)));
      await sleep(1000);
      expect(sends.filter((s) => s.key === reminderKey(soon))).toHaveLength(1);
      expect(await status(inHorizon)).toBe('pending');
    } finally {
      await running.stop();
    }
  }, 60_000);
});

/** Stops the file's redis-server and starts an empty one (no persistence) on the same port and password. */
async function restartEmpty(old: RunningService, dataRoot: string): Promise<RunningService> {
  const url = new URL(old.url);
  await old.stop();
  fs.rmSync(path.join(dataRoot, 'redis'), { recursive: true, force: true });
  const child = spawn('redis-server', ['--port', url.port, '--bind', '127.0.0.1', '--requirepass', decodeURIComponent(url.password), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const probe = new Redis(old.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  probe.on('error', () => {});
  await until(async () => (await probe.connect().then(() => probe.ping(), () => '')) === 'PONG', 10_000);
  probe.disconnect();
  return {
    url: old.url, owned: true,
    stop: () => new Promise<void>((resolve) => { if (child.exitCode !== null) return resolve(); child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}
