// Issue #6: forged signatures, replayed timestamps, wrong tenant ids, oversized bodies, invalid
// JSON/XML and unknown event types on EVERY inbound HTTP surface — each refused with the right
// status and nothing written (no inbound job, no row). The contract suite covers a forged and a
// replayed text message per platform; this covers the rest. Statuses chosen:
//   401 forged or stale signature / missing or wrong token
//   403 correctly signed, but for another app, tenant, workspace or corp
//   413 body over 1 MB (refused while reading: a 5 MB stream is never read whole)
//   400 not JSON / not XML / not the platform's shape
//   200 a well-formed event of a type salesbot does not handle: Feishu, Slack and WeCom
//       re-deliver anything else, so it is acknowledged and dropped — nothing queued.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { cardActionEvent, legacyCardAction, legacySignedRequest, messageEvent, signedRequest } from '../adapters/fakes/feishu-rig.js';
import { clickRequest, commandRequest, directMessage, eventCallback, eventRequest, slackRequest, TEAM } from '../adapters/fakes/slack-api.js';
import { MAX_BODY_BYTES } from '../../src/http/body-limit.js';
import { ADMIN_TOKEN, refused, streamedPost, surfaces, WEB_TOKEN, wecomCallback, wecomText, wecomUrlCheck } from './support-surfaces.js';

let s: Awaited<ReturnType<typeof surfaces>>;
beforeAll(async () => { s = await surfaces(); });
afterAll(() => s?.close());

const id = () => `evt-${randomUUID()}`;
const VISIT = '今天拜访了宁德时代的王总';
const HUGE = 'x'.repeat(MAX_BODY_BYTES + 200_000);

/** A Feishu event envelope with its header changed. */
const feishuWith = (header: Record<string, unknown>, event: { header: object } = messageEvent({ eventId: id(), userId: 'ou_fault', text: VISIT })) =>
  ({ ...event, header: { ...event.header, ...header } });

describe('Feishu /webhooks/feishu (events and card actions)', () => {
  it('401: a forged or replayed card action', async () => {
    const click = cardActionEvent({ eventId: id(), userId: 'ou_fault', action: { intent: 'query_pipeline', args: {} } });
    await refused(s, signedRequest(click, { forge: true }), 401);
    await refused(s, signedRequest(click, { timestampOffsetS: -600 }), 401);
    await refused(s, signedRequest(click, { timestampOffsetS: +600 }), 401);
  });

  it('401: an old-format card callback (sha1 with the Verification Token) forged, replayed or signed the new way', async () => {
    const click = legacyCardAction({ userId: 'ou_fault', action: { intent: 'query_pipeline', args: {} }, chat: 'oc_fault' });
    await refused(s, legacySignedRequest(click, { token: 'not-the-token' }), 401);
    await refused(s, legacySignedRequest(click, { timestampOffsetS: -600 }), 401);
    await refused(s, signedRequest(click, { plain: true }), 401);
  });

  it('403: correctly signed but for another app id or another tenant (message and card action)', async () => {
    await refused(s, signedRequest(feishuWith({ app_id: 'cli_0000000000000000' })), 403);
    await refused(s, signedRequest(feishuWith({ tenant_key: 'tk_someone_else' })), 403);
    const click = cardActionEvent({ eventId: id(), userId: 'ou_fault', action: { intent: 'query_pipeline', args: {} } });
    await refused(s, signedRequest(feishuWith({ tenant_key: 'tk_someone_else' }, click)), 403);
    await refused(s, signedRequest(feishuWith({ app_id: undefined })), 403);
  });

  it('413: a signed body over 1 MB', async () => {
    await refused(s, signedRequest(messageEvent({ eventId: id(), userId: 'ou_fault', text: HUGE })), 413);
  });

  it('400: not JSON, JSON that is not a v2.0 event, and a ciphertext that does not decrypt (all signed)', async () => {
    await refused(s, signedRequest('{"schema": "2.0", "header": ', { plain: true }), 400);
    await refused(s, signedRequest({ hello: 'world' }, { plain: true }), 400);
    await refused(s, signedRequest(JSON.stringify({ encrypt: 'bm90IGEgY2lwaGVydGV4dA==' }), { plain: true }), 400);
  });

  // Images, stickers, files… are answered since #13; a shared chat card is not.
  it('200 and dropped: an event type salesbot does not handle, a message type it does not answer, a button that is not ours', async () => {
    const ack = await refused(s, signedRequest(feishuWith({ event_type: 'contact.user.created_v3' })), 200);
    expect(await ack.json()).toEqual({});
    await refused(s, signedRequest(messageEvent({ eventId: id(), userId: 'ou_fault', text: '', messageType: 'share_chat', content: { chat_id: 'oc_x' } })), 200);
    const click = cardActionEvent({ eventId: id(), userId: 'ou_fault', action: { intent: 'query_pipeline', args: {} } });
    click.event.action.value = { salesbot: '{not json' } as never;
    await refused(s, signedRequest(click), 200);
  });
});

