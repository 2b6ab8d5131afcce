// The whole app with the admin API on, over the test file's own seeded database and Redis
// prefix; `call` sends JSON with the admin token (or another Authorization header).
import { seedDemo } from '../../prisma/seed.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/log.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';

export const TOKEN = 'admin-token-for-tests-0123456789';

export async function adminApp(opts: { adminToken?: string } = { adminToken: TOKEN }) {
  const { db } = await testDb();
  const { redis, prefix } = testRedis();
  await seedDemo(db);
  const { app } = createApp({ db, redis, log: createLogger('silent'), keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined, adminToken: opts.adminToken });
  async function call(method: string, path: string, body?: unknown, auth: string | null = `Bearer ${TOKEN}`) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth !== null) headers.authorization = auth;
    const res = await app.request(`/api/admin${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  }
  return { app, db, call };
}
