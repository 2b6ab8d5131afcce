// GET /healthz: 200 when Postgres and Redis both answer (within 2 s), 503 naming what is down.
import { Hono } from 'hono';
import type { Redis } from 'ioredis';
import type { Db } from '../db.js';

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

export function health(deps: { db: Db; redis: Redis }): Hono {
  return new Hono().get('/healthz', async (c) => {
    const checks = await Promise.allSettled([
      within(2000, deps.db.$queryRaw`SELECT 1`),
      within(2000, deps.redis.ping()),
    ]);
    const [postgres, redis] = checks.map((r) => (r.status === 'fulfilled' ? 'ok' : String((r.reason as Error).message ?? r.reason)));
    const ok = postgres === 'ok' && redis === 'ok';
    return c.json({ status: ok ? 'ok' : 'unavailable', postgres, redis }, ok ? 200 : 503);
  });
}
