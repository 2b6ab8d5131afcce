// The WeCom self-built app (企业微信 自建应用) as an Adapter: callback routes in, app messages out
// (POST /cgi-bin/message/send?access_token=… with touser, agentid, msgtype).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { PlatformError, type Adapter } from '../contract.js';
import type { Address, Reply } from '../../src/chat/index.js';
import { ActionKeys } from './action-keys.js';
import { apiUrl, callApi, postJson, type FetchLike, type WecomResponse } from './api.js';
import { WecomCrypto } from './crypto.js';
import { TOKEN_ERRCODES, WecomApiError } from './errors.js';
import { render, taskIdFor, type WecomMessage } from './outbound.js';
import { wecomRoutes } from './routes.js';
import { AccessTokens } from './token.js';

export interface WecomConfig {
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  apiBase: string;
}

export interface WecomDeps {
  log: Logger;
  redis: Redis;
  keyPrefix: string;
  fetch?: FetchLike;
  now?: () => number;
  /** How long the outbound queue pauses after a frequency errcode (WeCom sends no Retry-After). */
  rateLimitWaitMs?: number;
}

/** Per-app sends; WeCom allows far more per minute per app, but 30/min to one member. */
const RATE_PER_SECOND = 20;

export function wecomAdapter(config: WecomConfig, deps: WecomDeps): Adapter {
  const fetchImpl: FetchLike = deps.fetch ?? ((url, init) => fetch(url, init));
  const crypto = new WecomCrypto(config.token, config.encodingAesKey, config.corpId);
  const keys = new ActionKeys(deps.redis, deps.keyPrefix);
  const tokens = new AccessTokens({ apiBase: config.apiBase, corpId: config.corpId, secret: config.secret, fetch: fetchImpl, now: deps.now });

  /** One authenticated call; a stale token is dropped and the call made once more with a new one. */
  async function call(path: string, init: () => RequestInit, during: string, retried = false): Promise<WecomResponse> {
    const token = await tokens.get();
    try {
      return await callApi(fetchImpl, apiUrl(config.apiBase, path, { access_token: token }), init(), during);
    } catch (err) {
      if (retried || !(err instanceof WecomApiError) || !TOKEN_ERRCODES.has(err.errcode)) throw err;
      tokens.invalidate(token);
      return call(path, init, during, true);
    }
  }

  async function sendMessage(touser: string, message: WecomMessage | { msgtype: 'image'; image: { media_id: string } }) {
    const body = { touser, agentid: Number(config.agentId), ...message };
    const res = await call('/cgi-bin/message/send', () => postJson(body), 'message/send');
    // errcode 0 can still name users it could not reach.
    if (typeof res.invaliduser === 'string' && res.invaliduser) throw new PlatformError('target_gone', `wecom message/send: invalid user ${res.invaliduser}`);
  }

  async function uploadImage(path: string): Promise<string> {
    const bytes = await readFile(path).catch(() => {
      throw new PlatformError('invalid_request', `wecom media/upload: cannot read ${basename(path)}`);
    });
    const form = () => {
      const f = new FormData();
      f.append('media', new Blob([bytes], { type: 'image/png' }), basename(path));
      return { method: 'POST', body: f } satisfies RequestInit;
    };
    const res = await call('/cgi-bin/media/upload?type=image', form, 'media/upload');
    return String(res.media_id ?? '');
  }

  return {
    platform: 'wecom',
    ratePerSecond: RATE_PER_SECOND,
    routes: (sink) => wecomRoutes({ crypto, sink, log: deps.log, corpId: config.corpId, agentId: config.agentId, keys, now: deps.now }),
    async send(address: Address, reply: Reply, opts) {
      check(address, config.corpId);
      try {
        await sendMessage(address.conversationId, await render(reply, keys, taskIdFor(opts.idempotencyKey)));
        if (reply.image) await sendMessage(address.conversationId, { msgtype: 'image', image: { media_id: await uploadImage(reply.image.path) } });
      } catch (err) {
        if (err instanceof PlatformError && err.kind === 'rate_limited' && deps.rateLimitWaitMs !== undefined) {
          throw new PlatformError('rate_limited', err.message, deps.rateLimitWaitMs);
        }
        throw err;
      }
    },
  };
}

function check(address: Address, corpId: string) {
  if (address.platformTenant !== corpId) throw new PlatformError('invalid_request', `wecom: address is for corp ${address.platformTenant}, this app is ${corpId}`);
  // The callback only ever gives direct conversations; app group chats (appchat) are not used.
  if (address.kind !== 'direct') throw new PlatformError('invalid_request', 'wecom: app messages go to members, not group chats');
}
