// The WeCom self-built app (企业微信 自建应用) as an Adapter: callback routes in, app messages out
// (POST /cgi-bin/message/send?access_token=… with touser, agentid, msgtype).
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { PlatformError, type Adapter } from '../contract.js';
import type { Address, Reply } from '../../src/chat/index.js';
import { ActionKeys } from './action-keys.js';
import type { FetchLike } from './api.js';
import { WecomClient } from './client.js';
import { WecomCrypto } from './crypto.js';
import { render, renderUpdate, taskIdFor } from './outbound.js';
import { wecomRoutes } from './routes.js';

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
  const crypto = new WecomCrypto(config.token, config.encodingAesKey, config.corpId);
  const keys = new ActionKeys(deps.redis, deps.keyPrefix);
  const client = new WecomClient({ ...config, fetch: deps.fetch ?? ((url, init) => fetch(url, init)), now: deps.now });

  async function deliver(to: string, reply: Reply, idempotencyKey: string) {
    const taskId = taskIdFor(idempotencyKey);
    const updated = reply.replaces?.token ? await replaceCard(to, reply, reply.replaces.token, taskId) : undefined;
    for (const message of updated ?? await render(reply, keys, taskId)) await client.send(to, message);
    if (reply.image) await client.send(to, { msgtype: 'image', image: { media_id: await client.uploadImage(reply.image.path) } });
  }

  /** Updates the clicked card with its ResponseCode; what is left to send, or undefined when WeCom refused (used or expired code). */
  async function replaceCard(to: string, reply: Reply, responseCode: string, taskId: string) {
    const { update, after } = await renderUpdate(reply, keys, taskId);
    try {
      await client.updateTemplateCard(to, responseCode, update);
      return after;
    } catch (err) {
      if (err instanceof PlatformError && !err.isRetryable()) return undefined;
      throw err;
    }
  }

  return {
    platform: 'wecom',
    ratePerSecond: RATE_PER_SECOND,
    routes: (sink) => wecomRoutes({ crypto, sink, log: deps.log, corpId: config.corpId, agentId: config.agentId, keys, now: deps.now }),
    async send(address: Address, reply: Reply, opts) {
      check(address, config.corpId);
      try {
        await deliver(address.conversationId, reply, opts.idempotencyKey);
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
