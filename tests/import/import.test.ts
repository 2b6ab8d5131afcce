// Importing customers against the seeded demo tenant: demo customers typed differently are
// merged, not duplicated; bad rows are rejected with a reason in the report; a second run of
// the same file creates nothing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { importFile, type ImportResult } from '../../src/domain/import/index.js';
import { testDb } from '../support/db.js';
import { csv, dir, reportRows, xlsx } from './fixtures.js';

const { db } = await testDb();
await seedDemo(db);
const T = 'demo';

const HEAD = ['客户名称', '行业', '等级', '联系人', '职务', '手机', '邮箱', '生日', '负责人', '签约日期', '合同到期', '标签', '别名'];
const ROWS: unknown[][] = [
  HEAD,
  ['星河科技有限公司', '软件', 'A类', '赵敏', 'CTO', '138-0013-9000', 'Zhao.Min@XingHe.example.com', '1990/3/8', 'rep2', new Date(Date.UTC(2025, 0, 15)), '2026年12月31日', '新客户,软件', 'XH'],
  ['ＢＹＤ', '', '', '孙工', '工程师', '13900000001', '', '3月8日', '', '', '', '导入', ''],
  ['华为技术有限公司', '通信', 'B', '张总', '', '', '', '', '', '', '', '', ''],
  ['', '零售', 'A', '某人', '', '', '', '', '', '', '', '', ''],
  ['坏等级公司', '', 'Z', '', '', '', '', '', '', '', '', '', ''],
  ['坏邮箱公司', '', '', '钱一', '', '', 'not-an-email', '', '', '', '', '', ''],
  ['没负责人公司', '', '', '', '', '', '', '', 'nobody', '', '', '', ''],
  ['坏日期公司', '', '', '', '', '', '', '', '', '2025-13-40', '', '', ''],
  ['星河科技', '', '', '周七', '', '', '', '', '', '', '', '', ''],
];

const ok = (r: Awaited<ReturnType<typeof importFile>>): ImportResult => {
  if (!r.ok) throw new Error(r.code);
  return r;
};

describe('import from xlsx', () => {
  const report = path.join(dir, 'report.csv');

  it('creates new customers, merges demo ones, rejects bad rows with reasons', async () => {
    const before = await db.customer.count({ where: { tenantId: T } });
    const file = await xlsx('customers.xlsx', ROWS);
    const r = ok(await importFile(db, file, { tenantId: T, report }));
    expect(r.rows).toBe(9);
    expect(r.created).toBe(1);
    expect(r.merged).toBe(2); // ＢＹＤ → 比亚迪 (its alias) gains a tag and a contact; 星河科技 → the row above, a contact
    expect(r.unchanged).toBe(1); // 华为: industry and tier already set, 张总 already a contact
    expect(r.rejected.map((x) => [x.row, x.reasons.join(';')])).toEqual([
      [5, 'missing_name'], [6, 'bad_tier'], [7, 'bad_email'], [8, 'unknown_owner'], [9, 'bad_signing_date'],
    ]);
    expect(await db.customer.count({ where: { tenantId: T } })).toBe(before + 1);

    const xh = await db.customer.findFirstOrThrow({ where: { tenantId: T, name: '星河科技有限公司' } });
    const rep2 = await db.user.findFirstOrThrow({ where: { tenantId: T, handle: 'rep2' } });
    expect(xh).toMatchObject({ industry: '软件', tier: 'A', ownerId: rep2.id, tags: ['新客户', '软件'], aliases: ['XH'], aliasKeys: ['xh'], matchKey: '星河科技' });
    expect(xh.signedAt?.toISOString().slice(0, 10)).toBe('2025-01-15');
    expect(xh.contractEnd?.toISOString().slice(0, 10)).toBe('2026-12-31');
    const zhao = await db.contact.findFirstOrThrow({ where: { customerId: xh.id, name: '赵敏' } });
    expect(zhao).toMatchObject({ title: 'CTO', phone: '13800139000', email: 'zhao.min@xinghe.example.com', birthday: '1990-03-08' });
    expect(await db.contact.count({ where: { customerId: xh.id } })).toBe(2);

    const byd = await db.customer.findMany({ where: { tenantId: T, OR: [{ name: '比亚迪' }, { name: 'ＢＹＤ' }] } });
    expect(byd.map((c) => c.name)).toEqual(['比亚迪']);
    expect(byd[0]!.tags).toContain('导入');
    expect(byd[0]!.tier).toBe('A'); // already set: not overwritten
    expect(await db.contact.findFirstOrThrow({ where: { customerId: byd[0]!.id, name: '孙工' } })).toMatchObject({ birthday: '03-08', phone: '13900000001' });

    const huawei = await db.customer.findFirstOrThrow({ where: { tenantId: T, name: '华为技术有限公司' } });
    expect(huawei.industry).toBe('制造业');
    expect(await db.contact.count({ where: { customerId: huawei.id, name: '张总' } })).toBe(1);

    const rows = reportRows(report);
    expect(rows[0]).toEqual(['row', 'reason', ...HEAD]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['5', 'missing_name', ''], ['6', 'bad_tier', '坏等级公司'], ['7', 'bad_email', '坏邮箱公司'], ['8', 'unknown_owner', '没负责人公司'], ['9', 'bad_signing_date', '坏日期公司'],
    ]);
    expect(rows[3]![8]).toBe('not-an-email');
  });

  it('a second run of the same file creates nothing', async () => {
    const customers = await db.customer.count({ where: { tenantId: T } });
    const contacts = await db.contact.count({ where: { tenantId: T } });
    const r = ok(await importFile(db, path.join(dir, 'customers.xlsx'), { tenantId: T, report }));
    expect([r.created, r.merged, r.unchanged, r.rejected.length]).toEqual([0, 0, 4, 5]);
    expect(await db.customer.count({ where: { tenantId: T } })).toBe(customers);
    expect(await db.contact.count({ where: { tenantId: T } })).toBe(contacts);
  });
});

