// Questions the bot asked and is waiting on ("create 宁德时代?", "which 华为?"), one per user,
// in Redis with an expiry. Buttons carry a token and an index; typing the number works too.
// The same record remembers what else the last reply waits for (`awaits`, issue #11): a time,
// how a done follow-up went, or the query a "比亚迪呢" repeats.
// Redis is outside the message's transaction: `forMessage()` notes how the question stood before
// the message first changed it, and `rollback()` puts it back when the message fails (#12).
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
  /** The buttons' labels, in the options' order: typing one (or the name in its 「」) picks it. */
  labels?: string[];
  awaits?: Awaiting;
}

/** A question as stored before a message changed it: its JSON (null: none) and remaining life. */
interface Before { raw: string | null; ttlMs: number }

// Deletes the question only if it is still the one read: two clicks at once cannot both take it.
const TAKE_SCRIPT = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

export class PendingQuestions {
  /** What this message last wrote to each key: a try (forTry) notes it as its "before" without asking Redis. */
  private readonly written = new Map<string, Before>();

  /** `journal`: set for one message (forMessage); every key it changes, as it was before.
   * `read`: the message's question as already read with the actor (#16), for its first peek. */
  constructor(
    private readonly redis: Redis, private readonly prefix: string,
    private readonly journal?: Map<string, Promise<Before>>, private read?: { key: string; raw: string | null },
    private readonly parent?: PendingQuestions,
  ) {}

  /** The user's question's key (read with the actor's version, src/router/actors.ts). */
  key(tenantId: string, userId: string) {
    return `${this.prefix}:pending:${tenantId}:${userId}`;
  }

  /** The same questions for one message, which can undo what that message did to them; `read`:
   * the question as read at the start of the message (one Redis round trip less). */
  forMessage(read?: { key: string; raw: string | null }): PendingQuestions {
    return new PendingQuestions(this.redis, this.prefix, new Map(), read);
  }

  /** The message's questions for one try of its transaction: `rollback()` puts back only what
   * the try changed (the message goes on and tries again); what the try changed first is the
   * message's too, for the message's own rollback. */
  forTry(): PendingQuestions {
    return new PendingQuestions(this.redis, this.prefix, new Map(), undefined, this);
  }

  /** Puts back every question this message changed, as it was (the message failed). */
  async rollback(): Promise<void> {
    for (const [key, before] of this.journal ?? []) {
      const was = await before;
      await (was.raw === null || was.ttlMs <= 0 ? this.redis.del(key) : this.redis.set(key, was.raw, 'PX', was.ttlMs));
      // A try's rollback: the message's record of the key is what is there again, so a next
      // try's "before" is that, not what this try wrote.
      this.parent?.written.set(key, was);
    }
    this.journal?.clear();
  }

  /** Called before every write: the first write of a message notes the question as it was. */
  private async changing(key: string): Promise<void> {
    if (!this.journal || this.journal.has(key)) return;
    const known = this.parent?.written.get(key);
    const before = known ? Promise.resolve(known) : this.redis.multi().get(key).pttl(key).exec()
      .then((r) => ({ raw: (r?.[0]?.[1] as string | null) ?? null, ttlMs: Number(r?.[1]?.[1] ?? -1) }));
    this.journal.set(key, before);
    if (this.parent?.journal && !this.parent.journal.has(key)) this.parent.journal.set(key, before);
    await before;
  }

  async ask(tenantId: string, userId: string, options: ActionPayload[], extra: Omit<Pending, 'token' | 'options'> = {}): Promise<string> {
    const token = randomUUID().slice(0, 8);
    const key = this.key(tenantId, userId);
    await this.changing(key);
    const raw = JSON.stringify({ token, options, ...extra } satisfies Pending);
    await this.redis.set(key, raw, 'EX', TTL_SECONDS);
    this.wrote(key, raw);
    return token;
  }

  /** Only something to wait for, no buttons. */
  expect(tenantId: string, userId: string, awaits: Awaiting): Promise<string> {
    return this.ask(tenantId, userId, [], { awaits });
  }

  async peek(tenantId: string, userId: string): Promise<Pending | undefined> {
    const key = this.key(tenantId, userId);
    // What was read at the start, once and only while this message has changed nothing.
    const known = this.read?.key === key && !this.journal?.size ? this.read : undefined;
    this.read = undefined;
    const raw = known ? known.raw : await this.redis.get(key);
    return raw ? (JSON.parse(raw) as Pending) : undefined;
  }

  /** The chosen option, once: answering removes the question. `undefined` when expired/stale. */
  async take(tenantId: string, userId: string, token: string, index: number): Promise<ActionPayload | undefined> {
    const key = this.key(tenantId, userId);
    const raw = await this.redis.get(key);
    const pending = raw ? (JSON.parse(raw) as Pending) : undefined;
    if (!raw || !pending || pending.token !== token || !pending.options[index]) return undefined;
    await this.changing(key);
    if ((await this.redis.eval(TAKE_SCRIPT, 1, key, raw)) !== 1) return undefined;
    this.wrote(key, null);
    return pending.options[index];
  }

  /** The same question (token, buttons, remaining life) with new options. */
  async revise(tenantId: string, userId: string, question: Pending): Promise<void> {
    const key = this.key(tenantId, userId);
    await this.changing(key);
    const raw = JSON.stringify(question);
    await this.redis.set(key, raw, 'KEEPTTL');
    this.wrote(key, raw);
  }

  async clear(tenantId: string, userId: string): Promise<void> {
    const key = this.key(tenantId, userId);
    await this.changing(key);
    await this.redis.del(key);
    this.wrote(key, null);
  }

  private wrote(key: string, raw: string | null) {
    (this.parent ?? this).written.set(key, { raw, ttlMs: raw === null ? 0 : TTL_SECONDS * 1000 });
  }
}
