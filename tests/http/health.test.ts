// GET /healthz: 200 when Postgres and Redis answer; 503 naming what is down.
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/log.js';
import { freePort } from '../../src/runtime/free-port.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';

const log = createLogger('silent');

describe('/healthz', () => {
  it('answers 200 when both services answer', async () => {
    const { db } = await testDb();
    const { redis, prefix } = testRedis();
    const { app } = createApp({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined });
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', postgres: 'ok', redis: 'ok' });
  });

  it('answers 503 naming Redis when Redis is unreachable', async () => {
    const { db } = await testDb();
    // Nothing listens on this port: every command fails fast instead of queueing.
    const down = new Redis({ port: await freePort(), lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    down.on('error', () => {});
    const { app } = createApp({ db, redis: down, log, keyPrefix: 'h', tenantId: 'demo', webChatToken: undefined });
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    const body = (await res.json()) as Record<string, string>;
    expect(body.postgres).toBe('ok');
    expect(body.status).toBe('unavailable');
    expect(body.redis).not.toBe('ok');
    down.disconnect();
  });
});
