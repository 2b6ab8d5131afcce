// Request ids: every request gets an `x-request-id` (an incoming one is kept, so a proxy's id
// carries through) and a child logger bound to it. A webhook's queued event is logged with both
// the request id and the event key; from there the router, the workers and the deliveries log
// the event key (the delivery id starts with it), so one grep follows a message to its reply.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { eventKey, type InboundSink } from '../delivery/inbound.js';

declare module 'hono' {
  interface ContextVariableMap { log: Logger; requestId: string }
}

const VALID = /^[\w\-=.]{1,200}$/;
const current = new AsyncLocalStorage<Logger>();

export function requestIds(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming && VALID.test(incoming) ? incoming : randomUUID();
    const child = log.child({ requestId: id });
    c.set('requestId', id);
    c.set('log', child);
    c.header('x-request-id', id);
    await current.run(child, next);
  };
}

/** The sink, logging each accepted event's key under the request's logger. */
export function loggingSink(sink: InboundSink, fallback: Logger): InboundSink {
  return {
    async accept(event) {
      await sink.accept(event);
      (current.getStore() ?? fallback).info({ eventKey: eventKey(event) }, 'event queued');
    },
  };
}
