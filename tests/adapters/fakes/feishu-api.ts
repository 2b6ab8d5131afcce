// A fake Feishu open API on 127.0.0.1 for the real @larksuiteoapi/node-sdk Client: tenant token,
// bot info, send and reply, image upload, and the two card updates ("Delay update message card":
// POST interactive/v1/card/update with the callback token, twice per token; "Update a sent message
// card": PATCH im/v1/messages/:id). It records what it received (updates among `sends`, via
// 'update' / 'patch') and can refuse the next send (429 with x-ogw-ratelimit-reset, or any Feishu
// error code), or leave it unanswered. Voice messages: the audio files of messages ("Get resources
// in a message", type=file) and speech-to-text ("Recognize speech file": base64 PCM, a 16-character
// file_id, format pcm, engine 16k_auto — a request of another shape is refused as Feishu would).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeishuSend {
  via: 'create' | 'reply' | 'update' | 'patch';
  /** The card-update token (via 'update') or the patched message (via 'patch'). */
  target?: string;
  receiveId?: string;
  receiveIdType?: string;
  replyTo?: string;
  msgType: string;
  content: unknown;
  uuid?: string;
  authorization?: string;
}
export interface Upload { contentType: string; bytes: number; body: Buffer }
interface Refusal { status: number; code: number; msg: string; headers?: Record<string, string>; hang?: true }
/** A file_recognize request as the fake read it: the PCM's length in bytes once base64-decoded. */
export interface Recognition { fileId: string; format: string; engineType: string; pcmBytes: number; authorization?: string }
export interface ResourceRequest { messageId: string; fileKey: string; type: string | null }
/** What the next file_recognize answers: the words, or Feishu's refusal. */
export type SpeechAnswer = { text: string } | { status: number; code: number; msg: string };

export const BOT_OPEN_ID = 'ou_fake_bot';

export class FakeFeishuApi {
  readonly sends: FeishuSend[] = [];
  readonly uploads: Upload[] = [];
  tokenRequests = 0;
  /** While true, GET bot/v3/info fails (the adapter cannot tell whom a group message mentions). */
  botInfoDown = false;
  /** Called on every accepted send (the inbound bench times replies with it). */
  onSend?: (send: FeishuSend) => void;
  private readonly refusals: Refusal[] = [];
  private readonly tokenUses = new Map<string, number>();
  /** Messages PATCH answers as gone (recalled, or older than 14 days). */
  readonly gone = new Set<string>();
  /** Audio and other files of messages, by file_key (GET …/messages/:id/resources/:file_key). */
  readonly resources = new Map<string, Buffer>();
  readonly resourceRequests: ResourceRequest[] = [];
  readonly recognitions: Recognition[] = [];
  /** Answers of the next file_recognize calls, in order; with none queued, nothing is heard (''). */
  readonly speechAnswers: SpeechAnswer[] = [];
  private server?: Server;
  private seq = 0;

