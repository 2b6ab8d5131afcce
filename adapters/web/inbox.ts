// Messages for web-chat users written while their page was closed (reminders, digests): kept
// in Redis until the page fetches them.
import type { Redis } from 'ioredis';
import type { Reply } from '../../src/chat/index.js';

const KEEP = 200;
const TTL_SECONDS = 30 * 24 * 3600;

const PUSH_ONCE = `
if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[3]) == false then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;

export class WebInbox {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private key(tenantId: string, handle: string) {
    return `${this.prefix}:inbox:${tenantId}:${handle}`;
  }

  /**
   * Adds a message once per `deliveryKey`: the marker and the message are written in one Lua
   * call, so a retried delivery can never show the same message twice.
   */
  async push(tenantId: string, handle: string, reply: Reply, deliveryKey: string): Promise<boolean> {
    const added = await this.redis.eval(PUSH_ONCE, 2, this.key(tenantId, handle), `${this.prefix}:inbox-sent:${deliveryKey}`,
      JSON.stringify(reply), KEEP, TTL_SECONDS);
    return added === 1;
  }

  /** Everything waiting, oldest first, removed atomically (two tabs never both get one). */
  async drain(tenantId: string, handle: string): Promise<Reply[]> {
    const key = this.key(tenantId, handle);
    const [[, items]] = (await this.redis.multi().lrange(key, 0, -1).del(key).exec()) as [[Error | null, string[]], unknown];
    return items.map((s) => JSON.parse(s) as Reply);
  }
}
