// The app's Prisma client over node-postgres (driver adapter): no native query engine. Its pg
// pool is the app's too: a message's transaction can run on it directly (db-tx.ts, #16).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.js';

export type Db = PrismaClient;
export { Prisma } from './generated/prisma/client.js';

const pools = new WeakMap<Db, pg.Pool>();

export function createDb(databaseUrl: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.max ?? 10 });
  // An idle connection that drops is replaced at its next use; unheard, the error would end the process.
  pool.on('error', () => {});
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/** The pg pool under `db` (the one Prisma's queries use), when createDb made it. */
export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}
