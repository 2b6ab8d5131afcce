// Import 100,000 generated rows (an .xlsx written with exceljs' streaming writer) into a
// throwaway tenant, then the same file again; prints rows/s. The tenant is deleted afterwards.
// The ceiling is the time just to read the same file (no import can beat its own reading).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadConfig } from '../src/config.js';
import { importFile } from '../src/domain/import/index.js';
import { readSheet } from '../src/domain/import/read.js';
import { createLogger } from '../src/log.js';
import { openRuntime } from '../src/runtime/open.js';
import type { Figure } from './figures.js';

const INDUSTRIES = ['制造业', '软件', '零售', '能源', '金融'];

async function writeFixture(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('客户');
  ws.addRow(['客户名称', '行业', '等级', '联系人', '职务', '手机', '邮箱', '生日', '签约日期', '标签']).commit();
  for (let i = 0; i < rows; i++) {
    ws.addRow([`测试客户${i}有限公司`, INDUSTRIES[i % 5], 'ABC'[i % 3], `联系人${i}`, '经理', `139${String(i).padStart(8, '0')}`, `u${i}@example.com`, `${1 + (i % 12)}月${1 + (i % 28)}日`, '2024/3/8', '导入,测试']).commit();
  }
  ws.commit();
  await wb.commit();
}

export async function benchImport(rows = 100_000): Promise<Figure[]> {
  const runtime = await openRuntime(loadConfig(), createLogger('warn'));
  const tenantId = `bench-import-${Date.now()}`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-bench-')), 'customers.xlsx');
  try {
    await writeFixture(file, rows);
    await runtime.db.tenant.create({ data: { id: tenantId, name: 'import bench', users: { create: { handle: 'admin', name: 'Admin', role: 'admin' } } } });
    const timed = async () => {
      const started = performance.now();
      const r = await importFile(runtime.db, file, { tenantId });
      if (!r.ok) throw new Error(r.code);
      const secs = (performance.now() - started) / 1000;
      process.stderr.write(`${rows} rows: ${r.created} created, ${r.unchanged} unchanged, ${r.rejected.length} rejected in ${secs.toFixed(1)}s\n`);
      return secs;
    };
    const readStarted = performance.now();
    await readSheet(file);
    const reading = (performance.now() - readStarted) / 1000;
    const first = await timed();
    const second = await timed();
    return [
      { name: 'import 100k rows, first run', value: first, unit: 's', goal: '< 30 s', met: first < 30, ceiling: reading },
      { name: 'import 100k rows, again (all unchanged)', value: second, unit: 's', goal: '< 30 s', met: second < 30, ceiling: reading },
    ];
  } finally {
    await runtime.db.contact.deleteMany({ where: { tenantId } });
    await runtime.db.tenant.deleteMany({ where: { id: tenantId } });
    await runtime.close();
  }
}
