// `import` and `export` as an operator runs them: the real CLI in a child process against this
// file's database and the test Redis.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { testDb } from '../support/db.js';
import { dir, reportRows, xlsx } from './fixtures.js';

const run = promisify(execFile);
const { db, url } = await testDb();
await seedDemo(db);

async function cli(...args: string[]) {
  const env = { ...process.env, DATABASE_URL: url, REDIS_URL: inject('redisUrl'), DATA_DIR: dir, LOG_LEVEL: 'warn' };
  return run('npx', ['tsx', 'src/cli/main.ts', ...args], { env, timeout: 90_000 });
}

describe('salesbot import / export', () => {
  it('imports an xlsx, prints the summary and the report path, and a second run creates nothing', async () => {
    const file = await xlsx('cli.xlsx', [['客户名称', '等级', '联系人'], ['长江存储', 'A', '李工'], ['', 'B', '无名'], ['华为技术 有限公司', '', '']]);
    const report = path.join(dir, 'cli-report.csv');
    const first = await cli('import', file, '--tenant', 'demo', '--owner', 'rep1', '--report', report);
    expect(first.stdout).toContain('3 rows: 1 created, 0 merged, 1 unchanged, 1 rejected, 1 contacts added');
    expect(first.stdout).toContain(`report: ${report}`);
    expect(first.stderr).toContain('(100%)');
    expect(reportRows(report)[1]!.slice(0, 2)).toEqual(['3', 'missing_name']);
    const rep1 = await db.user.findFirstOrThrow({ where: { tenantId: 'demo', handle: 'rep1' } });
    expect(await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '长江存储' } })).toMatchObject({ tier: 'A', ownerId: rep1.id });
    const second = await cli('import', file, '--tenant', 'demo', '--owner', 'rep1', '--report', report);
    expect(second.stdout).toContain('3 rows: 0 created, 0 merged, 2 unchanged, 1 rejected');
  }, 120_000);

  it('export writes a workbook', async () => {
    const out = path.join(dir, 'cli-export.xlsx');
    const { stdout } = await cli('export', out, '--tenant', 'demo');
    const customers = await db.customer.count({ where: { tenantId: 'demo' } });
    expect(stdout).toContain(`${customers} customers`);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  }, 120_000);
});
