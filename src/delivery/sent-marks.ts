// "The platform took this message", recorded in Redis right after each send of a round (issue
// #16): should the worker die before the round marks its rows sent, the job's next try finds the
// mark and records the row without sending again. A small key per message instead of rewriting
// the job's whole payload (BullMQ `updateData`), ~0.2 ms of CPU per message less; only a job
// that has run before reads it back (one MGET per round).
import type { Redis } from 'ioredis';

/** As long as a failed message's job is kept (outbox.ts: removeOnFail). */
const KEEP_SECONDS = 7 * 24 * 3600;

export class SentMarks {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private key(deliveryId: string) {
    return `${this.prefix}:delivery-sent:${deliveryId}`;
  }

  async record(deliveryId: string, at: Date): Promise<void> {
    await this.redis.set(this.key(deliveryId), at.toISOString(), 'EX', KEEP_SECONDS);
  }

  /** When each of these messages was taken by the platform, for those that were. */
  async of(deliveryIds: string[]): Promise<Map<string, string>> {
    if (!deliveryIds.length) return new Map();
    const found = await this.redis.mget(deliveryIds.map((id) => this.key(id)));
    return new Map(deliveryIds.flatMap((id, i) => (found[i] ? [[id, found[i]!] as [string, string]] : [])));
  }
}
