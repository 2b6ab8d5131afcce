// The Slack adapter against a fake Slack Web API on 127.0.0.1 (the real WebClient talks to it)
// and real Redis/Postgres: signature checks over the raw body, decoding of events, slash
// commands and clicks into the neutral model, Block Kit within Slack's limits, error
// classification, and a re-delivered event applied once through the whole product.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Hono } from 'hono';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type Adapter } from '../../adapters/contract.js';
import { slackAdapter } from '../../adapters/slack/adapter.js';
import { LIMITS, renderReply, type Block } from '../../adapters/slack/blocks.js';
import { PLATFORM_ERRORS } from '../../adapters/slack/errors.js';
import { slackFromEnv } from '../../adapters/slack/index.js';
import { handleEnvelope } from '../../adapters/slack/socket.js';
import { verifySlackRequest } from '../../adapters/slack/verify.js';
import { inboundQueue, type InboundPayload } from '../../jobs/queues.js';
import type { Address, InboundEvent, Reply } from '../../src/chat/index.js';
import { queueSink } from '../../src/delivery/inbound.js';
import { createLogger } from '../../src/log.js';
import { freePort } from '../../src/runtime/free-port.js';
import { runContractSuite } from './contract-suite.js';
import { slackHarness } from './fakes/slack-rig.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { seedDemo } from '../../prisma/seed.js';
import { assemble } from '../../src/runtime/assemble.js';
import {
  BOT_USER, channelMessage, clickRequest, commandRequest, directMessage, eventCallback, eventRequest, FakeSlackApi,
  mention, SIGNING_SECRET, slackRequest, TEAM,
} from './fakes/slack-api.js';

const log = createLogger('silent');
const until = async (check: () => boolean | Promise<boolean>, ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out waiting');
};

/** The adapter's routes over the real inbound queue on this file's Redis prefix. */
function webhookRig(redis: Redis, prefix: string) {
  const queue: Queue<InboundPayload> = inboundQueue({ connection: redis, prefix: `${prefix}:bull` });
  const adapter = slackAdapter({ botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: 'http://127.0.0.1:1/api/', log });
  const app = new Hono().route('/', adapter.routes!(queueSink(queue)));
  /** Events queued since the last call. */
  const queued = async (): Promise<InboundEvent[]> => {
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
    await queue.obliterate({ force: true });
    return jobs.map((j) => j.data.event as InboundEvent);
  };
  return { app, queue, queued };
}

describe('verifying requests', () => {
  // Slack's worked example on "Verifying requests from Slack" (also in Bolt's tests).
  const example = {
    secret: '8f742231b10e8888abcd99yyyzzz85a5',
    timestamp: '1531420618',
    body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
    signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
  };
  const check = (o: Partial<typeof example> & { now?: number }) => verifySlackRequest(o.secret ?? example.secret, {
    signature: o.signature ?? example.signature, timestamp: o.timestamp ?? example.timestamp,
    rawBody: Buffer.from(o.body ?? example.body),
  }, o.now ?? Number(example.timestamp) * 1000 + 30_000);

  it("accepts Slack's published example and refuses it with one byte changed", () => {
    expect(check({})).toEqual({ ok: true });
    expect(check({ body: example.body.replace('roadrunner', 'roadrunneR') })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ secret: `${example.secret}x` })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ signature: example.signature.slice(0, -2) })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses timestamps more than five minutes off, either way, and missing headers', () => {
    const at = Number(example.timestamp) * 1000;
    expect(check({ now: at + 5 * 60_000 })).toEqual({ ok: true });
    expect(check({ now: at + 5 * 60_000 + 1000 })).toEqual({ ok: false, reason: 'stale' });
    expect(check({ now: at - 5 * 60_000 - 1000 })).toEqual({ ok: false, reason: 'stale' });
    expect(check({ timestamp: '' })).toEqual({ ok: false, reason: 'missing_headers' });
    expect(check({ timestamp: '1531420618.5' })).toEqual({ ok: false, reason: 'missing_headers' });
    expect(check({ signature: '' })).toEqual({ ok: false, reason: 'missing_headers' });
  });
});

