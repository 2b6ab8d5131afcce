// Sending to chat: replies to an address, and notifications to a user wherever they last wrote
// from (the web chat's inbox when they never used a messenger). Every message has a key; the
// same key is delivered once, and one chat's messages go out in the order they were queued
// here (see deliver.ts, turn.ts).
import type { Queue } from 'bullmq';
import type { Address, Platform, Reply } from '../chat/index.js';
import type { Db } from '../db.js';
import { addressesOf } from './addresses.js';
import { jobId, type OutboundPayload } from '../../jobs/queues.js';
import { conversationOf, type OutboundJobs } from './turn.js';

export interface Recipient { tenantId: string; userId: string }

export interface Notice { to: Recipient; reply: Reply; key: string }

export interface Notifier {
  notify(to: Recipient, reply: Reply, opts: { key: string }): Promise<void>;
  /** Many notices at once, queued in the given order (reminders falling due together). */
  notifyMany?(notices: Notice[]): Promise<void>;
}

/** Retries of a message that failed (not rate limits: those wait for the platform's Retry-After
 * without using an attempt). 12 attempts 1 s apart doubling: about 34 minutes in all. */
export interface RetryOptions { attempts: number; backoffMs: number }
export const RETRY_DEFAULTS: RetryOptions = { attempts: 12, backoffMs: 1000 };

/** A message for `send`: `key` is its Delivery row's id, delivered once. */
export interface SendInput { tenantId: string; userId?: string; address: Address; reply: Reply; key: string; replyTo?: string; transient?: boolean }

const payloadOf = (input: SendInput): OutboundPayload => ({
  deliveryId: input.key, tenantId: input.tenantId, userId: input.userId,
  address: input.address, reply: input.reply, replyTo: input.replyTo,
  ...(input.transient && { transient: true }),
});

export class Outbox implements Notifier {
  constructor(
    private readonly db: Db,
    private readonly queueFor: (platform: Platform) => Queue<OutboundPayload>,
    private readonly retry: RetryOptions = RETRY_DEFAULTS,
  ) {}

  /** `transient`: touch only Redis (no Delivery row), for notices sent while Postgres is down. */
  async send(input: SendInput): Promise<void> {
    const payload = payloadOf(input);
    // The row is made here, not when the worker gets to it: its sequence number is the chat's
    // queue order. The same key queued twice keeps its first place.
    if (!input.transient) await this.recordQueued([payload]);
    await this.queueFor(input.address.platform).add('send', payload, this.jobOptions(input.key));
  }

  /** `send` for many messages (a round of the inbound worker's replies, #16): their Delivery rows
   * in one INSERT, queued in the given order, and one bulk add per platform queue. */
  async sendMany(inputs: SendInput[]): Promise<void> {
    const payloads = inputs.map(payloadOf);
    const stored = payloads.filter((p) => !p.transient);
    if (stored.length) await this.recordQueued(stored);
    await this.queueAll(payloads);
  }

  private async queueAll(payloads: OutboundPayload[]): Promise<void> {
    const byPlatform = new Map<Platform, OutboundPayload[]>();
    for (const p of payloads) byPlatform.set(p.address.platform, [...(byPlatform.get(p.address.platform) ?? []), p]);
    for (const [platform, list] of byPlatform) {
      await this.queueFor(platform).addBulk(list.map((p) => ({ name: 'send', data: p, opts: this.jobOptions(p.deliveryId) })));
    }
  }

  private jobOptions(key: string) {
    return {
      jobId: jobId(key),
      attempts: this.retry.attempts,
      backoff: { type: 'exponential', delay: this.retry.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    };
  }

  /**
   * `notify` for many notices with a fixed number of round trips: the addresses in one query, the
   * Delivery rows in one INSERT (their sequence numbers in the given order, so each chat keeps
   * it), and one bulk add per platform queue. 1,000 reminders due in one second are handed over
   * in one go instead of 1,000 times three queries (issue #6).
   */
  async notifyMany(notices: Notice[]): Promise<void> {
    if (!notices.length) return;
    const addresses = await addressesOf(this.db, notices.map((n) => n.to));
    const payloads = notices.map((n): OutboundPayload => ({
      deliveryId: n.key, tenantId: n.to.tenantId, userId: n.to.userId, reply: n.reply,
      address: addresses.get(`${n.to.tenantId}\u0000${n.to.userId}`)!,
    }));
    await this.recordQueued(payloads);
    await this.queueAll(payloads);
  }

  /** The messages' Delivery rows, in one INSERT (raw: this runs for every reply). Their sequence
   * numbers follow the given order; a key queued again keeps its first place. */
  private async recordQueued(payloads: OutboundPayload[]): Promise<void> {
    await this.db.$executeRaw`
      INSERT INTO "Delivery" ("id", "tenantId", "userId", "platform", "conversation")
      SELECT id, tenant, "user", platform, conversation
        FROM unnest(${payloads.map((p) => p.deliveryId)}::text[], ${payloads.map((p) => p.tenantId)}::text[],
          ${payloads.map((p) => p.userId ?? null)}::text[], ${payloads.map((p) => p.address.platform)}::text[],
          ${payloads.map((p) => conversationOf(p.address))}::text[]) WITH ORDINALITY AS t(id, tenant, "user", platform, conversation, ord)
       ORDER BY ord
      ON CONFLICT ("id") DO NOTHING`;
  }

  /** The outbound queue of one platform, as deliver() asks about it. */
  jobsOf(platform: Platform): OutboundJobs {
    const queue = this.queueFor(platform);
    return {
      state: (key) => queue.getJobState(jobId(key)),
      promote: async (key) => {
        const job = await queue.getJob(jobId(key));
        // Only a delayed job can be promoted; any other state is already on its way.
        if (job && (await job.isDelayed())) await job.promote().catch(() => undefined);
      },
    };
  }

  async notify(to: Recipient, reply: Reply, opts: { key: string }): Promise<void> {
    const address = await this.addressOf(to);
    await this.send({ tenantId: to.tenantId, userId: to.userId, address, reply, key: opts.key });
  }

  /** The conversation the user used last; the web chat (by handle) when there is none. */
  async addressOf(to: Recipient): Promise<Address> {
    return (await addressesOf(this.db, [to])).values().next().value!;
  }
}
