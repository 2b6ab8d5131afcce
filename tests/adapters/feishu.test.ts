// The Feishu/Lark adapter: the shared contract, then what only Feishu has — the URL check, the
// raw-body signature, rich text, the card JSON, error codes, images, long-connection dispatch
// and configuration from the environment.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformError } from '../../adapters/contract.js';
import { FeishuAdapter, feishuUuid } from '../../adapters/feishu/adapter.js';
import { classify } from '../../adapters/feishu/errors.js';
import { encrypt } from '../../adapters/feishu/crypto.js';
import { feishuFromEnv } from '../../adapters/feishu/index.js';
import { PerChatLimiter } from '../../adapters/feishu/limiter.js';
import { wsDispatcher } from '../../adapters/feishu/ws.js';
import type { Address, InboundEvent, Reply } from '../../src/chat/index.js';
import { createLogger } from '../../src/log.js';
import { runContractSuite } from './contract-suite.js';
import {
  APP_ID, cardActionEvent, ENCRYPT_KEY, feishuHarness, feishuRig, legacyCardAction, legacySignedRequest, messageEvent, signedRequest, TENANT,
  VERIFICATION_TOKEN,
} from './fakes/feishu-rig.js';

runContractSuite(feishuHarness);

let rig: Awaited<ReturnType<typeof feishuRig>>;
let app: Hono;
let queued: InboundEvent[] = [];
beforeAll(async () => {
  rig = await feishuRig();
  app = new Hono().route('/', rig.adapter.routes!({ accept: async (e) => { queued.push(e); } }));
});
afterAll(() => rig.close());
beforeEach(() => { queued = []; });

const post = (req: Request) => app.request(req);
const plainRequest = (body: object) => new Request('http://localhost/webhooks/feishu', {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
});

