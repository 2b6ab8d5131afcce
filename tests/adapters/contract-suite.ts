// The shared adapter contract: every messenger adapter (Feishu, Slack, WeCom, …) runs this suite
// through a harness that signs requests the way its platform does and fakes its cloud API on
// 127.0.0.1. Webhooks: verify, decode, queue, acknowledge. Full path: a visit logged through the
// real product (router, queues, Postgres) comes back through the adapter's send. See issue #4.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActionPayload, InboundEvent, Platform } from '../../src/chat/index.js';
import type { Adapter } from '../../adapters/contract.js';
import type { InboundSink } from '../../src/delivery/inbound.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';

export interface SentMessage { text: string; buttons: { label: string; action: ActionPayload }[]; image?: boolean }

export interface ContractRig {
  adapter: Adapter;
  /** A correctly signed (and, where the platform does, encrypted) webhook request carrying a text message. */
  textMessage(o: { eventId: string; userId: string; text: string; group?: { mentioned: boolean } }): Request;
  /** The platform's button-click callback for a button the adapter rendered with `action`. */
  buttonClick(o: { eventId: string; userId: string; action: ActionPayload }): Request;
  /** The same request with a wrong signature. */
  forged(o: { eventId: string; userId: string; text: string }): Request;
  /** A correctly signed request whose timestamp is 10 minutes old. */
  replayed(o: { eventId: string; userId: string; text: string }): Request;
  /** Sends the fake platform API received since the last call, decoded. */
  takeSent(): SentMessage[];
  /** The fake API answers the next send with 429 and Retry-After: `seconds`. */
  rateLimitNextSend(seconds: number): void;
  close(): Promise<void>;
}

export interface ContractHarness {
  platform: Platform;
  start(): Promise<ContractRig>;
  /**
   * false: the platform's webhook never carries group chats (WeCom's self-built app callback
   * only delivers direct messages); group-shaped requests must then be acknowledged and ignored.
   */
  groupChats?: false;
}

/** Polls `check` until it passes or `ms` runs out (then throws with `what`). */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error(`timed out waiting for ${what}`);
}

