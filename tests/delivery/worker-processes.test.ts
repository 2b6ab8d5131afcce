// Past one machine (#16): more `start:worker` processes over one Postgres and Redis. Two real
// worker processes (worker-process-child.ts: the queue workers and the scheduled jobs, as
// start:worker runs them) drain the same inbound queue that this process, the web side, fills:
// each event is handled once (re-deliveries included) with one reply sent once, both processes
// take events, each chat's events are stored in the order they were queued, and the job schedulers both
// processes register exist once each, with one next run each.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS, JOBS_QUEUE } from '../../jobs/index.js';
import { INBOUND } from '../../jobs/queues.js';
import { seedDemo } from '../../prisma/seed.js';
import type { InboundEvent } from '../../src/chat/index.js';
import { eventKey } from '../../src/delivery/inbound.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { runChild } from '../support/child.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';

const CHILD = fileURLToPath(new URL('./worker-process-child.ts', import.meta.url));
const until = async (what: string, check: () => Promise<boolean>, ms = 60_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await check()) return;
  throw new Error(`timed out waiting for ${what}`);
};
/** Each rep's own customers (prisma/seed.ts), one visit each, in this order. */
const VISITS: Record<string, string[]> = {
  rep1: ['华为云', '比亚迪', '美团', '上汽', '招商银行', '顺丰'],
  rep2: ['阿里巴巴', '永辉超市', '隆基绿能', '京东物流', 'Acme', '中国平安'],
};

const visit = (handle: string, customer: string): InboundEvent => ({
  type: 'text', eventId: randomUUID(), at: new Date(), text: `拜访了${customer}的孙经理，聊了续约`,
  from: { platform: 'web', platformTenant: 'demo', userId: handle },
  address: { platform: 'web', platformTenant: 'demo', conversationId: handle, kind: 'direct' },
});

describe('two worker processes over one Postgres and Redis', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const { db, url } = await testDb();
    const { redis, url: redisUrl, prefix } = testRedis();
    await seedDemo(db);
    // The web side only: it verifies and queues; the workers run in the child processes.
    const web = assemble({ db, redis, log: createLogger('silent'), keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined });
    const workers = [0, 1].map(() => runChild(CHILD, { DATABASE_URL: url, REDIS_URL: redisUrl, PREFIX: prefix }));
    afterAll(async () => {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
      await web.closeQueues();
    });
    await until('both worker processes to start', async () => workers.every((w) => w.out().includes('started')), 90_000)
      .catch((e: Error) => { throw new Error(`${e.message}: ${workers.map((w) => w.err()).join('\n')}`); });
    // "started" is printed before the workers' connections are up: wait until both processes'
    // inbound workers are connected, or the first one up could take every event.
    const inbound = new Queue(INBOUND, { connection: redis, prefix: `${prefix}:bull` });
    await until('both inbound workers to connect', async () => (await inbound.getWorkersCount()) >= 2, 90_000).finally(() => inbound.close());
    return { db, redis, prefix, web, workers };
  }
  beforeAll(async () => { t = await setup(); }, 120_000);

  it('handles and answers every event once, both processes taking part', async () => {
    const chats = Object.entries(VISITS).map(([handle, customers]) => customers.map((c) => visit(handle, c)));
    // Interleaved as a busy bot receives them, each posted twice (a platform re-delivery).
    for (let i = 0; i < chats[0]!.length; i++) {
      for (const events of chats) {
        await t.web.sink.accept(events[i]!);
        await t.web.sink.accept(events[i]!);
      }
    }
    const keys = chats.map((events) => events.map(eventKey));
    const all = keys.flat();
    const replies = () => t.db.delivery.findMany({ where: { id: { in: all.map((k) => `${k}:reply0`) }, status: 'sent' }, orderBy: { seq: 'asc' } });
    await until('every reply sent', async () => (await replies()).length === all.length);

    const activities = await t.db.activity.findMany({ where: { tenantId: 'demo', sourceMessageId: { in: all } }, orderBy: { createdAt: 'asc' } });
    expect(activities.map((a) => a.sourceMessageId).sort()).toEqual([...all].sort());
    // Each chat's events stored in the order they were queued, whichever process took them.
    // (Before chats had a line, a stepped-back event could be overtaken: rep1's 2nd visit was stored after its 3rd and 4th.)
    for (const chat of keys) expect(activities.map((a) => a.sourceMessageId).filter((id) => chat.includes(id!))).toEqual(chat);
    const sent = await replies();
    expect(await t.db.processedEvent.count({ where: { tenantId: 'demo', id: { in: all } } })).toBe(all.length);
    // One reply per event, sent once (a send repeated by the other process would count an attempt).
    expect(await t.db.delivery.count({ where: { OR: all.map((k) => ({ id: { startsWith: `${k}:` } })) } })).toBe(all.length);
    expect(sent.map((d) => d.attempts)).toEqual(all.map(() => 1));

    for (const w of t.workers) w.child.kill('SIGTERM');
    await Promise.all(t.workers.map((w) => w.exited));
    const handled = t.workers.map((w) => Number(/handled (\d+)/.exec(w.out())?.[1] ?? 0));
    expect(handled.reduce((a, b) => a + b, 0)).toBe(all.length);
    expect(handled.every((n) => n > 0), `events handled per process: ${handled.join(', ')}`).toBe(true);
  }, 120_000);

  it('registers each job scheduler once, with one next run, however many worker processes start', async () => {
    const queue = new Queue(JOBS_QUEUE, { connection: t.redis, prefix: `${t.prefix}:bull` });
    try {
      const scheduled = JOBS.filter((j) => j.schedule).map((j) => j.name).sort();
      expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(scheduled);
      // With no worker left running, each scheduler's next run waits in the queue: one each.
      const next = (await queue.getJobs(['delayed', 'waiting', 'prioritized'])).map((j) => j.name).sort();
      expect(next).toEqual(scheduled);
    } finally {
      await queue.close();
    }
  });
});
