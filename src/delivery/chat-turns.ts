// One chat's messages are handled one at a time. The inbound worker runs eight events at once;
// without this, "拜访了华为的张总" and "/撤销" typed a moment apart could run side by side and the
// undo find nothing yet. While a chat is busy its next event steps back (BullMQ moveToDelayed,
// no attempt used) for a moment: the events of one chat are taken in the order they were queued.
import { DelayedError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Address } from '../chat/index.js';
import { conversationOf } from './turn.js';

/** Longer than any message takes; only a crashed worker's hold ever runs out. */
const HOLD_MS = 60_000;
const RETRY_MS = 50;
// Deletes the hold only if it is still ours (it may have run out and been taken by another).
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

export class ChatTurns {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private key(address: Address): string {
    return `${this.prefix}:chat-busy:${conversationOf(address)}`;
  }

  /** Runs `work` while holding the chat; when another event holds it, this job waits (throws DelayedError). */
  async run<T>(address: Address, job: Pick<Job, 'id' | 'moveToDelayed'>, token: string | undefined, work: () => Promise<T>): Promise<T> {
    const owner = `${job.id}`;
    const got = await this.redis.set(this.key(address), owner, 'PX', HOLD_MS, 'NX');
    if (got !== 'OK') {
      if (!token) return work(); // called outside a worker (tests): nothing to step back in
      await job.moveToDelayed(Date.now() + RETRY_MS, token);
      throw new DelayedError('chat busy');
    }
    try {
      return await work();
    } finally {
      await this.redis.eval(RELEASE, 1, this.key(address), owner).catch(() => undefined);
    }
  }
}
