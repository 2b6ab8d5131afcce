// Outbound and inbound queues end to end on real Redis and Postgres: a message is delivered
// once per key, platform failures are classified, and an event queued by a webhook comes back
// as a reply through the outbound queue.
import { randomUUID } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { PlatformError, type Adapter } from '../../adapters/contract.js';
import type { Address, Reply } from '../../src/chat/index.js';
import { deliver } from '../../src/delivery/deliver.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { deadlockOnce } from '../support/deadlock-once.js';

const log = createLogger('silent');
const until = async (check: () => Promise<boolean>, ms = 10_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out waiting');
};

describe('delivery', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const { db } = await testDb();
    const { redis, prefix } = testRedis();
    await seedDemo(db);
    const product = assemble({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined });
    const workers = product.startWorkers();
    afterAll(async () => { await workers.close(); await product.closeQueues(); });
    const user = (handle: string) => db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId: 'demo', handle } } });
    return { db, redis, prefix, product, user };
  }
  beforeAll(async () => { t = await setup(); });

  it('notifies a user with no messenger in the web inbox, once per key', async () => {
    const rep = await t.user('rep2');
    const key = `test:${randomUUID()}`;
    await t.product.outbox.notify({ tenantId: 'demo', userId: rep.id }, { text: '跟进 华为' }, { key });
    await t.product.outbox.notify({ tenantId: 'demo', userId: rep.id }, { text: '跟进 华为' }, { key });
    await until(async () => (await t.db.delivery.findUnique({ where: { id: key } }))?.status === 'sent');
    const inbox = await t.product.inbox.drain('demo', 'rep2');
    expect(inbox.map((r) => r.text)).toEqual(['跟进 华为']);
  });

  it('notifies many at once: each once, each chat in the given order, to the address each last used', async () => {
    const [rep1, rep2] = [await t.user('rep1'), await t.user('rep2')];
    // rep1 last wrote from a Slack DM that is gone from this test's adapters; rep2 never used a messenger.
    await t.db.chatAddress.create({ data: { tenantId: 'demo', userId: rep1.id, platform: 'slack', platformTenant: 'T1', conversationId: 'D1', kind: 'direct' } });
    const keys = [0, 1, 2, 3].map((i) => `many:${randomUUID()}:${i}`);
    const notices = [
      { to: { tenantId: 'demo', userId: rep2.id }, reply: { text: '一' }, key: keys[0]! },
      { to: { tenantId: 'demo', userId: rep1.id }, reply: { text: 'slack' }, key: keys[1]! },
      { to: { tenantId: 'demo', userId: rep2.id }, reply: { text: '二' }, key: keys[2]! },
      { to: { tenantId: 'demo', userId: rep2.id }, reply: { text: '三' }, key: keys[3]! },
    ];
    await t.product.outbox.notifyMany(notices);
    await t.product.outbox.notifyMany(notices.slice(0, 1)); // a repeat: the same key, nothing new
    await until(async () => (await t.db.delivery.count({ where: { id: { in: [keys[0]!, keys[2]!, keys[3]!] }, status: 'sent' } })) === 3);
    expect((await t.product.inbox.drain('demo', 'rep2')).map((r) => r.text)).toEqual(['一', '二', '三']);
    const rows = await t.db.delivery.findMany({ where: { id: { in: keys } }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.id, r.conversation])).toEqual([
      [keys[0], 'web:demo:rep2'], [keys[1], 'slack:T1:D1'], [keys[2], 'web:demo:rep2'], [keys[3], 'web:demo:rep2'],
    ]);
    expect(await t.product.outbox.addressOf({ tenantId: 'demo', userId: rep1.id })).toEqual({ platform: 'slack', platformTenant: 'T1', conversationId: 'D1', kind: 'direct' });
    await expect(t.product.outbox.notifyMany([{ to: { tenantId: 'other', userId: rep1.id }, reply: { text: 'x' }, key: 'k' }])).rejects.toThrow(/no user/);
  });

  it('answers an event queued by a webhook through the outbound queue', async () => {
    const event = {
      type: 'text' as const, eventId: randomUUID(), at: new Date(), text: '我的销售漏斗',
      from: { platform: 'web' as const, platformTenant: 'demo', userId: 'rep1' },
      address: { platform: 'web' as const, platformTenant: 'demo', conversationId: 'rep1', kind: 'direct' as const },
    };
    await t.product.sink.accept(event);
    await t.product.sink.accept(event); // a platform re-delivery: still one answer
    let replies: Reply[] = [];
    await until(async () => (replies = [...replies, ...(await t.product.inbox.drain('demo', 'rep1'))]).length > 0);
    await new Promise((r) => setTimeout(r, 300));
    replies.push(...(await t.product.inbox.drain('demo', 'rep1')));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.card?.title).toBe('我的销售漏斗');
  });

  it('handles one chat\'s events one at a time, in order: an undo typed right after a visit takes that visit back', async () => {
    const rep = await t.user('rep1');
    const visits = () => t.db.activity.count({ where: { tenantId: 'demo', userId: rep.id } });
    const before = await visits();
    const event = (text: string) => ({
      type: 'text' as const, eventId: randomUUID(), at: new Date(), text,
      from: { platform: 'web' as const, platformTenant: 'demo', userId: 'rep1' },
      address: { platform: 'web' as const, platformTenant: 'demo', conversationId: 'rep1', kind: 'direct' as const },
    });
    for (let round = 0; round < 3; round++) {
      // Queued together: eight workers would otherwise take both at once.
      await Promise.all([t.product.sink.accept(event('今天拜访了美团的孙经理，聊了续约')), t.product.sink.accept(event('/撤销'))]);
      let replies: Reply[] = [];
      await until(async () => (replies = [...replies, ...(await t.product.inbox.drain('demo', 'rep1'))]).length >= 2);
      expect(replies.map((r) => r.text).join('\n')).toContain('已撤销');
    }
    expect(await visits()).toBe(before);
  });

  it('a re-delivery of an event already handled does not hold up its chat, and the line empties', async () => {
    const event = (text: string) => ({
      type: 'text' as const, eventId: randomUUID(), at: new Date(), text,
      from: { platform: 'web' as const, platformTenant: 'demo', userId: 'rep2' },
      address: { platform: 'web' as const, platformTenant: 'demo', conversationId: 'rep2', kind: 'direct' as const },
    });
    const first = event('我的漏斗');
    await t.product.sink.accept(first);
    let replies: Reply[] = [];
    await until(async () => (replies = [...replies, ...(await t.product.inbox.drain('demo', 'rep2'))]).length >= 1);
    // The platform sends it again after it was handled: BullMQ keeps the finished job's id, so
    // nothing is queued, but the sink has put it in the chat's line again.
    await t.product.sink.accept(first);
    const line = `${t.prefix}:bull:chat-line:web:demo:rep2`;
    expect(await t.redis.zcard(line)).toBe(1);
    await t.product.sink.accept(event('/撤销'));
    await until(async () => (replies = [...replies, ...(await t.product.inbox.drain('demo', 'rep2'))]).length >= 2, 5_000);
    expect(replies).toHaveLength(2);
    expect(await t.redis.zcard(line)).toBe(0);
  });

  it('tries a message again after a deadlock instead of answering "something went wrong"', async () => {
    // The first Activity insert fails as a deadlock victim would (40P01); sequences are not
    // transactional, so the retry's insert goes through.
    const fault = await deadlockOnce(t.db, 'deadlock_once');
    try {
      const rep = await t.user('rep1');
      const before = await t.db.activity.count({ where: { userId: rep.id } });
      const eventId = randomUUID();
      await t.product.sink.accept({
        type: 'text', eventId, at: new Date(), text: '今天拜访了美团的孙经理，聊了续约',
        from: { platform: 'web', platformTenant: 'demo', userId: 'rep1' },
        address: { platform: 'web', platformTenant: 'demo', conversationId: 'rep1', kind: 'direct' },
      });
      let replies: Reply[] = [];
      await until(async () => (replies = [...replies, ...(await t.product.inbox.drain('demo', 'rep1'))]).length > 0, 20_000);
      expect(replies.map((r) => r.text)).toEqual([expect.stringContaining('已记录拜访 · 美团')]);
      expect(await t.db.activity.count({ where: { userId: rep.id } })).toBe(before + 1);
      expect(await t.db.processedEvent.count({ where: { id: `web:demo:${eventId}` } })).toBe(1);
    } finally {
      await fault.remove();
    }
  });

  describe('platform failures', () => {
    const address: Address = { platform: 'feishu', platformTenant: 't', conversationId: 'oc_1', kind: 'direct' };
    const job = (deliveryId: string) => ({ data: { deliveryId, tenantId: 'demo', address, reply: { text: 'hi' } } });
    const adapter = (outcomes: (Error | null)[]): Adapter & { calls: number } => ({
      platform: 'feishu', calls: 0,
      async send() { const next = outcomes[this.calls++]; if (next) throw next; },
    });

    it('gives up on what retrying cannot fix, and records why', async () => {
      const id = randomUUID();
      const a = adapter([new PlatformError('target_gone', 'bot removed from chat')]);
      await expect(deliver(job(id), { db: t.db, adapter: a, log })).rejects.toBeInstanceOf(UnrecoverableError);
      expect(await t.db.delivery.findUnique({ where: { id } })).toMatchObject({ status: 'failed', error: 'bot removed from chat' });
    });

    it('retries transient failures and never sends twice once sent', async () => {
      const id = randomUUID();
      const a = adapter([new PlatformError('transient', '502'), null, null]);
      await expect(deliver(job(id), { db: t.db, adapter: a, log })).rejects.toThrow('502');
      expect(await deliver(job(id), { db: t.db, adapter: a, log })).toBe('sent');
      expect(await deliver(job(id), { db: t.db, adapter: a, log })).toBe('already-sent');
      expect(a.calls).toBe(2);
      expect(await t.db.delivery.findUnique({ where: { id } })).toMatchObject({ status: 'sent', attempts: 3, error: null });
    });
  });
});
