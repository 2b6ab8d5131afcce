// What every messenger adapter implements. An adapter translates: platform event → neutral
// InboundEvent (its webhook routes), neutral Reply → platform message (send). It never decides
// business logic.
import type { Hono } from 'hono';
import type { Address, Platform, Reply, TextMessage } from '../src/chat/index.js';
import type { InboundSink } from '../src/delivery/inbound.js';

export interface SendOptions {
  /** Stable per message: platforms that dedupe sends (Feishu `uuid`) get it, so a retry after a crash is not doubled. */
  idempotencyKey: string;
  /** Platform message id to reply under (threads, Feishu reply). */
  replyTo?: string;
}

export interface Adapter {
  readonly platform: Platform;
  /** Sends one reply, rendered natively; throws PlatformError for what the platform refused. */
  send(address: Address, reply: Reply, opts: SendOptions): Promise<void>;
  /** Webhook routes (verify signature → decrypt → decode → sink → acknowledge). */
  routes?(sink: InboundSink): Hono;
  /** Long connections (Feishu WSClient, Slack Socket Mode, Wechaty), started by the worker. */
  start?(sink: InboundSink): Promise<void>;
  stop?(): Promise<void>;
  /** Sends per second this app may make (the outbound worker's limiter). */
  readonly ratePerSecond?: number;
  /** The words of a voice message (`event.audio`), where the platform turns speech into text for
   * the app; undefined when it cannot (not enabled, refused, too long): the user is asked to type.
   * Runs on the worker, after the acknowledgement; never throws. */
  transcribe?(event: TextMessage): Promise<string | undefined>;
}

export type PlatformErrorKind = 'rate_limited' | 'target_gone' | 'permission_denied' | 'invalid_request' | 'transient';

/** A platform refused or failed a call, classified so the worker knows what to do next. */
export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  /** Retrying fixes rate limits and transient failures, never a gone or forbidden target. */
  isRetryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'transient';
  }
}
