// The inbound worker in rounds (#16), on real Postgres and Redis: a round takes its chats' holds in
// one call and gives them back in one, handles each chat's events in its line's order, stores each
// event once in its own tenant, and queues all its replies in one go; an event that is not its
// chat's turn steps back; one event that fails fails alone and its retry stores it once; and when
// the replies cannot be queued (Postgres gone after the commits) the jobs keep them for the retry.
import { randomUUID } from 'node:crypto';
import { DelayedError, Job, Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INBOUND, jobId, type InboundPayload } from '../../jobs/queues.js';
import type { InboundEvent } from '../../src/chat/index.js';
import { eventKey } from '../../src/delivery/inbound.js';
import { handleRound, type InboundEntry, type InboundRoundDeps } from '../../src/delivery/inbound-rounds.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { seedTenants } from '../faults/support-tenants.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { deadlockOnce } from '../support/deadlock-once.js';

const log = createLogger('silent');
const until = async (check: () => Promise<boolean>, ms = 20_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out waiting');
};

/** A visit typed in the web chat by `handle` of `tenant`, in the chat `chat` (default: the handle's own). */
const visit = (tenant: string, handle: string, customer: string, chat = handle): InboundEvent => ({
  type: 'text', eventId: randomUUID(), at: new Date(), text: `今天拜访了${customer}的孙经理，聊了续约`,
  from: { platform: 'web', platformTenant: tenant, userId: handle },
  address: { platform: 'web', platformTenant: tenant, conversationId: chat, kind: 'direct' },
});

