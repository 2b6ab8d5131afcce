// GET /readyz: ready only when Postgres and Redis answer and every migration is applied; the
// 503 names what is wrong. And every response carries an x-request-id.
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/log.js';
import { freePort } from '../../src/runtime/free-port.js';
import { localMigrations } from '../../src/runtime/migrate.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';

const log = createLogger('silent');
const appOver = (db: Awaited<ReturnType<typeof testDb>>['db'], redis: Redis, keyPrefix: string) =>
  createApp({ db, redis, log, keyPrefix, tenantId: 'demo', webChatToken: undefined }).app;

describe('/readyz', () => {
  it('answers 200 on a migrated database with Redis up', async () => {
    const { db } = await testDb();
    const { redis, prefix } = testRedis();
    await db.$queryRaw`SELECT 1`; // the pool's first connection, outside the probe's deadline
    const res = await appOver(db, redis, prefix).request('/readyz');
    expect(await res.json()).toEqual({ status: 'ready', postgres: 'ok', redis: 'ok', migrations: 'ok' });
    expect(res.status).toBe(200);
  });

  it('answers 503 naming the migration whose row is missing', async () => {
    const { db } = await testDb();
    const { redis, prefix } = testRedis();
    const last = localMigrations().at(-1)!;
    await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${last}`;
    const res = await appOver(db, redis, prefix).request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', postgres: 'ok', redis: 'ok', migrations: `pending: ${last}` });
    // Liveness is not readiness: the process is alive.
    expect((await appOver(db, redis, prefix).request('/healthz')).status).toBe(200);
  });

  it('answers 503 naming Redis when Redis is unreachable', async () => {
    const { db } = await testDb();
    const down = new Redis({ port: await freePort(), lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    down.on('error', () => {});
    const res = await appOver(db, down, 'r').request('/readyz');
    expect(res.status).toBe(503);
    const body = (await res.json()) as Record<string, string>;
    expect(body).toMatchObject({ status: 'unavailable', postgres: 'ok', migrations: 'ok' });
    expect(body.redis).not.toBe('ok');
    down.disconnect();
  });
});

describe('x-request-id', () => {
  it('echoes an incoming id and makes one up otherwise', async () => {
    const { db } = await testDb();
    const { redis, prefix } = testRedis();
    const app = appOver(db, redis, prefix);
    const echoed = await app.request('/healthz', { headers: { 'x-request-id': 'req-42.abc' } });
    expect(echoed.headers.get('x-request-id')).toBe('req-42.abc');
    const made = await app.request('/healthz');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // Something that is not an id (header injection, a novel) is replaced, not echoed.
    const odd = await app.request('/healthz', { headers: { 'x-request-id': 'a b<script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