const id = () => `evt-${randomUUID()}`;
const user = () => `u${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const VISIT = '今天拜访了宁德时代的王总，意向金额50万';

export function runContractSuite(harness: ContractHarness): void {
  describe(`${harness.platform} adapter contract`, () => {
    describe('webhook', () => webhookCases(harness));
    describe('on the real product', () => productCases(harness));
  });
}

function webhookCases(harness: ContractHarness): void {
  let rig: ContractRig;
  let app: Hono;
  let queued: InboundEvent[] = [];
  let redisDown = false;
  const sink: InboundSink = {
    async accept(event) {
      if (redisDown) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      queued.push(event);
    },
  };
  beforeAll(async () => {
    rig = await harness.start();
    expect(rig.adapter.platform).toBe(harness.platform);
    expect(rig.adapter.routes, 'a webhook adapter has routes').toBeTypeOf('function');
    app = new Hono().route('/', rig.adapter.routes!(sink));
  });
  afterAll(() => rig.close());
  beforeEach(() => { queued = []; redisDown = false; });

  it('turns a direct text into a neutral text event for the right platform, tenant, user and chat', async () => {
    const eventId = id(), userId = user();
    const res = await app.request(rig.textMessage({ eventId, userId, text: '我的销售漏斗' }));
    expect(res.status).toBe(200);
    expect(queued).toHaveLength(1);
    const e = queued[0]!;
    expect(e).toMatchObject({ type: 'text', text: '我的销售漏斗', from: { platform: harness.platform, userId }, address: { platform: harness.platform, kind: 'direct' } });
    expect(e.eventId).toContain(eventId);
    expect(e.from.platformTenant).not.toBe('');
    expect(e.address.platformTenant).toBe(e.from.platformTenant);
    expect(e.address.conversationId).not.toBe('');
    expect(e.at).toBeInstanceOf(Date);
    expect(Number.isNaN(e.at.getTime())).toBe(false);
  });

  it('ignores a group message that does not @-mention the bot, and strips the mention when it does', async () => {
    const quiet = await app.request(rig.textMessage({ eventId: id(), userId: user(), text: '今天的任务', group: { mentioned: false } }));
    expect(quiet.status).toBe(200);
    expect(queued).toEqual([]);
    const userId = user();
    const asked = await app.request(rig.textMessage({ eventId: id(), userId, text: '今天的任务', group: { mentioned: true } }));
    expect(asked.status).toBe(200);
    if (harness.groupChats === false) {
      expect(queued).toEqual([]);
      return;
    }
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ type: 'text', text: '今天的任务', from: { userId }, address: { kind: 'group' } });
  });

  it('refuses a forged signature and a replayed timestamp with 401, queueing nothing', async () => {
    expect((await app.request(rig.forged({ eventId: id(), userId: user(), text: '我的销售漏斗' }))).status).toBe(401);
    expect((await app.request(rig.replayed({ eventId: id(), userId: user(), text: '我的销售漏斗' }))).status).toBe(401);
    expect(queued).toEqual([]);
  });

  it('answers 503 when the queue is down, so the platform delivers again later', async () => {
    redisDown = true;
    const res = await app.request(rig.textMessage({ eventId: id(), userId: user(), text: '我的销售漏斗' }));
    expect(res.status).toBe(503);
  });
}

function productCases(harness: ContractHarness): void {
  let rig: ContractRig;
  let product: ReturnType<typeof assemble>;
  let db: Awaited<ReturnType<typeof testDb>>['db'];
  let workers: { close(): Promise<void> };
  beforeAll(async () => {
    ({ db } = await testDb());
    const { redis, prefix } = testRedis();
    rig = await harness.start();
    product = assemble({ db, redis, log: createLogger('silent'), keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined, messengers: () => [rig.adapter] });
    // await: startWorkers may start long connections (adapter.start) before it resolves.
    workers = await product.startWorkers();
  });
  afterAll(async () => {
    await workers?.close();
    await product?.closeQueues();
    await rig?.close();
  });

  const sent: SentMessage[] = [];
  const collect = () => { sent.push(...rig.takeSent()); return sent; };
  const post = async (req: Request) => expect((await product.app.request(req)).status).toBe(200);
  const waitFor = async (what: string, pick: (m: SentMessage) => boolean): Promise<SentMessage> => {
    await until(what, () => collect().some(pick));
    return sent.find(pick)!;
  };
  const count = (pick: (m: SentMessage) => boolean) => collect().filter(pick).length;
  const question = (name: string) => (m: SentMessage) => m.buttons.some((b) => b.label.includes(name));
  const createButton = (m: SentMessage, name: string) => m.buttons.find((b) => b.label.includes(name))!.action;
  const activitiesOf = async (name: string) => {
    const customers = await db.customer.findMany({ where: { name }, select: { id: true } });
    expect(customers).toHaveLength(1);
    return db.activity.count({ where: { customerId: customers[0]!.id } });
  };
  // The pipeline answer: a card titled 我的销售漏斗, or "目前没有进行中的商机。" when the user has none.
  const pipeline = (m: SentMessage) => /销售漏斗|商机/.test(m.text);
  /** A new message's reply: everything queued before it by the same user has been handled too. */
  const roundTrip = async (userId: string) => {
    const before = count(pipeline);
    await post(rig.textMessage({ eventId: id(), userId, text: '我的销售漏斗' }));
    await until('the pipeline reply', () => count(pipeline) > before);
  };
  beforeEach(() => { sent.length = 0; });

  it('logs a visit end to end: question with a create button, the click, one Activity', async () => {
    const userId = user();
    await post(rig.textMessage({ eventId: id(), userId, text: VISIT }));
    const asked = await waitFor('the create-customer question', question('宁德时代'));
    await post(rig.buttonClick({ eventId: id(), userId, action: createButton(asked, '宁德时代') }));
    await waitFor('the confirmation', (m) => m.text.includes('已记录拜访'));
    expect(await activitiesOf('宁德时代')).toBe(1);
  });

  it('applies a re-delivered message and a re-delivered click once', async () => {
    const userId = user(), textId = id(), clickId = id();
    const text = { eventId: textId, userId, text: '今天拜访了蔚来汽车的李总' };
    await post(rig.textMessage(text));
    await post(rig.textMessage(text));
    const asked = await waitFor('the create-customer question', question('蔚来汽车'));
    const click = { eventId: clickId, userId, action: createButton(asked, '蔚来汽车') };
    await post(rig.buttonClick(click));
    await post(rig.buttonClick(click));
    await waitFor('the confirmation', (m) => m.text.includes('已记录拜访'));
    await post(rig.textMessage(text));
    await roundTrip(userId);
    expect(count(question('蔚来汽车'))).toBe(1);
    expect(count((m) => m.text.includes('已记录拜访'))).toBe(1);
    expect(await activitiesOf('蔚来汽车')).toBe(1);
  });

  it('still delivers a reply the platform rate-limited, once', async () => {
    const userId = user();
    rig.rateLimitNextSend(1);
    await post(rig.textMessage({ eventId: id(), userId, text: '今天拜访了小鹏汽车的何总' }));
    await waitFor('the rate-limited question', question('小鹏汽车'));
    await roundTrip(userId);
    expect(count(question('小鹏汽车'))).toBe(1);
  });
}
