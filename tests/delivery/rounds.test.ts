// The outbound worker in rounds (#16), on real Postgres and Redis: a round claims its messages in
// one statement and marks them sent in one, sends each chat's messages in queue order, holds a
// message whose older one is outside the round; and a worker SIGKILLed after the platform took a
// round but before the mark does not send it again once a fresh worker picks the jobs up.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DelayedError, Job, Worker, type Queue } from 'bullmq';
import { lockRows } from '../support/row-lock.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../adapters/contract.js';
import { jobId, outboundQueue, outboundQueueName, type OutboundPayload } from '../../jobs/queues.js';
import type { Address } from '../../src/chat/index.js';
import type { Db } from '../../src/db.js';
import { deliverRound, OutboundRounds, ROUND_MAX, type Entry } from '../../src/delivery/deliver-batch.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { SentMarks } from '../../src/delivery/sent-marks.js';
import { createLogger } from '../../src/log.js';
import { runChild } from '../support/child.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';

const log = createLogger('silent');
const CHILD = fileURLToPath(new URL('./rounds-crash-child.ts', import.meta.url));
const until = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out waiting');
};
const chat = (id: string): Address => ({ platform: 'feishu', platformTenant: 'tk', conversationId: id, kind: 'direct' });

/** The database, counting the raw statements it is asked for. */
function counting(db: Db): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const proxy = new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key !== '$queryRaw' && key !== '$executeRaw') return value;
      return (strings: TemplateStringsArray, ...values: unknown[]) => {
        statements.push(strings.join('?'));
        return (value as (s: TemplateStringsArray, ...v: unknown[]) => unknown).call(target, strings, ...values);
      };
    },
  });
  return { db: proxy, statements };
}

