// Finding the customer a rep names (src/domain/customers.ts): the similar-name scan (a trigram
// comparison with every customer of the tenant, the costly part, #16) runs only when no name is
// the same or contains the typed one, and what `resolve` decides is the same as with the scan.
import { afterAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../src/domain/actor.js';
import { findCandidates, resolve, type Candidate } from '../../src/domain/customers.js';
import { nameKeys } from '../../src/domain/names.js';
import { deleteTenant } from '../../src/domain/tenant-data.js';
import { testApp } from '../support/app.js';

const t = await testApp();
const { db } = t;
const tenantId = `candidates-${Date.now()}`;
const NAMES = ['星河科技', '星河软件', '北京星辰电子', '华为技术', '华为云', '比亚迪汽车', '蔚来汽车', 'Acme Robotics'];

await db.tenant.create({ data: { id: tenantId, name: 'candidates' } });
const rep = await db.user.create({ data: { tenantId, handle: `${tenantId}-rep`, name: '销售甲' } });
await db.customer.createMany({
  data: NAMES.map((name, i) => ({ id: `${tenantId}-c${i}`, tenantId, name, ...nameKeys(name), ownerId: rep.id })),
});
afterAll(() => deleteTenant(db, tenantId));

const actor = await loadActor(db, rep.id);
const names = (cs: Candidate[]) => cs.map((c) => c.name);
const decided = (cs: Candidate[]) => {
  const r = resolve(actor, cs);
  return r.kind === 'one' || r.kind === 'hidden' ? [r.kind, r.customer.name]
    : r.kind === 'several' ? [r.kind, ...names(r.options)] : [r.kind, ...names(r.similar)];
};

describe('customer candidates (#16)', () => {
  it('a name that is contained in others lists those only, without the similar ones', async () => {
    const found = await findCandidates(db, tenantId, '星河', rep.id);
    expect(names(found)).toEqual(['星河科技', '星河软件']);
    expect(found.every((c) => c.contains && c.shared === false)).toBe(true);
    const all = await findCandidates(db, tenantId, '星河', rep.id, { similar: 'always' });
    expect(names(all)).toEqual(expect.arrayContaining(['星河科技', '星河软件']));
  });

  it('an exact name comes first; a pinyin or alias key is exact too', async () => {
    expect(names(await findCandidates(db, tenantId, '华为云'))).toEqual(['华为云']);
    expect((await findCandidates(db, tenantId, 'bi ya di qi che'))[0]).toMatchObject({ name: '比亚迪汽车', exact: true });
  });

  it('a typo that neither equals nor contains a name gets the similar ones', async () => {
    const found = await findCandidates(db, tenantId, '星河科枝', rep.id);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => !c.exact && !c.contains)).toBe(true);
    expect(found[0]!.name).toBe('星河科技');
    expect(found[0]!.score).toBeGreaterThanOrEqual(0.3);
  });

  it('resolves every typed name as the full search does', async () => {
    const typed = ['星河', '星河科技', '星河科枝', '华为', '华为云', '华伟技术', '比亚迪', 'byd', '蔚来', '威来汽车', 'acme', 'Acme Robotic', '腾讯', '北京星辰'];
    for (const name of typed) {
      const fast = await findCandidates(db, tenantId, name, rep.id);
      const full = await findCandidates(db, tenantId, name, rep.id, { similar: 'always' });
      expect(decided(fast), name).toEqual(decided(full));
    }
  });
});
