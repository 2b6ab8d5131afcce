// One request-size limit for every POST the app takes (web chat, admin API, webhooks): a body
// over MAX_BODY_BYTES is answered 413 before it is read whole. Hono's bodyLimit refuses at once
// on a Content-Length above the limit, and otherwise counts the stream as it reads and stops at
// the limit — a 5 MB chunked body costs at most 1 MB of memory.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** No chat message, card click or admin body comes near this; Feishu's own events are < 100 KB. */
export const MAX_BODY_BYTES = 1_000_000;

export function limitBodies(maxSize: number = MAX_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({ maxSize, onError: (c) => c.json({ error: 'body too large' }, 413) });
}
