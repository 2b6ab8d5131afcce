// GET /readyz (readiness, unlike /healthz's liveness): 200 only when Postgres and Redis answer
// AND every local migration is applied — a process started against an old schema takes no
// traffic. 503 names the reason. The migration check runs over the app's own Prisma client
// (same query as pendingMigrations in src/runtime/migrate.ts, which needs a URL the app lacks).
import { Hono } from 'hono';
import type { Redis } from 'ioredis';
import type { Db } from '../db.js';
import { localMigrations } from '../runtime/migrate.js';

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

const message = (r: PromiseSettledResult<unknown>) => (r.status === 'fulfilled' ? 'ok' : String((r.reason as Error)?.message ?? r.reason));

async function pending(db: Db): Promise<string[]> {
  const [table] = await db.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('_prisma_migrations')::text AS t`;
  if (!table?.t) return localMigrations();
  const applied = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((r) => r.migration_name));
  return localMigrations().filter((m) => !done.has(m));
}

// Longer than /healthz's 2 s: a cold pool on a busy host opens its first connection slowly, and a
// false "not ready" takes the instance out of rotation.
const DEADLINE_MS = 5000;

export function ready(deps: { db: Db; redis: Redis }): Hono {
  return new Hono().get('/readyz', async (c) => {
    const [pg, redis, migrations] = await Promise.allSettled([
      within(DEADLINE_MS, deps.db.$queryRaw`SELECT 1`),
      within(DEADLINE_MS, deps.redis.ping()),
      within(DEADLINE_MS, pending(deps.db)),
    ]);
    const missing = migrations.status === 'fulfilled' ? migrations.value : undefined;
    const checks = {
      postgres: message(pg),
      redis: message(redis),
      migrations: missing === undefined ? message(migrations) : missing.length ? `pending: ${missing.join(', ')}` : 'ok',
    };
    const ok = Object.values(checks).every((v) => v === 'ok');
    return c.json({ status: ok ? 'ready' : 'unavailable', ...checks }, ok ? 200 : 503);
  });
}