describe('webhooks', () => {
  const { redis, prefix } = testRedis();
  const rig = webhookRig(redis, prefix);
  beforeEach(async () => { await rig.queued(); });
  afterAll(async () => { await rig.queue.close(); });

  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({ token: 'legacy', challenge: 'ch4llenge-value', type: 'url_verification' });
    const res = await rig.app.request(slackRequest('/webhooks/slack/events', body, 'application/json'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'ch4llenge-value' });
  });

  it('verifies over the raw body: reordered keys and odd spacing still verify', async () => {
    const raw = `{ "event_id":"Ev-raw-1" ,"type":"event_callback","event":{"text":"我的漏斗","user":"U1","channel_type":"im",`
      + `"ts":"1.2","channel":"D0DIRECT","type":"message"},   "team_id":"${TEAM}"}`;
    expect(JSON.stringify(JSON.parse(raw))).not.toBe(raw); // a re-serialised body would not verify
    const res = await rig.app.request(slackRequest('/webhooks/slack/events', raw, 'application/json'));
    expect(res.status).toBe(200);
    expect((await rig.queued()).map((e) => e.type === 'text' && e.text)).toEqual(['我的漏斗']);
  });

  it('refuses forged, stale and unsigned requests with 401 and queues nothing', async () => {
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    const requests = [
      eventRequest('Ev-forged', directMessage('U1', 'hi'), { forge: true }),
      eventRequest('Ev-stale', directMessage('U1', 'hi'), { timestamp: stale }),
      eventRequest('Ev-secret', directMessage('U1', 'hi'), { secret: 'another-apps-secret' }),
      commandRequest('U1', 'hi', 'trig-forged', { forge: true }),
      clickRequest('U1', '{"intent":"help","args":{}}', 'trig-stale', { timestamp: stale }),
      new Request('http://localhost/webhooks/slack/events', { method: 'POST', body: eventCallback('Ev-unsigned', directMessage('U1', 'hi')) }),
    ];
    for (const req of requests) expect((await rig.app.request(req)).status).toBe(401);
    expect(await rig.queued()).toEqual([]);
  });

  it('turns a direct message into a direct text event from the Slack team and user', async () => {
    const res = await rig.app.request(eventRequest('Ev-dm-1', directMessage('U1', '我的漏斗 <tag> & more')));
    expect(res.status).toBe(200);
    const [event] = await rig.queued();
    expect(event).toMatchObject({
      type: 'text', text: '我的漏斗 <tag> & more', eventId: 'Ev-dm-1', messageId: '1700000000.000001',
      from: { platform: 'slack', platformTenant: TEAM, userId: 'U1' },
      address: { platform: 'slack', platformTenant: TEAM, conversationId: 'D0DIRECT', kind: 'direct' },
    });
  });

  it('takes channel messages only when they mention the bot, with the mention stripped', async () => {
    await rig.app.request(eventRequest('Ev-ch-1', channelMessage('U1', '今天拜访了华为')));
    await rig.app.request(eventRequest('Ev-men-1', { ...mention('U1', '今天拜访了华为'), thread_ts: '1699.1' }));
    await rig.app.request(eventRequest('Ev-men-2', { ...mention('U1', 'hi'), text: `ask <@${BOT_USER}|salesbot> about <@U2>` }));
    const events = await rig.queued();
    expect(events.map((e) => e.eventId).sort()).toEqual(['Ev-men-1', 'Ev-men-2']);
    const byId = Object.fromEntries(events.map((e) => [e.eventId, e]));
    expect(byId['Ev-men-1']).toMatchObject({ text: '今天拜访了华为', address: { conversationId: 'C0GROUP', kind: 'group', threadId: '1699.1' } });
    expect(byId['Ev-men-2']).toMatchObject({ text: 'ask about <@U2>' });
  });

  it('ignores bot posts (its own replies come back as message.im), edits and other events', async () => {
    const ignored = [
      { ...directMessage('U1', 'a reply'), bot_id: 'B0BOT' },
      { ...directMessage('U1', 'edited'), subtype: 'message_changed' },
      { type: 'reaction_added', user: 'U1', reaction: 'thumbsup', item: { type: 'message', channel: 'D0DIRECT', ts: '1.1' } },
      { ...mention('U1', 'in a DM'), channel: 'D0DIRECT' },
    ];
    for (const [i, event] of ignored.entries()) expect((await rig.app.request(eventRequest(`Ev-ign-${i}`, event))).status).toBe(200);
    expect(await rig.queued()).toEqual([]);
  });

  it('turns /crm <text> into a text event answered ephemerally where it was typed, acking with an ephemeral "…"', async () => {
    const res = await rig.app.request(commandRequest('U1', '我的漏斗', 'trig-1'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: '…' });
    const empty = await rig.app.request(commandRequest('U1', '  ', 'trig-2'));
    expect(empty.status).toBe(200);
    const events = await rig.queued();
    expect(events.find((e) => e.eventId === 'cmd.trig-1')).toMatchObject({
      type: 'text', text: '我的漏斗', from: { platformTenant: TEAM, userId: 'U1' },
      address: { platform: 'slack', platformTenant: TEAM, conversationId: 'U1', kind: 'direct', ephemeralIn: 'C0GROUP' },
    });
    expect(events.find((e) => e.eventId === 'cmd.trig-2')).toMatchObject({ text: 'help' });
  });

  it('turns a button click (block_actions) into the action the button carried', async () => {
    const action = { intent: 'query_customer', args: { customer: '华为云', note: '"quoted" & <angled>' } };
    const res = await rig.app.request(clickRequest('U1', JSON.stringify(action), 'trig-click-1', { channel: 'C0GROUP' }));
    expect(res.status).toBe(200);
    expect(await rig.queued()).toMatchObject([{
      type: 'action', action, eventId: 'act.trig-click-1.0', messageId: '1700000000.000100',
      source: { messageId: '1700000000.000100', token: 'https://hooks.slack.com/actions/T0TEST/1/abc' },
      from: { platform: 'slack', platformTenant: TEAM, userId: 'U1' },
      address: { conversationId: 'C0GROUP', kind: 'group' },
    }]);
  });

  it('acknowledges but queues nothing for a click whose value is not an action, and 400s garbage', async () => {
    expect((await rig.app.request(clickRequest('U1', 'not json', 'trig-bad'))).status).toBe(200);
    expect((await rig.app.request(clickRequest('U1', '{"intent":""}', 'trig-bad2'))).status).toBe(200);
    expect(await rig.queued()).toEqual([]);
    expect((await rig.app.request(slackRequest('/webhooks/slack/events', '{not json', 'application/json'))).status).toBe(400);
    expect((await rig.app.request(slackRequest('/webhooks/slack/interactions', 'payload=%7B', 'application/x-www-form-urlencoded'))).status).toBe(400);
  });

  it('answers 503 when Redis is down, so Slack delivers the event again', async () => {
    const down = new Redis({ port: await freePort(), lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    down.on('error', () => {});
    const queue = inboundQueue({ connection: down, prefix: 'down' });
    queue.on('error', () => {});
    const adapter = slackAdapter({ botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: 'http://127.0.0.1:1/api/', log });
    const app = adapter.routes!(queueSink(queue));
    expect((await app.request(eventRequest('Ev-down', directMessage('U1', 'hi')))).status).toBe(503);
    expect((await app.request(commandRequest('U1', 'hi', 'trig-down'))).status).toBe(503);
    await queue.close().catch(() => {});
    down.disconnect();
  });
});

