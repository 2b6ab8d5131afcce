// The same-run references for the reminders bench, on bare BullMQ over the same Redis:
//  - memory: N delayed jobs shaped like the product's reminder jobs (payload, id, options),
//    measured and extrapolated to 1M — what holding every pending reminder in Redis would cost;
//  - lateness: 1,000 delayed jobs due in the same second run by a no-op worker at the product's
//    concurrency — the queue's own lateness, below which the product cannot go.
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { deleteUnder, memoryUnder } from './redis-keys.js';

const jobOptions = (id: string, delay: number) => ({
  jobId: `reminder.c${id}0000000000000000000.2026-12-01T09.00.00.000Z`, delay,
  attempts: 5, backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 },
});

/** Bytes per delayed job, from `n` of them. */
export async function bytesPerDelayedJob(redis: Redis, prefix: string, n = 10_000): Promise<number> {
  const queue = new Queue('reminders', { connection: redis, prefix });
  try {
    for (let i = 0; i < n; i += 1000) {
      await queue.addBulk(Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({
        name: 'fire',
        data: { reminderId: `c${i + k}0000000000000000000`, dueAt: new Date(Date.now() + 86_400_000).toISOString() },
        opts: jobOptions(String(i + k), 86_400_000 + (i + k) * 1000),
      })));
    }
    return (await memoryUnder(redis, `${prefix}:`)).bytes / n;
  } finally {
    await queue.close();
    await deleteUnder(redis, `${prefix}:`);
  }
}

/** Milliseconds late (completion − due) of `n` delayed jobs due in the same second, no-op work. */
export async function bareQueueLateness(redis: Redis, prefix: string, n = 1000, concurrency = 4): Promise<number[]> {
  const queue = new Queue('lateness', { connection: redis, prefix });
  const due = Math.ceil(Date.now() / 1000) * 1000 + 3000;
  const late: number[] = [];
  let done!: () => void;
  const all = new Promise<void>((resolve) => { done = resolve; });
  const worker = new Worker('lateness', async () => {
    late.push(Date.now() - due);
    if (late.length === n) done();
  }, { connection: redis, prefix, concurrency });
  try {
    await queue.addBulk(Array.from({ length: n }, (_, i) => ({ name: 'fire', data: { i }, opts: { jobId: `j${i}`, delay: due - Date.now() } })));
    await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error(`bare queue: ${late.length}/${n} jobs after 60 s`)), 63_000).unref())]);
    return late;
  } finally {
    await worker.close();
    await queue.close();
    await deleteUnder(redis, `${prefix}:`);
  }
}
