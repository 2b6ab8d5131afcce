// Sending to chat: replies to an address, and notifications to a user wherever they last wrote
// from (the web chat's inbox when they never used a messenger). Every message has a key; the
// same key is delivered once (see deliver.ts).
import type { Queue } from 'bullmq';
import type { Address, Platform, Reply } from '../chat/index.js';
import type { Db } from '../db.js';
import { jobId, type OutboundPayload } from '../../jobs/queues.js';

export interface Recipient { tenantId: string; userId: string }

export interface Notifier {
  notify(to: Recipient, reply: Reply, opts: { key: string }): Promise<void>;
}

export class Outbox implements Notifier {
  constructor(
    private readonly db: Db,
    private readonly queueFor: (platform: Platform) => Queue<OutboundPayload>,
  ) {}

  /** `transient`: touch only Redis (no Delivery row), for notices sent while Postgres is down. */
  async send(input: { tenantId: string; userId?: string; address: Address; reply: Reply; key: string; replyTo?: string; transient?: boolean }): Promise<void> {
    const payload: OutboundPayload = {
      deliveryId: input.key, tenantId: input.tenantId, userId: input.userId,
      address: input.address, reply: input.reply, replyTo: input.replyTo,
      ...(input.transient && { transient: true }),
    };
    await this.queueFor(input.address.platform).add('send', payload, {
      jobId: jobId(input.key),
      attempts: 12,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  async notify(to: Recipient, reply: Reply, opts: { key: string }): Promise<void> {
    const address = await this.addressOf(to);
    await this.send({ tenantId: to.tenantId, userId: to.userId, address, reply, key: opts.key });
  }

  /** The conversation the user used last; the web chat (by handle) when there is none. */
  async addressOf(to: Recipient): Promise<Address> {
    const last = await this.db.chatAddress.findFirst({
      where: { tenantId: to.tenantId, userId: to.userId, kind: 'direct' },
      orderBy: { updatedAt: 'desc' },
    });
    if (last) {
      return {
        platform: last.platform as Platform, platformTenant: last.platformTenant, conversationId: last.conversationId,
        kind: 'direct', ...(last.threadId && { threadId: last.threadId }),
      };
    }
    const user = await this.db.user.findFirstOrThrow({ where: { id: to.userId, tenantId: to.tenantId }, select: { handle: true } });
    return { platform: 'web', platformTenant: to.tenantId, conversationId: user.handle, kind: 'direct' };
  }
}
