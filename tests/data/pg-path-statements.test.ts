// The statements the hot intents really run on a pg client (#16, src/db-tx.ts) give the same
// results through Prisma's transaction. Each message below is first handled once with its pg
// transaction's statements recorded and then rolled back (the message fails, nothing stays); the
// recorded statements — their SQL and values as the intents built them — are replayed in order
// through Prisma's interactive transaction and through pgTransaction, each rolled back, and every
// result is compared value by value with its type (Decimal, bigint, Date, JSON, enums as text,
// counts). Then the message is sent for real, so the next one meets the data it would.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type pg from 'pg';
import { Prisma, poolOf } from '../../src/db.js';
import type { Tx } from '../../src/domain/actor.js';
import { testApp } from '../support/app.js';

type Call = { method: '$queryRaw' | '$executeRaw'; sql: Prisma.Sql };

const { hooks, Rollback } = vi.hoisted(() => ({
  hooks: {
    /** Set: the next pg transaction records its statements here and is rolled back. */
    record: undefined as undefined | { calls: Call[]; ran?: boolean; needs?: string },
  },
  Rollback: class Rollback extends Error {
    constructor(readonly out: unknown[] = []) {
      super('rolled back on purpose');
    }
  },
}));

vi.mock('../../src/db-tx.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/db-tx.js')>();
  const { Prisma } = await import('../../src/db.js');
  const recording = (tx: Tx, calls: Call[]) => new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop !== '$queryRaw' && prop !== '$executeRaw') return Reflect.get(target, prop, receiver) as unknown;
      return (first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
        const sql = first instanceof Prisma.Sql ? first : Prisma.sql(first, ...values);
        calls.push({ method: prop, sql });
        return (target[prop] as (s: Prisma.Sql) => Promise<unknown>)(sql);
      };
    },
  });
  return {
    ...real,
    pgTransaction: async <T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> => {
      const record = hooks.record;
      if (!record) return real.pgTransaction(pool, work);
      hooks.record = undefined;
      await real.pgTransaction(pool, async (tx) => {
        await work(recording(tx, record.calls));
        record.ran = true;
        throw new Rollback();
      }).catch((err: unknown) => {
        if (err instanceof real.NeedsPrisma) record.needs = err.what; // not run again on Prisma's here
        else if (!(err instanceof Rollback)) throw err;
      });
      throw new Rollback(); // the message fails: its questions are put back, nothing was committed
    },
  };
});

const { pgTransaction } = await import('../../src/db-tx.js');
const t = await testApp();
const pool = poolOf(t.db)!;

/** Each value with its type, so 1 and 1n, a Decimal and its digits, a Date and its text differ. */
function typed(v: unknown): unknown {
  if (v === null || v === undefined) return v;
  if (Prisma.Decimal.isDecimal(v)) return ['Decimal', v.toString()];
  if (v instanceof Date) return ['Date', v.toISOString()];
  if (typeof v === 'bigint') return ['bigint', v.toString()];
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return ['bytes', Buffer.from(v).toString('hex')];
  if (Array.isArray(v)) return v.map(typed);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typed(x)]));
  return [typeof v, v];
}

async function replay(calls: Call[], via: (work: (tx: Tx) => Promise<never>) => Promise<unknown>): Promise<unknown[]> {
  try {
    await via(async (tx) => {
      const out: unknown[] = [];
      for (const c of calls) out.push(typed(await (tx[c.method] as (s: Prisma.Sql) => Promise<unknown>)(c.sql)));
      throw new Rollback(out);
    });
  } catch (err) {
    if (err instanceof Rollback) return err.out;
    throw err;
  }
  throw new Error('not rolled back');
}

// The third field: the Prisma model query a message asks for, which ends its pg try (the
// statements before it are compared all the same; the router runs it again on Prisma's).
const messages: [handle: string, text: string, needs?: string][] = [
  ['rep1', '今天拜访了华为技术有限公司的张总，意向金额50万，下周三再跟进'],
  ['rep1', '比亚迪 赵经理 电话 需求确认 下周二'],
  ['rep1', '给美团的李经理打了电话，对方要报价，明天下午3点再联系'],
  ['rep1', '美团签了！合同金额120万'],
  ['rep1', '顺丰的单子丢了，对方选了竞品'],
  ['rep1', '提醒我明天上午10点给招行打电话'],
  ['rep1', '添加联系人 华为 王伟 采购总监 13800138000'],
  ['rep1', '把比亚迪赵经理的电话记一下 13912345678'],
  ['rep1', '嗯刚跟比亚迪的赵经理打完电话然后金额定了八十万下周一我再过去一趟'],
  ['rep2', 'Called Acme Corp, moved to negotiation, expected close Dec 15, budget 200k'],
  ['rep2', 'Lunch with Jane Okafor, Head of Procurement at Acme — they\'re moving to contract'],
  ['rep2', '拜访了阿里，聊了新项目', 'tx.deal'],
];

describe('the hot intents’ statements through Prisma’s transaction and on a pg client (#16)', () => {
  it.each(messages)('%s: %s — every result the same, type for type', async (handle, text, needs) => {
    const record: { calls: Call[]; ran?: boolean; needs?: string } = { calls: [] };
    hooks.record = record;
    const failed = await t.say(handle, text);
    hooks.record = undefined;
    expect({ ran: record.ran, needs: record.needs }, JSON.stringify(failed.replies)).toEqual(needs ? { ran: undefined, needs } : { ran: true, needs: undefined });
    expect(record.calls.length).toBeGreaterThan(1);
    const viaPrisma = await replay(record.calls, (work) => t.db.$transaction(work));
    const viaPg = await replay(record.calls, (work) => pgTransaction(pool, work));
    expect(viaPg).toHaveLength(record.calls.length);
    for (const [i, call] of record.calls.entries()) {
      expect(viaPg[i], call.sql.text.replace(/\s+/g, ' ').slice(0, 120)).toEqual(viaPrisma[i]);
    }
    // Now for real: the next message meets what this one stored.
    const said = await t.say(handle, text, randomUUID());
    expect(said.status).toBe(200);
    expect(said.replies[0]?.text ?? '').not.toMatch(/出错|went wrong/);
  });
});