describe('Socket Mode envelopes', () => {
  const { redis, prefix } = testRedis();
  const rig = webhookRig(redis, `${prefix}s`);
  afterAll(async () => { await rig.queue.close(); });

  it('acks an event once it is queued, answers a slash command in the ack, and does not ack when queueing fails', async () => {
    const acks: unknown[] = [];
    const ack = async (r?: object) => { acks.push(r); };
    const sink = queueSink(rig.queue);
    await handleEnvelope(sink, { type: 'events_api', body: JSON.parse(eventCallback('Ev-sock-1', directMessage('U1', 'hi'))), ack }, log);
    await handleEnvelope(sink, { type: 'slash_commands', body: { team_id: TEAM, user_id: 'U1', channel_id: 'C1', command: '/crm', text: 'kpi', trigger_id: 't-s' }, ack }, log);
    const failing = { accept: () => Promise.reject(new Error('Connection is closed.')) };
    await handleEnvelope(failing, { type: 'events_api', body: JSON.parse(eventCallback('Ev-sock-2', directMessage('U1', 'hi'))), ack }, log);
    expect(acks).toEqual([undefined, { response_type: 'ephemeral', text: '…' }]);
    expect((await rig.queued()).map((e) => e.eventId).sort()).toEqual(['Ev-sock-1', 'cmd.t-s']);
  });
});

