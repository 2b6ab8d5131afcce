// `salesbot export <out.xlsx> --tenant <id>`: customers, deals and activities as a workbook.
import { loadConfig } from '../config.js';
import { exportWorkbook } from '../domain/import/export.js';
import { createLogger } from '../log.js';
import { openRuntime } from '../runtime/open.js';
import { flags } from './import.js';

export async function run(args: string[]): Promise<number> {
  const { positional: [file], values } = flags(args, ['tenant']);
  if (!file || !values.tenant) { process.stderr.write('usage: salesbot export <out.xlsx> --tenant <id>\n'); return 2; }
  const config = loadConfig();
  const runtime = await openRuntime(config, createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL));
  try {
    const n = await exportWorkbook(runtime.db, values.tenant, file);
    process.stdout.write(`${file}: ${n.customers} customers, ${n.deals} deals, ${n.activities} activities\n`);
    return 0;
  } finally {
    await runtime.close();
  }
}
