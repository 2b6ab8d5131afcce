// A path under /tenants/A never reads or changes tenant B's rows: B's ids answer 404 and
// nothing in B changes.
import { beforeAll, describe, expect, it } from 'vitest';
import { adminApp } from './harness.js';

let h: Awaited<ReturnType<typeof adminApp>>;
let other: { userId: string; teamId: string };
beforeAll(async () => {
  h = await adminApp();
  await h.call('POST', '/tenants', { id: 'other', name: 'Other Co' });
  const user = await h.call('POST', '/tenants/other/users', { handle: 'ob', name: 'Other Boss', role: 'manager' });
  const team = await h.call('POST', '/tenants/other/teams', { name: 'Other Team', managerId: user.body.id });
  other = { userId: user.body.id, teamId: team.body.id };
});

const snapshot = async () => ({
  users: await h.db.user.findMany({ where: { tenantId: 'other' }, orderBy: { id: 'asc' } }),
  teams: await h.db.team.findMany({ where: { tenantId: 'other' }, orderBy: { id: 'asc' } }),
  targets: await h.db.target.findMany({ where: { tenantId: 'other' } }),
  demoTargets: await h.db.target.count({ where: { tenantId: 'demo' } }),
});

describe('tenant scoping', () => {
  it('answers 404 to another tenant’s user and team ids, changing nothing', async () => {
    const before = await snapshot();
    expect(before.users).toHaveLength(1);
    const attempts: [string, string, unknown?][] = [
      ['PATCH', `/tenants/demo/users/${other.userId}`, { role: 'admin' }],
      ['DELETE', `/tenants/demo/users/${other.userId}`],
      ['PATCH', `/tenants/demo/teams/${other.teamId}`, { name: 'hijacked' }],
      ['POST', '/tenants/demo/users', { handle: 'spy', name: 'Spy', teamId: other.teamId }],
      ['POST', '/tenants/demo/teams', { name: 'Spy team', managerId: other.userId }],
      ['PUT', '/tenants/demo/targets', { userId: other.userId, period: '2030', amount: 1 }],
      ['PUT', '/tenants/demo/targets', { teamId: other.teamId, period: '2030', amount: 1 }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await h.call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const demoUser = await h.db.user.findFirstOrThrow({ where: { tenantId: 'demo', handle: 'rep1' } });
    expect((await h.call('PATCH', `/tenants/demo/users/${demoUser.id}`, { teamId: other.teamId })).status).toBe(404);
    expect((await h.call('PATCH', `/tenants/other/users/${demoUser.id}`, { role: 'admin' })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect(await h.db.user.findFirst({ where: { handle: 'spy' } })).toBeNull();
    expect(await h.db.user.findUniqueOrThrow({ where: { id: demoUser.id } })).toEqual(demoUser);
  });

  it('lists only the path tenant’s rows, and 404s an unknown tenant', async () => {
    const users = await h.call('GET', '/tenants/other/users');
    expect(users.body.map((u: { id: string }) => u.id)).toEqual([other.userId]);
    const teams = await h.call('GET', '/tenants/demo/teams');
    expect(teams.body.every((t: { tenantId: string }) => t.tenantId === 'demo')).toBe(true);
    expect(teams.body.some((t: { id: string }) => t.id === other.teamId)).toBe(false);
    for (const path of ['/tenants/ghost/users', '/tenants/ghost/teams', '/tenants/ghost/targets', '/tenants/ghost/settings']) {
      expect((await h.call('GET', path)).status, path).toBe(404);
    }
    expect((await h.call('POST', '/tenants/ghost/users', { handle: 'a', name: 'A' })).status).toBe(404);
    expect(await h.db.tenant.findUnique({ where: { id: 'ghost' } })).toBeNull();
  });
});
