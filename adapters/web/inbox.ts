// Messages for web-chat users written while their page was closed (reminders, digests): kept
// in Redis until the page fetches them.
import type { Redis } from 'ioredis';
import type { Reply } from '../../src/chat/index.js';

const KEEP = 200;
const TTL_SECONDS = 30 * 24 * 3600;

export class WebInbox {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private key(tenantId: string, handle: string) {
    return `${this.prefix}:inbox:${tenantId}:${handle}`;
  }

  async push(tenantId: string, handle: string, reply: Reply): Promise<void> {
    const key = this.key(tenantId, handle);
    await this.redis.multi().rpush(key, JSON.stringify(reply)).ltrim(key, -KEEP, -1).expire(key, TTL_SECONDS).exec();
  }

  /** Everything waiting, oldest first, removed atomically (two tabs never both get one). */
  async drain(tenantId: string, handle: string): Promise<Reply[]> {
    const key = this.key(tenantId, handle);
    const [[, items]] = (await this.redis.multi().lrange(key, 0, -1).del(key).exec()) as [[Error | null, string[]], unknown];
    return items.map((s) => JSON.parse(s) as Reply);
  }
}
