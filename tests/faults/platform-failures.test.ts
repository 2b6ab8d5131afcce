// Platform failures on the outbound path (#6), against real Redis and Postgres and the fake
// Feishu open API driven by the real SDK: the platform answers 429 with Retry-After, then 500s,
// then hangs past the send timeout, then recovers. Messages wait, then go out once each and, per
// chat, in the order they were queued. Backoff and timeouts are shortened through the same
// options production takes its defaults from.
import { randomUUID } from 'node:crypto';
import { Job, Worker, type Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Adapter } from '../../adapters/contract.js';
import type { Address, Platform } from '../../src/chat/index.js';
import { createDb } from '../../src/db.js';
import { deliver } from '../../src/delivery/deliver.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { startWorkers } from '../../src/delivery/workers.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/log.js';
import { jobId, outboundQueue, outboundQueueName, type OutboundPayload } from '../../jobs/queues.js';
import { feishuRig } from '../adapters/fakes/feishu-rig.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';

const log = createLogger('silent');
const until = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out waiting');
};
const chat = (id: string): Address => ({ platform: 'feishu', platformTenant: 'tk_fake_tenant', conversationId: id, kind: 'direct' });
const textOf = (s: { content: unknown }) => (s.content as { text: string }).text;

describe('a transient message (sent while Postgres is down)', () => {
  let rig: Awaited<ReturnType<typeof feishuRig>>;
  let queue: Queue<OutboundPayload>;
  let worker: Worker<OutboundPayload>;
  // A real Prisma client over a port nothing listens on: any query it is asked for fails.
  const downDb = createDb('postgresql://nobody:x@127.0.0.1:1/none', { max: 1 });
  beforeAll(async () => {
    const { redis, prefix } = testRedis();
    rig = await feishuRig();
    const opts = { connection: redis, prefix: `${prefix}:bull` };
    queue = outboundQueue('feishu', opts);
    worker = new Worker(outboundQueueName('feishu'), (job, token) => deliver(job, { db: downDb, adapter: rig.adapter, log, dbDownPollMs: 100 }, worker, token), opts);
  });
  afterAll(async () => { await worker.close(); await queue.close(); await rig.close(); await downDb.$disconnect(); });

  it('is queued and sent without Postgres, once per key', async () => {
    const outbox = new Outbox(downDb, () => queue);
    const key = `notice:${randomUUID()}`;
    const input = { tenantId: 'demo', address: chat('oc_down'), reply: { text: '数据库恢复后会保存您的消息' }, key, transient: true };
    await outbox.send(input);
    await outbox.send(input);
    await until(() => rig.api.sends.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(rig.api.sends.map((s) => [s.receiveId, textOf(s)])).toEqual([['oc_down', '数据库恢复后会保存您的消息']]);
    await expect(downDb.delivery.count()).rejects.toThrow();
  });

  it('a normal message queued before the outage waits, retried without using up its attempts', async () => {
    const key = `reply:${randomUUID()}`;
    const payload: OutboundPayload = { deliveryId: key, tenantId: 'demo', address: chat('oc_waits'), reply: { text: '稍后' } };
    await queue.add('send', payload, { jobId: jobId(key), attempts: 3, backoff: { type: 'fixed', delay: 10 } });
    const job = async () => (await Job.fromId<OutboundPayload>(queue, jobId(key)))!;
    // Put back every 100 ms: after a second it has been tried several times, more than its 3 attempts.
    await until(async () => (await job()).attemptsStarted > 4);
    expect(await job()).toMatchObject({ attemptsMade: 0 });
    expect(['delayed', 'active', 'waiting']).toContain(await queue.getJobState(jobId(key)));
    expect(rig.api.sends.filter((s) => s.receiveId === 'oc_waits')).toEqual([]);
  });
});

describe('a failing platform', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const { db, url } = await testDb();
    const { redis, prefix } = testRedis();
    const rig = await feishuRig();
    const queueOpts = { connection: redis, prefix: `${prefix}:bull` };
    const queues = new Map<Platform, Queue<OutboundPayload>>();
    const queueFor = (p: Platform) => queues.get(p) ?? queues.set(p, outboundQueue(p, queueOpts)).get(p)!;
    const { router, metrics } = createApp({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: null });
    // Production retries 12 times from 1 s doubling, and waits 10 s for an answer; here 50 ms and 1 s.
    const outbox = new Outbox(db, queueFor, { attempts: 12, backoffMs: 50 });
    // The real Feishu adapter, with a hook that runs once the platform has taken a message.
    const hooks: { afterSend?: () => Promise<void> } = {};
    const adapter: Adapter = {
      platform: 'feishu', ratePerSecond: rig.adapter.ratePerSecond,
      send: async (...args) => { await rig.adapter.send(...args); await hooks.afterSend?.(); },
    };
    const workers = startWorkers({
      db, log, router, outbox, adapters: [adapter], ...queueOpts,
      delivery: { sendTimeoutMs: 1000, turnPollMs: 200, dbDownPollMs: 200 },
    });
    afterAll(async () => {
      await workers.close();
      await Promise.all([...queues.values()].map((q) => q.close()));
      await metrics.close();
      await rig.close();
    });
    return { db, rig, outbox, queueFor, hooks, dbName: new URL(url).pathname.slice(1) };
  }
  beforeAll(async () => { t = await setup(); });

  const sentTo = (conversationId: string) => t.rig.api.sends.filter((s) => s.receiveId === conversationId);

  it('429, 500s, a hang: every message goes out once, in order per chat, and is recorded sent', async () => {
    const run = randomUUID().slice(0, 8);
    const chats = ['oc_a', 'oc_b', 'oc_c'].map((c) => `${c}_${run}`);
    t.rig.api.rateLimitNext(1);
    t.rig.api.refuseNext(500, 500, 'internal error');
    t.rig.api.refuseNext(500, 500, 'internal error');
    t.rig.api.hangNext();
    const keys: string[] = [];
    // Interleaved as a busy bot queues them: reply i to every chat, then reply i+1.
    for (let i = 1; i <= 5; i++) {
      for (const c of chats) {
        const key = `reply:${c}:${i}`;
        keys.push(key);
        await t.outbox.send({ tenantId: 'demo', address: chat(c), reply: { text: `第${i}条` }, key });
      }
    }
    await until(async () => (await t.db.delivery.count({ where: { id: { in: keys }, status: 'sent' } })) === keys.length);

    const sends = chats.flatMap(sentTo);
    expect(sends.map((s) => s.uuid).sort()).toEqual([...keys].sort());
    for (const c of chats) expect(sentTo(c).map(textOf)).toEqual(['第1条', '第2条', '第3条', '第4条', '第5条']);
    const rows = await t.db.delivery.findMany({ where: { id: { in: keys } } });
    expect(rows.every((r) => r.status === 'sent' && r.error === null && r.sentAt !== null)).toBe(true);
    // Each of the four failures cost one try of one message; waiting for a turn costs none.
    expect(rows.reduce((n, r) => n + r.attempts, 0)).toBe(keys.length + 4);
  });

  it('a message that gives up is marked failed and no longer holds its chat', async () => {
    const c = `oc_gives_up_${randomUUID().slice(0, 8)}`;
    const outbox = new Outbox(t.db, t.queueFor, { attempts: 2, backoffMs: 50 });
    t.rig.api.refuseNext(500, 500, 'internal error');
    t.rig.api.refuseNext(500, 500, 'internal error');
    const [first, second] = [`reply:${c}:1`, `reply:${c}:2`];
    await outbox.send({ tenantId: 'demo', address: chat(c), reply: { text: '第1条' }, key: first });
    await outbox.send({ tenantId: 'demo', address: chat(c), reply: { text: '第2条' }, key: second });
    await until(async () => (await t.db.delivery.findUnique({ where: { id: second } }))?.status === 'sent');
    expect(await t.db.delivery.findUnique({ where: { id: first } })).toMatchObject({ status: 'failed', attempts: 2, error: expect.stringContaining('HTTP 500') });
    expect(sentTo(c).map(textOf)).toEqual(['第2条']);
  });

  it('an older message whose job is gone is marked lost instead of holding its chat', async () => {
    const c = `oc_lost_${randomUUID().slice(0, 8)}`;
    const lost = `reply:${c}:1`;
    // A row queued a minute ago whose job Redis no longer has (removed, or a crash between the two).
    await t.db.delivery.create({
      data: { id: lost, tenantId: 'demo', platform: 'feishu', conversation: `feishu:tk_fake_tenant:${c}`, createdAt: new Date(Date.now() - 60_000) },
    });
    const next = `reply:${c}:2`;
    await t.outbox.send({ tenantId: 'demo', address: chat(c), reply: { text: '第2条' }, key: next });
    await until(async () => (await t.db.delivery.findUnique({ where: { id: next } }))?.status === 'sent');
    expect(await t.db.delivery.findUnique({ where: { id: lost } })).toMatchObject({ status: 'failed', error: 'lost: its job is unknown' });
    expect(sentTo(c).map(textOf)).toEqual(['第2条']);
  });

  it('a message the platform took while Postgres could not record it is recorded later, not sent again', async () => {
    const c = `oc_unrecorded_${randomUUID().slice(0, 8)}`;
    const key = `reply:${c}:1`;
    // Right after the platform answers, this database refuses connections and drops the open ones.
    t.hooks.afterSend = async () => {
      t.hooks.afterSend = undefined;
      await admin(`ALTER DATABASE ${t.dbName} ALLOW_CONNECTIONS false`);
      await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${t.dbName}'`);
      setTimeout(() => void admin(`ALTER DATABASE ${t.dbName} ALLOW_CONNECTIONS true`), 500);
    };
    await t.outbox.send({ tenantId: 'demo', address: chat(c), reply: { text: '一次' }, key });
    await until(async () => (await t.db.delivery.findUnique({ where: { id: key } }).catch(() => null))?.status === 'sent');
    await new Promise((r) => setTimeout(r, 300));
    expect(sentTo(c).map(textOf)).toEqual(['一次']);
    const job = await Job.fromId<OutboundPayload>(t.queueFor('feishu'), jobId(key));
    expect(job?.data.sentAt).toBeDefined();
    expect(job?.attemptsStarted).toBeGreaterThan(1);
  });
});

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try { await client.query(sql); } finally { await client.end(); }
}
