// The callback URL (企业微信 "接收消息与事件" → 回调配置):
//   GET  /webhooks/wecom?msg_signature&timestamp&nonce&echostr → the decrypted echostr
//   POST /webhooks/wecom?msg_signature&timestamp&nonce, <xml><ToUserName/><Encrypt/><AgentID/></xml>
// Verify the signature and the timestamp (401, nothing queued), decrypt, decode, queue, and
// answer 200 with an empty body within WeCom's 5 s; the reply goes out later through the API.
// Redis down → 503, so WeCom delivers again.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import type { InboundSink } from '../../src/delivery/inbound.js';
import { WecomCryptoError, type CryptoError, type WecomCrypto } from './crypto.js';
import { decodeMessage, type DecodeContext } from './inbound.js';
import { leafFields, parseXml } from './xml.js';

export const WEBHOOK_PATH = '/webhooks/wecom';
/** A signed request older (or newer) than this is a replay. */
export const MAX_SKEW_MS = 5 * 60_000;
/** WeCom waits 5 s; a Redis that does not answer by then gets a 503 (WeCom retries, jobs dedupe). */
const QUEUE_TIMEOUT_MS = 4_000;

export interface RouteDeps extends DecodeContext {
  crypto: WecomCrypto;
  sink: InboundSink;
  log: Logger;
  now?: () => number;
}

interface Signed { signature: string; timestamp: string; nonce: string }

export function wecomRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get(WEBHOOK_PATH, (c) => urlCheck(c, deps));
  app.post(WEBHOOK_PATH, bodyLimit({ maxSize: 256 * 1024, onError: (c) => c.text('too large', 413) }), (c) => message(c, deps));
  return app;
}

function signedQuery(c: Context): Signed | undefined {
  const [signature, timestamp, nonce] = ['msg_signature', 'timestamp', 'nonce'].map((k) => c.req.query(k));
  return signature && timestamp && nonce ? { signature, timestamp, nonce } : undefined;
}

export const STALE_TIMESTAMP = `stale timestamp: more than ${MAX_SKEW_MS / 60_000} minutes from our clock (a replayed or delayed request)`;

/** Why the request is refused, or undefined: the signature covers `encrypt`; the timestamp must be recent. */
function refusal(q: Signed, encrypt: string, deps: RouteDeps): string | undefined {
  if (!deps.crypto.verify(q.signature, q.timestamp, q.nonce, encrypt)) return 'bad signature';
  const at = Number(q.timestamp) * 1000;
  const fresh = /^\d{1,12}$/.test(q.timestamp) && Math.abs((deps.now ?? Date.now)() - at) <= MAX_SKEW_MS;
  return fresh ? undefined : STALE_TIMESTAMP;
}

function refuse(c: Context, deps: RouteDeps, reason: string) {
  deps.log.warn({ platform: 'wecom', reason }, 'webhook refused');
  return c.text(reason, 401);
}

function urlCheck(c: Context, deps: RouteDeps) {
  const q = signedQuery(c);
  // Base64 has no spaces: a '+' that reached us unencoded was decoded to one.
  const echostr = c.req.query('echostr')?.replaceAll(' ', '+');
  if (!q || !echostr) return c.text('missing parameters', 400);
  const refused = refusal(q, echostr, deps);
  if (refused) return refuse(c, deps, refused);
  const opened = tryDecrypt(deps, echostr);
  if (opened.ok) return c.text(opened.plain, 200);
  return opened.code === 'wrong_receiver' ? foreign(c, deps, 'echostr for another corp') : c.text('bad echostr', 400);
}

async function message(c: Context, deps: RouteDeps) {
  const q = signedQuery(c);
  if (!q) return c.text('missing parameters', 400);
  const outer = parseXml(await c.req.text());
  const fields = outer.ok ? leafFields(outer.root) : {};
  const encrypt = fields.Encrypt;
  if (!encrypt) return c.text('expected <xml><Encrypt>', 400);
  const refused = refusal(q, encrypt, deps);
  if (refused) return refuse(c, deps, refused);
  if (fields.ToUserName !== undefined && fields.ToUserName !== deps.corpId) return foreign(c, deps, `outer to ${fields.ToUserName}`);
  const opened = tryDecrypt(deps, encrypt);
  if (!opened.ok) return opened.code === 'wrong_receiver' ? foreign(c, deps, 'ciphertext for another corp') : c.text('cannot decrypt', 400);
  try {
    // Decoding may read Redis (long button keys) and queueing writes it: both inside the deadline.
    return await withTimeout(decodeAndQueue(c, opened.plain, deps), QUEUE_TIMEOUT_MS);
  } catch (err) {
    deps.log.error({ err: (err as Error).message }, 'wecom callback not queued');
    return c.text('try again', 503);
  }
}

async function decodeAndQueue(c: Context, plain: string, deps: RouteDeps) {
  const decoded = await decodeMessage(plain, deps);
  if ('invalid' in decoded) return c.text(decoded.invalid, 400);
  if ('foreign' in decoded) return foreign(c, deps, decoded.foreign);
  if ('ignored' in decoded) {
    deps.log.debug({ reason: decoded.ignored }, 'wecom callback ignored');
    return c.body(null, 200);
  }
  await deps.sink.accept(decoded.event);
  return c.body(null, 200);
}

/** A verified callback addressed to another corp: refused, nothing queued. */
function foreign(c: Context, deps: RouteDeps, reason: string) {
  deps.log.warn({ reason }, 'wecom callback for another corp refused');
  return c.text('not for this corp', 403);
}

/** The plaintext, or why not (wrong_receiver: sealed for another corp). */
function tryDecrypt(deps: RouteDeps, encrypt: string): { ok: true; plain: string } | { ok: false; code: CryptoError } {
  try {
    return { ok: true, plain: deps.crypto.decrypt(encrypt) };
  } catch (err) {
    if (err instanceof WecomCryptoError) {
      deps.log.warn({ code: err.code }, 'wecom callback: decryption failed');
      return { ok: false, code: err.code };
    }
    throw err;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`queue did not answer in ${ms} ms`)), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