describe('outbound rounds', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const { db, url } = await testDb();
    const { redis, url: redisUrl, prefix } = testRedis();
    const queue: Queue<OutboundPayload> = outboundQueue('feishu', { connection: redis, prefix: `${prefix}:bull` });
    afterAll(async () => { await queue.close(); });
    const outbox = new Outbox(db, () => queue);
    return { db, url, redis, redisUrl, prefix, queue, outbox };
  }
  beforeAll(async () => { t = await setup(); });

  const queueTexts = async (chats: string[], n: number, run: string) => {
    // Interleaved as a busy bot queues them: message i to every chat, then message i+1.
    for (let i = 1; i <= n; i++) {
      for (const c of chats) await t.outbox.send({ tenantId: 'demo', address: chat(c), reply: { text: `${c} ${i}` }, key: `${run}:${c}:${i}` });
    }
  };
  const entry = async (key: string, settled: Map<string, unknown>): Promise<Entry> => ({
    job: (await Job.fromId<OutboundPayload>(t.queue, jobId(key)))!,
    done: (outcome) => settled.set(key, outcome),
    fail: (err) => settled.set(key, err),
  });

  it('sends several messages in one round: one claim, one mark, each chat in queue order', async () => {
    const run = randomUUID().slice(0, 8);
    const chats = ['oc_a', 'oc_b', 'oc_c'];
    await queueTexts(chats, 3, run);
    const sends: { to: string; text: string }[] = [];
    const adapter: Adapter = { platform: 'feishu', async send(address, reply) { sends.push({ to: address.conversationId, text: reply.text }); } };
    const keys = chats.flatMap((c) => [1, 2, 3].map((i) => `${run}:${c}:${i}`));
    const settled = new Map<string, unknown>();
    // The round gets them newest first: the order sent is the queue's, not the round's.
    const entries = await Promise.all([...keys].reverse().map((k) => entry(k, settled)));
    const { db, statements } = counting(t.db);
    await deliverRound(entries, { db, adapter, log });

    expect(keys.map((k) => settled.get(k))).toEqual(keys.map(() => 'sent'));
    for (const c of chats) expect(sends.filter((s) => s.to === c).map((s) => s.text)).toEqual([`${c} 1`, `${c} 2`, `${c} 3`]);
    expect(statements).toHaveLength(2);
    const rows = await t.db.delivery.findMany({ where: { id: { in: keys } } });
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt !== null)).toBe(true);
    // Sent again (a retry): nothing goes out twice.
    const again = new Map<string, unknown>();
    await deliverRound(await Promise.all(keys.map((k) => entry(k, again))), { db: t.db, adapter, log });
    expect(keys.map((k) => again.get(k))).toEqual(keys.map(() => 'already-sent'));
    expect(sends).toHaveLength(keys.length);
  });

  it('holds a message whose older one is not in the round', async () => {
    const run = randomUUID().slice(0, 8);
    await queueTexts(['oc_d'], 2, run);
    const [older, newer] = [`${run}:oc_d:1`, `${run}:oc_d:2`];
    const sends: string[] = [];
    const adapter: Adapter = { platform: 'feishu', async send(_address, reply) { sends.push(reply.text); } };
    const settled = new Map<string, unknown>();
    // Outside a worker (no job lock to move it by), the held message fails with BullMQ's DelayedError.
    const { job } = await entry(newer, settled);
    await deliverRound([{ ...(await entry(newer, settled)), job: { data: job.data } }], { db: t.db, adapter, log });
    expect(settled.get(newer)).toBeInstanceOf(DelayedError);
    await deliverRound([await entry(older, settled), await entry(newer, settled)], { db: t.db, adapter, log });
    expect(sends).toEqual(['oc_d 1', 'oc_d 2']);
  });

  it('a worker killed after the platform took a round, before marking it, does not send it again after restart', async () => {
    const run = randomUUID().slice(0, 8);
    const chats = ['oc_e', 'oc_f', 'oc_g', 'oc_h'];
    const keys = chats.map((c) => `${run}:${c}:1`);
    // A queue of its own: the tests above left their jobs waiting in theirs.
    const prefix = `${t.prefix}-crash`;
    const queue: Queue<OutboundPayload> = outboundQueue('feishu', { connection: t.redis, prefix: `${prefix}:bull` });
    const outbox = new Outbox(t.db, () => queue);
    for (const [i, c] of chats.entries()) await outbox.send({ tenantId: 'demo', address: chat(c), reply: { text: `${c} 1` }, key: keys[i]! });
    // Holding the rows locked: the killed worker's mark waits here, as if it died just before it.
    const lock = await lockRows(t.url, 'Delivery', keys);
    const platform = `${prefix}:platform`;
    const sent = async () => (await t.redis.lrange(platform, 0, -1)).map((s) => JSON.parse(s) as { key: string; to: string; text: string });
    const { child, exited, err } = runChild(CHILD, { DATABASE_URL: t.url, REDIS_URL: t.redisUrl, PREFIX: prefix });
    try {
      // Each message the platform took is marked at once (sent-marks.ts), before the round's mark.
      const marks = new SentMarks(t.redis, `${prefix}:bull`);
      const recorded = async () => (await marks.of(keys)).size === keys.length;
      await until(async () => (await sent()).length === keys.length && (await recorded()), 40_000).catch((e: Error) => { throw new Error(`${e.message}: ${err()}`); });
      await until(lock.waiting);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    // The dead worker's statement must not complete when the lock goes: its backend goes too.
    await lock.release();
    expect((await t.db.delivery.findMany({ where: { id: { in: keys } } })).map((r) => r.status)).toEqual(keys.map(() => 'pending'));

    // A fresh worker takes the stalled jobs: each is recorded sent, none sent again. (Its lock is
    // the usual 30 s: on a loaded machine a 1 s lock would stall its own jobs too.)
    const adapter: Adapter = { platform: 'feishu', async send(address, reply, opts) { await t.redis.rpush(platform, JSON.stringify({ key: opts.idempotencyKey, to: address.conversationId, text: reply.text })); } };
    const rounds = new OutboundRounds({ db: t.db, adapter, log, marks: new SentMarks(t.redis, `${prefix}:bull`) }, () => worker);
    const worker: Worker<OutboundPayload> = new Worker(outboundQueueName('feishu'), (job, token) => rounds.take(job, token),
      { connection: t.redis, prefix: `${prefix}:bull`, concurrency: 2 * ROUND_MAX, stalledInterval: 300, maxStalledCount: 10 });
    try {
      await until(async () => (await t.db.delivery.count({ where: { id: { in: keys }, status: 'sent' } })) === keys.length).catch(async (e: Error) => {
        const jobs = await Promise.all(keys.map((k) => Job.fromId<OutboundPayload>(queue, jobId(k))));
        throw new Error(`${e.message}: ${JSON.stringify(await Promise.all(jobs.map(async (j) => [await j?.getState(), j?.failedReason, j?.attemptsStarted])))}`);
      });
      await new Promise((r) => setTimeout(r, 300)); // room for a duplicate to show up
    } finally {
      await worker.close();
      await queue.close();
    }
    expect((await sent()).map((s) => s.key).sort()).toEqual([...keys].sort());
    const rows = await t.db.delivery.findMany({ where: { id: { in: keys } } });
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect((await Job.fromId<OutboundPayload>(queue, jobId(keys[0]!)))?.attemptsStarted).toBeGreaterThan(1);
  }, 90_000);
});
