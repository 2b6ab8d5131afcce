// Each test file gets its own key prefix on the shared test Redis.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, inject } from 'vitest';

export function testRedis(): { redis: Redis; url: string; prefix: string } {
  const url = inject('redisUrl');
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });
  return { redis, url, prefix };
}