describe('Socket Mode over a WebSocket', () => {
  const { redis, prefix } = testRedis();
  const rig = webhookRig(redis, `${prefix}w`);
  const api = new FakeSlackApi();
  afterAll(async () => { await rig.queue.close(); await api.close(); });

  it('connects with the app token, queues what Slack pushes and acks each envelope by id', async () => {
    await api.start();
    const adapter = slackAdapter({ botToken: 'xoxb-x', appToken: 'xapp-1-test', apiUrl: api.url, log });
    expect(adapter.routes).toBeUndefined(); // no signing secret: no public endpoints
    await adapter.start!(queueSink(rig.queue));
    const peer = await api.connected();
    expect(api.take('apps.connections.open').map((c) => c.authorization)).toEqual(['Bearer xapp-1-test']);
    peer.send(JSON.stringify({
      envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '',
      payload: JSON.parse(eventCallback('Ev-ws-1', directMessage('U1', '我的漏斗'))),
    }));
    peer.send(JSON.stringify({
      envelope_id: 'env-2', type: 'slash_commands', accepts_response_payload: true,
      payload: { team_id: TEAM, user_id: 'U1', channel_id: 'C1', command: '/crm', text: 'help', trigger_id: 'trig-ws' },
    }));
    await until(() => peer.received.length >= 2);
    const acks = (peer.received as { envelope_id: string }[]).sort((a, b) => a.envelope_id.localeCompare(b.envelope_id));
    expect(acks).toEqual([{ envelope_id: 'env-1', payload: {} }, { envelope_id: 'env-2', payload: { response_type: 'ephemeral', text: '…' } }]);
    expect((await rig.queued()).map((e) => e.eventId).sort()).toEqual(['Ev-ws-1', 'cmd.trig-ws']);
    await adapter.stop!();
  });
});

