// POST /webhooks/feishu: events and card callbacks. Verify (signature over the raw body, fresh
// timestamp, verification token) → decrypt → decode → queue → acknowledge, well inside Feishu's
// 3 s. A queue that cannot take the event answers 503 so Feishu delivers it again later.
// Documents: "Event subscription: request URL configuration", "Card callback communication".
import { Hono, type Context } from 'hono';
import type { Logger } from 'pino';
import type { InboundSink } from '../../src/delivery/inbound.js';
import { limitBodies } from '../../src/http/body-limit.js';
import { decrypt, verifySignature } from './crypto.js';
import type { Decoded } from './inbound.js';
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

/** A card click is answered with a toast; the real answer arrives as a new message from the queue. */
export const ackFor = (eventType: string): object =>
  eventType === 'card.action.trigger' ? { toast: { type: 'info', content: '处理中…' } } : {};

function open(raw: string, encryptKey: string): { ok: true; json: unknown } | { ok: false } {
  try {
    const outer: unknown = JSON.parse(raw);
    const sealed = encryptedSchema.safeParse(outer);
    return { ok: true, json: sealed.success ? JSON.parse(decrypt(sealed.data.encrypt, encryptKey)) : outer };
  } catch {
    return { ok: false };
  }
}

/** Why a verified event is not this app's (another app id or tenant), or undefined. */
function foreignTo(header: EventHeader, opts: Pick<WebhookOptions, 'appId' | 'tenantKey'>): string | undefined {
  if (opts.appId && header.app_id !== opts.appId) return `app_id ${header.app_id ?? '(none)'}`;
  if (opts.tenantKey && header.tenant_key !== opts.tenantKey) return `tenant_key ${header.tenant_key}`;
  return undefined;
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
    const signed = verifySignature({
      timestamp: c.req.header('x-lark-request-timestamp'), nonce: c.req.header('x-lark-request-nonce'), signature: c.req.header('x-lark-signature'),
    }, opts.encryptKey, raw, (opts.now ?? Date.now)());
    if (!signed.ok) return refuse(c, signed.reason);
    const envelope = envelopeSchema.safeParse(body.json);
    if (!envelope.success) return c.json({ error: 'not a v2.0 event' }, 400);
    const { header, event } = envelope.data;
    if (!tokenOk(header.token)) return refuse(c, 'bad token');
    const foreign = foreignTo(header, opts);
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
    return c.json(ackFor(header.event_type));
  });
  return app;
}
