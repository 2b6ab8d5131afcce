// The Feishu/Lark adapter: sends through the official SDK (tenant token, uuid dedupe), receives
// through the webhook (routes.ts) or the SDK's long connection (WSClient).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Address, CardRef, Reply, TextMessage } from '../../src/chat/index.js';
import type { InboundSink } from '../../src/delivery/inbound.js';
import { PlatformError, type Adapter, type SendOptions } from '../contract.js';
import { classify, failureOf } from './errors.js';
import { decodeEvent, type Decoded } from './inbound.js';
import { PerChatLimiter } from './limiter.js';
import { cardJson, imageBody, render, textBody, type FeishuBody } from './outbound.js';
import { feishuRoutes } from './routes.js';
import { httpWithTimeout, sdkOptions } from './sdk.js';
import { FeishuSpeech } from './speech.js';
import type { EventHeader } from './schemas.js';
import { wsDispatcher } from './ws.js';

export interface FeishuConfig {
  appId: string;
  appSecret: string;
  /** https://open.feishu.cn, https://open.larksuite.com, or a fake server in tests. */
  domain: string;
  mode: 'webhook' | 'ws';
  encryptKey?: string;
  verificationToken?: string;
  /** Pins the one tenant a self-built app serves (FEISHU_TENANT_KEY); unset: any tenant. */
  tenantKey?: string;
  /** Sends per second for the whole app: Feishu's documented app quota, 50, by default. Only
   * the inbound bench lifts it (its fake API has no quota). */
  ratePerSecond?: number;
  /** Every API call's bound (default 10 s); a timed-out send is retried as a transient failure. */
  httpTimeoutMs?: number;
  /** FEISHU_SPEECH=1: voice messages go to speech-to-text (the app has speech_to_text:speech);
   * unset, they are answered "请发文字". */
  speech?: boolean;
}

/** Feishu dedupes sends with the same `uuid` for an hour; it takes at most 50 characters. */
export const feishuUuid = (key: string): string => (key.length <= 50 ? key : `h${createHash('sha256').update(key).digest('hex').slice(0, 40)}`);

interface ApiResult { code?: number; msg?: string }

export class FeishuAdapter implements Adapter {
  readonly platform = 'feishu' as const;
  readonly ratePerSecond: number;
  readonly routes?: (sink: InboundSink) => Hono;
  private readonly client: lark.Client;
  private readonly limiter = new PerChatLimiter(5);
  private botId?: Promise<string>;
  private ws?: lark.WSClient;
  private readonly buttons: boolean;
  private readonly speech?: FeishuSpeech;

  constructor(private readonly cfg: FeishuConfig, private readonly log: Logger) {
    this.ratePerSecond = cfg.ratePerSecond ?? 50;
    this.client = new lark.Client({ appId: cfg.appId, appSecret: cfg.appSecret, domain: cfg.domain, httpInstance: httpWithTimeout(cfg.httpTimeoutMs ?? 10_000), ...sdkOptions });
    // Feishu's long connection carries events but not card callbacks: with an Encrypt Key the
    // webhook still takes the clicks; without one, buttons become numbered options.
    this.buttons = Boolean(cfg.encryptKey);
    if (cfg.speech) this.speech = new FeishuSpeech(this.client, log);
    if (cfg.encryptKey) {
      const encryptKey = cfg.encryptKey;
      this.routes = (sink) => feishuRoutes(sink, {
        encryptKey, verificationToken: cfg.verificationToken, appId: cfg.appId, tenantKey: cfg.tenantKey, decode: (h, e) => this.decode(h, e), log });
    }
  }

  decode(header: EventHeader, event: unknown): Promise<Decoded> {
    return decodeEvent(header, event, { botOpenId: () => this.botOpenId() });
  }

  /** A voice message's words through Feishu's speech-to-text (speech.ts), when FEISHU_SPEECH is on. */
  async transcribe(event: TextMessage): Promise<string | undefined> {
    return this.speech?.transcribe(event);
  }

  /** The bot's open_id (GET /open-apis/bot/v3/info), fetched once; a failure is retried next time. */
  botOpenId(): Promise<string> {
    this.botId ??= this.client.request<{ code?: number; bot?: { open_id?: string } }>({ method: 'GET', url: '/open-apis/bot/v3/info' }).then((r) => {
      if (!r?.bot?.open_id) throw new Error(`bot/v3/info returned no open_id (code ${r?.code})`);
      return r.bot.open_id;
    });
    return this.botId.catch((err: unknown) => {
      this.botId = undefined;
      throw err;
    });
  }

  async send(address: Address, reply: Reply, opts: SendOptions): Promise<void> {
    if (!(reply.replaces && await this.replaceCard(address, reply, reply.replaces))) await this.sendNew(address, reply, opts);
    if (reply.image) await this.post(address, imageBody(await this.upload(reply.image.path)), `${opts.idempotencyKey}:image`, opts.replyTo);
  }

