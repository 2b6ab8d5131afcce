// The WeCom self-built app adapter against the official WXBizMsgCrypt vectors, a known answer
// computed with `openssl enc`, and end to end: signed, encrypted callbacks through the real
// app, queue, router and workers, replies sent to a fake WeCom API on 127.0.0.1.
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError, type Adapter } from '../../adapters/contract.js';
import { WecomCrypto, WecomCryptoError, signature } from '../../adapters/wecom/crypto.js';
import { sendToGroupRobot } from '../../adapters/wecom/group-robot.js';
import { wecomAdapter, wecomFromEnv } from '../../adapters/wecom/index.js';
import { AccessTokens } from '../../adapters/wecom/token.js';
import { parseXml, leafFields, toXml } from '../../adapters/wecom/xml.js';
import type { ActionPayload, Address, InboundEvent } from '../../src/chat/index.js';
import { queueSink, type InboundSink } from '../../src/delivery/inbound.js';
import { inboundQueue } from '../../jobs/queues.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { runContractSuite } from './contract-suite.js';
import { FAKE_SECRET, FakeWecomApi } from './fakes/wecom-api.js';
import { wecomHarness } from './fakes/wecom-rig.js';

const log = createLogger('silent');
const until = async (check: () => boolean | Promise<boolean>, ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out waiting');
};

// The official sample (企业微信 加解密库 samples: C#, PHP, Python, Go).
const OFFICIAL = { token: 'QDG6eK', corpId: 'wx5823bf96d3bd56c7', key: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C' };
const OFFICIAL_URL_CHECK = {
  msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3', timestamp: '1409659589', nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
};
const OFFICIAL_POST = {
  msg_signature: '477715d11cdb4164915debcba66cb864d751f3e6', timestamp: '1409659813', nonce: '1372623149',
  encrypt: 'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
};

// Computed outside this code: python3 builds 00..0f + length + message + corp id + PKCS#7 to 32
// (pad 30), `openssl enc -aes-256-cbc -nopad` encrypts, `sort | sha1sum` signs.
const KAT = {
  token: 'katToken', key: 'salesbotWecomKnownAnswerTestKey0123456789AA', corpId: 'wwkat0000000000001',
  message: '<xml><ToUserName><![CDATA[wwkat0000000000001]]></ToUserName><Content><![CDATA[你好 salesbot，签约了]]></Content></xml>',
  encrypt: 'OKJIac2O0SO3Kkxe794o5GVPzz8Ezot4bsBDJiWJkePWOEtBgXcQ49cZCOst6Ehl7rxbv78GclYa07oEOjE5lwKAK8hTNWRCm8yTDxDU7K5pZ0U8oMCGwh686rEBNTlQFtDrbWH3BC5ZkMT3iQGKA3+HYxTiBQH4VT149nq+q893UwgiVeO/68IUWnqpz5WkpHkiqOZr72VK8QUa2yxqhMCUuAOwDV2nGpSaKy1j2yaBDO8snZ7Nr5G9d1VEWh/r',
  signature: 'afd25bcfe2c9f2f69f4924e7d611e58d9bbfbb6e', timestamp: '1700000000', nonce: 'nonce42',
};

describe('crypto', () => {
  const official = new WecomCrypto(OFFICIAL.token, OFFICIAL.key, OFFICIAL.corpId);

  it('verifies and decrypts the official URL-check and message vectors', () => {
    const u = OFFICIAL_URL_CHECK;
    expect(official.verify(u.msg_signature, u.timestamp, u.nonce, u.echostr)).toBe(true);
    expect(official.decrypt(u.echostr)).toBe('1616140317555161061');
    const p = OFFICIAL_POST;
    expect(official.verify(p.msg_signature, p.timestamp, p.nonce, p.encrypt)).toBe(true);
    const fields = leafFields((parseXml(official.decrypt(p.encrypt)) as { ok: true; root: never }).root);
    expect(fields).toMatchObject({ FromUserName: 'mycreate', MsgType: 'text', Content: 'hello', MsgId: '4561255354251345929', AgentID: '218' });
  });

  it('matches the openssl known answer both ways (32-byte PKCS#7, pad 30)', () => {
    const kat = new WecomCrypto(KAT.token, KAT.key, KAT.corpId);
    expect(kat.encrypt(KAT.message, Buffer.from([...Array(16).keys()]))).toBe(KAT.encrypt);
    expect(kat.decrypt(KAT.encrypt)).toBe(KAT.message);
    expect(signature(KAT.token, KAT.timestamp, KAT.nonce, KAT.encrypt)).toBe(KAT.signature);
  });

  it('round-trips any message', () => {
    const c = new WecomCrypto('tok', KAT.key, 'wwcorp');
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => c.decrypt(c.encrypt(s)) === s));
  });

  it('refuses another corp, tampering, a wrong signature and bad keys', () => {
    const enc = official.encrypt('hi');
    expect(() => new WecomCrypto(OFFICIAL.token, OFFICIAL.key, 'wwother').decrypt(enc)).toThrow(WecomCryptoError);
    const bytes = Buffer.from(enc, 'base64');
    bytes[bytes.length - 1]! ^= 0x55;
    expect(() => official.decrypt(bytes.toString('base64'))).toThrow(WecomCryptoError);
    expect(() => official.decrypt('abc')).toThrow(WecomCryptoError);
    const p = OFFICIAL_POST;
    expect(official.verify(p.msg_signature.replace(/^4/, '5'), p.timestamp, p.nonce, p.encrypt)).toBe(false);
    expect(official.verify(p.msg_signature, p.timestamp, '1', p.encrypt)).toBe(false);
    expect(() => new WecomCrypto('t', 'short', 'c')).toThrow(WecomCryptoError);
  });
});

