// A message's transaction on a pg client (src/db-tx.ts, #16) gives what Prisma's gives: the same
// values back for every column type the app reads, the same parameters stored, the same rows a
// Changes writes (so the same audit JSON); a model query is refused (NeedsPrisma) and leaves
// nothing behind; an error rolls the whole transaction back.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { poolOf, Prisma } from '../../src/db.js';
import { NeedsPrisma, pgTransaction } from '../../src/db-tx.js';
import type { Tx } from '../../src/domain/actor.js';
import { Changes } from '../../src/domain/changes.js';
import { testApp } from '../support/app.js';

const t = await testApp();
const { db } = t;
const pool = poolOf(db)!;

const bothWays = async <T>(work: (tx: Tx) => Promise<T>) => [await db.$transaction(work), await pgTransaction(pool, work)];

describe('a transaction on a pg client (#16)', () => {
  it('returns every column type as Prisma’s raw query does', async () => {
    const at = new Date('2026-12-07T06:30:15.123Z');
    const [prisma, raw] = await bothWays((tx) => tx.$queryRaw<unknown[]>`
      SELECT 12.50::numeric AS dec, NULL::numeric AS "decNull", 7::int4 AS int, 9007199254740993::int8 AS big, count(*) AS counted,
             1.5::float8 AS float, true AS yes, 'x'::text AS txt, ARRAY['a','b'] AS texts, ARRAY[1.5, 2]::numeric[] AS decs,
             ${at}::timestamp(3) AS ts, ${at}::timestamptz AS tstz, '2026-12-07'::date AS day, '{"a":[1,"b"]}'::jsonb AS doc,
             '{"a":1}'::json AS doc2, 'won'::"Stage"::text AS stage, ARRAY['won','lost']::"Stage"[]::text[] AS stages,
             ${12.5} AS num, ${'text'} AS param, ${[1, 2]}::int[] AS ints
        FROM "Deal" WHERE "tenantId" = 'demo'`);
    expect(raw).toEqual(prisma);
    const row = (raw as Record<string, unknown>[])[0]!;
    expect([Prisma.Decimal.isDecimal(row.dec), typeof row.big, row.ts instanceof Date]).toEqual([true, 'bigint', true]);
  });

  it('stores parameters as Prisma does: dates in UTC, decimals exact, JSON as JSON', async () => {
    const at = new Date('2026-06-30T23:30:00.000Z');
    const row = async (tx: Tx) => {
      const [made] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "AuditLog" (id, label, "tenantId", "userId", "batchId", entity, "entityId", action, after, "createdAt")
        VALUES (${randomUUID()}, ${'l'}, 'demo', ${await t.userId('rep1')}, ${randomUUID()}, 'deal', 'x', 'update', ${JSON.stringify({ a: new Prisma.Decimal('88.50') })}::jsonb, ${at})
        RETURNING id`;
      return tx.$queryRaw<unknown[]>`SELECT after, "createdAt", ${new Prisma.Decimal('0.1')}::numeric + 0.2 AS sum, ${at}::timestamp(3)::text AS shown FROM "AuditLog" WHERE id = ${made!.id}`;
    };
    const [prisma, raw] = await bothWays(row);
    expect(raw).toEqual(prisma);
  });

  it('writes the rows a Changes writes, as Prisma would', async () => {
    const customer = await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '比亚迪' } });
    const ctx = { tenantId: 'demo', userId: await t.userId('rep1'), batchId: randomUUID() };
    const data = { customerId: customer.id, userId: ctx.userId, channel: 'visit', summary: '聊了新项目', occurredAt: new Date('2026-12-07T02:00:00Z'), nextFollowUpAt: null };
    const [prisma, raw] = await bothWays((tx) => new Changes(tx, ctx).create<{ id: string } & Record<string, unknown>>('activity', data));
    const { id: _a, createdAt: _b, ...viaPrisma } = prisma!;
    const { id: _c, createdAt: _d, ...viaPg } = raw!;
    expect(viaPg).toEqual(viaPrisma);
    expect(await db.activity.findUnique({ where: { id: raw!.id as string } })).toEqual(raw);
  });

  it('refuses a model query and rolls back what ran before it', async () => {
    const key = `test:${randomUUID()}`;
    const work = async (tx: Tx) => {
      await tx.$executeRaw`INSERT INTO "ProcessedEvent" (id, "tenantId") VALUES (${key}, 'demo')`;
      return tx.customer.findMany({ where: { tenantId: 'demo' } });
    };
    await expect(pgTransaction(pool, work)).rejects.toBeInstanceOf(NeedsPrisma);
    expect(await db.processedEvent.findUnique({ where: { id: key } })).toBeNull();
    expect((await db.$transaction(work)).length).toBeGreaterThan(0);
    expect(await db.processedEvent.findUnique({ where: { id: key } })).not.toBeNull();
  });

  it('refuses a statement made after it ended: it would run on a client back in the pool', async () => {
    const keys = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    const late: Promise<unknown>[] = [];
    const after = (tx: Tx, key: string) => setTimeout(() => {
      late.push(tx.$executeRaw`INSERT INTO "ProcessedEvent" (id, "tenantId") VALUES (${key}, 'demo')`);
      late.at(-1)!.catch(() => {});
    }, 20);
    await expect(pgTransaction(pool, async (tx) => { after(tx, keys[0]!); throw new Error('failed early'); })).rejects.toThrow('failed early');
    await pgTransaction(pool, async (tx) => { after(tx, keys[1]!); });
    await new Promise((r) => setTimeout(r, 80));
    expect(late).toHaveLength(2);
    for (const l of late) await expect(l).rejects.toThrow(/transaction is closed/);
    expect(await db.processedEvent.count({ where: { id: { in: keys } } })).toBe(0);
  });

  it('names a statement by its text: another copy of the module on the same connection never clashes', async () => {
    const one = new pg.Pool({ connectionString: t.url, max: 1 });
    const copy = async () => { vi.resetModules(); return import('../../src/db-tx.js'); };
    try {
      const [a, b] = [await copy(), await copy()];
      expect(a.pgTransaction).not.toBe(b.pgTransaction);
      expect(await a.pgTransaction(one, (tx) => tx.$queryRaw`SELECT ${1}::int AS first`)).toEqual([{ first: 1 }]);
      expect(await b.pgTransaction(one, (tx) => tx.$queryRaw`SELECT ${2}::int AS second`)).toEqual([{ second: 2 }]);
      expect(await b.pgTransaction(one, (tx) => tx.$queryRaw`SELECT ${3}::int AS first`)).toEqual([{ first: 3 }]);
      expect(await a.pgTransaction(one, (tx) => tx.$queryRaw`SELECT ${4}::int AS second`)).toEqual([{ second: 4 }]);
    } finally {
      await one.end();
    }
  });

  it('rolls back on a failed statement, and the connection serves the next transaction', async () => {
    const key = `test:${randomUUID()}`;
    await expect(pgTransaction(pool, async (tx) => {
      await tx.$executeRaw`INSERT INTO "ProcessedEvent" (id, "tenantId") VALUES (${key}, 'demo')`;
      await tx.$executeRaw`INSERT INTO "ProcessedEvent" (id, "tenantId") VALUES (${key}, 'demo')`;
    })).rejects.toMatchObject({ code: '23505' });
    expect(await db.processedEvent.findUnique({ where: { id: key } })).toBeNull();
    for (let i = 0; i < 12; i++) expect(await pgTransaction(pool, (tx) => tx.$executeRaw`SELECT 1`)).toBe(1);
  });
});