describe('inbound rounds', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const { db } = await testDb();
    const { redis, prefix } = testRedis();
    await seedTenants(db, redis, prefix);
    const product = assemble({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined });
    const queue = new Queue<InboundPayload>(INBOUND, { connection: redis, prefix: `${prefix}:bull` });
    afterAll(async () => { await queue.close(); await product.closeQueues(); });
    return { db, redis, prefix, product, queue };
  }
  beforeAll(async () => { t = await setup(); });

  /** Queues the events through the webhook's sink (each enters its chat's line) and returns their jobs. */
  const queued = async (events: InboundEvent[]) => {
    for (const e of events) await t.product.sink.accept(e);
    return Promise.all(events.map(async (e) => (await Job.fromId<InboundPayload>(t.queue, jobId(eventKey(e))))!));
  };
  const entry = (job: Pick<InboundEntry['job'], 'id' | 'data'> & Partial<InboundEntry['job']>, settled: Map<string, unknown>, token?: string): InboundEntry => ({
    job, token, done: () => settled.set(`${job.id}`, 'done'), fail: (err) => settled.set(`${job.id}`, err),
  });
  const deps = (over: Partial<InboundRoundDeps> = {}): InboundRoundDeps => ({ router: t.product.router, outbox: t.product.outbox, turns: t.product.turns, log, ...over });
  const deliveries = (events: InboundEvent[]) => t.db.delivery.findMany({ where: { id: { in: events.map((e) => `${eventKey(e)}:reply0`) } }, orderBy: { seq: 'asc' } });

  it('one hold call and one release for the round, each chat in its line\'s order, each event once in its own tenant, the replies in one go', async () => {
    // Two tenants' chats with the same conversation id: different chats, different tenants.
    const events = [
      visit('demo', 'rep1', '华为云', 'room'), visit('demo', 'rep2', '阿里巴巴'), visit('acme', 'repa', 'ACME机密客户1', 'room'),
      visit('demo', 'rep1', '比亚迪', 'room'), visit('acme', 'repa', 'ACME机密客户2', 'room'), visit('demo', 'rep2', '永辉超市'),
      visit('demo', 'rep1', '美团', 'room'),
    ];
    const jobs = await queued(events);
    const calls = { take: vi.spyOn(t.product.turns, 'takeMany'), release: vi.spyOn(t.product.turns, 'releaseMany'), many: vi.spyOn(t.product.outbox, 'sendMany'), one: vi.spyOn(t.product.outbox, 'send') };
    const handled: string[] = [];
    const router = { handle: (e: InboundEvent) => { handled.push(e.eventId); return t.product.router.handle(e); } };
    const settled = new Map<string, unknown>();
    try {
      // The round gets them newest first: the order handled is each chat's line, not the round's.
      await handleRound([...jobs].reverse().map((j) => entry(j, settled)), deps({ router }));
      expect([calls.take.mock.calls.length, calls.release.mock.calls.length, calls.many.mock.calls.length, calls.one.mock.calls.length]).toEqual([1, 1, 1, 0]);
      expect(calls.many.mock.calls[0]![0]).toHaveLength(events.length);
    } finally {
      Object.values(calls).forEach((c) => c.mockRestore());
    }
    expect(jobs.map((j) => settled.get(`${j.id}`))).toEqual(jobs.map(() => 'done'));
    const chatOf = (e: InboundEvent) => `${e.address.platformTenant}:${e.address.conversationId}`;
    for (const chat of new Set(events.map(chatOf))) {
      const mine = events.filter((e) => chatOf(e) === chat).map((e) => e.eventId);
      expect(handled.filter((id) => mine.includes(id))).toEqual(mine);
      // Queued in the same order: each chat's replies go out in it (deliver.ts).
      expect((await deliveries(events.filter((e) => chatOf(e) === chat))).map((d) => d.id)).toEqual(mine.map((id) => `web:${chat.split(':')[0]}:${id}:reply0`));
    }
    const processed = await t.db.processedEvent.findMany({ where: { id: { in: events.map(eventKey) } } });
    expect(new Map(processed.map((p) => [p.id, p.tenantId]))).toEqual(new Map(events.map((e) => [eventKey(e), e.from.platformTenant])));
    const rows = await deliveries(events);
    expect(rows.every((d) => d.tenantId === d.conversation!.split(':')[1])).toBe(true);
    const visits = await t.db.activity.findMany({ where: { sourceMessageId: { in: events.map(eventKey) } } });
    const customers = new Map((await t.db.customer.findMany({ where: { id: { in: visits.map((a) => a.customerId!) } } })).map((c) => [c.id, c.tenantId]));
    expect(visits).toHaveLength(events.length);
    expect(visits.every((a) => a.tenantId === customers.get(a.customerId!) && a.sourceMessageId!.startsWith(`web:${a.tenantId}:`))).toBe(true);
    // Lines empty, holds given back.
    expect(await t.redis.keys(`${t.prefix}:bull:chat-busy:*`)).toEqual([]);
    for (const chat of new Set(events.map((e) => `web:${e.address.platformTenant}:${e.address.conversationId}`))) {
      expect(await t.redis.zcard(`${t.prefix}:bull:chat-line:${chat}`)).toBe(0);
    }

    // The same round again (a stalled round's jobs, taken again): nothing is stored or queued twice.
    const again = new Map<string, unknown>();
    await handleRound(jobs.map((j) => entry(j, again)), deps());
    expect(jobs.map((j) => again.get(`${j.id}`))).toEqual(jobs.map(() => 'done'));
    expect(await t.db.processedEvent.count({ where: { id: { in: events.map(eventKey) } } })).toBe(events.length);
    expect(await t.db.activity.count({ where: { sourceMessageId: { in: events.map(eventKey) } } })).toBe(events.length);
    expect(await t.db.delivery.count({ where: { id: { startsWith: 'web:' }, tenantId: { in: ['demo', 'acme'] }, OR: events.map((e) => ({ id: { startsWith: eventKey(e) } })) } })).toBe(events.length);
  });

  it('an event that is not its chat\'s turn steps back, and runs once the older one has', async () => {
    const [older, newer] = [visit('demo', 'rep2', '阿里巴巴', 'solo'), visit('demo', 'rep2', '永辉超市', 'solo')];
    const [olderJob, newerJob] = await queued([older, newer]);
    const moved: number[] = [];
    const settled = new Map<string, unknown>();
    const asWorker = (job: Job<InboundPayload>) => entry({ id: job.id, data: job.data, timestamp: job.timestamp, moveToDelayed: async (at: number) => { moved.push(at); } }, settled, 'token');
    await handleRound([asWorker(newerJob!)], deps());
    expect(settled.get(`${newerJob!.id}`)).toBeInstanceOf(DelayedError);
    expect(moved).toHaveLength(1);
    expect(await t.db.processedEvent.count({ where: { id: eventKey(newer) } })).toBe(0);
    expect(await t.redis.exists(`${t.prefix}:bull:chat-busy:web:demo:solo`)).toBe(0);
    await handleRound([asWorker(newerJob!), asWorker(olderJob!)], deps());
    expect([settled.get(`${olderJob!.id}`), settled.get(`${newerJob!.id}`)]).toEqual(['done', 'done']);
    const [a, b] = await Promise.all([older, newer].map((e) => t.db.processedEvent.findUniqueOrThrow({ where: { id: eventKey(e) } })));
    expect(a!.createdAt.getTime()).toBeLessThanOrEqual(b!.createdAt.getTime());
    expect((await deliveries([older, newer])).map((d) => d.id)).toEqual([older, newer].map((e) => `${eventKey(e)}:reply0`));
  });

  it('when the replies cannot be queued, each stored event keeps them in its job, and the retry queues them without handling it again', async () => {
    const events = [visit('demo', 'rep1', '上汽'), visit('acme', 'repb', 'ACME机密客户3')];
    const jobs = await queued(events);
    const data = new Map<string, InboundPayload>();
    const settled = new Map<string, unknown>();
    // As BullMQ's Job: updateData replaces its data (db-down.ts adds to it after the round did).
    const asWorker = (job: Job<InboundPayload>) => {
      const fake = {
        id: job.id, data: data.get(`${job.id}`) ?? job.data, timestamp: job.timestamp, moveToDelayed: async () => {},
        updateData: async (d: InboundPayload) => { fake.data = d; data.set(`${job.id}`, d); },
      };
      return entry(fake, settled, 'token');
    };
    const gone = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const outbox = { send: t.product.outbox.send.bind(t.product.outbox), sendMany: async () => { throw gone; } };
    await handleRound(jobs.map(asWorker), deps({ outbox }));
    // Put back, not failed: the outage wait (db-down.ts), no attempt used, no "will be saved" notice.
    expect(jobs.map((j) => settled.get(`${j.id}`))).toEqual(jobs.map(() => expect.any(DelayedError)));
    expect(jobs.map((j) => data.get(`${j.id}`)?.handled?.replies.length)).toEqual([1, 1]);
    expect(await t.db.processedEvent.count({ where: { id: { in: events.map(eventKey) } } })).toBe(2);

    const router = { handle: vi.fn(t.product.router.handle.bind(t.product.router)) };
    await handleRound(jobs.map(asWorker), deps({ router }));
    expect(router.handle).not.toHaveBeenCalled();
    expect(jobs.map((j) => settled.get(`${j.id}`))).toEqual(['done', 'done']);
    const rows = await deliveries(events);
    expect(rows.map((r) => [r.tenantId, r.status])).toEqual([['demo', 'pending'], ['acme', 'pending']]);
    expect(await t.db.activity.count({ where: { sourceMessageId: { in: events.map(eventKey) } } })).toBe(2);
  });

  it('a worker killed between the events\' commits and the round\'s hand-off: the retry queues their stored replies, each delivered once', async () => {
    // 华为云 is handed off by an earlier round; the round that dies holds it again (as a stalled
    // round's job), two more visits in the same chat and a read-only query (no audit rows: its
    // replies are stored by a statement of their own).
    const earlier = visit('demo', 'rep1', '华为云', 'crash');
    const events = [visit('demo', 'rep1', '比亚迪', 'crash'), visit('demo', 'rep1', '美团', 'crash'),
      { ...visit('demo', 'rep2', '', 'crash2'), text: '我的销售漏斗' }];
    const [earlierJob] = await queued([earlier]);
    const first = new Map<string, unknown>();
    await handleRound([entry(earlierJob!, first)], deps());
    const jobs = await queued(events);
    // The round dies at its hand-off: nothing queued, nothing kept in the jobs (no updateData), as
    // when the process is killed there. Each event's transaction has committed.
    const killed = new Map<string, unknown>();
    const dead = { send: async () => { throw new Error('killed'); }, sendMany: async () => { throw new Error('killed'); } };
    await handleRound([earlierJob!, ...jobs].map((j) => entry({ id: j.id, data: j.data }, killed)), deps({ outbox: dead }));
    expect(await t.db.processedEvent.count({ where: { id: { in: events.map(eventKey) } } })).toBe(3);
    expect(await deliveries(events)).toEqual([]);
    expect(jobs.map((j) => (killed.get(`${j.id}`) as Error).message)).toEqual(['killed', 'killed', 'killed']);

    // The jobs' retry: the events are duplicates now; their replies are queued once, in line order.
    const many = vi.spyOn(t.product.outbox, 'sendMany');
    const router = { handle: vi.fn(t.product.router.handle.bind(t.product.router)) };
    const retried = new Map<string, unknown>();
    try {
      await handleRound([earlierJob!, ...jobs].map((j) => entry(j, retried)), deps({ router }));
      const results = await Promise.all(router.handle.mock.results.map((r) => r.value as Promise<{ duplicate?: boolean }>));
      expect(results.every((r) => r.duplicate)).toBe(true);
      const keys = many.mock.calls.flatMap((c) => c[0].map((r) => r.key));
      expect([...keys].sort()).toEqual([earlier, ...events].map((e) => `${eventKey(e)}:reply0`).sort());
      // The dead round's chat in its line's order (the other chat ran side by side).
      expect(keys.filter((k) => !k.startsWith(eventKey(events[2]!)))).toEqual([earlier, ...events.slice(0, 2)].map((e) => `${eventKey(e)}:reply0`));
    } finally {
      many.mockRestore();
    }
    expect([earlierJob!, ...jobs].map((j) => retried.get(`${j.id}`))).toEqual(['done', 'done', 'done', 'done']);
    expect((await deliveries(events.slice(0, 2))).map((d) => d.id)).toEqual(events.slice(0, 2).map((e) => `${eventKey(e)}:reply0`));
    expect(await t.db.activity.count({ where: { sourceMessageId: { in: events.map(eventKey) } } })).toBe(2);

    const workers = t.product.startWorkers();
    try {
      const all = [earlier, ...events];
      await until(async () => (await t.db.delivery.count({ where: { id: { in: all.map((e) => `${eventKey(e)}:reply0`) }, status: 'sent' } })) === all.length);
      // Retried once more after they went out (a platform's re-delivery, a second stall): nothing is queued.
      const spy = vi.spyOn(t.product.outbox, 'sendMany');
      try {
        await handleRound(jobs.map((j) => entry(j, new Map())), deps());
        // Only these events' replies count: the live workers also take the earlier tests' jobs,
        // left waiting in the queue (those tests ran their rounds by hand), and queue theirs meanwhile.
        const ours = new Set(all.map((e) => `${eventKey(e)}:reply0`));
        expect(spy.mock.calls.flatMap((c) => c[0]).filter((r) => ours.has(r.key))).toEqual([]);
      } finally {
        spy.mockRestore();
      }
      await new Promise((r) => setTimeout(r, 500)); // room for a second copy to show up
      const inbox = [...await t.product.inbox.drain('demo', 'crash'), ...await t.product.inbox.drain('demo', 'crash2')].map((r) => r.text);
      for (const customer of ['华为云', '比亚迪', '美团']) expect(inbox.filter((x) => x.includes('已记录拜访') && x.includes(customer))).toHaveLength(1);
      expect(inbox).toHaveLength(4);
      expect(await t.db.delivery.findMany({ where: { id: { in: all.map((e) => `${eventKey(e)}:reply0`) } }, select: { attempts: true } })).toEqual(all.map(() => ({ attempts: 1 })));
    } finally {
      await workers.close();
    }
  }, 60_000);

  it('through the worker: one event that fails fails alone, its retry stores it once, every event answered once', async () => {
    // The first Activity insert fails as a deadlock victim would (40P01): whichever event of the
    // round makes it, that event alone fails and BullMQ tries it again.
    const fault = await deadlockOnce(t.db, 'round_deadlock_once');
    const workers = t.product.startWorkers();
    try {
      const events = [...['华为云', '比亚迪', '美团', '上汽'].map((c) => visit('demo', 'rep1', c, 'w1')),
        ...['阿里巴巴', '永辉超市', '隆基绿能', '京东物流'].map((c) => visit('demo', 'rep2', c, 'w2')),
        visit('acme', 'repa', 'ACME机密客户1', 'w1'), visit('acme', 'repa', 'ACME机密客户2', 'w1')];
      await Promise.all(events.map((e) => t.product.sink.accept(e)));
      await until(async () => (await t.db.delivery.count({ where: { id: { in: events.map((e) => `${eventKey(e)}:reply0`) }, status: 'sent' } })) === events.length);
      await new Promise((r) => setTimeout(r, 300)); // room for a duplicate to show up
      const jobs = await Promise.all(events.map(async (e) => (await Job.fromId<InboundPayload>(t.queue, jobId(eventKey(e))))!));
      // attemptsMade counts the try that completed too: 1 for all but the one that failed once.
      expect(jobs.map((j) => j.attemptsMade).sort()).toEqual([...events.slice(1).map(() => 1), 2]);
      expect(await t.db.activity.count({ where: { sourceMessageId: { in: events.map(eventKey) } } })).toBe(events.length);
      // The web chat's inbox is by conversation; each tenant's visits answered in its own.
      for (const [tenant, chat, n] of [['demo', 'w1', 4], ['demo', 'w2', 4], ['acme', 'w1', 2]] as const) {
        const texts = (await t.product.inbox.drain(tenant, chat)).map((r) => r.text);
        expect(texts.filter((x) => x.includes('已记录拜访'))).toHaveLength(n);
        expect(texts.some((x) => x.includes(tenant === 'acme' ? '华为云' : 'ACME'))).toBe(false);
      }
      // Each chat's visits stored in the order queued (the failed one's retry runs after the rest
      // of its chat, as before rounds: a failing event leaves its chat's line).
      const failed = events.find((_, i) => jobs[i]!.attemptsMade === 2)!;
      for (const chat of ['demo:w1', 'demo:w2', 'acme:w1']) {
        const mine = events.filter((e) => `${e.address.platformTenant}:${e.address.conversationId}` === chat && e !== failed);
        const stored = new Map((await t.db.processedEvent.findMany({ where: { id: { in: mine.map(eventKey) } } })).map((p) => [p.id, p.createdAt.getTime()]));
        const times = mine.map((e) => stored.get(eventKey(e))!);
        expect(times).toEqual([...times].sort((x, y) => x - y));
      }
    } finally {
      await workers.close();
      await fault.remove();
    }
  }, 60_000);
});