  get url(): string {
    const port = (this.server!.address() as AddressInfo).port;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  close(): Promise<void> {
    this.server?.closeAllConnections(); // hung sends (hangNext) would keep close() waiting
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next send is answered 429 (Feishu's gateway limit) with `x-ogw-ratelimit-reset: seconds`. */
  rateLimitNext(seconds: number): void {
    this.refusals.push({ status: 429, code: 99991400, msg: 'request trigger frequency limit', headers: { 'x-ogw-ratelimit-reset': String(seconds) } });
  }

  /** The next send is refused with this HTTP status and Feishu code. */
  refuseNext(status: number, code: number, msg = 'refused by the fake'): void {
    this.refusals.push({ status, code, msg });
  }

  /** The card-update token has been used its two times. */
  useUp(token: string): void {
    this.tokenUses.set(token, 2);
  }

  /** The next send is never answered, as a hung platform: nothing is recorded, the connection stays open. */
  hangNext(): void {
    this.refusals.push({ status: 0, code: 0, msg: 'hang', hang: true });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await read(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname
      .replace(/^\/open-apis\/im\/v1\/messages\/[^/]+\/reply$/, '/open-apis/im/v1/messages/:id/reply')
      .replace(/^\/open-apis\/im\/v1\/messages\/[^/]+\/resources\/[^/]+$/, '/open-apis/im/v1/messages/:id/resources/:key')
      .replace(/^\/open-apis\/im\/v1\/messages\/om_[^/]+$/, '/open-apis/im/v1/messages/:id')}`;
    const json = (status: number, payload: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    const handlers: Record<string, () => void> = {
      'POST /open-apis/auth/v3/tenant_access_token/internal': () => {
        this.tokenRequests++;
        json(200, { code: 0, msg: 'ok', tenant_access_token: 't-fake-token', expire: 7200 });
      },
      'GET /open-apis/bot/v3/info': () => (this.botInfoDown
        ? json(500, { code: 500, msg: 'internal error' })
        : json(200, { code: 0, msg: 'ok', bot: { open_id: BOT_OPEN_ID, app_name: 'salesbot' } })),
      'POST /open-apis/im/v1/messages': () => this.send(req, body, json, { via: 'create', receiveId: parse(body).receive_id, receiveIdType: url.searchParams.get('receive_id_type') ?? undefined }),
      'POST /open-apis/im/v1/messages/:id/reply': () => this.send(req, body, json, { via: 'reply', replyTo: url.pathname.split('/')[5] }),
      'POST /open-apis/interactive/v1/card/update': () => {
        const data = JSON.parse(body.toString('utf8')) as { token?: string; card?: object };
        const uses = (this.tokenUses.get(data.token ?? '') ?? 0) + 1;
        this.tokenUses.set(data.token ?? '', uses);
        if (!data.token || uses > 2) return json(200, { code: 200830, msg: 'card token expired or used up (fake)' });
        this.record({ via: 'update', target: data.token, msgType: 'interactive', content: data.card, authorization: req.headers.authorization });
        json(200, { code: 0, msg: 'ok' });
      },
      'PATCH /open-apis/im/v1/messages/:id': () => {
        const id = url.pathname.split('/')[5]!;
        if (this.gone.has(id)) return json(400, { code: 230011, msg: 'The message was withdrawn.' });
        this.record({ via: 'patch', target: id, msgType: 'interactive', content: JSON.parse(parse(body).content ?? 'null'), authorization: req.headers.authorization });
        json(200, { code: 0, msg: 'success', data: {} });
      },
      'GET /open-apis/im/v1/messages/:id/resources/:key': () => {
        const [messageId, fileKey] = [url.pathname.split('/')[5]!, url.pathname.split('/')[7]!];
        this.resourceRequests.push({ messageId, fileKey, type: url.searchParams.get('type') });
        const file = this.resources.get(fileKey);
        if (!file || url.searchParams.get('type') !== 'file') return json(400, { code: 234003, msg: 'File not in msg. (fake)' });
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.length) });
        res.end(file);
      },
      'POST /open-apis/speech_to_text/v1/speech/file_recognize': () => this.recognize(req, body, json),
      'POST /open-apis/im/v1/images': () => {
        this.uploads.push({ contentType: req.headers['content-type'] ?? '', bytes: body.length, body });
        json(200, { code: 0, msg: 'ok', data: { image_key: `img_v2_fake_${++this.seq}` } });
      },
    };
    const handler = handlers[route];
    if (handler) handler();
    else json(404, { code: 404, msg: `the fake has no ${route}` });
  }

  private recognize(req: IncomingMessage, body: Buffer, json: (s: number, p: object) => void): void {
    const data = JSON.parse(body.toString('utf8') || '{}') as { speech?: { speech?: string }; config?: { file_id?: string; format?: string; engine_type?: string } };
    const pcm = Buffer.from(data.speech?.speech ?? '', 'base64');
    const { file_id: fileId = '', format = '', engine_type: engineType = '' } = data.config ?? {};
    this.recognitions.push({ fileId, format, engineType, pcmBytes: pcm.length, authorization: req.headers.authorization });
    const shaped = /^[A-Za-z0-9_]{16}$/.test(fileId) && format === 'pcm' && engineType === '16k_auto' && pcm.length > 0 && pcm.length % 2 === 0;
    if (!shaped) return json(400, { code: 99992402, msg: 'field validation failed (fake)' });
    const answer = this.speechAnswers.shift() ?? { text: '' };
    if ('code' in answer) return json(answer.status, { code: answer.code, msg: answer.msg });
    json(200, { code: 0, msg: 'success', data: { recognition_text: answer.text } });
  }

  private record(send: FeishuSend): void {
    this.sends.push(send);
    this.onSend?.(send);
  }

  private send(req: IncomingMessage, body: Buffer, json: (s: number, p: object, h?: Record<string, string>) => void, where: Partial<FeishuSend>): void {
    const refusal = this.refusals.shift();
    if (refusal?.hang) return;
    if (refusal) return json(refusal.status, { code: refusal.code, msg: refusal.msg }, refusal.headers);
    const data = parse(body);
    const send = {
      ...where, msgType: data.msg_type, content: JSON.parse(data.content ?? 'null'), uuid: data.uuid,
      authorization: req.headers.authorization,
    } as FeishuSend;
    this.record(send);
    json(200, { code: 0, msg: 'ok', data: { message_id: `om_fake_${++this.seq}`, msg_type: data.msg_type } });
  }
}

const parse = (body: Buffer) => JSON.parse(body.toString('utf8') || '{}') as Record<string, string>;

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
