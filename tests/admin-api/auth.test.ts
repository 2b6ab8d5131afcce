// The admin API is off without ADMIN_TOKEN, and answers 401 to a missing or wrong token.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { adminApp, TOKEN } from './harness.js';

describe('admin API authentication', () => {
  it('answers 404 everywhere when no ADMIN_TOKEN is configured', async () => {
    const { call } = await adminApp({});
    expect((await call('GET', '/tenants')).status).toBe(404);
    expect((await call('GET', '/openapi.json')).status).toBe(404);
  });

  it('answers 401 without a token, with a wrong one, or with a non-bearer scheme; 200 with the token', async () => {
    const { call } = await adminApp();
    expect((await call('GET', '/tenants', undefined, null)).status).toBe(401);
    expect((await call('GET', '/tenants', undefined, `Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await call('GET', '/tenants', undefined, 'Bearer ')).status).toBe(401);
    expect((await call('GET', '/tenants', undefined, `Basic ${TOKEN}`)).status).toBe(401);
    expect((await call('GET', '/openapi.json', undefined, null)).status).toBe(401);
    const ok = await call('GET', '/tenants');
    expect(ok.status).toBe(200);
    expect(ok.body.map((t: { id: string }) => t.id)).toEqual(['demo']);
  });

  it('is mounted by assemble() (what the entry points run) when given the token', async () => {
    const { db } = await testDb();
    const { redis, prefix } = testRedis();
    const product = assemble({ db, redis, log: createLogger('silent'), keyPrefix: prefix, tenantId: 'demo', webChatToken: null, adminToken: TOKEN });
    try {
      const res = await product.app.request('/api/admin/openapi.json', { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    } finally {
      await product.closeQueues();
    }
  });

  it('reads ADMIN_TOKEN from the environment, at least 16 characters', () => {
    expect(loadConfig({ ADMIN_TOKEN: TOKEN }).ADMIN_TOKEN).toBe(TOKEN);
    expect(loadConfig({}).ADMIN_TOKEN).toBeUndefined();
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN/);
  });
});