describe('xml', () => {
  it('reads CDATA, the five entities, numeric references and one level of nesting', () => {
    const r = parseXml('<?xml version="1.0"?>\n<xml><A><![CDATA[x<y]]></A><B>a&lt;b&amp;c&quot;&apos;&gt;&#20320;&#x597D;</B><C/><S><Item><K>1</K></Item></S></xml>');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(leafFields(r.root)).toEqual({ A: 'x<y', B: 'a<b&c"\'>你好', C: '' });
    expect(r.root.children.at(-1)!.children[0]!.children[0]).toMatchObject({ name: 'K', text: '1' });
  });

  it.each([
    ['a DOCTYPE', '<!DOCTYPE xml [<!ENTITY x "y">]><xml><A>&x;</A></xml>'],
    ['an unknown entity', '<xml><A>&x;</A></xml>'],
    ['a comment', '<xml><!-- c --><A>1</A></xml>'],
    ['attributes', '<xml><A b="1">1</A></xml>'],
    ['mismatched tags', '<xml><A>1</B></xml>'],
    ['unterminated input', '<xml><A>1</A>'],
    ['two roots', '<xml></xml><xml></xml>'],
    ['a processing instruction', '<xml><?php x ?></xml>'],
    ['deep nesting', `${'<a>'.repeat(20)}${'</a>'.repeat(20)}`],
  ])('refuses %s', (_, input) => {
    expect(parseXml(input).ok).toBe(false);
  });

  it('writes what it reads', () => {
    const r = parseXml(toXml({ A: 'tricky ]]> text', N: 5 }));
    expect(r.ok && leafFields(r.root)).toEqual({ A: 'tricky ]]> text', N: '5' });
  });
});

