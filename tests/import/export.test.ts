// Export writes the demo tenant's customers, deals and activities; the workbook read back has
// one row per record, and importing the exported customers again creates nothing.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { exportWorkbook } from '../../src/domain/import/export.js';
import { importFile } from '../../src/domain/import/index.js';
import { testDb } from '../support/db.js';
import { dir } from './fixtures.js';

const { db } = await testDb();
await seedDemo(db);
const T = 'demo';

describe('export', () => {
  const file = path.join(dir, 'export.xlsx');

  it('writes three worksheets with bilingual headers and one row per record', async () => {
    const n = await exportWorkbook(db, T, file);
    const counts = await Promise.all([db.customer.count({ where: { tenantId: T } }), db.deal.count({ where: { tenantId: T } }), db.activity.count({ where: { tenantId: T } })]);
    expect([n.customers, n.deals, n.activities]).toEqual(counts);
    expect(counts.every((c) => c > 0)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户 Customers', '商机 Deals', '跟进 Activities']);
    wb.worksheets.forEach((ws, i) => expect(ws.actualRowCount).toBe(counts[i]! + 1));
    const customers = wb.worksheets[0]!;
    expect(customers.getRow(1).getCell(1).value).toBe('客户名称 / Customer');
    const names = customers.getColumn(1).values.slice(2);
    expect(names).toContain('华为技术有限公司');
    const byd = customers.getRows(2, counts[0]!)!.find((r) => r.getCell(1).value === '比亚迪')!;
    expect(byd.getCell(2).value).toBe('BYD,比亚迪股份有限公司');
    expect(byd.getCell(6).value).toBe('rep1');
    const deal = (await db.deal.findFirstOrThrow({ where: { tenantId: T, title: '华为智能工厂MES系统' } }));
    const dealRow = wb.worksheets[1]!.getRows(2, counts[1]!)!.find((r) => r.getCell(2).value === deal.title)!;
    expect([dealRow.getCell(1).value, dealRow.getCell(3).value, dealRow.getCell(5).value]).toEqual(['华为技术有限公司', deal.amount!.toNumber(), deal.stage]);
  });

  it('the exported customer sheet imports back without creating anything', async () => {
    const before = await db.customer.count({ where: { tenantId: T } });
    const r = await importFile(db, file, { tenantId: T });
    if (!r.ok) throw new Error(r.code);
    expect(r.created).toBe(0);
    expect(r.rejected).toEqual([]);
    expect(r.merged + r.unchanged).toBe(before);
    expect(await db.customer.count({ where: { tenantId: T } })).toBe(before);
  });
});