describe('import from csv', () => {
  const rows = [['Customer', 'Industry', 'Tier', 'Contact', 'Phone', 'Email', 'Owner'], ['美团点评', '', '重点', '黄渤', '+86 139 1111 2222', 'HB@MT.example.com', '王强'], ['南方电网有限责任公司', '能源', 'C', '陈工', '', '', 'manager']];

  for (const encoding of ['utf8', 'gbk'] as const) {
    it(`reads ${encoding} with English headers and owner names`, async () => {
      const name = encoding === 'gbk' ? rows.map((r) => r.map((c) => c.replace('南方电网', '国家电网'))) : rows;
      const r = ok(await importFile(db, csv(`c-${encoding}.csv`, name, encoding), { tenantId: T }));
      expect(r.rejected).toEqual([]);
      expect(r.created).toBe(1); // 美团点评 is the demo's 美团 (alias), the grid company is new
      expect(r.merged + r.unchanged).toBe(1);
      expect(await db.customer.count({ where: { tenantId: T, name: '美团点评' } })).toBe(0);
      const grid = await db.customer.findFirstOrThrow({ where: { tenantId: T, name: encoding === 'utf8' ? '南方电网有限责任公司' : '国家电网有限责任公司' } });
      const manager = await db.user.findFirstOrThrow({ where: { tenantId: T, handle: 'manager' } });
      expect(grid).toMatchObject({ industry: '能源', tier: 'C', ownerId: manager.id });
      const hb = await db.contact.findFirstOrThrow({ where: { tenantId: T, name: '黄渤' } });
      expect(hb).toMatchObject({ phone: '13911112222', email: 'hb@mt.example.com' });
    });
  }

  it('a name typed in pinyin merges into the customer, as the chat would find it; short pinyin never merges', async () => {
    const before = await db.customer.count({ where: { tenantId: T } });
    const rows = [['Customer', 'Tags'], ['Bi Ya Di', 'pinyin'], ['BYD Auto', 'new'], ['Li', 'short'], ['li', 'short']];
    const r = ok(await importFile(db, csv('pinyin.csv', rows, 'utf8'), { tenantId: T }));
    // 'Bi Ya Di' is 比亚迪; 'BYD Auto' is a different key; 'Li' is created once and 'li' is the same key.
    expect([r.created, r.merged, r.unchanged]).toEqual([2, 1, 1]);
    expect(await db.customer.count({ where: { tenantId: T } })).toBe(before + 2);
    expect((await db.customer.findFirstOrThrow({ where: { tenantId: T, name: '比亚迪' } })).tags).toContain('pinyin');
  });

  it('a file without a customer-name column is refused', async () => {
    expect(await importFile(db, csv('none.csv', [['foo', 'bar'], ['1', '2']], 'utf8'), { tenantId: T })).toEqual({ ok: false, code: 'no_name_column' });
  });
});
