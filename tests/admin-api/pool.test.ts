// The pool rules (公海, issue #14) through the admin API: defaults, a merging PATCH read back by
// the job's reader, strict validation, tenant scoping, and the OpenAPI document describing them.
import { beforeAll, describe, expect, it } from 'vitest';
import { poolRules } from '../../src/domain/pool-rules.js';
import { adminApp } from './harness.js';

let h: Awaited<ReturnType<typeof adminApp>>;
beforeAll(async () => {
  h = await adminApp();
});

const stored = async (id = 'demo') => (await h.db.tenant.findUniqueOrThrow({ where: { id } })).settings;

describe('GET/PATCH /tenants/{tenantId}/pool', () => {
  it('a new tenant has the pool off with the documented defaults; the demo has it on', async () => {
    expect((await h.call('POST', '/tenants', { id: 'pool-co', name: 'Pool Co' })).status).toBe(201);
    const res = await h.call('GET', '/tenants/pool-co/pool');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      enabled: false, days: { A: 30, B: 20, C: 15, untiered: null }, noWinDays: null, exemptNegotiation: true,
      dailyClaimLimit: 5, reclaimCooldownDays: 7, warningDays: [3, 1],
    });
    expect((await h.call('GET', '/tenants/demo/pool')).body.enabled).toBe(true);
  });

  it('a PATCH merges (days per tier) and keeps the other settings', async () => {
    await h.call('PATCH', '/tenants/demo/settings', { staleDays: { lead: 9 } });
    const res = await h.call('PATCH', '/tenants/demo/pool', { days: { B: 12 }, noWinDays: 90, warningDays: [1, 3, 3] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ enabled: true, days: { A: 30, B: 12, C: 15 }, noWinDays: 90, warningDays: [3, 1] });
    await h.call('PATCH', '/tenants/demo/pool', { days: { untiered: 10 }, dailyClaimLimit: 2 });
    const rules = poolRules(await stored());
    expect(rules).toMatchObject({ days: { A: 30, B: 12, C: 15, untiered: 10 }, dailyClaimLimit: 2, noWinDays: 90 });
    expect(await stored()).toMatchObject({ staleDays: { lead: 9 } });
  });

  it('rejects bad or unknown fields with 400, changing nothing', async () => {
    const before = await stored();
    for (const bad of [{ days: { A: 0 } }, { days: { D: 5 } }, { dailyClaimLimit: -1 }, { warningDays: [0] }, { enabld: true }, { enabled: 'yes' }]) {
      const res = await h.call('PATCH', '/tenants/demo/pool', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error).toBe('invalid');
    }
    expect(await stored()).toEqual(before);
  });

  it('an unknown tenant is 404; no token is 401', async () => {
    expect((await h.call('GET', '/tenants/nope/pool')).status).toBe(404);
    expect((await h.call('PATCH', '/tenants/nope/pool', { enabled: true })).status).toBe(404);
    expect((await h.call('GET', '/tenants/demo/pool', undefined, null)).status).toBe(401);
  });

  it('is in the OpenAPI document with its fields described', async () => {
    const doc = (await h.call('GET', '/openapi.json')).body;
    expect(Object.keys(doc.paths['/tenants/{tenantId}/pool']).sort()).toEqual(['get', 'patch']);
    const props = doc.components.schemas.PoolRulesPatch.properties;
    expect(Object.keys(props).sort()).toEqual(['dailyClaimLimit', 'days', 'enabled', 'exemptNegotiation', 'noWinDays', 'reclaimCooldownDays', 'warningDays']);
    expect(props.reclaimCooldownDays.description).toMatch(/previous owner/);
  });
});