describe('Block Kit rendering', () => {
  const sections = (blocks: Block[]) => blocks.filter((b) => b.type === 'section' && 'text' in b) as unknown as { text: { text: string } }[];
  const buttons = (blocks: Block[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as { value: string; action_id: string; text: { text: string } }[]);

  it('keeps a long reply with many fields and buttons within every Slack limit', () => {
    const reply: Reply = {
      text: Array.from({ length: 400 }, (_, i) => `第${i}行 <客户> & 跟进记录 ${'很长的内容'.repeat(10)}`).join('\n'),
      card: {
        title: '标题'.repeat(100),
        fields: Array.from({ length: 23 }, (_, i) => ({ label: `字段${i}`, value: 'v'.repeat(2500) })),
        buttons: Array.from({ length: 60 }, (_, i) => ({ label: `按钮${i}`.repeat(20), action: { intent: 'query_customer', args: { id: i } } })),
      },
    };
    const { text, blocks } = renderReply(reply);
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    for (const s of sections(blocks)) expect(s.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(sections(blocks).length).toBeGreaterThan(1); // the text is split, not dropped
    expect(sections(blocks)[0]!.text.text).toContain('&lt;客户&gt; &amp; 跟进记录');
    const fieldSections = blocks.filter((b) => 'fields' in b) as unknown as { fields: { text: string }[] }[];
    expect(fieldSections.flatMap((s) => s.fields)).toHaveLength(23);
    for (const s of fieldSections) {
      expect(s.fields.length).toBeLessThanOrEqual(LIMITS.fieldsPerSection);
      for (const f of s.fields) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
    }
    for (const a of blocks.filter((b) => b.type === 'actions')) expect((a.elements as unknown[]).length).toBeLessThanOrEqual(LIMITS.actionsPerBlock);
    const all = buttons(blocks);
    expect(all).toHaveLength(60);
    expect(new Set(all.map((b) => b.action_id)).size).toBe(60);
    for (const b of all) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
    expect(all.map((b) => JSON.parse(b.value))).toEqual(reply.card!.buttons!.map((b) => b.action));
    expect((blocks[0]!.text as { text: string }).text.length).toBeLessThanOrEqual(LIMITS.header);
  });

  // Slack's documented limits (docs.slack.dev/reference/block-kit/blocks: "up to 50 blocks" per
  // message; docs.slack.dev/reference/block-kit/blocks/section-block: text "Maximum length for
  // this field is 3000 characters"), written out here so a wrong LIMITS constant fails.
  const SLACK_MAX_BLOCKS = 50, SLACK_MAX_SECTION_TEXT = 3000;

  it('fills a message up to Slack\'s documented 50 blocks and 3,000 characters a section, never past them', () => {
    const long = 'x'.repeat(SLACK_MAX_SECTION_TEXT * 60); // far more text than 50 sections hold
    const plain = renderReply({ text: long });
    expect(plain.blocks).toHaveLength(SLACK_MAX_BLOCKS);
    const texts = sections(plain.blocks).map((s) => s.text.text);
    expect(texts).toHaveLength(SLACK_MAX_BLOCKS);
    expect(Math.max(...texts.map((t) => t.length))).toBe(SLACK_MAX_SECTION_TEXT);
    expect(texts.at(-1)!.endsWith('…')).toBe(true); // cut, and says so
    const carded = renderReply({
      text: long,
      card: { title: 'T', buttons: Array.from({ length: 30 }, (_, i) => ({ label: `b${i}`, action: { intent: 'help', args: { i } } })) },
    });
    expect(carded.blocks).toHaveLength(SLACK_MAX_BLOCKS);
    expect(carded.blocks.map((b) => b.type).filter((t) => t === 'actions')).toHaveLength(2);
    for (const s of sections(carded.blocks)) expect(s.text.text.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_TEXT);
  });

  it('does not repeat a text-only title and numbered options beside a header and real buttons', () => {
    const reply: Reply = {
      text: '没有找到客户「上汽」。要新建为客户吗？\n1. 新建「上汽」\n2. 取消',
      card: { title: '没有找到客户「上汽」。要新建为客户吗？', buttons: [
        { label: '新建「上汽」', style: 'primary', action: { intent: 'choose', args: { token: 't', index: 0 } } },
        { label: '取消', action: { intent: 'cancel', args: {} } },
      ] },
    };
    const { text, blocks } = renderReply(reply);
    expect(blocks.map((b) => b.type)).toEqual(['header', 'actions']);
    expect(text).toBe(reply.text);
    const pipeline = renderReply({ text: '本月新增 3 个\n我的销售漏斗', card: { title: '我的销售漏斗', fields: [{ label: '合计', value: '¥80万' }] } });
    expect(sections(pipeline.blocks).map((s) => s.text.text)).toEqual(['本月新增 3 个\n我的销售漏斗']);
    expect(pipeline.text).toBe('本月新增 3 个\n我的销售漏斗\n合计: ¥80万');
  });

  it('lists a button whose action is too long for a button value as a numbered option', () => {
    const { blocks } = renderReply({
      text: 'pick',
      card: { buttons: [
        { label: 'short', action: { intent: 'help', args: {} } },
        { label: 'huge', action: { intent: 'log_activity', args: { note: 'x'.repeat(LIMITS.buttonValue) } } },
      ] },
    });
    expect(buttons(blocks).map((b) => b.text.text)).toEqual(['short']);
    expect(JSON.stringify(blocks.find((b) => b.type === 'context'))).toContain('2. huge');
  });

  it('sends the text alone when there is no card, styles buttons, and never sends an empty section', () => {
    expect(renderReply({ text: 'a < b' })).toEqual({ text: 'a &lt; b', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'a &lt; b' } }] });
    const { blocks } = renderReply({ text: '', card: { buttons: [{ label: 'Delete', style: 'danger', action: { intent: 'undo', args: {} } }, { label: 'Keep', style: 'default', action: { intent: 'cancel', args: {} } }] } });
    expect(blocks.map((b) => b.type)).toEqual(['actions']);
    expect((blocks[0]!.elements as { style?: string }[]).map((e) => e.style)).toEqual(['danger', undefined]);
  });
});

