// Data protection: a tenant exported to JSON lines and deleted completely, by command, with every
// other tenant untouched.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Prisma } from '../../src/db.js';
import { deleteTenant, exportTenant, tenantTables } from '../../src/domain/tenant-data.js';
import { testApp } from '../support/app.js';

const run = promisify(execFile);
const t = await testApp();
const { db } = t;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-tenant-'));

/** Rows per table for a tenant (the Tenant row itself under "Tenant"). */
async function census(tenantId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tenantTables(db)) {
    const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ${Prisma.raw(`"${table}"`)} WHERE "tenantId" = ${tenantId}`;
    counts[table] = Number(row!.n);
  }
  counts.Tenant = await db.tenant.count({ where: { id: tenantId } });
  return counts;
}

beforeAll(async () => {
  // Activity, deal, audit and processed-event rows made the way a rep makes them.
  await t.say('rep1', '今天拜访了华为的张总，意向金额50万，下周三再跟进');
  const customer = await db.customer.findFirstOrThrow({ where: { tenantId: 'demo' } });
  await db.contact.create({ data: { tenantId: 'demo', customerId: customer.id, name: '刘经理', phone: '13800138000' } });
  await db.tenant.create({
    data: {
      id: 'other', name: 'Other Co',
      users: { create: { handle: 'boss', name: 'Boss', role: 'admin' } },
    },
  });
  const boss = await db.user.findFirstOrThrow({ where: { tenantId: 'other' } });
  await db.customer.create({ data: { tenantId: 'other', name: '华为', matchKey: '华为', pinyin: 'huawei', initials: 'hw', ownerId: boss.id } });
  await t.redis.set(`${t.prefix}:pending:demo:u1`, '{}');
  await t.redis.set(`${t.prefix}:pending:other:u1`, '{}');
});

describe('tenant export and delete', () => {
  it('every table holding tenant data is known, children before parents', async () => {
    const tables = await tenantTables(db);
    for (const table of ['Activity', 'AuditLog', 'Contact', 'Customer', 'Deal', 'Delivery', 'ProcessedEvent', 'Reminder', 'Team', 'User']) {
      expect(tables).toContain(table);
    }
    // ChatIdentity rows reference User rows (a foreign key): they must go first.
    expect(tables.indexOf('ChatIdentity')).toBeLessThan(tables.indexOf('User'));
  });

  it('exports every row of the tenant and none of another', async () => {
    const file = path.join(dir, 'demo.jsonl');
    const counts = await exportTenant(db, 'demo', file);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { table: string; row: Record<string, unknown> });
    const expected = await census('demo');
    expect(counts).toEqual(expected);
    expect(lines.length).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    expect(expected.Activity).toBeGreaterThan(0);
    for (const { table, row } of lines) expect(table === 'Tenant' ? row.id : row.tenantId).toBe('demo');
    expect(lines.some((l) => l.table === 'Contact' && l.row.phone === '13800138000')).toBe(true);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
  });

  it('the CLI refuses to delete without the id repeated, and deletes nothing', async () => {
    const before = await census('demo');
    const env = { ...process.env, DATABASE_URL: t.url, REDIS_URL: inject('redisUrl'), DATA_DIR: dir, LOG_LEVEL: 'warn' };
    const err = await run('npx', ['tsx', 'src/cli/main.ts', 'tenant', 'delete', '--tenant', 'demo'], { env, timeout: 90_000 })
      .then(() => null, (e: { code: number; stderr: string }) => e);
    expect(err?.code).toBe(2);
    expect(err?.stderr).toContain('--confirm demo');
    expect(await census('demo')).toEqual(before);
  });

  it('deletes every row of the tenant and its pending questions, and nothing of another tenant', async () => {
    const other = await census('other');
    const deleted = await deleteTenant(db, 'demo', { client: t.redis, keyPrefix: t.prefix });
    expect(deleted.Tenant).toBe(1);
    expect(deleted.Customer).toBeGreaterThan(0);
    expect(Object.values(await census('demo')).every((n) => n === 0)).toBe(true);
    expect(await census('other')).toEqual(other);
    expect(await t.redis.exists(`${t.prefix}:pending:demo:u1`)).toBe(0);
    expect(await t.redis.exists(`${t.prefix}:pending:other:u1`)).toBe(1);
  });
});