/** A signed Events API callback with fields of the envelope replaced. */
const slackEvent = (fields: Record<string, unknown>, event: Record<string, unknown> = directMessage('U0FAULT', VISIT)) =>
  slackRequest('/webhooks/slack/events', JSON.stringify({ ...JSON.parse(eventCallback(id(), event)), ...fields }), 'application/json');

/** A signed slash command with form fields replaced. */
function slackCommand(fields: Record<string, string>, o: { forge?: boolean; timestamp?: number } = {}): Request {
  const form = new URLSearchParams({
    team_id: TEAM, channel_id: 'C0GROUP', user_id: 'U0FAULT', command: '/crm', text: VISIT, api_app_id: 'A0TEST', trigger_id: id(), ...fields,
  });
  return slackRequest('/webhooks/slack/commands', form.toString(), 'application/x-www-form-urlencoded', o);
}

describe('Slack /webhooks/slack/{events,commands,interactions}', () => {
  const tenMinutesAgo = () => Math.floor(Date.now() / 1000) - 600;
  const clickPayload = async (fields: Record<string, unknown>) => {
    const form = new URLSearchParams(await clickRequest('U0FAULT', JSON.stringify({ intent: 'query_pipeline', args: {} }), id()).text());
    return JSON.stringify({ ...JSON.parse(form.get('payload')!), ...fields });
  };
  const interaction = (payload: string, o = {}) =>
    slackRequest('/webhooks/slack/interactions', new URLSearchParams({ payload }).toString(), 'application/x-www-form-urlencoded', o);

  it('401: forged or replayed slash commands and clicks', async () => {
    await refused(s, slackCommand({}, { forge: true }), 401);
    await refused(s, slackCommand({}, { timestamp: tenMinutesAgo() }), 401);
    await refused(s, clickRequest('U0FAULT', JSON.stringify({ intent: 'query_pipeline', args: {} }), id(), { forge: true }), 401);
    await refused(s, clickRequest('U0FAULT', JSON.stringify({ intent: 'query_pipeline', args: {} }), id(), { timestamp: tenMinutesAgo() }), 401);
  });

  it('403: correctly signed but from a workspace not installed, or naming another app (events, commands, clicks)', async () => {
    await refused(s, slackEvent({ team_id: 'T0STRANGER' }), 403);
    await refused(s, slackEvent({ api_app_id: 'A0OTHER' }), 403);
    await refused(s, slackCommand({ team_id: 'T0STRANGER' }), 403);
    await refused(s, slackCommand({ api_app_id: 'A0OTHER' }), 403);
    await refused(s, interaction(await clickPayload({ team: { id: 'T0STRANGER' }, user: { id: 'U0FAULT', team_id: 'T0STRANGER' } })), 403);
    await refused(s, interaction(await clickPayload({ api_app_id: 'A0OTHER' })), 403);
  });

  it('413: signed bodies over 1 MB on each endpoint', async () => {
    await refused(s, eventRequest(id(), directMessage('U0FAULT', HUGE)), 413);
    await refused(s, slackCommand({ text: HUGE }), 413);
    await refused(s, interaction(await clickPayload({ filler: HUGE })), 413);
  });

  it('400: signed bodies that are not JSON, not a payload, or not a command', async () => {
    await refused(s, slackRequest('/webhooks/slack/events', '{"type": "event_callback", ', 'application/json'), 400);
    await refused(s, slackRequest('/webhooks/slack/events', JSON.stringify({ type: 'event_callback' }), 'application/json'), 400);
    await refused(s, slackRequest('/webhooks/slack/events', JSON.stringify([{ type: 'event_callback' }]), 'application/json'), 400);
    await refused(s, slackRequest('/webhooks/slack/events', JSON.stringify({ event: {} }), 'application/json'), 400);
    await refused(s, interaction('{not json'), 400);
    await refused(s, slackRequest('/webhooks/slack/interactions', 'nothing=here', 'application/x-www-form-urlencoded'), 400);
    await refused(s, slackRequest('/webhooks/slack/commands', 'text=hi', 'application/x-www-form-urlencoded'), 400);
  });

  it('200 and dropped: event types and interaction types salesbot does not handle', async () => {
    await refused(s, slackEvent({}, { type: 'reaction_added', user: 'U0FAULT', reaction: 'tada', item: { type: 'message', channel: 'D0DIRECT', ts: '1.2' } }), 200);
    await refused(s, slackEvent({}, { ...directMessage('U0FAULT', VISIT), subtype: 'message_changed' }), 200);
    await refused(s, slackEvent({}, { type: 'message', channel: 'C0GROUP', channel_type: 'channel', user: 'U0FAULT', text: VISIT, ts: '1.3' }), 200);
    await refused(s, slackRequest('/webhooks/slack/events', JSON.stringify({ type: 'app_uninstalled_someday', team_id: TEAM }), 'application/json'), 200);
    await refused(s, interaction(await clickPayload({ type: 'view_submission' })), 200);
    await refused(s, interaction(await clickPayload({ actions: [{ action_id: 'x', value: '{"not":"ours"}' }] })), 200);
  });
});

