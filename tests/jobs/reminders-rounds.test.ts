// The reminders worker in rounds (#16), end to end on real Postgres and Redis: a round with live,
// moved, cancelled, done and deleted reminders sends only the live ones; and a worker SIGKILLed
// after handing a round to the outbox but before marking it sent leaves it to a fresh worker,
// which marks it — each live reminder reaches the messenger exactly once, the others never.
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { lockRows } from '../support/row-lock.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../adapters/contract.js';
import { REMINDER_QUEUE, reminderKey, startReminderWorker } from '../../jobs/reminders/follow-ups.js';
import { queueGroup } from '../../jobs/reminders/due-jobs.js';
import { seedDemo } from '../../prisma/seed.js';
import type { Reminder } from '../../src/generated/prisma/client.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { runChild } from '../support/child.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { userIds } from './reminders-support.js';

const log = createLogger('silent');
const CHILD = fileURLToPath(new URL('./reminders-round-crash-child.ts', import.meta.url));
const until = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out waiting');
};

describe('reminder rounds', () => {
  let env: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const { db, url: dbUrl } = await testDb();
    const { redis, url: redisUrl, prefix } = testRedis();
    await seedDemo(db);
    // Real time here, whatever the hour: no quiet hours for this tenant.
    await db.tenant.update({ where: { id: 'demo' }, data: { settings: { quietHours: { start: '00:00', end: '00:00' } } } });
    const sends: { key: string; to: string; text: string }[] = [];
    const feishu: Adapter = { platform: 'feishu', async send(address, reply, opts) { sends.push({ key: opts.idempotencyKey, to: address.conversationId, text: reply.text }); } };
    const product = assemble({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: null, messengers: () => [feishu] });
    const workers = product.startWorkers();
    const bull = `${prefix}:bull`;
    const queue = new Queue(REMINDER_QUEUE, { connection: redis, prefix: bull });
    afterAll(async () => { await queue.close(); await workers.close(); await product.closeQueues(); });
    const ids = await userIds(db);
    for (const handle of ['rep1', 'rep2']) {
      await db.chatAddress.create({ data: { tenantId: 'demo', userId: ids[handle]!, platform: 'feishu', platformTenant: 'tk', conversationId: `oc_${handle}`, kind: 'direct' } });
    }
    return { db, dbUrl, redis, redisUrl, prefix, bull, queue, sends, product, ids };
  }
  beforeAll(async () => { env = await setup(); });

  /** Reminders due `inMs` from now, queued as the tick queues them (one job for the tenant's
   * second); then made moved, cancelled, done, deleted. */
  async function queueMix(note: string, inMs: number) {
    const { db, queue, ids } = env;
    const customer = await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '京东物流' } });
    const due = new Date(Math.ceil((Date.now() + inMs) / 1000) * 1000);
    const make = (n: string, assigneeId: string) => db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', assigneeId, customerId: customer.id, dueAt: due, note: `${note} ${n}` } });
    const live = [await make('live 1', ids.rep1!), await make('live 2', ids.rep2!), await make('live 3', ids.rep1!)];
    const [moved, cancelled, done, deleted] = [await make('moved', ids.rep2!), await make('cancelled', ids.rep1!), await make('done', ids.rep2!), await make('deleted', ids.rep1!)];
    const reminders = [...live, moved!, cancelled!, done!, deleted!].map((r) => ({ reminderId: r.id, dueAt: due.toISOString() }));
    const job = await queueGroup(queue, { tenantId: 'demo', at: due, reminders }, due.getTime() - Date.now());
    await db.reminder.update({ where: { id: moved!.id }, data: { dueAt: new Date(due.getTime() + 86_400_000) } });
    await db.reminder.update({ where: { id: cancelled!.id }, data: { status: 'cancelled' } });
    await db.reminder.update({ where: { id: done!.id }, data: { status: 'done' } });
    await db.reminder.delete({ where: { id: deleted!.id } });
    return { live, others: [moved!, cancelled!, done!, deleted!], job: job! };
  }

  const keyOf = (r: Reminder) => reminderKey(r);
  const status = async (r: Reminder) => (await env.db.reminder.findUnique({ where: { id: r.id } }))?.status;
  const sentTimes = (r: Reminder) => env.sends.filter((s) => s.key === keyOf(r)).length;

  it('sends the live reminders of a round once; moved, cancelled, done and deleted ones send nothing', async () => {
    const { live, others } = await queueMix('mixed', 1500);
    // The stall check's pace is kept in Redis by whichever worker ran it last: short here too, or
    // the next test's fresh worker would not look for stalled jobs for 30 s.
    const worker = await startReminderWorker({ db: env.db, redis: env.redis, notifier: env.product.outbox, now: () => new Date(), log, keyPrefix: env.prefix, connection: env.redis, prefix: env.bull },
      { stalledInterval: 300, maxStalledCount: 10 });
    try {
      await until(async () => (await Promise.all(live.map(status))).every((s) => s === 'sent') && live.every((r) => sentTimes(r) === 1));
      await new Promise((r) => setTimeout(r, 500)); // room for a stray send to show up
    } finally {
      await worker.close();
    }
    expect(live.map(sentTimes)).toEqual([1, 1, 1]);
    expect(env.sends.filter((s) => live.some((r) => s.key === keyOf(r))).map((s) => s.text.split('\n')[0])).toEqual(live.map(() => expect.stringContaining('跟进 京东物流')));
    expect(env.sends.filter((s) => s.text.includes('mixed') && /moved|cancelled|done|deleted/.test(s.text))).toEqual([]);
    expect(await Promise.all(others.map(status))).toEqual(['pending', 'cancelled', 'done', undefined]);
  });

  it('a worker killed between handing a round to the outbox and marking it sent: a fresh worker marks it, each message goes out once', async () => {
    const { live, others, job } = await queueMix('crash', 2500);
    // Holding the live rows locked: the child's round hands off, then its mark waits here.
    const lock = await lockRows(env.dbUrl, 'Reminder', live.map((r) => r.id));
    const { child, exited, err } = runChild(CHILD, { DATABASE_URL: env.dbUrl, REDIS_URL: env.redisUrl, PREFIX: env.prefix });
    try {
      const handed = async () => (await env.db.delivery.count({ where: { id: { in: live.map(keyOf) } } })) === live.length;
      await until(async () => (await handed()) && live.every((r) => sentTimes(r) === 1), 40_000).catch((e: Error) => { throw new Error(`${e.message}: ${err()}`); });
      await until(lock.waiting);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    // The dead worker's mark must not complete when the lock goes: its backend goes too.
    await lock.release();
    expect(await Promise.all(live.map(status))).toEqual(live.map(() => 'pending'));

    // A fresh worker takes the stalled jobs: the round fires again under the same keys.
    const worker = await startReminderWorker({ db: env.db, redis: env.redis, notifier: env.product.outbox, now: () => new Date(), log, keyPrefix: env.prefix, connection: env.redis, prefix: env.bull },
      { stalledInterval: 300, maxStalledCount: 10 });
    try {
      await until(async () => (await Promise.all(live.map(status))).every((s) => s === 'sent')).catch(async (e: Error) => {
        const j = await env.queue.getJob(job);
        throw new Error(`${e.message}: ${JSON.stringify([await j?.getState(), j?.failedReason, j?.attemptsStarted])}`);
      });
      await new Promise((r) => setTimeout(r, 1000)); // room for a duplicate to show up
    } finally {
      await worker.close();
    }
    expect(live.map(sentTimes)).toEqual([1, 1, 1]);
    expect(env.sends.filter((s) => s.text.includes('crash') && /moved|cancelled|done|deleted/.test(s.text))).toEqual([]);
    expect(await Promise.all(others.map(status))).toEqual(['pending', 'cancelled', 'done', undefined]);
    expect((await env.queue.getJob(job))?.attemptsStarted).toBeGreaterThan(1);
  }, 90_000);
});