const CORP = 'wwsalesbottest01';
const AGENT = '1000002';
const ENV = { WECOM_CORP_ID: CORP, WECOM_AGENT_ID: AGENT, WECOM_SECRET: FAKE_SECRET, WECOM_TOKEN: 'cbToken1', WECOM_ENCODING_AES_KEY: KAT.key };
const cbCrypto = new WecomCrypto(ENV.WECOM_TOKEN, ENV.WECOM_ENCODING_AES_KEY, CORP);
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A callback exactly as WeCom sends it: inner XML encrypted, outer XML, signed query. */
function callback(fields: Record<string, string | number>, opts: { ageSeconds?: number; forge?: boolean } = {}): Request {
  const encrypt = cbCrypto.encrypt(toXml(fields));
  const timestamp = String(nowSeconds() - (opts.ageSeconds ?? 0));
  const nonce = String(randomBytes(4).readUInt32BE());
  const sig = opts.forge ? cbCrypto.sign(timestamp, nonce, `${encrypt}x`) : cbCrypto.sign(timestamp, nonce, encrypt);
  const q = new URLSearchParams({ msg_signature: sig, timestamp, nonce });
  return new Request(`http://localhost/webhooks/wecom?${q}`, { method: 'POST', body: toXml({ ToUserName: CORP, Encrypt: encrypt, AgentID: AGENT }) });
}
const textFields = (userId: string, text: string, msgId: string, extra: Record<string, string> = {}) => ({
  ToUserName: CORP, FromUserName: userId, CreateTime: nowSeconds(), MsgType: 'text', Content: text, MsgId: msgId, AgentID: AGENT, ...extra,
});
const clickFields = (userId: string, key: string, responseCode: string) => ({
  ToUserName: CORP, FromUserName: userId, CreateTime: nowSeconds(), MsgType: 'event', Event: 'template_card_event',
  EventKey: key, TaskId: 'sb_task', CardType: 'button_interaction', ResponseCode: responseCode, AgentID: AGENT,
});
const recordingSink = () => {
  const accepted: InboundEvent[] = [];
  return { accepted, sink: { accept: async (e: InboundEvent) => { accepted.push(e); } } satisfies InboundSink };
};