describe('feishu webhook', () => {
  it('answers the URL check, plain and encrypted, only with the right verification token', async () => {
    const check = { type: 'url_verification', challenge: 'ch-123', token: VERIFICATION_TOKEN };
    const plain = await post(plainRequest(check));
    expect([plain.status, await plain.json()]).toEqual([200, { challenge: 'ch-123' }]);
    const sealed = await post(plainRequest({ encrypt: encrypt(JSON.stringify({ ...check, challenge: 'ch-456' }), ENCRYPT_KEY) }));
    expect([sealed.status, await sealed.json()]).toEqual([200, { challenge: 'ch-456' }]);
    expect((await post(plainRequest({ ...check, token: 'wrong' }))).status).toBe(401);
  });

  it('checks the signature over the raw bytes, not over re-serialised JSON', async () => {
    const event = messageEvent({ eventId: 'evt-raw-1', userId: 'ou_raw', text: '我的销售漏斗' });
    // Keys reordered and spaced, as another serialiser might send them.
    const raw = `{\n  "event": ${JSON.stringify(event.event, null, 1)},\n  "header": ${JSON.stringify(event.header)}, "schema": "2.0"\n}`;
    const res = await post(signedRequest(raw, { plain: true }));
    expect(res.status).toBe(200);
    expect(queued.map((e) => e.eventId)).toEqual(['evt-raw-1']);
    // A signature over the re-serialised body (what the SDK's dispatcher would check) does not match.
    const resigned = signedRequest(JSON.stringify(JSON.parse(raw)), { plain: true });
    const mismatched = new Request(resigned.url, { method: 'POST', headers: resigned.headers, body: raw });
    expect((await post(mismatched)).status).toBe(401);
    expect(queued).toHaveLength(1);
  });

  it('refuses a signed event carrying the wrong verification token', async () => {
    const event = messageEvent({ eventId: 'evt-token', userId: 'ou_t', text: 'hi' });
    const res = await post(signedRequest({ ...event, header: { ...event.header, token: 'someone-else' } }));
    expect(res.status).toBe(401);
    expect(queued).toEqual([]);
  });

  it('reads rich text (post) and drops the bot mention inside it', async () => {
    const content = {
      title: '',
      content: [
        [{ tag: 'at', user_id: '@_user_1', user_name: 'salesbot' }, { tag: 'text', text: ' 今天拜访了' }, { tag: 'a', text: '美团', href: 'https://meituan.com' }],
        [{ tag: 'text', text: '王总说下周签约' }],
      ],
    };
    const res = await post(signedRequest(messageEvent({ eventId: 'evt-post', userId: 'ou_p', text: '', group: { mentioned: true }, messageType: 'post', content })));
    expect(res.status).toBe(200);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ type: 'text', text: '今天拜访了美团\n王总说下周签约', address: { kind: 'group', conversationId: 'oc_group_1' } });
  });

  it('acknowledges but does not queue message types it does not answer, or other events', async () => {
    // A shared group card (share_chat) is nothing to answer; images and the like are, since #13.
    const shared = messageEvent({ eventId: 'evt-share', userId: 'ou_i', text: '', messageType: 'share_chat', content: { chat_id: 'oc_x' } });
    expect((await post(signedRequest(shared))).status).toBe(200);
    const other = { schema: '2.0', header: { ...shared.header, event_id: 'evt-other', event_type: 'im.chat.member.user.added_v1' }, event: {} };
    expect((await post(signedRequest(other))).status).toBe(200);
    expect(queued).toEqual([]);
  });

  it('answers a card click with a toast and queues the action with the chat and the card message', async () => {
    const action = { intent: 'create_customer_and_retry', args: { name: '美团', n: 2 } };
    const res = await post(signedRequest(cardActionEvent({ eventId: 'evt-click', userId: 'ou_c', action, kind: 'group' })));
    expect(await res.json()).toEqual({ toast: { type: 'info', content: '处理中…' } });
    expect(queued[0]).toMatchObject({
      type: 'action', action, messageId: 'om_card_1', source: { messageId: 'om_card_1', token: 'c-card-token' },
      from: { platform: 'feishu', platformTenant: TENANT, userId: 'ou_c' },
      address: { platform: 'feishu', platformTenant: TENANT, conversationId: 'oc_p2p_ou_c', kind: 'group' },
    });
  });

  it('reads a card click\'s create_time in microseconds and a message\'s in milliseconds, as documented', async () => {
    const clickedAt = Date.now() - 2_000;
    const action = { intent: 'cancel', args: {} };
    await post(signedRequest(cardActionEvent({ eventId: 'evt-us', userId: 'ou_us', action, createTime: `${clickedAt}123` })));
    const typed = messageEvent({ eventId: 'evt-ms', userId: 'ou_ms', text: 'hi' });
    await post(signedRequest({ ...typed, header: { ...typed.header, create_time: String(clickedAt) } }));
    expect(queued.map((e) => e.at.getTime())).toEqual([clickedAt, clickedAt]);
  });

  it('takes the receive time when create_time is far from now (the documented sample\'s 2020 value, or a wrong unit)', async () => {
    const action = { intent: 'cancel', args: {} };
    for (const [i, createTime] of ['1603977298000000', `${Date.now()}000000`, 'soon'].entries()) {
      const before = Date.now();
      await post(signedRequest(cardActionEvent({ eventId: `evt-far-${i}`, userId: 'ou_far', action, createTime })));
      expect(queued[i]!.at.getTime()).toBeGreaterThanOrEqual(before);
      expect(queued[i]!.at.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it('answers 503 to a group message while the bot\'s own id cannot be fetched, and recovers', async () => {
    const fresh = await feishuRig();
    try {
      const routes = new Hono().route('/', fresh.adapter.routes!({ accept: async (e) => { queued.push(e); } }));
      const group = (eventId: string) => signedRequest(messageEvent({ eventId, userId: 'ou_g', text: '我的销售漏斗', group: { mentioned: true } }));
      fresh.api.botInfoDown = true;
      expect((await routes.request(group('evt-bot-1'))).status).toBe(503);
      fresh.api.botInfoDown = false;
      expect((await routes.request(group('evt-bot-1'))).status).toBe(200);
      expect(queued.map((e) => e.eventId)).toEqual(['evt-bot-1']);
    } finally {
      await fresh.close();
    }
  });

  it('accepts an old-format card callback signed with the verification token (sha1), as the SDK does', async () => {
    const action = { intent: 'query_pipeline', args: {} };
    const click = legacyCardAction({ userId: 'ou_old', action, chat: 'oc_p2p_old', token: 'c-aa6aa8a1bc90d8c1b06cb8c3f5f2dc50dd4d3b1b' });
    const before = Date.now();
    const res = await post(legacySignedRequest(click));
    expect([res.status, await res.json()]).toEqual([200, {}]);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      type: 'action', action, eventId: 'card-c-aa6aa8a1bc90d8c1b06cb8c3f5f2dc50dd4d3b1b', messageId: 'om_abcdefg1234567890',
      from: { platform: 'feishu', platformTenant: TENANT, userId: 'ou_old' },
      address: { platform: 'feishu', platformTenant: TENANT, conversationId: 'oc_p2p_old', kind: 'direct' },
    });
    expect(queued[0]!.at.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('refuses an old-format card callback with a wrong or stale signature, or one signed the new way', async () => {
    const click = legacyCardAction({ userId: 'ou_old', action: { intent: 'query_pipeline', args: {} }, chat: 'oc_p2p_old' });
    expect((await post(legacySignedRequest(click, { token: 'not-the-token' }))).status).toBe(401);
    expect((await post(legacySignedRequest(click, { timestampOffsetS: -600 }))).status).toBe(401);
    expect((await post(signedRequest(click, { plain: true }))).status).toBe(401);
    expect(queued).toEqual([]);
  });

  it('ignores a click on a button that is not ours', async () => {
    const click = cardActionEvent({ eventId: 'evt-foreign', userId: 'ou_f', action: { intent: 'x', args: {} } });
    const res = await post(signedRequest({ ...click, event: { ...click.event, action: { tag: 'button', value: { other: 'app' } } } }));
    expect(res.status).toBe(200);
    expect(queued).toEqual([]);
  });
});

describe('feishu sending', () => {
  const direct: Address = { platform: 'feishu', platformTenant: TENANT, conversationId: 'oc_send_1', kind: 'direct' };
  const reply: Reply = {
    text: '没有找到客户「美团」。要新建为客户吗？',
    card: {
      title: '新客户？',
      fields: [{ label: '行业', value: '本地生活' }],
      buttons: [
        { label: '新建「美团」', action: { intent: 'create_customer', args: { name: '美团' } }, style: 'primary' },
        { label: '取消', action: { intent: 'cancel', args: {} }, style: 'danger' },
      ],
    },
  };
  beforeEach(() => { rig.takeSent(); });

  it('sends a card as an interactive message with header, text, fields and buttons, deduped by uuid', async () => {
    await rig.adapter.send(direct, reply, { idempotencyKey: 'k-card-1' });
    const last = rig.api.sends.at(-1)!;
    expect(last).toMatchObject({ via: 'create', receiveIdType: 'chat_id', receiveId: 'oc_send_1', msgType: 'interactive', uuid: 'k-card-1', authorization: 'Bearer t-fake-token' });
    const card = last.content as { header: object; elements: { tag: string; actions?: unknown[] }[] };
    expect(card.header).toEqual({ title: { tag: 'plain_text', content: '新客户？' }, template: 'blue' });
    expect(card.elements.map((e) => e.tag)).toEqual(['div', 'div', 'action']);
    expect(card.elements[2]!.actions).toEqual([
      { tag: 'button', text: { tag: 'plain_text', content: '新建「美团」' }, type: 'primary', value: { salesbot: '{"intent":"create_customer","args":{"name":"美团"}}', kind: 'direct', chat: 'oc_send_1' } },
      { tag: 'button', text: { tag: 'plain_text', content: '取消' }, type: 'danger', value: { salesbot: '{"intent":"cancel","args":{}}', kind: 'direct', chat: 'oc_send_1' } },
    ]);
    expect(rig.takeSent()).toEqual([{ text: '新客户？\n没有找到客户「美团」。要新建为客户吗？\n行业\n本地生活', buttons: reply.card!.buttons!.map(({ label, action }) => ({ label, action })) }]);
  });

  it('replies under the message when replyTo is given, and sends plain replies as text', async () => {
    await rig.adapter.send(direct, { text: '已记录拜访 · 美团' }, { idempotencyKey: 'k-text-1', replyTo: 'om_parent_9' });
    expect(rig.api.sends.at(-1)).toMatchObject({ via: 'reply', replyTo: 'om_parent_9', msgType: 'text', content: { text: '已记录拜访 · 美团' } });
  });

  it('hashes idempotency keys longer than Feishu\'s 50-character uuid, stably', async () => {
    const key = `feishu:${TENANT}:evt-${'x'.repeat(60)}:reply0`;
    await rig.adapter.send(direct, { text: 'a' }, { idempotencyKey: key });
    const uuid = rig.api.sends.at(-1)!.uuid!;
    expect(uuid.length).toBeLessThanOrEqual(50);
    expect(uuid).toBe(feishuUuid(key));
    expect(feishuUuid(`${key}!`)).not.toBe(uuid);
  });

  it('classifies refusals: gone, forbidden, rate limited with the reset header, transient', async () => {
    const attempt = () => rig.adapter.send(direct, { text: 'x' }, { idempotencyKey: `k-${Math.random()}` }).then(() => null, (e: unknown) => e);
    rig.api.refuseNext(400, 230002, 'Bot is not in the chat');
    expect(await attempt()).toMatchObject({ kind: 'target_gone', message: expect.stringContaining('230002') });
    rig.api.refuseNext(400, 230013, 'Bot has NO availability to this user');
    expect(await attempt()).toMatchObject({ kind: 'permission_denied' });
    rig.api.rateLimitNext(7);
    const limited = await attempt();
    expect(limited).toBeInstanceOf(PlatformError);
    expect(limited).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    rig.api.refuseNext(502, 0, 'bad gateway');
    expect(await attempt()).toMatchObject({ kind: 'transient' });
  });

  it('gives up on a Feishu that never answers after httpTimeoutMs, as a transient (retryable) failure', async () => {
    const impatient = new FeishuAdapter({ appId: APP_ID, appSecret: 'test-app-secret', domain: rig.api.url, mode: 'webhook', httpTimeoutMs: 300 }, createLogger('silent'));
    await impatient.send(direct, { text: 'warm up: token fetched' }, { idempotencyKey: `k-${Math.random()}` });
    rig.api.hangNext();
    const err = await impatient.send(direct, { text: 'x' }, { idempotencyKey: `k-${Math.random()}` }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'transient', message: expect.stringContaining('timeout') });
  });

  it('maps codes without an HTTP error too, by table', () => {
    expect(classify({ status: 200, code: 230053 }).kind).toBe('target_gone');
    expect(classify({ status: 400, code: 99991400, headers: { 'x-ogw-ratelimit-reset': '3' } })).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3000 });
    expect(classify({ status: 400, code: 99991672 }).isRetryable()).toBe(false);
    expect(classify({ msg: 'connect ECONNREFUSED' }).isRetryable()).toBe(true);
  });

  it('falls back to the plain text when Feishu refuses the card', async () => {
    rig.api.refuseNext(400, 230099, 'Failed to create card content');
    await rig.adapter.send(direct, reply, { idempotencyKey: 'k-fallback' });
    expect(rig.takeSent()).toEqual([{ text: '新客户？\n没有找到客户「美团」。要新建为客户吗？\n行业: 本地生活\n1. 新建「美团」\n2. 取消', buttons: [] }]);
    expect(rig.api.sends.at(-1)!.uuid).toBe('k-fallback:text');
  });

  it('does not repeat options a question already lists when folding it into text', async () => {
    const question: Reply = { text: '要新建为客户吗？\n1. 新建「美团」\n2. 取消', card: { buttons: reply.card!.buttons } };
    rig.api.refuseNext(400, 230099, 'Failed to create card content');
    await rig.adapter.send(direct, question, { idempotencyKey: 'k-fallback-2' });
    expect(rig.takeSent()).toEqual([{ text: '要新建为客户吗？\n1. 新建「美团」\n2. 取消', buttons: [] }]);
  });

  it('sends cards without buttons, options numbered, when clicks cannot come back (long connection, no Encrypt Key)', async () => {
    const ws = new FeishuAdapter({ appId: APP_ID, appSecret: 's', domain: rig.api.url, mode: 'ws' }, createLogger('silent'));
    expect(ws.routes).toBeUndefined();
    await ws.send(direct, reply, { idempotencyKey: 'k-ws-card' });
    expect(rig.takeSent()).toEqual([{ text: '新客户？\n没有找到客户「美团」。要新建为客户吗？\n1. 新建「美团」\n2. 取消\n行业\n本地生活', buttons: [] }]);
    const withKey = new FeishuAdapter({ appId: APP_ID, appSecret: 's', domain: rig.api.url, mode: 'ws', encryptKey: ENCRYPT_KEY }, createLogger('silent'));
    expect(withKey.routes).toBeTypeOf('function');
  });

  it('uploads reply.image and sends it as an image message after the text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feishu-img-'));
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f20000000049454e44ae426082', 'hex');
    writeFileSync(join(dir, 'chart.png'), png);
    const before = rig.api.uploads.length;
    await rig.adapter.send(direct, { text: '本周业绩', image: { path: join(dir, 'chart.png'), alt: '柱状图' } }, { idempotencyKey: 'k-img' });
    const upload = rig.api.uploads[before]!;
    expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.body.includes(png)).toBe(true);
    expect(upload.body.toString('latin1')).toMatch(/name="image_type"\r\n\r\nmessage/);
    const [text, image] = rig.api.sends.slice(-2);
    expect(text).toMatchObject({ msgType: 'text', content: { text: '本周业绩' } });
    expect(image).toMatchObject({ msgType: 'image', uuid: 'k-img:image', content: { image_key: expect.stringMatching(/^img_v2_fake_/) } });
  });
});