describe('WeCom /webhooks/wecom (XML callback and URL check)', () => {
  it('401: the GET URL check with a bad signature or a stale timestamp; 400 without its parameters', async () => {
    await refused(s, wecomUrlCheck({ forge: true }), 401);
    await refused(s, wecomUrlCheck({ age: 600 }), 401);
    await refused(s, new Request('http://localhost/webhooks/wecom?echostr=abc'), 400);
    const ok = await s.app.request(wecomUrlCheck());
    expect([ok.status, await ok.text()]).toEqual([200, 'echo-1234567890']);
  });

  it('403: correctly signed but for another corp (outer ToUserName, inner ToUserName, sealed for another corp, URL check)', async () => {
    const text = () => wecomText('zhangsan', VISIT, id());
    await refused(s, wecomCallback(text(), { to: 'wwsomeoneelse00' }), 403);
    await refused(s, wecomCallback({ ...text(), ToUserName: 'wwsomeoneelse00' }), 403);
    await refused(s, wecomCallback(text(), { sealFor: 'wwsomeoneelse00' }), 403);
    await refused(s, wecomUrlCheck({ sealFor: 'wwsomeoneelse00' }), 403);
  });

  it('413: a body over 1 MB (and over the callback route\'s own 256 KB)', async () => {
    await refused(s, wecomCallback(wecomText('zhangsan', HUGE, id())), 413);
    await refused(s, wecomCallback(wecomText('zhangsan', 'y'.repeat(300_000), id())), 413);
  });

  it('400: an outer body that is not XML, and a signed ciphertext whose content is not XML', async () => {
    const req = wecomCallback(wecomText('zhangsan', VISIT, id()));
    await refused(s, new Request(req.url, { method: 'POST', body: '<xml><Encrypt>unclosed' }), 400);
    await refused(s, wecomCallback({}, { raw: '{"MsgType": "text"}' }), 400);
    await refused(s, wecomCallback({}, { raw: '<xml><ToUserName>unclosed</xml>' }), 400);
  });

  it('200 and dropped: message and event types salesbot does not handle, another agent\'s messages', async () => {
    const base = wecomText('zhangsan', VISIT, id());
    // Images and enter_agent are answered since #13; a menu link (view) and a contact change are not.
    await refused(s, wecomCallback({ ...base, MsgType: 'event', Event: 'view', EventKey: 'https://example.com', MsgId: id() }), 200);
    await refused(s, wecomCallback({ ...base, MsgType: 'event', Event: 'change_contact', ChangeType: 'update_user', MsgId: id() }), 200);
    await refused(s, wecomCallback({ ...base, MsgType: 'event', Event: 'template_card_event', EventKey: 'never-rendered', MsgId: id() }), 200);
    await refused(s, wecomCallback({ ...base, AgentID: '999999', MsgId: id() }), 200);
  });
});

