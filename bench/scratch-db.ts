// A throwaway database in the running Postgres cluster for the benches at scale: created and
// migrated for one bench, dropped (WITH FORCE) afterwards, so the dev database is never touched
// and cleanup is one statement even when the bench fails half-way.
import pg from 'pg';
import type { Logger } from 'pino';
import { loadConfig } from '../src/config.js';
import { createDb, type Db } from '../src/db.js';
import { migrate } from '../src/runtime/migrate.js';
import { openRuntime, type Runtime } from '../src/runtime/open.js';

export interface Scratch {
  runtime: Runtime;
  /** The scratch database: Prisma (what the product uses) and a plain pg client (bulk SQL). */
  db: Db;
  sql: pg.Client;
  url: string;
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export async function withScratchDb<T>(label: string, log: Logger, fn: (s: Scratch) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig(), log, { migrate: false });
  const name = `salesbot_bench_${label}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: runtime.services.databaseUrl });
  await admin.connect();
  let db: Db | undefined;
  let sql: pg.Client | undefined;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = withDatabase(runtime.services.databaseUrl, name);
    const started = performance.now();
    await migrate(url, log);
    process.stderr.write(`[${label}] scratch database ${name} migrated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    db = createDb(url, { max: 10 });
    sql = new pg.Client({ connectionString: url });
    await sql.connect();
    return await fn({ runtime, db, sql, url });
  } finally {
    await sql?.end().catch(() => {});
    await db?.$disconnect().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((err: Error) => process.stderr.write(`could not drop ${name}: ${err.message}\n`));
    await admin.end();
    await runtime.close();
  }
}

/** Seconds since `started` (performance.now()), for progress lines. */
export const since = (started: number) => (performance.now() - started) / 1000;