describe('the per-chat limit (5 a second)', () => {
  it('holds the sixth send to one chat until the oldest is a second old, and leaves other chats alone', async () => {
    vi.useFakeTimers();
    try {
      const limiter = new PerChatLimiter(5);
      for (let i = 0; i < 5; i++) await limiter.acquire('oc_a');
      let sixth = false;
      void limiter.acquire('oc_a').then(() => { sixth = true; });
      await limiter.acquire('oc_b');
      await vi.advanceTimersByTimeAsync(900);
      expect(sixth).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect(sixth).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('feishu long connection', () => {
  it('dispatches SDK events to the sink and answers a card click with the toast', async () => {
    const got: InboundEvent[] = [];
    const dispatcher = wsDispatcher({ accept: async (e) => { got.push(e); } }, (h, e) => rig.adapter.decode(h, e), createLogger('silent'));
    await dispatcher.invoke(messageEvent({ eventId: 'evt-ws-1', userId: 'ou_ws', text: '我的销售漏斗' }), { needCheck: false });
    const ack = await dispatcher.invoke(cardActionEvent({ eventId: 'evt-ws-2', userId: 'ou_ws', action: { intent: 'cancel', args: {} } }), { needCheck: false });
    expect(got.map((e) => [e.type, e.eventId, e.from.userId, e.from.platformTenant])).toEqual([
      ['text', 'evt-ws-1', 'ou_ws', TENANT], ['action', 'evt-ws-2', 'ou_ws', TENANT],
    ]);
    // The SDK merges the header into the event: the click's create_time is still microseconds.
    for (const e of got) expect(Math.abs(e.at.getTime() - Date.now())).toBeLessThan(5_000);
    expect(ack).toEqual({ toast: { type: 'info', content: '处理中…' } });
  });

  it('takes a user opening the bot\'s direct chat as first contact there (im.chat.access_event.bot_p2p_chat_entered_v1)', async () => {
    const got: InboundEvent[] = [];
    const dispatcher = wsDispatcher({ accept: async (e) => { got.push(e); } }, (h, e) => rig.adapter.decode(h, e), createLogger('silent'));
    // The documented sample's event body ("用户进入与机器人的会话").
    const ack = await dispatcher.invoke({
      schema: '2.0',
      header: {
        event_id: 'evt-ws-enter', token: VERIFICATION_TOKEN, create_time: String(Date.now()),
        event_type: 'im.chat.access_event.bot_p2p_chat_entered_v1', tenant_key: TENANT, app_id: APP_ID,
      },
      event: {
        chat_id: 'oc_413871888e0d5492e25b173f0812efb7',
        operator_id: { union_id: 'on_8ed6aa67826108097d9ee143816345', user_id: 'e33ggbyz', open_id: 'ou_84aad35d084aa403a838cf73ee18467' },
        last_message_id: 'om_dc13264520392913993dd051dba21dcf', last_message_create_time: '1615380573411',
      },
    }, { needCheck: false });
    expect(got).toMatchObject([{
      type: 'joined', eventId: 'evt-ws-enter', from: { platform: 'feishu', platformTenant: TENANT, userId: 'ou_84aad35d084aa403a838cf73ee18467' },
      address: { platform: 'feishu', platformTenant: TENANT, conversationId: 'oc_413871888e0d5492e25b173f0812efb7', kind: 'direct' },
    }]);
    expect(ack).toEqual({});
  });

  it('fails the callback when the queue is down, so Feishu delivers it again', async () => {
    const dispatcher = wsDispatcher({ accept: async () => { throw new Error('redis down'); } }, (h, e) => rig.adapter.decode(h, e), createLogger('silent'));
    await expect(dispatcher.invoke(messageEvent({ eventId: 'evt-ws-3', userId: 'ou_ws', text: 'hi' }), { needCheck: false })).rejects.toThrow('redis down');
  });
});

describe('feishuFromEnv', () => {
  const full = {
    FEISHU_APP_ID: 'cli_a1b2c3d4e5f6a7b8', FEISHU_APP_SECRET: 'secret-value-1', FEISHU_VERIFICATION_TOKEN: 'token-value-2', FEISHU_ENCRYPT_KEY: 'key-value-3',
  };
  const capture = () => {
    const lines: string[] = [];
    const log = pino({ level: 'debug' }, new Writable({ write(chunk, _e, done) { lines.push(String(chunk)); done(); } }));
    return { log, lines };
  };

  it('names what is missing for webhook mode and builds nothing', () => {
    const { log } = capture();
    expect(feishuFromEnv({ FEISHU_APP_ID: 'cli_x' }, { log })).toEqual({ missing: ['FEISHU_APP_SECRET', 'FEISHU_VERIFICATION_TOKEN', 'FEISHU_ENCRYPT_KEY'] });
  });

  it('warns about an unknown FEISHU_MODE and falls back to the webhook', () => {
    const { log, lines } = capture();
    const { adapter } = feishuFromEnv({ ...full, FEISHU_MODE: 'websocket' }, { log });
    expect(adapter?.routes).toBeTypeOf('function');
    expect(lines.join('')).toContain('FEISHU_MODE is webhook or ws');
  });

  it('needs only the app credentials in long-connection mode, which has no webhook routes', () => {
    const { log } = capture();
    const { adapter, missing } = feishuFromEnv({ FEISHU_MODE: 'ws', FEISHU_APP_ID: 'cli_x', FEISHU_APP_SECRET: 's' }, { log });
    expect(missing).toEqual([]);
    expect(adapter?.routes).toBeUndefined();
    expect(adapter?.start).toBeTypeOf('function');
  });

  it('says so when a long connection cannot start because the app id is malformed', async () => {
    const { log, lines } = capture();
    const { adapter } = feishuFromEnv({ FEISHU_MODE: 'ws', FEISHU_APP_ID: 'cli_x', FEISHU_APP_SECRET: 's' }, { log });
    await adapter!.start!({ accept: async () => {} });
    await adapter!.stop!();
    expect(lines.join('')).toContain('the long connection will not start');
  });

  it('builds a webhook adapter with the app and chat limits, and never logs a secret', () => {
    const { log, lines } = capture();
    const { adapter, missing } = feishuFromEnv({ ...full, FEISHU_DOMAIN: 'https://open.larksuite.com/' }, { log });
    expect(missing).toEqual([]);
    expect(adapter).toMatchObject({ platform: 'feishu', ratePerSecond: 50 });
    expect(adapter?.routes).toBeTypeOf('function');
    const logged = lines.join('');
    expect(logged).toContain('open.larksuite.com');
    for (const secret of ['secret-value-1', 'token-value-2', 'key-value-3']) expect(logged).not.toContain(secret);
  });
});
