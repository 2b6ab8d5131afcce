// A tenant's customers, deals and activities as one workbook, three worksheets. Headers carry
// both languages ("客户名称 / Customer"), and the customer sheet's headers are ones the import
// recognises, so an export can be edited and imported back.
import ExcelJS from 'exceljs';
import type { Db } from '../../db.js';

const day = (d: Date | null): string => (d ? d.toISOString().slice(0, 10) : '');

export async function exportWorkbook(db: Db, tenantId: string, file: string): Promise<{ customers: number; deals: number; activities: number }> {
  const [users, customers, contacts, deals, activities] = await Promise.all([
    db.user.findMany({ where: { tenantId }, select: { id: true, handle: true } }),
    db.customer.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } }),
    db.contact.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } }),
    db.deal.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } }),
    db.activity.findMany({ where: { tenantId }, orderBy: { occurredAt: 'asc' } }),
  ]);
  const handle = new Map(users.map((u) => [u.id, u.handle]));
  const customerName = new Map(customers.map((c) => [c.id, c.name]));
  const firstContact = new Map<string, (typeof contacts)[number]>();
  for (const c of contacts) if (!firstContact.has(c.customerId)) firstContact.set(c.customerId, c);

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = (name: string, headers: string[], rows: unknown[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(headers).commit();
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
  };
  sheet('客户 Customers', ['客户名称 / Customer', '别名 / Aliases', '行业 / Industry', '等级 / Tier', '标签 / Tags', '负责人 / Owner', '签约日期 / Signing date', '合同到期 / Contract end', '联系人 / Contact', '职务 / Title', '手机 / Phone', '邮箱 / Email', '生日 / Birthday'],
    customers.map((c) => {
      const p = firstContact.get(c.id);
      return [c.name, c.aliases.join(','), c.industry ?? '', c.tier ?? '', c.tags.join(','), handle.get(c.ownerId) ?? '', day(c.signedAt), day(c.contractEnd), p?.name ?? '', p?.title ?? '', p?.phone ?? '', p?.email ?? '', p?.birthday ?? ''];
    }));
  sheet('商机 Deals', ['客户名称 / Customer', '商机 / Deal', '金额 / Amount', '币种 / Currency', '阶段 / Stage', '赢率 / Probability', '预计成交 / Expected close', '负责人 / Owner'],
    deals.map((d) => [customerName.get(d.customerId) ?? '', d.title, d.amount?.toNumber() ?? '', d.currency, d.stage, d.probability, day(d.expectedClose), handle.get(d.ownerId) ?? '']));
  sheet('跟进 Activities', ['客户名称 / Customer', '时间 / When', '渠道 / Channel', '内容 / Summary', '记录人 / By', '下次跟进 / Next follow-up'],
    activities.map((a) => [customerName.get(a.customerId) ?? '', a.occurredAt.toISOString(), a.channel, a.summary, handle.get(a.userId) ?? '', a.nextFollowUpAt?.toISOString() ?? '']));
  await wb.commit();
  return { customers: customers.length, deals: deals.length, activities: activities.length };
}
