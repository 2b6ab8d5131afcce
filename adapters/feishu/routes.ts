// POST /webhooks/feishu: events and card callbacks. Verify (signature over the raw body, fresh
// timestamp, verification token) → decrypt → decode → queue → acknowledge, well inside Feishu's
// 3 s. A queue that cannot take the event answers 503 so Feishu delivers it again later.
// Old-format card callbacks (no `schema`, signed with the Verification Token) are accepted too.
// Documents: "Event subscription: request URL configuration", "Card callback communication",
// "Message card callback interaction (old)".
import { Hono, type Context } from 'hono';
import type { Logger } from 'pino';
import type { InboundSink } from '../../src/delivery/inbound.js';
import { limitBodies } from '../../src/http/body-limit.js';
import { decrypt, legacyCardSignatureOf, verifySignature, type SignedHeaders } from './crypto.js';
import type { Decoded } from './inbound.js';
import { fromLegacyCard } from './legacy-card.js';
import { encryptedSchema, envelopeSchema, urlVerificationSchema, type EventHeader } from './schemas.js';

export interface WebhookOptions {
  encryptKey: string;
  verificationToken?: string;
  /** This app's cli_… id: a signed event naming another app (a shared key) is refused 403. */
  appId?: string;
  /** FEISHU_TENANT_KEY: when set, events from any other tenant are refused 403. */
  tenantKey?: string;
  decode: (header: EventHeader, event: unknown) => Promise<Decoded>;
  log: Logger;
  now?: () => number;
}

/** A card click is answered with a toast; the real answer arrives as a new message from the queue.
 * An old-format callback gets `{}` (card unchanged): its answer is a card, not a toast. */
export const ackFor = (eventType: string, legacy = false): object =>
  eventType === 'card.action.trigger' && !legacy ? { toast: { type: 'info', content: '处理中…' } } : {};

function open(raw: string, encryptKey: string): { ok: true; json: unknown } | { ok: false } {
  try {
    const outer: unknown = JSON.parse(raw);
    const sealed = encryptedSchema.safeParse(outer);
    return { ok: true, json: sealed.success ? JSON.parse(decrypt(sealed.data.encrypt, encryptKey)) : outer };
  } catch {
    return { ok: false };
  }
}

/** Why a verified event is not this app's (another app id or tenant), or undefined. An
 * old-format card callback names no app: its signature (the Verification Token) vouches for it. */
function foreignTo(header: EventHeader, opts: Pick<WebhookOptions, 'appId' | 'tenantKey'>, legacy: boolean): string | undefined {
  if (opts.appId && !legacy && header.app_id !== opts.appId) return `app_id ${header.app_id ?? '(none)'}`;
  if (opts.tenantKey && header.tenant_key !== opts.tenantKey) return `tenant_key ${header.tenant_key}`;
  return undefined;
}

interface Verified { header: EventHeader; event: unknown; legacy: boolean }

/** The signature, then the envelope: a v2.0 event signed with the Encrypt Key, or an old-format
 * card callback signed with the Verification Token (sha1, see crypto.ts). */
function verified(json: unknown, raw: string, headers: SignedHeaders, opts: WebhookOptions): Verified | { status: 400 | 401; reason: string } {
  const legacy = fromLegacyCard(json);
  const now = (opts.now ?? Date.now)();
  const signed = legacy
    ? verifySignature(headers, opts.verificationToken ?? '', raw, now, legacyCardSignatureOf)
    : verifySignature(headers, opts.encryptKey, raw, now);
  if (!signed.ok || (legacy && !opts.verificationToken)) return { status: 401, reason: signed.ok ? 'no verification token' : signed.reason };
  if (legacy) return { ...legacy, legacy: true };
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { status: 400, reason: 'not a v2.0 event' };
  return { ...envelope.data, legacy: false };
}

export function feishuRoutes(sink: InboundSink, opts: WebhookOptions): Hono {
  const app = new Hono();
  const tokenOk = (token: string | undefined) => !opts.verificationToken || token === opts.verificationToken;
  const refuse = (c: Context, reason: string) => {
    opts.log.warn({ platform: 'feishu', reason }, 'webhook refused');
    return c.json({ error: 'unauthorized' }, 401);
  };

  // Refused while reading (Content-Length, or counting the stream), never buffered whole.
  const limit = limitBodies();
  app.post('/webhooks/feishu', limit, async (c) => {
    const raw = await c.req.text();
    const body = open(raw, opts.encryptKey);
    if (!body.ok) return c.json({ error: 'not a Feishu event' }, 400);
    // The URL check carries no signature; answering it only proves we hold the keys.
    const challenge = urlVerificationSchema.safeParse(body.json);
    if (challenge.success) return tokenOk(challenge.data.token) ? c.json({ challenge: challenge.data.challenge }) : refuse(c, 'bad token');
    const checked = verified(body.json, raw, {
      timestamp: c.req.header('x-lark-request-timestamp'), nonce: c.req.header('x-lark-request-nonce'), signature: c.req.header('x-lark-signature'),
    }, opts);
    if ('status' in checked) return checked.status === 401 ? refuse(c, checked.reason) : c.json({ error: checked.reason }, 400);
    const { header, event, legacy } = checked;
    // An old-format callback's `token` is the card-update token, not the Verification Token.
    if (!legacy && !tokenOk(header.token)) return refuse(c, 'bad token');
    const foreign = foreignTo(header, opts, legacy);
    if (foreign) {
      opts.log.warn({ platform: 'feishu', reason: foreign, eventId: header.event_id }, 'webhook refused');
      return c.json({ error: 'not for this app' }, 403);
    }

    let decoded: Decoded;
    try {
      decoded = await opts.decode(header, event);
    } catch (err) {
      opts.log.error({ err, eventId: header.event_id }, 'feishu event could not be decoded now');
      return c.json({ error: 'try again later' }, 503);
    }
    if (decoded.kind === 'ignored') {
      opts.log.debug({ eventId: header.event_id, reason: decoded.reason }, 'feishu event ignored');
      return c.json({});
    }
    try {
      await sink.accept(decoded.event);
    } catch (err) {
      opts.log.error({ err, eventId: header.event_id }, 'inbound queue unavailable');
      return c.json({ error: 'queue unavailable' }, 503);
    }
    return c.json(ackFor(header.event_type, legacy));
  });
  return app;
}
