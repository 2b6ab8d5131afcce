// A tenant's data as a whole: exported to one JSON-lines file, or deleted completely. Which
// tables hold tenant data is read from the database catalog (every table with a "tenantId"
// column, plus the Tenant row), so a table added later is covered without touching this file.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { Prisma, type Db } from '../db.js';

const PAGE = 5_000;

/** Tables with a tenantId column, children before the tables they reference (delete order). */
export async function tenantTables(db: Db): Promise<string[]> {
  const tables = (await db.$queryRaw<{ table: string }[]>`
    SELECT table_name::text AS table FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'tenantId' ORDER BY table_name`).map((r) => r.table);
  const edges = await db.$queryRaw<{ child: string; parent: string }[]>`
    SELECT c.relname::text AS child, p.relname::text AS parent FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace AND c.relname <> p.relname`;
  const order: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (order.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const e of edges) if (e.parent === t && tables.includes(e.child)) visit(e.child, seen);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

const ident = (table: string) => Prisma.raw(`"${table.replace(/"/g, '""')}"`);

export interface ExportCounts { [table: string]: number }

/** Every row of the tenant, one `{"table", "row"}` JSON object per line. */
export async function exportTenant(db: Db, tenantId: string, file: string): Promise<ExportCounts> {
  const out = createWriteStream(file, { mode: 0o600 });
  const counts: ExportCounts = {};
  const write = async (line: string) => { if (!out.write(`${line}\n`)) await once(out, 'drain'); };
  try {
    const tenant = await db.$queryRaw<{ j: string }[]>`SELECT row_to_json(t)::text AS j FROM "Tenant" t WHERE id = ${tenantId}`;
    for (const { j } of tenant) await write(`{"table":"Tenant","row":${j}}`);
    counts.Tenant = tenant.length;
    // Collaborator (issue #14) is keyed by (customerId, userId), not an id: it is read whole.
    const withId = new Set((await db.$queryRaw<{ table: string }[]>`
      SELECT table_name::text AS table FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'id'`).map((r) => r.table));
    for (const table of (await tenantTables(db)).reverse()) {
      counts[table] = 0;
      if (!withId.has(table)) {
        const rows = await db.$queryRaw<{ j: string }[]>`SELECT row_to_json(t)::text AS j FROM ${ident(table)} t WHERE t."tenantId" = ${tenantId}`;
        for (const { j } of rows) await write(`{"table":${JSON.stringify(table)},"row":${j}}`);
        counts[table] = rows.length;
        continue;
      }
      for (let after = ''; ;) {
        const page = await db.$queryRaw<{ id: string; j: string }[]>`
          SELECT t.id, row_to_json(t)::text AS j FROM ${ident(table)} t
          WHERE t."tenantId" = ${tenantId} AND t.id > ${after} ORDER BY t.id LIMIT ${PAGE}`;
        for (const { j } of page) await write(`{"table":${JSON.stringify(table)},"row":${j}}`);
        counts[table] += page.length;
        if (page.length < PAGE) break;
        after = page[page.length - 1]!.id;
      }
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return counts;
}

/** Deletes every row of the tenant in one transaction, and its pending questions in Redis. */
export async function deleteTenant(db: Db, tenantId: string, redis?: { client: Redis; keyPrefix: string }): Promise<ExportCounts> {
  const tables = await tenantTables(db);
  const counts: ExportCounts = {};
  await db.$transaction(async (tx) => {
    for (const table of tables) counts[table] = await tx.$executeRaw`DELETE FROM ${ident(table)} WHERE "tenantId" = ${tenantId}`;
    counts.Tenant = await tx.$executeRaw`DELETE FROM "Tenant" WHERE id = ${tenantId}`;
  }, { timeout: 600_000 });
  if (redis) await deleteKeys(redis.client, `${redis.keyPrefix}:pending:${tenantId}:*`);
  return counts;
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  const stream = redis.scanStream({ match: pattern, count: 500 });
  for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await redis.del(...keys);
}
