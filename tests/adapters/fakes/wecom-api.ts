// A fake WeCom API on 127.0.0.1: gettoken, message/send, media/upload and group-robot
// webhook/send. It records what it received, checks the access token like WeCom (unknown →
// 40014), and can refuse the next call: frequency limit (errcode 45009), an expired token
// (42001, and the token stops working), or any errcode / HTTP status.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WecomSend { accessToken: string; body: Record<string, unknown> }
export interface RobotSend { key: string; body: Record<string, unknown> }
interface Refusal { status: number; errcode: number; errmsg: string }

export const FAKE_SECRET = 'fake-secret-not-real';

export class FakeWecomApi {
  readonly sends: WecomSend[] = [];
  readonly robotSends: RobotSend[] = [];
  readonly uploads: { bytes: number; contentType: string }[] = [];
  /** update_template_card calls WeCom accepted; each response_code works once (then errcode 40058 here). */
  readonly cardUpdates: Record<string, unknown>[] = [];
  private readonly usedCodes = new Set<string>();
  tokenRequests = 0;
  /** Users WeCom does not know: all unknown → 81013; some → errcode 0 with `invaliduser`. */
  readonly unknownUsers = new Set<string>();
  /** Called with each accepted message/send before the fake answers (harnesses decode here). */
  onSend?: (send: WecomSend) => Promise<void>;
  /** Called with each accepted update_template_card body (harnesses decode the new card here). */
  onCardUpdate?: (body: Record<string, unknown>) => Promise<void>;
  private readonly refusals: Refusal[] = [];
  private readonly validTokens = new Set<string>();
  private server?: Server;
  private seq = 0;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next send or robot post is refused for frequency (WeCom gives no Retry-After). */
  rateLimitNext(): void { this.refuseNext(45009, 'api freq out of limit'); }

  /** Every issued token expires now; the next send gets errcode 42001. */
  expireTokens(): void {
    this.validTokens.clear();
    this.refusals.push({ status: 200, errcode: 42001, errmsg: 'access_token expired' });
  }

  refuseNext(errcode: number, errmsg = 'refused by the fake', status = 200): void {
    this.refusals.push({ status, errcode, errmsg });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await read(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const json = (payload: object, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const handlers: Record<string, () => Promise<void> | void> = {
      'GET /cgi-bin/gettoken': () => this.token(url, json),
      'POST /cgi-bin/message/send': () => this.authed(url, json, async (accessToken) => {
        const send = { accessToken, body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> };
        const unknown = String(send.body.touser ?? '').split('|').filter((u) => this.unknownUsers.has(u));
        if (unknown.length && unknown.length === String(send.body.touser).split('|').length) return json({ errcode: 81013, errmsg: 'user & party & tag all invalid' });
        await this.onSend?.(send);
        this.sends.push(send);
        json({ errcode: 0, errmsg: 'ok', msgid: `msg${++this.seq}`, ...(unknown.length && { invaliduser: unknown.join('|') }) });
      }),
      // 更新模版卡片消息: {userids, agentid, response_code, template_card | button.replace_name}.
      'POST /cgi-bin/message/update_template_card': () => this.authed(url, json, async () => {
        const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
        const code = String(body.response_code ?? '');
        if (!code || this.usedCodes.has(code)) return json({ errcode: 40058, errmsg: 'invalid response_code' });
        this.usedCodes.add(code);
        await this.onCardUpdate?.(body);
        this.cardUpdates.push(body);
        json({ errcode: 0, errmsg: 'ok', invaliduser: [] });
      }),
      'POST /cgi-bin/media/upload': () => this.authed(url, json, () => {
        this.uploads.push({ bytes: raw.length, contentType: req.headers['content-type'] ?? '' });
        json({ errcode: 0, errmsg: 'ok', type: 'image', media_id: `media${++this.seq}`, created_at: '0' });
      }),
      'POST /cgi-bin/webhook/send': () => {
        const refusal = this.refusals.shift();
        if (refusal) return json({ errcode: refusal.errcode, errmsg: refusal.errmsg }, refusal.status);
        this.robotSends.push({ key: url.searchParams.get('key') ?? '', body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> });
        json({ errcode: 0, errmsg: 'ok' });
      },
    };
    const handler = handlers[`${req.method} ${url.pathname}`];
    if (handler) await handler();
    else json({ errcode: 404, errmsg: `the fake has no ${req.method} ${url.pathname}` }, 404);
  }

  private token(url: URL, json: (p: object) => void) {
    this.tokenRequests++;
    if (url.searchParams.get('corpsecret') !== FAKE_SECRET) return json({ errcode: 40001, errmsg: 'invalid credential' });
    const token = `token${++this.seq}`;
    this.validTokens.add(token);
    json({ errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
  }

  private async authed(url: URL, json: (p: object, status?: number) => void, ok: (token: string) => Promise<void> | void) {
    const refusal = this.refusals.shift();
    if (refusal) return json({ errcode: refusal.errcode, errmsg: refusal.errmsg }, refusal.status);
    const token = url.searchParams.get('access_token') ?? '';
    if (!this.validTokens.has(token)) return json({ errcode: 40014, errmsg: 'invalid access_token' });
    await ok(token);
  }
}

async function read(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