describe('sending', () => {
  const api = new FakeSlackApi();
  let adapter: Adapter;
  const dm: Address = { platform: 'slack', platformTenant: TEAM, conversationId: 'D0DIRECT', kind: 'direct' };
  const group: Address = { platform: 'slack', platformTenant: TEAM, conversationId: 'C0GROUP', kind: 'group' };
  const opts = { idempotencyKey: 'k1' };
  beforeAll(async () => {
    await api.start();
    adapter = slackAdapter({ botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: api.url, log });
  });
  afterAll(() => api.close());
  beforeEach(() => { api.calls.length = 0; });

  it('posts Block Kit with a text fallback through chat.postMessage, threading replies in channels', async () => {
    await adapter.send(dm, { text: '已记录', card: { title: '华为云', buttons: [{ label: '查看客户', action: { intent: 'query_customer', args: { customer: '华为云' } } }] } }, { ...opts, replyTo: '1.1' });
    await adapter.send(group, { text: 'in thread' }, { ...opts, replyTo: '1699.5' });
    const [first, second] = api.take('chat.postMessage');
    expect(first!.authorization).toBe('Bearer xoxb-test-token');
    expect(first!.params).toMatchObject({ channel: 'D0DIRECT', text: '华为云\n已记录\n1. 查看客户' });
    expect(first!.params.thread_ts).toBeUndefined();
    const blocks = JSON.parse(first!.params.blocks!) as Block[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'actions']);
    expect(second!.params).toMatchObject({ channel: 'C0GROUP', thread_ts: '1699.5' });
  });

  it('uploads an image to the conversation with files.uploadV2 after the message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slack-'));
    const png = join(dir, 'pipeline.png');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    await adapter.send(dm, { text: '漏斗图', image: { path: png, alt: '销售漏斗' } }, opts);
    expect(api.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
    const [, getUrl, upload, complete] = api.calls;
    expect(getUrl!.params).toMatchObject({ filename: 'pipeline.png', length: '29', alt_text: '销售漏斗' });
    expect(upload!.bytes).toBeGreaterThanOrEqual(29);
    expect(complete!.params.channel_id).toBe('D0DIRECT');
    expect(JSON.parse(complete!.params.files!)).toEqual([{ id: upload!.params.file_id, title: '销售漏斗' }]);
  });

  it('a retried image upload does not post the message again', async () => {
    const png = join(mkdtempSync(join(tmpdir(), 'slack-')), 'chart.png');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a', 'hex'));
    const reply: Reply = { text: '图表', image: { path: png, alt: 'chart' } };
    api.failMethodNext('files.getUploadURLExternal', { status: 429, retryAfter: 2 });
    await expect(adapter.send(dm, reply, { idempotencyKey: 'img-1' })).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000 });
    await adapter.send(dm, reply, { idempotencyKey: 'img-1' });
    expect(api.calls.filter((c) => !c.failed).map((c) => c.method))
      .toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
    await adapter.send(dm, reply, { idempotencyKey: 'img-2' }); // another delivery is another message
    expect(api.take('chat.postMessage')).toHaveLength(2);
  });

  it('throws rate_limited with Retry-After on a 429, without retrying by itself', async () => {
    api.failNext({ status: 429, retryAfter: 7 });
    const err = await adapter.send(dm, { text: 'x' }, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(api.take('chat.postMessage')).toHaveLength(1);
  });

  const table: [string, string][] = [
    ['channel_not_found', 'target_gone'], ['is_archived', 'target_gone'], ['account_inactive', 'target_gone'], ['not_in_channel', 'target_gone'],
    ['missing_scope', 'permission_denied'], ['not_authed', 'permission_denied'], ['invalid_auth', 'permission_denied'], ['restricted_action', 'permission_denied'],
    ['invalid_blocks', 'invalid_request'], ['msg_too_long', 'invalid_request'], ['internal_error', 'transient'], ['ratelimited', 'rate_limited'],
  ];
  it.each(table)('classifies Slack error %s as %s', async (code, kind) => {
    api.failNext({ error: code });
    await expect(adapter.send(dm, { text: 'x' }, opts)).rejects.toMatchObject({ name: 'PlatformError', kind, message: `slack: ${code}` });
  });

  it('the table covers every kind the issue names', () => {
    for (const [code, kind] of table.slice(0, 8)) expect(PLATFORM_ERRORS[code]).toBe(kind);
  });

  it('classifies 5xx answers and unreachable servers as transient', async () => {
    api.failNext({ status: 503 });
    await expect(adapter.send(dm, { text: 'x' }, opts)).rejects.toMatchObject({ kind: 'transient', message: 'slack: HTTP 503' });
    const nowhere = slackAdapter({ botToken: 'xoxb-x', signingSecret: 's', apiUrl: `http://127.0.0.1:${await freePort()}/api/`, log });
    const err = await nowhere.send(dm, { text: 'x' }, opts).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'transient' });
    expect((err as PlatformError).isRetryable()).toBe(true);
  });

  it('a missing image file is an invalid request, not retried', async () => {
    const err = await adapter.send(dm, { text: 'x', image: { path: '/nonexistent/chart.png', alt: 'c' } }, opts).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'invalid_request' });
  });
});

