// Queue names and payloads in one place. Inbound events and outbound messages go through BullMQ
// on the app's Redis: webhooks only verify, enqueue and acknowledge; workers do the rest.
import { Queue, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import { addressSchema, inboundEventSchema, replySchema, type Platform } from '../src/chat/index.js';

export const INBOUND = 'inbound';
export const outboundQueueName = (platform: Platform) => `outbound-${platform}`;

export const inboundPayloadSchema = z.object({
  event: inboundEventSchema,
  /** Times the worker found Postgres unreachable and put the event back (src/delivery/db-down.ts). */
  outageRetries: z.number().int().min(0).optional(),
  /** The router's result, kept when it was committed but its replies could not all be queued:
   * the retry queues them (same keys) instead of finding the event a duplicate and saying nothing. */
  handled: z.object({ replies: z.array(replySchema), tenantId: z.string(), userId: z.string() }).optional(),
});
export type InboundPayload = z.input<typeof inboundPayloadSchema>;

export const outboundPayloadSchema = z.object({
  /** The Delivery row's id: the same key is delivered once. */
  deliveryId: z.string().min(1),
  tenantId: z.string().min(1),
  userId: z.string().optional(),
  address: addressSchema,
  reply: replySchema,
  /** Reply under this platform message when the platform threads replies. */
  replyTo: z.string().optional(),
  /** No Delivery row, queueing or sending: for notices while Postgres is unreachable; the
   * BullMQ job id is the only dedupe. */
  transient: z.boolean().optional(),
  /** Set on the job when the platform took the message but Postgres could not record it: the
   * retry records it without sending again. */
  sentAt: z.string().optional(),
});
export type OutboundPayload = z.infer<typeof outboundPayloadSchema>;

export interface QueueOptions {
  connection: ConnectionOptions;
  /** Redis key prefix for BullMQ (tests give each file its own). */
  prefix: string;
}

/** BullMQ job ids may not contain ':'; deterministic keys are made of parts joined by it. */
export const jobId = (key: string): string => key.replace(/:/g, '.');

export function inboundQueue(opts: QueueOptions): Queue<InboundPayload> {
  return new Queue(INBOUND, { connection: opts.connection, prefix: opts.prefix });
}

export function outboundQueue(platform: Platform, opts: QueueOptions): Queue<OutboundPayload> {
  return new Queue(outboundQueueName(platform), { connection: opts.connection, prefix: opts.prefix });
}
