// The benches' Redis keys live under their own prefix on the shared Redis: measured and removed
// by SCAN over that prefix, never by FLUSHDB.
import type { Redis } from 'ioredis';

async function* keysUnder(redis: Redis, prefix: string): AsyncGenerator<string[]> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) yield keys;
  } while (cursor !== '0');
}

/** Bytes Redis holds for the keys under `prefix` (MEMORY USAGE, every value sampled) and how many. */
export async function memoryUnder(redis: Redis, prefix: string): Promise<{ bytes: number; keys: number }> {
  let bytes = 0, keys = 0;
  for await (const batch of keysUnder(redis, prefix)) {
    const pipe = redis.pipeline();
    for (const k of batch) pipe.memory('USAGE', k, 'SAMPLES', 0);
    for (const [, v] of (await pipe.exec()) ?? []) bytes += Number(v ?? 0);
    keys += batch.length;
  }
  return { bytes, keys };
}

/** Deletes every key under `prefix`; returns how many. */
export async function deleteUnder(redis: Redis, prefix: string): Promise<number> {
  let n = 0;
  for await (const batch of keysUnder(redis, prefix)) n += await redis.unlink(...batch);
  return n;
}

/** INFO memory's used_memory: the whole server (other users of the Redis included). */
export async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

export const MB = 1024 * 1024;