describe('slackFromEnv', () => {
  it('names what is missing or malformed, never the values', () => {
    expect(slackFromEnv({}, { log })).toEqual({ missing: ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET or SLACK_APP_TOKEN'] });
    const bad = slackFromEnv({ SLACK_BOT_TOKEN: 'xoxp-user-secret', SLACK_SIGNING_SECRET: 's3cret', SLACK_API_URL: 'ftp://x' }, { log });
    expect(bad.adapter).toBeUndefined();
    expect(bad.missing).toEqual(['SLACK_BOT_TOKEN (must be a bot token (xoxb-…))', 'SLACK_API_URL (must start with http:// or https://)']);
    expect(JSON.stringify(bad)).not.toContain('xoxp-user-secret');
  });

  it('builds an HTTP adapter with a signing secret and a Socket Mode one with an app token', () => {
    const http = slackFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret' }, { log });
    expect(http.missing).toEqual([]);
    expect(http.adapter?.platform).toBe('slack');
    expect(typeof http.adapter?.routes).toBe('function');
    expect(http.adapter?.start).toBeUndefined();
    const socket = slackFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, { log });
    expect(typeof socket.adapter?.start).toBe('function');
    expect(socket.adapter?.routes).toBeUndefined();
  });
});


describe('through the whole product', () => {
  const api = new FakeSlackApi();
  let t: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    await api.start();
    const { db } = await testDb();
    const { redis, prefix } = testRedis();
    await seedDemo(db);
    const slack = slackAdapter({ botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: api.url, log });
    const product = assemble({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined, messengers: () => [slack] });
    const workers = await product.startWorkers();
    return { db, product, workers };
  }
  beforeAll(async () => { t = await setup(); });
  afterAll(async () => { await t.workers.close(); await t.product.closeQueues(); await api.close(); });

  it('applies an event once when Slack re-delivers it (X-Slack-Retry-Num), and a click on its button round-trips', async () => {
    const say = (retry?: number) => t.product.app.request(eventRequest('Ev-product-1', directMessage('U7', '今天拜访了上汽的周总，聊了新能源项目'),
      retry ? { headers: { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } } : {}));
    expect((await say()).status).toBe(200);
    expect((await say(1)).status).toBe(200); // while the first is still queued or running
    await until(() => api.calls.some((c) => c.method === 'chat.postMessage'));
    expect((await say(2)).status).toBe(200); // after it was applied
    await new Promise((r) => setTimeout(r, 1000));
    const [question, ...more] = api.take('chat.postMessage');
    expect(more).toHaveLength(0);
    expect(question!.params.channel).toBe('D0DIRECT');
    expect(await t.db.processedEvent.count({ where: { id: `slack:${TEAM}:Ev-product-1` } })).toBe(1);

    // The new customer is asked about; its button comes back as the same action, once.
    const create = (JSON.parse(question!.params.blocks!) as Block[]).filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as { value: string; text: { text: string } }[]).find((b) => b.text.text.includes('上汽'))!;
    expect(JSON.parse(create.value)).toMatchObject({ intent: 'choose' });
    for (let i = 0; i < 2; i++) expect((await t.product.app.request(clickRequest('U7', create.value, 'trig-product-1'))).status).toBe(200);
    // The answer replaces the clicked card (chat.update of its ts), once; no new message.
    await until(() => api.calls.some((c) => c.method === 'chat.update'));
    await new Promise((r) => setTimeout(r, 1000));
    const answers = api.take('chat.update');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.params).toMatchObject({ channel: 'D0DIRECT', ts: '1700000000.000100' });
    expect(answers[0]!.params.text).toContain('上汽');
    expect(api.take('chat.postMessage')).toEqual([]);
    const tenantId = `slack-${TEAM}`;
    expect(await t.db.customer.count({ where: { tenantId } })).toBe(1);
    expect(await t.db.activity.count({ where: { tenantId } })).toBe(1);
  });
});

