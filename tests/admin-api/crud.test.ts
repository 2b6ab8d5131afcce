// Round trips through the admin API, each checked in the database rather than by status alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantSettings } from '../../jobs/calendar.js';
import { adminApp } from './harness.js';

let h: Awaited<ReturnType<typeof adminApp>>;
beforeAll(async () => { h = await adminApp(); });

describe('tenants and settings', () => {
  it('creates, reads and updates a tenant', async () => {
    const created = await h.call('POST', '/tenants', { id: 'acme', name: 'Acme', timeZone: 'Europe/Berlin', locale: 'en' });
    expect(created.status).toBe(201);
    expect(await h.db.tenant.findUnique({ where: { id: 'acme' } })).toMatchObject({ name: 'Acme', timeZone: 'Europe/Berlin', locale: 'en' });
    expect((await h.call('POST', '/tenants', { id: 'acme', name: 'Again' })).status).toBe(409);
    const updated = await h.call('PATCH', '/tenants/acme', { name: 'Acme GmbH' });
    expect(updated.body.name).toBe('Acme GmbH');
    expect((await h.db.tenant.findUniqueOrThrow({ where: { id: 'acme' } })).name).toBe('Acme GmbH');
    expect((await h.call('GET', '/tenants/acme')).body).toMatchObject({ id: 'acme', name: 'Acme GmbH', locale: 'en' });
    expect((await h.call('GET', '/tenants/nope')).status).toBe(404);
  });

  it('stores settings under the keys jobs/calendar.ts reads, merging partial changes', async () => {
    const res = await h.call('PATCH', '/tenants/demo/settings', {
      quietHours: { start: '22:00', end: '07:30' }, weekends: true, staleDays: { negotiation: 3 }, callbackDays: { A: 15 }, digestTime: '17:30',
    });
    expect(res.status).toBe(200);
    const stored = (await h.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } })).settings;
    const read = tenantSettings(stored);
    expect(read.quietHours).toEqual({ start: '22:00', end: '07:30' });
    expect(read.weekends).toBe(true);
    expect(read.staleDays).toEqual({ lead: 14, qualified: 10, proposal: 7, negotiation: 3 });
    expect(read.callbackDays).toEqual({ A: 15, B: 90, C: 180 });
    await h.call('PATCH', '/tenants/demo/settings', { staleDays: { lead: 20 } });
    expect(tenantSettings((await h.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } })).settings).staleDays).toMatchObject({ lead: 20, negotiation: 3 });
    const got = await h.call('GET', '/tenants/demo/settings');
    expect(got.body).toMatchObject({ digestTime: '17:30', sendAt: '09:00', weekends: true });
  });

  it('rejects bad settings with 400 and zod issues, changing nothing', async () => {
    const before = (await h.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } })).settings;
    for (const bad of [{ quietHours: { start: '25:00', end: '08:00' } }, { staleDays: { lead: 0 } }, { weekends: 'yes' }, { unknownKnob: 1 }, { digestTime: '9:00' }]) {
      const res = await h.call('PATCH', '/tenants/demo/settings', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.issues.length).toBeGreaterThan(0);
    }
    expect((await h.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } })).settings).toEqual(before);
  });
});

describe('users', () => {
  it('lists, creates, updates and deletes users of a tenant', async () => {
    const list = await h.call('GET', '/tenants/demo/users');
    expect(list.body.map((u: { handle: string }) => u.handle)).toEqual(expect.arrayContaining(['rep1', 'rep2', 'manager', 'care', 'admin']));
    const team = await h.db.team.findFirstOrThrow({ where: { tenantId: 'demo' } });
    const created = await h.call('POST', '/tenants/demo/users', { handle: 'rep3', name: '赵六', teamId: team.id });
    expect(created.status).toBe(201);
    const row = await h.db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId: 'demo', handle: 'rep3' } } });
    expect(row).toMatchObject({ name: '赵六', role: 'rep', teamId: team.id, locale: 'zh' });
    expect((await h.call('POST', '/tenants/demo/users', { handle: 'rep3', name: 'dup' })).status).toBe(409);
    const byTeam = await h.call('GET', `/tenants/demo/users?teamId=${team.id}`);
    expect(byTeam.body.some((u: { handle: string }) => u.handle === 'rep3')).toBe(true);

    const updated = await h.call('PATCH', `/tenants/demo/users/${row.id}`, { role: 'manager', teamId: null, locale: 'en', timeZone: 'America/New_York' });
    expect(updated.status).toBe(200);
    expect(await h.db.user.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ role: 'manager', teamId: null, locale: 'en', timeZone: 'America/New_York' });

    expect((await h.call('DELETE', `/tenants/demo/users/${row.id}`)).status).toBe(200);
    expect(await h.db.user.findUnique({ where: { id: row.id } })).toBeNull();
    expect((await h.call('DELETE', `/tenants/demo/users/${row.id}`)).status).toBe(404);
  });

  it('refuses (409) to delete a user who still owns customers or deals, and deletes nothing', async () => {
    const rep1 = await h.db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId: 'demo', handle: 'rep1' } } });
    const owned = await h.db.customer.count({ where: { ownerId: rep1.id } });
    expect(owned).toBeGreaterThan(0);
    const res = await h.call('DELETE', `/tenants/demo/users/${rep1.id}`);
    expect(res.status).toBe(409);
    expect(res.body.issues[0].customers).toBe(owned);
    expect(await h.db.user.findUnique({ where: { id: rep1.id } })).not.toBeNull();
  });

  it('rejects a bad role, a bad time zone and a missing name with 400', async () => {
    const rep1 = await h.db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId: 'demo', handle: 'rep1' } } });
    for (const bad of [{ role: 'boss' }, { timeZone: 'Mars/Base' }, { locale: 'fr' }]) {
      expect((await h.call('PATCH', `/tenants/demo/users/${rep1.id}`, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await h.call('POST', '/tenants/demo/users', { handle: 'x1' })).status).toBe(400);
    expect(await h.db.user.findUniqueOrThrow({ where: { id: rep1.id } })).toMatchObject({ role: rep1.role, timeZone: rep1.timeZone, locale: rep1.locale });
  });
});

