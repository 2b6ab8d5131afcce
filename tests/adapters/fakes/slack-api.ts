// A fake Slack Web API on 127.0.0.1 for the real @slack/web-api WebClient (slackApiUrl points
// here). It records chat.postMessage, chat.update, chat.postEphemeral, the files.uploadV2 steps
// (getUploadURLExternal → the upload URL → completeUploadExternal) and POSTs to a click's
// response_url (recorded as method `response_url`, under /actions/), and can answer the next
// call with a 429 + Retry-After, an `ok: false` error or an HTTP status. Shapes follow
// docs.slack.dev/reference/methods.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acceptWebSocket, type WsPeer } from './slack-socket.js';

export interface SlackCall {
  method: string;
  /** Form fields as sent (nested values such as `blocks` are JSON strings). */
  params: Record<string, string>;
  authorization?: string;
  /** For the upload step: the bytes received. */
  bytes?: number;
  /** Answered with a failure (failNext): Slack did not act on it. */
  failed?: boolean;
}

type Failure = { status: 429; retryAfter: number } | { status: number } | { error: string };

export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  private readonly failures: Failure[] = [];
  private readonly methodFailures = new Map<string, Failure>();
  private server?: Server;
  private nextTs = 1_700_000_000;
  private nextFile = 1;
  url = '';

  /** Socket Mode connections opened through apps.connections.open, newest last. */
  readonly sockets: WsPeer[] = [];
  private socketWaiters: ((peer: WsPeer) => void)[] = [];

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('upgrade', (req, socket) => {
      const peer = acceptWebSocket(req, socket);
      this.sockets.push(peer);
      // Slack greets a new Socket Mode connection with `hello` (docs.slack.dev/apis/events-api/using-socket-mode).
      peer.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TEST' } }));
      for (const waiter of this.socketWaiters.splice(0)) waiter(peer);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
    return this;
  }

  /** The next Socket Mode connection (or the open one). */
  connected(): Promise<WsPeer> {
    const open = this.sockets.at(-1);
    return open ? Promise.resolve(open) : new Promise((resolve) => this.socketWaiters.push(resolve));
  }

  async close(): Promise<void> {
    for (const peer of this.sockets) peer.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The next Web API call (any method) fails this way; calls queue up in order. */
  failNext(failure: Failure): void {
    this.failures.push(failure);
  }

  /** The next call of `method` fails this way (other methods answer normally). */
  failMethodNext(method: string, failure: Failure): void {
    this.methodFailures.set(method, failure);
  }

  /** Recorded calls of one method, removed from the record. */
  take(method: string): SlackCall[] {
    const taken = this.calls.filter((c) => c.method === method);
    this.calls.splice(0, this.calls.length, ...this.calls.filter((c) => c.method !== method));
    return taken;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/actions/')) {
      const failure = this.methodFailures.get('response_url');
      this.methodFailures.delete('response_url');
      this.calls.push({ method: 'response_url', params: JSON.parse(raw.toString('utf8')) as Record<string, string>, ...(failure && { failed: true }) });
      if (failure && 'status' in failure) return void res.writeHead(failure.status).end();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (path.startsWith('/upload/')) {
      this.calls.push({ method: 'upload', params: { file_id: path.slice('/upload/'.length) }, bytes: raw.length });
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const params = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    const failure = this.methodFailures.get(method) ?? this.failures.shift();
    this.methodFailures.delete(method);
    this.calls.push({ method, params, authorization: req.headers.authorization, ...(failure && { failed: true }) });
    if (failure) return this.fail(res, failure);
    json(res, 200, this.answer(method, params));
  }

  private fail(res: ServerResponse, failure: Failure): void {
    if ('error' in failure) return json(res, 200, { ok: false, error: failure.error });
    const headers = 'retryAfter' in failure ? { 'retry-after': String(failure.retryAfter) } : {};
    res.writeHead(failure.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
  }

  private answer(method: string, params: Record<string, string>): object {
    const base = this.url.replace(/\/api\/$/, '');
    const answers: Record<string, () => object> = {
      'chat.postMessage': () => ({ ok: true, channel: params.channel, ts: `${this.nextTs++}.000100`, message: { text: params.text } }),
      // docs.slack.dev/reference/methods/chat.update and chat.postEphemeral: their example answers.
      'chat.update': () => ({ ok: true, channel: params.channel, ts: params.ts, text: params.text, message: { text: params.text } }),
      'chat.postEphemeral': () => ({ ok: true, message_ts: `${this.nextTs++}.000200` }),
      'files.getUploadURLExternal': () => {
        const id = `F${String(this.nextFile++).padStart(8, '0')}`;
        return { ok: true, upload_url: `${base}/upload/${id}`, file_id: id };
      },
      'files.completeUploadExternal': () => ({ ok: true, files: JSON.parse(params.files ?? '[]') }),
      'apps.connections.open': () => ({ ok: true, url: `${base.replace(/^http/, 'ws')}/link/?ticket=t1&app_id=A0TEST` }),
    };
    return answers[method]?.() ?? { ok: false, error: 'unknown_method' };
  }
}

function json(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

// ---- What Slack sends us: signed webhook requests, built the way Slack builds them. ----

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEAM = 'T0TEST';
export const BOT_USER = 'U0BOT';

export interface SignOptions { secret?: string; timestamp?: number; headers?: Record<string, string>; forge?: boolean }

/** A Request to our endpoint signed over exactly `rawBody` (docs.slack.dev verifying-requests). */
export function slackRequest(path: string, rawBody: string, contentType: string, o: SignOptions = {}): Request {
  const ts = o.timestamp ?? Math.floor(Date.now() / 1000);
  const mac = createHmac('sha256', o.secret ?? SIGNING_SECRET).update(`v0:${ts}:${rawBody}`).digest('hex');
  const signature = `v0=${o.forge ? mac.replace(/^./, (c) => (c === '0' ? '1' : '0')) : mac}`;
  return new Request(`http://localhost${path}`, {
    method: 'POST', body: rawBody,
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature, ...o.headers },
  });
}

/** An Events API `event_callback` (docs.slack.dev/apis/events-api#callback-field). */
export function eventCallback(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-verification-token', team_id: TEAM, api_app_id: 'A0TEST', event, type: 'event_callback',
    event_id: eventId, event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

export const directMessage = (user: string, text: string, ts = '1700000000.000001') =>
  ({ type: 'message', channel: 'D0DIRECT', channel_type: 'im', user, text, ts, event_ts: ts, team: TEAM });

export const mention = (user: string, text: string, ts = '1700000000.000002') =>
  ({ type: 'app_mention', channel: 'C0GROUP', user, text: `<@${BOT_USER}> ${text}`, ts, event_ts: ts, team: TEAM });

export const channelMessage = (user: string, text: string, ts = '1700000000.000003') =>
  ({ type: 'message', channel: 'C0GROUP', channel_type: 'channel', user, text, ts, event_ts: ts, team: TEAM });

export function eventRequest(eventId: string, event: Record<string, unknown>, o?: SignOptions): Request {
  return slackRequest('/webhooks/slack/events', eventCallback(eventId, event), 'application/json', o);
}

/** The /crm slash command as Slack posts it (form-encoded). */
export function commandRequest(user: string, text: string, triggerId: string, o: SignOptions & { command?: string } = {}): Request {
  const form = new URLSearchParams({
    token: 'legacy', team_id: TEAM, team_domain: 'test', channel_id: 'C0GROUP', channel_name: 'sales', user_id: user,
    user_name: 'someone', command: o.command ?? '/crm', text, api_app_id: 'A0TEST', is_enterprise_install: 'false',
    response_url: 'https://hooks.slack.com/commands/T0TEST/1/abc', trigger_id: triggerId,
  });
  return slackRequest('/webhooks/slack/commands', form.toString(), 'application/x-www-form-urlencoded', o);
}

/**
 * A `block_actions` payload for a click on a button whose value is `value` (docs.slack.dev
 * block_actions-payload). An ephemeral message's click carries no `message`, only the container
 * (`is_ephemeral: true`); `responseUrl` points the click's response_url at a fake.
 */
export function clickRequest(user: string, value: string, triggerId: string, o: SignOptions & { channel?: string; ephemeral?: boolean; responseUrl?: string; ts?: string } = {}): Request {
  const channel = o.channel ?? 'D0DIRECT';
  const ts = o.ts ?? '1700000000.000100';
  const payload = {
    type: 'block_actions', user: { id: user, username: 'someone', name: 'someone', team_id: TEAM },
    api_app_id: 'A0TEST', token: 'legacy', container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: o.ephemeral === true },
    trigger_id: triggerId, team: { id: TEAM, domain: 'test' }, enterprise: null, is_enterprise_install: false,
    channel: { id: channel, name: 'directmessage' },
    ...(!o.ephemeral && { message: { type: 'message', ts, text: 'card', user: BOT_USER } }),
    response_url: o.responseUrl ?? 'https://hooks.slack.com/actions/T0TEST/1/abc',
    actions: [{ action_id: 'action_0', block_id: 'actions_0', text: { type: 'plain_text', text: 'x' }, value, type: 'button', action_ts: '1700000001.000200' }],
  };
  return slackRequest('/webhooks/slack/interactions', new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded', o);
}