describe('callbacks and sends, end to end', () => {
  const { redis, prefix } = testRedis();
  const fake = new FakeWecomApi();
  let adapter: Adapter;
  let product: ReturnType<typeof assemble>;
  const sendsTo = (user: string) => fake.sends.filter((s) => s.body.touser === user);

  beforeAll(async () => {
    const { db } = await testDb();
    await fake.start();
    const built = wecomFromEnv({ ...ENV, WECOM_API_BASE: fake.url }, { log, redis, keyPrefix: prefix });
    expect(built.missing).toEqual([]);
    adapter = built.adapter!;
    product = assemble({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined, messengers: () => [adapter] });
    const workers = product.startWorkers();
    afterAll(async () => { await workers.close(); await product.closeQueues(); await fake.close(); });
  });

  it('acknowledges a text message with an empty 200 and answers through message/send', async () => {
    const res = await product.app.fetch(callback(textFields('zhangwei', '我的销售漏斗', randomUUID())));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await until(() => sendsTo('zhangwei').length > 0);
    // A new corp is a new, empty tenant: the pipeline answers in plain text.
    expect(sendsTo('zhangwei')[0]!.body).toEqual({ touser: 'zhangwei', agentid: 1000002, msgtype: 'text', text: { content: expect.stringContaining('目前没有进行中的商机。') } });
  });

  it('answers the same MsgId once', async () => {
    const msgId = randomUUID();
    for (let i = 0; i < 3; i++) expect((await product.app.fetch(callback(textFields('lina', '我的销售漏斗', msgId)))).status).toBe(200);
    await until(() => sendsTo('lina').length > 0);
    await new Promise((r) => setTimeout(r, 800));
    expect(sendsTo('lina')).toHaveLength(1);
  });

  it('asks with a button card; the click comes back as the same action and completes it', async () => {
    await product.app.fetch(callback(textFields('wangqiang', '今天拜访了宁德时代的王总', randomUUID())));
    await until(() => sendsTo('wangqiang').length > 0);
    const card = sendsTo('wangqiang')[0]!.body as { msgtype: string; template_card: { card_type: string; task_id: string; button_list: { text: string; key: string }[] } };
    expect(card.msgtype).toBe('template_card');
    expect(card.template_card.card_type).toBe('button_interaction');
    expect(card.template_card.task_id).toMatch(/^[\w@-]{1,128}$/);
    const create = card.template_card.button_list.find((b) => b.text.includes('新建'))!;
    expect(Buffer.byteLength(create.key)).toBeLessThanOrEqual(1024);
    const click = clickFields('wangqiang', create.key, 'resp-1');
    expect((await product.app.fetch(callback(click))).status).toBe(200);
    expect((await product.app.fetch(callback(click))).status).toBe(200); // WeCom's retry of the same click
    // The answer updates the clicked card with its ResponseCode, once; no new message (#13).
    await until(() => fake.cardUpdates.some((u) => u.response_code === 'resp-1'));
    await new Promise((r) => setTimeout(r, 800));
    const updates = fake.cardUpdates.filter((u) => u.response_code === 'resp-1');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ userids: ['wangqiang'], agentid: 1000002 });
    expect(JSON.stringify(updates[0])).toContain('已记录拜访 · 宁德时代');
    expect(sendsTo('wangqiang')).toHaveLength(1);
  });

  it('keeps an action too long for a button key in Redis and still round-trips it', async () => {
    const { sink, accepted } = recordingSink();
    const action: ActionPayload = { intent: 'log_activity', args: { note: '很长的备注'.repeat(120) } };
    const address: Address = { platform: 'wecom', platformTenant: CORP, conversationId: 'chenjing', kind: 'direct' };
    await adapter.send(address, { text: '确认？', card: { buttons: [{ label: '确认', action }, { label: '取消', action: { intent: 'cancel', args: {} } }] } }, { idempotencyKey: randomUUID() });
    const keys = (sendsTo('chenjing').at(-1)!.body as { template_card: { button_list: { key: string }[] } }).template_card.button_list.map((b) => b.key);
    expect(keys[0]).toMatch(/^ref:/);
    expect(JSON.parse(keys[1]!)).toEqual({ intent: 'cancel', args: {} });
    expect((await adapter.routes!(sink).fetch(callback(clickFields('chenjing', keys[0]!, 'r2')))).status).toBe(200);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ type: 'action', action, from: { platform: 'wecom', platformTenant: CORP, userId: 'chenjing' }, address: { kind: 'direct', conversationId: 'chenjing' } });
  });

  it('refuses forged and stale requests with 401 and queues nothing', async () => {
    const { sink, accepted } = recordingSink();
    const routes = adapter.routes!(sink);
    const answer = async (res: Response) => [res.status, await res.text()];
    expect(await answer(await routes.fetch(callback(textFields('u1', 'hi', randomUUID()), { forge: true })))).toEqual([401, 'bad signature']);
    // Correctly signed, but stale: the answer says so rather than "bad signature".
    const stale = [401, 'stale timestamp: more than 5 minutes from our clock (a replayed or delayed request)'];
    expect(await answer(await routes.fetch(callback(textFields('u1', 'hi', randomUUID()), { ageSeconds: 600 })))).toEqual(stale);
    expect(await answer(await routes.fetch(callback(textFields('u1', 'hi', randomUUID()), { ageSeconds: -600 })))).toEqual(stale);
    expect(accepted).toEqual([]);
    expect((await routes.fetch(callback(textFields('u1', 'hi', 'm-ok')))).status).toBe(200);
    expect(accepted).toHaveLength(1);
  });

  it('answers 400 to bodies it cannot read, and ignores group chats and other message types', async () => {
    const { sink, accepted } = recordingSink();
    const routes = adapter.routes!(sink);
    const bad = new Request('http://localhost/webhooks/wecom?msg_signature=a&timestamp=1&nonce=2', { method: 'POST', body: '<!DOCTYPE x><xml/>' });
    expect((await routes.fetch(bad)).status).toBe(400);
    expect((await routes.fetch(new Request('http://localhost/webhooks/wecom', { method: 'POST', body: '<xml/>' }))).status).toBe(400);
    const group = textFields('u2', '@salesbot 我的销售漏斗', randomUUID(), { ChatId: 'wrchat1', ChatType: 'group' });
    // A menu click that opens a URL (事件 view) is nothing to answer; images are answered now (#13).
    const menu = { ToUserName: CORP, FromUserName: 'u2', CreateTime: nowSeconds(), MsgType: 'event', Event: 'view', EventKey: 'https://x', AgentID: AGENT };
    const otherAgent = textFields('u2', 'hi', randomUUID(), { AgentID: '999' });
    for (const f of [group, menu, otherAgent]) expect((await routes.fetch(callback(f))).status).toBe(200);
    expect(accepted).toEqual([]);
  });

  it('answers 503 when the queue cannot be reached', async () => {
    const dead = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    const queue = inboundQueue({ connection: dead, prefix: `${prefix}:dead` });
    queue.on('error', () => {});
    try {
      expect((await adapter.routes!(queueSink(queue)).fetch(callback(textFields('u3', 'hi', randomUUID())))).status).toBe(503);
    } finally {
      await queue.close().catch(() => {});
      dead.disconnect();
    }
  });

  it('answers the URL check with the decrypted echostr (official vector), and 401 when stale', async () => {
    const official = wecomFromEnv({
      WECOM_CORP_ID: OFFICIAL.corpId, WECOM_AGENT_ID: '218', WECOM_SECRET: 's', WECOM_TOKEN: OFFICIAL.token,
      WECOM_ENCODING_AES_KEY: OFFICIAL.key, WECOM_API_BASE: fake.url,
    }, { log, redis, keyPrefix: prefix }).adapter!;
    const url = `http://localhost/webhooks/wecom?${new URLSearchParams(OFFICIAL_URL_CHECK)}`;
    const { sink } = recordingSink();
    const in2026 = await official.routes!(sink).fetch(new Request(url)); // signed in 2014
    expect([in2026.status, await in2026.text()]).toEqual([401, expect.stringMatching(/^stale timestamp/)]);
    const in2014 = wecomAdapter({ corpId: OFFICIAL.corpId, agentId: '218', secret: 's', token: OFFICIAL.token, encodingAesKey: OFFICIAL.key, apiBase: fake.url },
      { log, redis, keyPrefix: prefix, now: () => 1409659589_000 + 30_000 });
    const answer = await in2014.routes!(sink).fetch(new Request(url));
    expect([answer.status, await answer.text()]).toEqual([200, '1616140317555161061']);
    // Fixed random prefixes, the first whose ciphertext has a '+' (for the unencoded-'+' case).
    const echostr = Array.from({ length: 64 }, (_, i) => cbCrypto.encrypt('echo-42', Buffer.alloc(16, i))).find((e) => e.includes('+'))!;
    const timestamp = String(nowSeconds());
    const q = new URLSearchParams({ msg_signature: cbCrypto.sign(timestamp, 'n1', echostr), timestamp, nonce: 'n1', echostr });
    const res = await adapter.routes!(sink).fetch(new Request(`http://localhost/webhooks/wecom?${q}`));
    expect([res.status, await res.text()]).toEqual([200, 'echo-42']);
    // A proxy that leaves base64's '+' unencoded: it arrives as a space and is still accepted.
    const raw = `http://localhost/webhooks/wecom?${new URLSearchParams({ msg_signature: q.get('msg_signature')!, timestamp, nonce: 'n1' })}&echostr=${echostr.replaceAll('/', '%2F').replaceAll('=', '%3D')}`;
    expect(echostr).toContain('+');
    expect((await adapter.routes!(sink).fetch(new Request(raw))).status).toBe(200);
  });
});

