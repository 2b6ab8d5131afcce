// The hot intents' transaction on a pg client (#16, src/router/index.ts transaction()): a visit
// runs without Prisma's interactive transaction; one that needs a Prisma model query (a new
// customer) is rolled back and run again on Prisma's — stored once, its questions as they would
// be, a repeat of either still a duplicate. And a try's questions roll back to where the try began.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rawDb } from '../../src/db-tx.js';
import { storeAddress } from '../../src/delivery/addresses.js';
import { PendingQuestions } from '../../src/router/pending.js';
import { testApp } from '../support/app.js';

const t = await testApp();
const prismaTransactions = vi.spyOn(t.db, '$transaction');
afterEach(() => prismaTransactions.mockClear());

const processed = (eventId: string) => t.db.processedEvent.count({ where: { id: { endsWith: eventId } } });

describe('the message transaction on a pg client (#16)', () => {
  it('logs a visit with deal facts and a follow-up without Prisma’s transaction, once', async () => {
    const eventId = randomUUID();
    const said = await t.say('rep1', '今天拜访了比亚迪的王总，意向金额66万，下周三再跟进', eventId);
    expect(said.replies[0]!.text).toContain('比亚迪');
    expect(prismaTransactions).not.toHaveBeenCalled();
    expect(await t.say('rep1', '今天拜访了比亚迪的王总，意向金额66万，下周三再跟进', eventId)).toMatchObject({ duplicate: true });
    expect(await processed(eventId)).toBe(1);
    const activity = await t.db.activity.findFirstOrThrow({ where: { sourceMessageId: { endsWith: eventId } } });
    expect(await t.db.reminder.count({ where: { activityId: activity.id } })).toBe(1);
  });

  it('runs a visit to a new customer again on Prisma’s transaction: one customer, one activity, once', async () => {
    const eventId = randomUUID();
    const said = await t.say('rep2', '拜访了新客户宁波远航物流，聊了仓储项目', eventId);
    expect(said.replies[0]!.text).toContain('宁波远航物流');
    expect(prismaTransactions).toHaveBeenCalledTimes(1);
    expect(await t.db.customer.count({ where: { tenantId: 'demo', name: '宁波远航物流' } })).toBe(1);
    expect(await t.db.activity.count({ where: { sourceMessageId: { endsWith: eventId } } })).toBe(1);
    expect(await t.say('rep2', '拜访了新客户宁波远航物流，聊了仓储项目', eventId)).toMatchObject({ duplicate: true });
    expect(await processed(eventId)).toBe(1);
  });
});

describe('the address a user writes from', () => {
  it('is stored once per conversation, its kind, thread and time updated in place', async () => {
    const who = { tenantId: 'demo', userId: await t.userId('rep2') };
    const address = { platform: 'feishu' as const, platformTenant: 'tk', conversationId: `oc_${randomUUID()}`, kind: 'direct' as const };
    await storeAddress(rawDb(t.db), who, address);
    const first = await t.db.chatAddress.findFirstOrThrow({ where: { conversationId: address.conversationId } });
    expect(first).toMatchObject({ ...who, ...address, threadId: null });
    expect(first.id).toMatch(/^c[0-9a-z]{24}$/);
    await storeAddress(rawDb(t.db), who, { ...address, kind: 'group', threadId: 'th1' });
    const rows = await t.db.chatAddress.findMany({ where: { conversationId: address.conversationId } });
    expect(rows).toEqual([{ ...first, kind: 'group', threadId: 'th1', updatedAt: expect.any(Date) }]);
    expect(rows[0]!.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
  });
});

describe('a try’s questions', () => {
  const key = (user: string) => `${t.prefix}:pending:demo:${user}`;
  const questions = () => new PendingQuestions(t.redis, t.prefix).forMessage();

  it('roll back to what the message had written, without reading Redis', async () => {
    const message = questions();
    await message.ask('demo', 'u1', [{ intent: 'help', args: {} }]);
    const asked = await t.redis.get(key('u1'));
    const attempt = message.forTry();
    const get = vi.spyOn(t.redis, 'multi');
    await attempt.ask('demo', 'u1', [{ intent: 'cancel', args: {} }]);
    expect(get).not.toHaveBeenCalled();
    get.mockRestore();
    await attempt.rollback();
    expect(await t.redis.get(key('u1'))).toBe(asked);
    await message.rollback();
    expect(await t.redis.get(key('u1'))).toBeNull();
  });

  it('roll back to the question as it stood, and the message’s rollback to the one before it', async () => {
    await t.redis.set(key('u2'), JSON.stringify({ token: 'before', options: [] }), 'EX', 60);
    const message = questions();
    const attempt = message.forTry();
    await attempt.clear('demo', 'u2');
    await attempt.rollback();
    expect(JSON.parse((await t.redis.get(key('u2')))!)).toMatchObject({ token: 'before' });
    const retry = message.forTry();
    await retry.expect('demo', 'u2', { kind: 'query', action: { intent: 'help', args: {} } });
    await message.rollback();
    expect(JSON.parse((await t.redis.get(key('u2')))!)).toMatchObject({ token: 'before' });
  });

  it('a try after a rolled-back one rolls back to the question the first put back', async () => {
    await t.redis.set(key('u3'), JSON.stringify({ token: 'before', options: [] }), 'EX', 60);
    const message = questions();
    const first = message.forTry();
    await first.clear('demo', 'u3');
    await first.rollback();
    const second = message.forTry();
    await second.ask('demo', 'u3', [{ intent: 'help', args: {} }]);
    await second.rollback();
    expect(JSON.parse((await t.redis.get(key('u3'))) ?? 'null')).toMatchObject({ token: 'before' });
  });
});