describe('web chat POST /api/chat (token-guarded) and the admin API', () => {
  const chat = (body: string, token: string | null = WEB_TOKEN) => new Request('http://localhost/api/chat', {
    method: 'POST', body, headers: { 'content-type': 'application/json', ...(token !== null && { authorization: `Bearer ${token}` }) },
  });

  it('401: no token, a wrong token, a token of the wrong length', async () => {
    const body = JSON.stringify({ user: 'rep1', text: VISIT });
    await refused(s, chat(body, null), 401);
    await refused(s, chat(body, 'not-the-token-not-the-token!'), 401);
    await refused(s, chat(body, `${WEB_TOKEN}x`), 401);
  });

  it('413: a body over 1 MB, with or without a token', async () => {
    await refused(s, chat(JSON.stringify({ user: 'rep1', text: HUGE })), 413);
    await refused(s, chat(JSON.stringify({ user: 'rep1', text: HUGE }), null), 413);
    const admin = new Request('http://localhost/api/admin/users', {
      method: 'POST', body: JSON.stringify({ handle: 'x', name: HUGE }), headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    await refused(s, admin, 413);
  });

  it('400: not JSON, and JSON of an unknown shape (an event type the web chat does not take)', async () => {
    await refused(s, chat('{"user": "rep1", "text": '), 400);
    await refused(s, chat(JSON.stringify({ user: 'rep1', type: 'typing' })), 400);
    await refused(s, chat(JSON.stringify({ user: "rep1'; DROP TABLE users;--", text: 'hi' })), 400);
    await refused(s, chat(JSON.stringify({ user: 'rep1', action: { intent: 42, args: {} } })), 400);
  });

  it('a tenant named in the body is not honoured: the server\'s tenant is the only one', async () => {
    const res = await s.app.request(chat(JSON.stringify({ user: 'rep1', text: '帮助', tenantId: 'acme', platformTenant: 'acme' })));
    expect(res.status).toBe(200);
    expect(await s.db.tenant.findUnique({ where: { id: 'acme' } })).toBeNull();
    expect(await s.db.user.count({ where: { tenantId: 'acme' } })).toBe(0);
  });
});

describe('a 5 MB body is refused while it is read, never buffered whole', () => {
  const paths = ['/webhooks/feishu', '/webhooks/slack/events', '/webhooks/slack/commands', '/webhooks/slack/interactions',
    '/webhooks/wecom?msg_signature=a&timestamp=1&nonce=2', '/api/chat', '/api/admin/users'];
  const FIVE_MB = 5 * 1024 * 1024;

  it.each(paths)('%s through the whole app: 413 after reading at most ~1 MB; with Content-Length: 5 MB, before reading', async (path) => {
    const auth = { authorization: `Bearer ${path.startsWith('/api/admin') ? ADMIN_TOKEN : WEB_TOKEN}` };
    const chunked = streamedPost(`http://localhost${path}`, FIVE_MB, auth);
    await refused(s, chunked.request, 413);
    expect(chunked.pulled()).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * chunked.chunk);
    expect(chunked.pulled()).toBeGreaterThan(0);
    const declared = streamedPost(`http://localhost${path}`, FIVE_MB, auth, true);
    await refused(s, declared.request, 413);
    expect(declared.pulled()).toBeLessThanOrEqual(declared.chunk);
  });

  it('each webhook adapter refuses on its own too, mounted without the app\'s limit', async () => {
    const sink = { accept: async () => { throw new Error('nothing may be queued'); } };
    for (const [adapter, path] of [[s.adapters.feishu, '/webhooks/feishu'], [s.adapters.slack, '/webhooks/slack/events'],
      [s.adapters.wecom, '/webhooks/wecom?msg_signature=a&timestamp=1&nonce=2']] as const) {
      const bare = new Hono().route('/', adapter.routes!(sink));
      const big = streamedPost(`http://localhost${path}`, FIVE_MB);
      expect((await bare.request(big.request)).status).toBe(413);
      expect(big.pulled()).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * big.chunk);
    }
  });
});

describe('the control: the same surfaces do write when the request is right', () => {
  it('a correctly signed message on Feishu, Slack and WeCom queues one job each; a web chat message stores its event', async () => {
    const before = await s.written();
    expect((await s.app.request(signedRequest(messageEvent({ eventId: id(), userId: 'ou_ok', text: VISIT })))).status).toBe(200);
    expect((await s.app.request(eventRequest(id(), directMessage('U0OK', VISIT)))).status).toBe(200);
    expect((await s.app.request(wecomCallback(wecomText('lisi', VISIT, id())))).status).toBe(200);
    const chatRes = await s.app.request(new Request('http://localhost/api/chat', {
      method: 'POST', body: JSON.stringify({ user: 'rep1', text: '我的销售漏斗' }), headers: { 'content-type': 'application/json', authorization: `Bearer ${WEB_TOKEN}` },
    }));
    expect(chatRes.status).toBe(200);
    const after = await s.written();
    expect(after.jobs - before.jobs).toBe(3);
    expect(after.processedEvents - before.processedEvents).toBe(1);
  });
});