describe('teams', () => {
  it('creates a team (digest time defaulting to the tenant setting) and updates it', async () => {
    await h.call('POST', '/tenants', { id: 'teams-co', name: 'Teams Co', settings: { digestTime: '17:15' } });
    const boss = await h.call('POST', '/tenants/teams-co/users', { handle: 'boss', name: 'Boss', role: 'manager' });
    const created = await h.call('POST', '/tenants/teams-co/teams', { name: 'East', managerId: boss.body.id });
    expect(created.status).toBe(201);
    expect(await h.db.team.findUniqueOrThrow({ where: { id: created.body.id } })).toMatchObject({ name: 'East', managerId: boss.body.id, digestTime: '17:15', tenantId: 'teams-co' });

    const group = { platform: 'feishu', platformTenant: 'tk', conversationId: 'oc_1' };
    const updated = await h.call('PATCH', `/tenants/teams-co/teams/${created.body.id}`, { name: 'East 2', digestTime: '18:30', settings: { group } });
    expect(updated.status).toBe(200);
    expect(await h.db.team.findUniqueOrThrow({ where: { id: created.body.id } })).toMatchObject({ name: 'East 2', digestTime: '18:30', settings: { group } });
    const list = await h.call('GET', '/tenants/teams-co/teams');
    expect(list.body.map((t: { name: string }) => t.name)).toEqual(['East 2']);
  });

  it('rejects a bad digest time or group with 400, changing nothing', async () => {
    const team = await h.db.team.findFirstOrThrow({ where: { tenantId: 'demo' } });
    for (const bad of [{ digestTime: '24:00' }, { digestTime: '6pm' }, { settings: { group: { wecomRobot: 'not a url' } } }]) {
      expect((await h.call('PATCH', `/tenants/demo/teams/${team.id}`, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(await h.db.team.findUniqueOrThrow({ where: { id: team.id } })).toEqual(team);
  });
});

describe('targets', () => {
  it('upserts targets for a user and a team per period, and lists by period', async () => {
    const rep1 = await h.db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId: 'demo', handle: 'rep1' } } });
    const team = await h.db.team.findFirstOrThrow({ where: { tenantId: 'demo' } });
    for (const period of ['2031-05', '2031-Q2', '2031']) {
      expect((await h.call('PUT', '/tenants/demo/targets', { userId: rep1.id, period, amount: 1000 })).status).toBe(200);
    }
    await h.call('PUT', '/tenants/demo/targets', { userId: rep1.id, period: '2031-05', amount: 2500.5 });
    await h.call('PUT', '/tenants/demo/targets', { teamId: team.id, period: '2031-05', amount: 9000 });
    const rows = await h.db.target.findMany({ where: { tenantId: 'demo', period: '2031-05' } });
    expect(rows.map((r) => [r.userId, r.teamId, r.amount.toNumber()]).sort()).toEqual([[null, team.id, 9000], [rep1.id, null, 2500.5]].sort());
    const listed = await h.call('GET', '/tenants/demo/targets?period=2031-05');
    expect(listed.body).toHaveLength(2);
    expect(listed.body.find((t: { userId: string }) => t.userId === rep1.id).amount).toBe(2500.5);
  });

  it('keeps a stretch target beside the amount (issue #15), and leaves it when a PUT does not name it', async () => {
    const rep2 = await h.db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId: 'demo', handle: 'rep2' } } });
    const put = await h.call('PUT', '/tenants/demo/targets', { userId: rep2.id, period: '2032', amount: 1000, stretch: 1200 });
    expect(put.body).toMatchObject({ amount: 1000, stretch: 1200 });
    const again = await h.call('PUT', '/tenants/demo/targets', { userId: rep2.id, period: '2032', amount: 1100 });
    expect(again.body).toMatchObject({ amount: 1100, stretch: 1200 });
  });

  it('rejects a bad period, both or neither owner, and a negative amount with 400', async () => {
    const rep1 = await h.db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId: 'demo', handle: 'rep1' } } });
    const team = await h.db.team.findFirstOrThrow({ where: { tenantId: 'demo' } });
    const before = await h.db.target.count();
    for (const bad of [
      { userId: rep1.id, period: '2031-13', amount: 1 }, { userId: rep1.id, period: '2031-Q5', amount: 1 }, { userId: rep1.id, period: '31-05', amount: 1 },
      { userId: rep1.id, teamId: team.id, period: '2031', amount: 1 }, { period: '2031', amount: 1 }, { userId: rep1.id, period: '2031', amount: -5 },
    ]) {
      expect((await h.call('PUT', '/tenants/demo/targets', bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await h.call('GET', '/tenants/demo/targets?period=May')).status).toBe(400);
    expect(await h.db.target.count()).toBe(before);
  });
});