runContractSuite(slackHarness);

describe('the app manifest', () => {
  const manifest = readFileSync(new URL('../../adapters/slack/manifest.yml', import.meta.url), 'utf8');
  /** The `- item` lines right under `key:` (a flat YAML list). */
  const list = (key: string) => {
    const at = manifest.split('\n').findIndex((l) => l.trim() === `${key}:`);
    const items: string[] = [];
    for (const line of manifest.split('\n').slice(at + 1)) {
      const m = /^\s*- (\S+)\s*$/.exec(line);
      if (!m) break;
      items.push(m[1]!);
    }
    return items;
  };

  it('asks for the scopes and events the adapter uses, and points at the routes it mounts', async () => {
    expect(list('bot').sort()).toEqual(['app_mentions:read', 'channels:read', 'chat:write', 'commands', 'files:write', 'groups:read', 'im:history', 'users:read']);
    expect(list('bot_events').sort()).toEqual(['app_mention', 'member_joined_channel', 'message.im']);
    expect(manifest).toMatch(/- command: \/crm\n\s+url: https:\/\/salesbot\.example\.com\/webhooks\/slack\/commands\n/);
    const urls = [...manifest.matchAll(/(?:url|request_url): (https:\/\/\S+)/g)].map((m) => new URL(m[1]!).pathname).sort();
    expect(urls).toEqual(['/webhooks/slack/commands', '/webhooks/slack/events', '/webhooks/slack/interactions']);
    const routes = slackAdapter({ botToken: 'xoxb-x', signingSecret: 's', log }).routes!({ accept: async () => {} });
    for (const path of urls) expect((await routes.request(path, { method: 'POST', body: '' })).status).toBe(401);
  });
});
