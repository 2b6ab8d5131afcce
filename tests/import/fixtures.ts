// Spreadsheets written the way teams hand them over: xlsx from Excel, CSV in UTF-8 or GBK.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-import-'));

export async function xlsx(name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const quote = (v: unknown): string => { const s = String(v ?? ''); return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };

export function csv(name: string, rows: unknown[][], encoding: 'utf8' | 'gbk'): string {
  const content = rows.map((r) => r.map(quote).join(',')).join('\r\n');
  const file = path.join(dir, name);
  fs.writeFileSync(file, encoding === 'gbk' ? iconv.encode(content, 'gbk') : content);
  return file;
}

/** The report CSV's rows (BOM dropped; no quoted commas in these fixtures' reasons). */
export function reportRows(file: string): string[][] {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
}
