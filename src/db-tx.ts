// A transaction on one of the pool's `pg` clients, shaped as Prisma's transaction client (#16).
// Prisma 6.19 spends ~0.3–0.5 ms of CPU on each raw statement of an interactive transaction
// (its client, its Wasm compiler) and as much again on BEGIN and COMMIT; `pg` with named prepared
// statements spends a fraction of it, and Postgres plans each statement once per connection.
// Only `$queryRaw` and `$executeRaw` exist here: the first model query (`tx.deal…`) throws
// NeedsPrisma, the transaction is rolled back, and the caller runs the work again on Prisma's own.
// Values go in and come back as Prisma's raw queries pass and return them (pg-values.ts), so the
// same code gives the same rows and the same audit JSON on either path
// (tests/data/pg-transaction.test.ts).
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { Prisma } from './generated/prisma/client.js';
import type { Tx } from './domain/actor.js';
import { poolOf, type Db } from './db.js';
import { prismaTypes, toParam } from './pg-values.js';

/** The work asked for a Prisma model query: it was rolled back, run it on Prisma's transaction. */
export class NeedsPrisma extends Error {
  constructor(readonly what: string) {
    super(`${what} needs Prisma's transaction`);
  }
}

/** Statements seen so far and their prepared names: a text is prepared once per connection.
 * The name is a digest of the text, so a name never stands for two texts on a connection —
 * whatever else in the process prepares statements on the same pool (another copy of this
 * module, a counter started afresh); pg refuses a known name with another text. */
const names = new Map<string, string>();
const MAX_NAMED = 1_000; // beyond: unnamed (a text built from data must not grow every connection)

function statement(sql: Prisma.Sql): pg.QueryConfig {
  let name = names.get(sql.text);
  if (!name && names.size < MAX_NAMED) names.set(sql.text, (name = `salesbot_${createHash('sha256').update(sql.text).digest('base64url').slice(0, 24)}`));
  return { name, text: sql.text, values: sql.values.map(toParam), types: prismaTypes };
}

type Template = [TemplateStringsArray | Prisma.Sql, ...unknown[]];
const sqlOf = ([first, ...values]: Template) => (first instanceof Prisma.Sql ? first : Prisma.sql(first, ...values));

/** What a transaction's client knows of it: `refused` notes a model query asked for, so the
 * transaction is not committed even if the caller caught it; `closed`: its work has ended. */
interface TxState { refused?: string; closed?: boolean }

/** A Prisma-shaped client whose only methods are the raw ones, on `client`. Once the work has
 * ended a statement is refused, as Prisma's closed transaction refuses it: the client is back in
 * the pool by then, and the statement would run outside any transaction or inside someone else's. */
function rawClient(client: pg.Pool | pg.PoolClient, state: TxState): Tx {
  const query = (args: Template) => {
    if (state.closed) return Promise.reject(new Error('the transaction is closed: a statement made after its work ended'));
    return client.query(statement(sqlOf(args)));
  };
  const raw = {
    $queryRaw: async (...args: Template) => (await query(args)).rows,
    $executeRaw: async (...args: Template) => (await query(args)).rowCount ?? 0,
  };
  return new Proxy(raw, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof typeof target];
      // Looked for by `await`, inspection and the like: none of them is a query.
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
      state.refused ??= `tx.${String(prop)}`;
      throw new NeedsPrisma(state.refused);
    },
  }) as unknown as Tx;
}

/** Raw statements outside a transaction, on the pool under `db` (prepared by name), or on Prisma
 * when `db` has none. For statements made for every message but outside its transaction. */
export function rawDb(db: Db): Pick<Tx, '$queryRaw' | '$executeRaw'> {
  const pool = poolOf(db);
  return pool ? rawClient(pool, {}) : db;
}

/** `work` in one transaction on a client of `pool`; its error rolls it back and is thrown. */
export async function pgTransaction<T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection that fails while checked out says so here; the statement in flight fails too.
  const quiet = () => {};
  client.on('error', quiet);
  let broken: unknown;
  const state: TxState = {};
  try {
    await client.query('BEGIN');
    const result = await work(rawClient(client, state)).finally(() => { state.closed = true; });
    if (state.refused) throw new NeedsPrisma(state.refused);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    state.closed = true;
    await client.query('ROLLBACK').catch((e: unknown) => { broken = e; });
    // Whatever the work made of a refused model query, the caller runs it on Prisma's.
    throw state.refused ? new NeedsPrisma(state.refused) : err;
  } finally {
    client.removeListener('error', quiet);
    client.release(broken instanceof Error ? broken : undefined);
  }
}
