// Questions the bot asked and is waiting on ("create 宁德时代?", "which 华为?"), one per user,
// in Redis with an expiry. Buttons carry a token and an index; typing the number works too.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ActionPayload } from '../chat/index.js';

const TTL_SECONDS = 15 * 60;

export interface Pending {
  token: string;
  options: ActionPayload[];
  /** The option a plain "yes" picks: the one confirming button, if the question has one. */
  yes?: number;
}

export class PendingQuestions {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private key(tenantId: string, userId: string) {
    return `${this.prefix}:pending:${tenantId}:${userId}`;
  }

  async ask(tenantId: string, userId: string, options: ActionPayload[], yes?: number): Promise<string> {
    const token = randomUUID().slice(0, 8);
    await this.redis.set(this.key(tenantId, userId), JSON.stringify({ token, options, yes } satisfies Pending), 'EX', TTL_SECONDS);
    return token;
  }

  async peek(tenantId: string, userId: string): Promise<Pending | undefined> {
    const raw = await this.redis.get(this.key(tenantId, userId));
    return raw ? (JSON.parse(raw) as Pending) : undefined;
  }

  /** The chosen option, once: answering removes the question. `undefined` when expired/stale. */
  async take(tenantId: string, userId: string, token: string, index: number): Promise<ActionPayload | undefined> {
    const pending = await this.peek(tenantId, userId);
    if (!pending || pending.token !== token || !pending.options[index]) return undefined;
    await this.redis.del(this.key(tenantId, userId));
    return pending.options[index];
  }

  async clear(tenantId: string, userId: string): Promise<void> {
    await this.redis.del(this.key(tenantId, userId));
  }
}