describe('sending', () => {
  const { redis, prefix } = testRedis();
  const fake = new FakeWecomApi();
  let adapter: Adapter;
  const to: Address = { platform: 'wecom', platformTenant: CORP, conversationId: 'rep9', kind: 'direct' };
  const send = (reply: Parameters<Adapter['send']>[1] = { text: 'hi' }) => adapter.send(to, reply, { idempotencyKey: randomUUID() });
  const failure = async (p: Promise<unknown>) => {
    const err = await p.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    return err as PlatformError;
  };

  beforeAll(async () => {
    await fake.start();
    adapter = wecomFromEnv({ ...ENV, WECOM_API_BASE: fake.url }, { log, redis, keyPrefix: prefix }).adapter!;
  });
  afterAll(() => fake.close());

  it('caches the access token, and fetches a new one when WeCom says it expired', async () => {
    await send();
    await send();
    expect(fake.tokenRequests).toBe(1);
    fake.expireTokens();
    await send({ text: 'after expiry' });
    expect(fake.tokenRequests).toBe(2);
    expect(fake.sends.at(-1)!.body).toMatchObject({ msgtype: 'text', text: { content: 'after expiry' } });
    expect(fake.sends.at(-1)!.accessToken).not.toBe(fake.sends[0]!.accessToken);
  });

  it('refreshes the cached token five minutes before its 7200 s run out', async () => {
    let now = 1_000_000;
    const tokens = new AccessTokens({ apiBase: fake.url, corpId: CORP, secret: FAKE_SECRET, fetch: (u, i) => fetch(u, i), now: () => now });
    const before = fake.tokenRequests;
    const first = await tokens.get();
    now += 6_800_000;
    expect(await tokens.get()).toBe(first);
    now += 200_001;
    expect(await tokens.get()).not.toBe(first);
    expect(fake.tokenRequests - before).toBe(2);
    const wrong = new AccessTokens({ apiBase: fake.url, corpId: CORP, secret: 'wrong', fetch: (u, i) => fetch(u, i) });
    expect((await failure(wrong.get())).kind).toBe('permission_denied');
  });

  it.each([
    [45009, 'rate_limited'], [45033, 'rate_limited'],
    [81013, 'target_gone'], [60111, 'target_gone'], [40031, 'target_gone'],
    [48002, 'permission_denied'], [60020, 'permission_denied'], [301002, 'permission_denied'],
    [-1, 'transient'], [40058, 'invalid_request'],
  ])('classifies errcode %i as %s', async (errcode, kind) => {
    fake.refuseNext(errcode);
    const err = await failure(send());
    expect(err.kind).toBe(kind);
    if (kind === 'rate_limited') expect(err.retryAfterMs).toBeGreaterThan(0);
  });

  it('treats 5xx and timeouts as transient, an unreachable user in invaliduser as gone', async () => {
    fake.refuseNext(0, 'bad gateway', 502);
    expect((await failure(send())).kind).toBe('transient');
    const offline = wecomFromEnv({ ...ENV, WECOM_API_BASE: 'http://127.0.0.1:1' }, { log, redis, keyPrefix: prefix }).adapter!;
    expect((await failure(offline.send(to, { text: 'x' }, { idempotencyKey: 'k' }))).kind).toBe('transient');
    fake.unknownUsers.add('ghost');
    expect((await failure(adapter.send({ ...to, conversationId: 'ghost' }, { text: 'x' }, { idempotencyKey: 'k2' }))).kind).toBe('target_gone');
    expect((await failure(adapter.send({ ...to, conversationId: 'rep9|ghost' }, { text: 'x' }, { idempotencyKey: 'k3' }))).kind).toBe('target_gone');
  });

  it('refuses addresses of another corp and group chats without calling WeCom', async () => {
    const before = fake.sends.length;
    expect((await failure(adapter.send({ ...to, platformTenant: 'wwother' }, { text: 'x' }, { idempotencyKey: 'k' }))).kind).toBe('invalid_request');
    expect((await failure(adapter.send({ ...to, kind: 'group' }, { text: 'x' }, { idempotencyKey: 'k' }))).kind).toBe('invalid_request');
    expect(fake.sends.length).toBe(before);
  });

  it('renders a card without buttons as markdown, more than six buttons as numbered text, and splits oversize text', async () => {
    await send({ text: '本月业绩', card: { title: '本月业绩', fields: [{ label: '签约', value: '¥120,000' }] } });
    expect(fake.sends.at(-1)!.body).toMatchObject({ msgtype: 'markdown', markdown: { content: '本月业绩\n> 签约：¥120,000' } });
    const buttons = Array.from({ length: 7 }, (_, i) => ({ label: `选项${i + 1}`, action: { intent: 'pick', args: { i } } }));
    await send({ text: '选哪个？', card: { buttons } });
    expect(fake.sends.at(-1)!.body).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining('7. 选项7') } });
    const before = fake.sends.length;
    await send({ text: '长'.repeat(2000) });
    const parts = fake.sends.slice(before).map((s) => (s.body as { text: { content: string } }).text.content);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(2048);
    expect(parts.join('')).toBe('长'.repeat(2000));
  });

  it('uploads an image and sends it after the text', async () => {
    const path = join(tmpdir(), `wecom-${randomUUID()}.png`);
    await writeFile(path, randomBytes(300));
    await send({ text: '销售漏斗图', image: { path, alt: 'funnel' } });
    expect(fake.uploads.at(-1)!.contentType).toMatch(/^multipart\/form-data/);
    expect(fake.sends.slice(-2).map((s) => s.body.msgtype)).toEqual(['text', 'image']);
    expect((fake.sends.at(-1)!.body as { image: { media_id: string } }).image.media_id).toMatch(/^media/);
  });

  describe('group robot', () => {
    it('posts markdown and the image as base64 with its md5', async () => {
      const path = join(tmpdir(), `robot-${randomUUID()}.png`);
      const bytes = randomBytes(500);
      await writeFile(path, bytes);
      await sendToGroupRobot(`${fake.url}/cgi-bin/webhook/send?key=robot-1`, {
        text: '团队周报', card: { title: '团队周报', fields: [{ label: '新增客户', value: '12' }], buttons: [{ label: '查看', action: { intent: 'x', args: {} } }] },
        image: { path, alt: 'chart' },
      });
      const [md, img] = fake.robotSends.slice(-2);
      expect(md).toEqual({ key: 'robot-1', body: { msgtype: 'markdown', markdown: { content: '团队周报\n> 新增客户：<font color="info">12</font>' } } });
      const { createHash } = await import('node:crypto');
      expect(img!.body).toEqual({ msgtype: 'image', image: { base64: bytes.toString('base64'), md5: createHash('md5').update(bytes).digest('hex') } });
    });

    it('throws PlatformError by errcode', async () => {
      const url = `${fake.url}/cgi-bin/webhook/send?key=robot-2`;
      fake.rateLimitNext();
      expect((await failure(sendToGroupRobot(url, { text: 'x' }))).kind).toBe('rate_limited');
      fake.refuseNext(93000, 'invalid webhook url');
      expect((await failure(sendToGroupRobot(url, { text: 'x' }))).kind).toBe('target_gone');
    });
  });
});

describe('wecomFromEnv', () => {
  const { redis, prefix } = testRedis();
  it('names what is missing or malformed and builds nothing then', () => {
    expect(wecomFromEnv({}, { log, redis, keyPrefix: prefix })).toEqual({ missing: Object.keys(ENV) });
    const bad = wecomFromEnv({ ...ENV, WECOM_ENCODING_AES_KEY: 'tooshort', WECOM_AGENT_ID: 'abc' }, { log, redis, keyPrefix: prefix });
    expect(bad.adapter).toBeUndefined();
    expect(bad.missing).toEqual([expect.stringMatching(/^WECOM_AGENT_ID \(/), expect.stringMatching(/^WECOM_ENCODING_AES_KEY \(/)]);
    const ok = wecomFromEnv(ENV, { log, redis, keyPrefix: prefix });
    expect(ok.adapter?.platform).toBe('wecom');
    expect(ok.missing).toEqual([]);
  });
});

// The shared contract (tests/adapters/contract-suite.ts) through the WeCom harness.
const contractRedis = testRedis();
runContractSuite(wecomHarness(() => contractRedis));