  /**
   * The answer to a click replaces the clicked card: with the callback's token (delayed update,
   * 30 minutes, twice per token: POST /open-apis/interactive/v1/card/update), else by patching
   * the message (PATCH /open-apis/im/v1/messages/:id, 14 days; our cards are update_multi).
   * False when neither worked (expired, recalled): the caller sends a new message.
   */
  private async replaceCard(address: Address, reply: Reply, ref: CardRef): Promise<boolean> {
    const card = cardJson({ ...reply, card: reply.card ?? {} }, address, this.buttons);
    const attempts = [
      ref.token && (() => this.client.request<ApiResult>({ method: 'POST', url: '/open-apis/interactive/v1/card/update', data: { token: ref.token, card } })),
      ref.messageId && (() => this.client.im.message.patch({ path: { message_id: ref.messageId! }, data: { content: JSON.stringify(card) } })),
    ].filter((a): a is () => Promise<ApiResult> => Boolean(a));
    for (const attempt of attempts) {
      try {
        const result = await this.call(attempt);
        if (!result.code) return true;
        // A refusal in the answer (token used up or expired, message recalled): try the next way.
        const err = classify({ code: result.code, msg: result.msg });
        if (err.kind === 'rate_limited') throw err;
        this.log.info({ err: err.message, chat: address.conversationId }, 'feishu: the clicked card could not be updated');
      } catch (err) {
        if (!(err instanceof PlatformError) || err.isRetryable()) throw err;
        this.log.info({ err: err.message, chat: address.conversationId }, 'feishu: the clicked card could not be updated');
      }
    }
    return false;
  }

  private async sendNew(address: Address, reply: Reply, opts: SendOptions): Promise<void> {
    const body = render(reply, address, this.buttons);
    try {
      await this.post(address, body, opts.idempotencyKey, opts.replyTo);
    } catch (err) {
      // A card Feishu refuses (too large, a component it rejects) still reaches the user as text.
      if (!(err instanceof PlatformError && err.kind === 'invalid_request' && body.msg_type === 'interactive')) throw err;
      this.log.warn({ err: err.message, chat: address.conversationId }, 'feishu refused the card; sending text');
      await this.post(address, textBody(reply), `${opts.idempotencyKey}:text`, opts.replyTo);
    }
  }

  private async post(address: Address, body: FeishuBody, key: string, replyTo?: string): Promise<void> {
    await this.limiter.acquire(address.conversationId);
    const uuid = feishuUuid(key);
    const result = await this.call(() => replyTo
      ? this.client.im.message.reply({ path: { message_id: replyTo }, data: { ...body, uuid, ...(address.threadId && { reply_in_thread: true }) } })
      : this.client.im.message.create({ params: { receive_id_type: 'chat_id' }, data: { receive_id: address.conversationId, ...body, uuid } }));
    if (result.code) throw this.refused(classify({ code: result.code, msg: result.msg }), address);
  }

  private async upload(path: string): Promise<string> {
    const res = await this.call(() => this.client.im.image.create({ data: { image_type: 'message', image: createReadStream(path) } }));
    if (!res?.image_key) throw new PlatformError('transient', 'feishu: image upload returned no image_key');
    return res.image_key;
  }

  /** Runs an SDK call, turning what it throws into a classified PlatformError. */
  private async call<T>(fn: () => Promise<T>): Promise<T & ApiResult> {
    try {
      return (await fn()) as T & ApiResult;
    } catch (err) {
      throw this.refused(classify(failureOf(err)));
    }
  }

  private refused(err: PlatformError, address?: Address): PlatformError {
    this.log.warn({ platform: 'feishu', kind: err.kind, chat: address?.conversationId, err: err.message }, 'feishu API refused');
    return err;
  }

  async start(sink: InboundSink): Promise<void> {
    if (this.cfg.mode !== 'ws') return;
    // The SDK returns silently for an app id it does not accept; say so instead.
    if (!/^cli_[0-9a-fA-F]{16}$/.test(this.cfg.appId)) this.log.error({ appId: this.cfg.appId }, 'FEISHU_APP_ID is not a cli_… app id; the long connection will not start');
    this.ws = new lark.WSClient({
      appId: this.cfg.appId, appSecret: this.cfg.appSecret, domain: this.cfg.domain, ...sdkOptions,
      onReady: () => this.log.info({ platform: 'feishu' }, 'feishu long connection ready'),
      onError: (err: Error) => this.log.error({ platform: 'feishu', err: err.message }, 'feishu long connection gave up'),
    });
    await this.ws.start({ eventDispatcher: wsDispatcher(sink, (h, e) => this.decode(h, e), this.log) });
  }

  async stop(): Promise<void> {
    this.ws?.close();
    this.ws = undefined;
  }
}
