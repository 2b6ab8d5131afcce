// The local web chat's JSON API, the first adapter on the neutral chat model:
//   POST /api/chat {"user", "text"} | {"user", "action": {"intent", "args"}} → {"replies": [...]}
//   GET  /api/chat/inbox?user=<handle> → {"replies": [...]} written by jobs meanwhile
// On in development; with NODE_ENV=production only when WEB_CHAT_TOKEN is set, and then every
// request carries it as a Bearer token.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { actionPayloadSchema, type InboundEvent } from '../../src/chat/index.js';
import { cardRefSchema } from '../../src/chat/schemas.js';
import { isDbTransient } from '../../src/db-errors.js';
import { outageLocale, outageText } from '../../src/delivery/db-down.js';
import type { Router } from '../../src/router/index.js';
import type { WebInbox } from './inbox.js';

const handle = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}_.-]+$/u, 'letters, digits, _ . - only');
const bodySchema = z.union([
  z.object({ user: handle, text: z.string().max(100_000), eventId: z.string().min(1).max(100).optional() }),
  // `source`: the page's id of the clicked card; the answer comes back with `replaces` naming it.
  z.object({ user: handle, action: actionPayloadSchema, source: cardRefSchema.optional(), eventId: z.string().min(1).max(100).optional() }),
]);

export interface WebChatOptions {
  router: Router;
  inbox: WebInbox;
  tenantId: string;
  /** undefined: no token needed (development); null: the API is off (production, no token). */
  token: string | undefined | null;
}

export function webChatApi(opts: WebChatOptions): Hono {
  const app = new Hono();
  app.use('/api/chat/*', guard(opts.token));
  app.use('/api/chat', guard(opts.token));

  app.post('/api/chat', async (c) => {
    const body = bodySchema.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) {
      return c.json({ error: 'expected {"user": "<handle>", "text": "..."} or {"user", "action": {"intent", "args"}}' }, 400);
    }
    const event = toEvent(opts.tenantId, body.data);
    try {
      const result = await opts.router.handle(event);
      return c.json({ replies: result.replies, ...(result.duplicate && { duplicate: true }) });
    } catch (err) {
      // Postgres down: nothing was saved, and the page cannot wait for it; say so in the user's language.
      if (!isDbTransient(err)) throw err;
      c.get('log')?.warn({ err: (err as Error).message }, 'web chat: Postgres unreachable');
      return c.json({ error: 'database_unavailable', replies: [{ text: outageText(outageLocale(event), 'outage.notSaved') }] }, 503, { 'retry-after': '10' });
    }
  });

  app.get('/api/chat/inbox', async (c) => {
    const user = handle.safeParse(c.req.query('user'));
    if (!user.success) return c.json({ error: 'expected ?user=<handle>' }, 400);
    return c.json({ replies: await opts.inbox.drain(opts.tenantId, user.data) });
  });
  return app;
}

type Body = z.infer<typeof bodySchema>;

function toEvent(tenantId: string, body: Body): InboundEvent {
  const base = {
    eventId: body.eventId ?? randomUUID(),
    at: new Date(),
    from: { platform: 'web' as const, platformTenant: tenantId, userId: body.user },
    address: { platform: 'web' as const, platformTenant: tenantId, conversationId: body.user, kind: 'direct' as const },
  };
  if ('text' in body) return { ...base, type: 'text', text: body.text };
  return { ...base, type: 'action', action: body.action, ...(body.source && { source: body.source }) };
}

function guard(token: string | undefined | null): MiddlewareHandler {
  return async (c, next) => {
    if (token === null) return c.json({ error: 'the web chat API is off; set WEB_CHAT_TOKEN to enable it' }, 404);
    if (token !== undefined && !sameSecret(c.req.header('authorization') ?? '', `Bearer ${token}`)) {
      return c.json({ error: 'missing or wrong token' }, 401);
    }
    await next();
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
