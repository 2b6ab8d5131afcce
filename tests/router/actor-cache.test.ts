// Who is writing is cached per process (#16, src/router/actors.ts), yet a role or team change
// counts from the very next message: one app (process) chats, a second one over the same
// Postgres and Redis changes people by chat, undo and the admin API.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/log.js';
import { testApp } from '../support/app.js';

const TOKEN = 'test-admin-token';
const REFUSED = '只有经理';

describe('the cached actor', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let other: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await testApp();
    other = createApp({ db: t.db, redis: t.redis, log: createLogger('silent'), keyPrefix: t.prefix, tenantId: 'demo', webChatToken: undefined, adminToken: TOKEN });
  });
  const teamKpi = async () => (await t.say('rep2', '团队本月业绩')).replies[0]!.text;
  const otherSays = async (user: string, text: string) => {
    const res = await other.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, text, eventId: crypto.randomUUID() }) });
    return ((await res.json()) as { replies: { text: string }[] }).replies[0]!.text;
  };

  it('sees a role set by chat in another process, and its undo, at the next message', async () => {
    expect(await teamKpi()).toContain(REFUSED);
    expect(await teamKpi()).toContain(REFUSED); // now answered from the cache
    expect(await otherSays('admin', '/角色 李娜 经理')).toBe('已把 李娜 设为经理');
    expect(await teamKpi()).not.toContain(REFUSED);
    expect(await otherSays('admin', '/撤销')).toContain('已撤销');
    expect(await teamKpi()).toContain(REFUSED);
  });

  it('sees a role set through the admin API at the next message', async () => {
    expect(await teamKpi()).toContain(REFUSED);
    const res = await other.app.request(`/api/admin/tenants/demo/users/${await t.userId('rep2')}`, {
      method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ role: 'manager' }),
    });
    expect(res.status).toBe(200);
    expect(await teamKpi()).not.toContain(REFUSED);
  });
});
