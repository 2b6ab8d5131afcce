// Customer names in either script (issue #11): a Hong Kong rep's 匯豐銀行 and a mainland rep's 汇丰银行
// are one customer. The name keys fold Traditional into Simplified (src/domain/names.ts); rows keyed
// by an older release are keyed again by housekeeping (src/domain/rekey.ts), once.
import { afterAll, describe, expect, it } from 'vitest';
import { findJob } from '../../jobs/index.js';
import { findCandidates } from '../../src/domain/customers.js';
import { KEYS_VERSION, matchKey, nameKeys, pinyinKey } from '../../src/domain/names.js';
import { rekeyCustomers } from '../../src/domain/rekey.js';
import { deleteTenant } from '../../src/domain/tenant-data.js';
import { testApp } from '../support/app.js';

const t = await testApp();
const { db } = t;

describe('customer names in Traditional and Simplified characters', () => {
  it('key both scripts alike, and read 銀行 as yinhang in either', () => {
    expect(matchKey('匯豐銀行有限公司')).toBe(matchKey('汇丰银行'));
    expect(pinyinKey('招商銀行')).toBe('zhaoshangyinhang');
    expect(pinyinKey('招商銀行')).toBe(pinyinKey('招商银行'));
    expect(matchKey('Acme Corp.')).toBe('acme');
  });

  it('a visit typed in Simplified lands on the customer created in Traditional, and the reverse', async () => {
    const created = await t.say('rep1', '新客户 匯豐銀行 金融行业');
    expect(created.replies[0]!.text).toContain('匯豐銀行');
    const visit = await t.say('rep1', '今天拜访了汇丰银行的陈经理，预算80万');
    expect(visit.replies[0]!.text).not.toContain('没有找到');
    const hsbc = await db.customer.findMany({ where: { tenantId: 'demo', name: { in: ['匯豐銀行', '汇丰银行'] } } });
    expect(hsbc.map((c) => c.name)).toEqual(['匯豐銀行']);
    expect((await db.contact.findMany({ where: { customerId: hsbc[0]!.id } })).map((c) => c.name)).toEqual(['陈经理']);
    expect(await db.activity.count({ where: { customerId: hsbc[0]!.id } })).toBe(1);

    await t.say('rep1', '新客户 华润万家');
    const hk = await t.say('rep1', '今日去咗華潤萬家見咗採購部嘅黃生');
    expect(hk.replies[0]!.text).not.toContain('没有找到');
    const crv = await db.customer.findMany({ where: { tenantId: 'demo', name: { in: ['华润万家', '華潤萬家'] } } });
    expect(crv.map((c) => c.name)).toEqual(['华润万家']);
    expect(await db.activity.count({ where: { customerId: crv[0]!.id } })).toBe(1);
  });

  it('initials of two letters find a customer ("zsyh" is 招商银行); one letter is no name ("l" is not 乐)', async () => {
    await t.click('rep2', { intent: 'create_customer', args: { customer: '乐', confirmNew: true } });
    const le = await t.click('rep2', { intent: 'create_customer', args: { customer: 'l', confirmNew: true } });
    expect(le.replies[0]!.text).toContain('已新建客户 l');
    expect(await db.customer.count({ where: { tenantId: 'demo', name: { in: ['乐', 'l'] } } })).toBe(2);
    const cmb = await findCandidates(db, 'demo', 'zsyh');
    expect(cmb.filter((c) => c.exact).map((c) => c.name)).toEqual(['招商银行']);
  });

  it('the schema writes the current key version, and housekeeping keys older rows again, once', async () => {
    const tenantId = `rekey-${Date.now()}`;
    await db.tenant.create({ data: { id: tenantId, name: 'rekey' } });
    afterAll(() => deleteTenant(db, tenantId));
    const rep = await db.user.create({ data: { tenantId, handle: `${tenantId}-rep`, name: '销售乙' } });
    // A row as the release before wrote it: keys in the script typed, pinyin from them, version 1.
    await db.$executeRaw`
      INSERT INTO "Customer" (id, "tenantId", name, "matchKey", pinyin, initials, aliases, "aliasKeys", "ownerId", "keysVersion", "updatedAt")
      VALUES (${`${tenantId}-old`}, ${tenantId}, '澳門國際銀行', '澳門國際銀行', 'aomenguojiyinxing', 'amgjyx', ARRAY['大西洋銀行'], ARRAY['大西洋銀行'], ${rep.id}, 1, now())`;
    await db.customer.create({ data: { id: `${tenantId}-new`, tenantId, name: '永隆銀行', ...nameKeys('永隆銀行'), ownerId: rep.id } });
    await db.$executeRaw`INSERT INTO "Customer" (id, "tenantId", name, "matchKey", pinyin, initials, "ownerId", "updatedAt")
      VALUES (${`${tenantId}-plain`}, ${tenantId}, '東亞銀行', '东亚银行', 'dongyayinhang', 'dyyh', ${rep.id}, now())`;
    const stored = await db.customer.findMany({ where: { tenantId }, orderBy: { id: 'asc' }, select: { keysVersion: true } });
    expect(stored.map((c) => c.keysVersion)).toEqual([KEYS_VERSION, 1, KEYS_VERSION]); // new, old, plain (the column's default)

    const named = async (typed: string) => (await findCandidates(db, tenantId, typed)).filter((c) => c.exact || c.contains).map((c) => c.name);
    expect(await named('澳门国际银行')).toEqual([]);
    const job = findJob('housekeeping')!;
    await job.run({ db, log: { info: () => {} }, now: () => new Date() } as never, {} as never);
    const old = await db.customer.findUniqueOrThrow({ where: { id: `${tenantId}-old` } });
    expect(old).toMatchObject({ matchKey: '澳门国际银行', pinyin: 'aomenguojiyinhang', aliasKeys: ['大西洋银行'], keysVersion: KEYS_VERSION });
    expect(await named('澳门国际银行')).toEqual(['澳門國際銀行']);
    expect(await named('大西洋银行')).toEqual(['澳門國際銀行']);
    expect(await rekeyCustomers(db)).toBe(0);

    // A worker started after the upgrade keys older rows at once, not at the next daily run.
    await db.customer.update({ where: { id: `${tenantId}-old` }, data: { matchKey: '澳門國際銀行', keysVersion: 1 } });
    const started = await job.start!({ db, log: { info: () => {}, error: () => {} } } as never);
    await started.close();
    expect(await db.customer.findUniqueOrThrow({ where: { id: `${tenantId}-old` } })).toMatchObject({ matchKey: '澳门国际银行', keysVersion: KEYS_VERSION });
  });
});
