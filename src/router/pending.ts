// Questions the bot asked and is waiting on ("create 宁德时代?", "which 华为?"), one per user,
// in Redis with an expiry. Buttons carry a token and an index; typing the number works too.
// The same record remembers what else the last reply waits for (`awaits`, issue #11): a time,
// how a done follow-up went, or the query a "比亚迪呢" repeats.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ActionPayload } from '../chat/index.js';
import type { Awaiting } from '../intents/index.js';

const TTL_SECONDS = 15 * 60;

export interface Pending {
  token: string;
  options: ActionPayload[];
  /** The option a plain "yes" picks: the one confirming button, if the question has one. */
  yes?: number;
  /** No Cancel button was shown (the options include their own "no"). */
  noCancel?: boolean;
  /** The option a plain "no" picks, when the question has one of its own. */
  no?: number;
  awaits?: Awaiting;
}

export class PendingQuestions {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private key(tenantId: string, userId: string) {
    return `${this.prefix}:pending:${tenantId}:${userId}`;
  }

  async ask(tenantId: string, userId: string, options: ActionPayload[], extra: Omit<Pending, 'token' | 'options'> = {}): Promise<string> {
    const token = randomUUID().slice(0, 8);
    await this.redis.set(this.key(tenantId, userId), JSON.stringify({ token, options, ...extra } satisfies Pending), 'EX', TTL_SECONDS);
    return token;
  }

  /** Only something to wait for, no buttons. */
  expect(tenantId: string, userId: string, awaits: Awaiting): Promise<string> {
    return this.ask(tenantId, userId, [], { awaits });
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
