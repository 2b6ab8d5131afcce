// `salesbot import <file.xlsx|file.csv> --tenant <id> [--owner <handle>] [--report <path>]`:
// customers from a spreadsheet; rejected rows and their reasons go to the report CSV.
import path from 'node:path';
import { loadConfig } from '../config.js';
import { importFile } from '../domain/import/index.js';
import { createLogger } from '../log.js';
import { openRuntime } from '../runtime/open.js';

const USAGE = 'usage: salesbot import <file.xlsx|file.csv> --tenant <id> [--owner <handle>] [--report <path>]\n';

export async function run(args: string[]): Promise<number> {
  const { positional: [file], values } = flags(args, ['tenant', 'owner', 'report']);
  if (!file || !values.tenant) { process.stderr.write(USAGE); return 2; }
  const report = values.report ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.rejected.csv`);
  const config = loadConfig();
  const runtime = await openRuntime(config, createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL));
  const started = Date.now();
  try {
    const result = await importFile(runtime.db, file, { tenantId: values.tenant, owner: values.owner, report, onProgress: progress(started) });
    if (!result.ok) { process.stderr.write(`import failed: ${result.code}\n`); return 1; }
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`${result.rows} rows: ${result.created} created, ${result.merged} merged, ${result.unchanged} unchanged, ${result.rejected.length} rejected, ${result.contacts} contacts added in ${secs}s\n`);
    // 查重 (#14): rows naming another owner's customer are among the rejected; say how many.
    if (result.duplicates) process.stdout.write(`${result.duplicates} of the rejected rows match another owner's customer (duplicate_of_another_owner): not imported\n`);
    process.stdout.write(`report: ${result.report}\n`);
    return 0;
  } finally {
    await runtime.close();
  }
}

/** A `\r` bar on a terminal; a line every 10% when stderr is a file or a pipe. */
function progress(started: number): (done: number, total: number) => void {
  let lastDecile = -1;
  return (done, total) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
    const line = `writing ${done}/${total} (${pct}%) ${rate}/s`;
    if (process.stderr.isTTY) {
      const bar = '#'.repeat(Math.floor(pct / 5)).padEnd(20, '.');
      process.stderr.write(`\r[${bar}] ${line}${done >= total ? '\n' : ''}`);
    } else if (Math.floor(pct / 10) > lastDecile) {
      lastDecile = Math.floor(pct / 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

/** `--name value` flags and positional arguments (also used by `export`). */
export function flags(args: string[], names: string[]): { positional: string[]; values: Record<string, string | undefined> } {
  const values: Record<string, string | undefined> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!.startsWith('--') ? args[i]!.slice(2) : undefined;
    if (name && names.includes(name)) values[name] = args[++i];
    else positional.push(args[i]!);
  }
  return { positional, values };
}
