// Issue #14: the pool's recycle job over 500,000 customers in a scratch database. Generated with
// set-based SQL: one tenant, 500 reps, 500,000 customers assigned up to 60 days ago (tiers A/B/C
// and none), one activity for every other customer, an open negotiation deal for every 20th.
// A second, small tenant (1,000 customers) runs the same job: the queries per tenant must be the
// same whatever its size. The ceiling: one bare UPDATE setting pooledAt on the same rows the job
// recycled (what Postgres needs at the least to move them).
import type pg from 'pg';
import { poolRecycle } from '../jobs/pool/recycle.job.js';
import type { JobContext } from '../jobs/types.js';
import type { Notice, Notifier } from '../src/delivery/outbox.js';
import type { Db } from '../src/db.js';
import { createLogger } from '../src/log.js';
import type { Figure } from './figures.js';
import { since, withScratchDb } from './scratch-db.js';

const BIG = { id: 'bench-pool', customers: 500_000, reps: 500 };
const SMALL = { id: 'bench-pool-small', customers: 1_000, reps: 10 };
const MAX_QUERIES = 10;
/** The job moves the rows and writes a move and cancels reminders for each, and warns: a few
 * times one bare UPDATE of the same rows, measured in the same run (the machine's load moves both). */
const MAX_RATIO = 4;

async function generate(sql: pg.Client, t: { id: string; customers: number; reps: number }, now: Date) {
  const at = '$1::timestamptz::timestamp';
  const run = (q: string) => (q.includes('$1') ? sql.query(q, [now.toISOString()]) : sql.query(q));
  await run(`INSERT INTO "Tenant"(id, name, "timeZone", settings) VALUES ('${t.id}', '公海压测', 'Asia/Shanghai', '{"pool": {"enabled": true}, "weekends": true}')`);
  await run(`INSERT INTO "User"(id, "tenantId", handle, name, role, settings, "createdAt")
    SELECT '${t.id}-u' || i, '${t.id}', 'rep' || i, '销售' || i, 'rep'::"Role", '{}'::jsonb, ${at} FROM generate_series(1, ${t.reps}) i`);
  await run(`INSERT INTO "Customer"(id, "tenantId", name, "matchKey", pinyin, initials, industry, tier, "ownerId", "assignedAt", "createdAt", "updatedAt")
    SELECT '${t.id}-c' || c, '${t.id}', '客户' || c, '客户' || c, 'kehu' || c, 'kh' || c, (ARRAY['制造业','软件','零售'])[1 + c % 3],
      (ARRAY['A','B','C',NULL])[1 + c % 4]::"Tier", '${t.id}-u' || (1 + c % ${t.reps}), a, a, a
    FROM (SELECT c, ${at} - random() * interval '60 days' AS a FROM generate_series(1, ${t.customers}) c) x`);
  await run(`INSERT INTO "Activity"(id, "tenantId", "customerId", "userId", channel, summary, "occurredAt", "createdAt")
    SELECT '${t.id}-a' || c, '${t.id}', '${t.id}-c' || c, '${t.id}-u' || (1 + c % ${t.reps}), 'call'::"Channel", '通话', o, o
    FROM (SELECT c, ${at} - random() * interval '40 days' AS o FROM generate_series(1, ${t.customers}, 2) c) x`);
  await run(`INSERT INTO "Deal"(id, "tenantId", "customerId", "ownerId", title, stage, probability, "createdAt", "updatedAt")
    SELECT '${t.id}-d' || c, '${t.id}', '${t.id}-c' || c, '${t.id}-u' || (1 + c % ${t.reps}), '项目' || c, 'negotiation'::"Stage", 70, ${at}, ${at}
    FROM generate_series(20, ${t.customers}, 20) c`);
  await sql.query('ANALYZE');
}

function countingDb(db: Db) {
  const counter = { n: 0 };
  const counted = db.$extends({ query: { async $allOperations({ args, query }) { counter.n++; return query(args); } } }) as unknown as Db;
  // Raw statements count too ($queryRaw/$executeRaw go through $allOperations as well).
  return { counted, counter };
}

class CountingNotifier implements Notifier {
  messages = 0;
  async notify() { this.messages++; }
  async notifyMany(notices: Notice[]) { this.messages += notices.length; }
}

async function runJob(db: Db, redis: JobContext['redis'], tenantId: string, now: Date, date: string) {
  const { counted, counter } = countingDb(db);
  const notifier = new CountingNotifier();
  const ctx: JobContext = { db: counted, notifier, now: () => now, log: createLogger('warn'), redis, keyPrefix: `bench-pool-${now.getTime()}` };
  const t = performance.now();
  await poolRecycle.run(ctx, { tenantId, date });
  return { seconds: since(t), queries: counter.n, messages: notifier.messages };
}

/** The same rows put back, then pooled again by one bare UPDATE. */
async function bareUpdate(sql: pg.Client, tenantId: string) {
  await sql.query(`CREATE TEMP TABLE moved AS SELECT "customerId" AS id FROM "OwnershipMove" WHERE "tenantId" = $1 AND kind = 'recycle'`, [tenantId]);
  await sql.query(`UPDATE "Customer" c SET "pooledAt" = NULL FROM moved m WHERE c.id = m.id`);
  await sql.query('ANALYZE moved');
  const t = performance.now();
  const { rowCount } = await sql.query(`UPDATE "Customer" c SET "pooledAt" = now() FROM moved m WHERE c.id = m.id`);
  return { seconds: since(t), rows: rowCount ?? 0 };
}

export async function benchPool(): Promise<Figure[]> {
  const log = createLogger('warn');
  const now = new Date();
  const date = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return withScratchDb('pool', log, async ({ runtime, db, sql }) => {
    let t = performance.now();
    await generate(sql, BIG, now);
    await generate(sql, SMALL, now);
    process.stderr.write(`[pool] generated ${BIG.customers + SMALL.customers} customers in ${since(t).toFixed(1)} s\n`);
    const big = await runJob(db, runtime.redis, BIG.id, now, date);
    const small = await runJob(db, runtime.redis, SMALL.id, now, date);
    const { rows: [counts] } = await sql.query<{ pooled: string; warned: string }>(
      `SELECT (SELECT count(*) FROM "Customer" WHERE "tenantId" = $1 AND "pooledAt" IS NOT NULL) AS pooled,
              (SELECT count(*) FROM "Reminder" WHERE "tenantId" = $1 AND kind = 'recycle_warning') AS warned`, [BIG.id]);
    t = performance.now();
    const again = await runJob(db, runtime.redis, BIG.id, now, date);
    const ceiling = await bareUpdate(sql, BIG.id);
    process.stderr.write(`[pool] ${BIG.customers} customers: job ${big.seconds.toFixed(2)} s, ${big.queries} queries, ${counts!.pooled} recycled, ${counts!.warned} warned (${big.messages} messages);`
      + ` ${SMALL.customers}-customer tenant ${small.queries} queries; re-run ${again.seconds.toFixed(2)} s, ${again.messages} messages;`
      + ` bare UPDATE of the same ${ceiling.rows} rows ${ceiling.seconds.toFixed(2)} s\n`);
    return [
      { name: `pool recycle job, ${BIG.customers} customers (recycle + warnings), s`, value: big.seconds, unit: 's', goal: `<= ${MAX_RATIO}× the bare UPDATE`, met: big.seconds <= MAX_RATIO * ceiling.seconds, ceiling: ceiling.seconds },
      { name: 'pool recycle job, queries per tenant (500k and 1k customers)', value: big.queries, unit: 'queries', goal: `<= ${MAX_QUERIES}, the same for every tenant size`, met: big.queries <= MAX_QUERIES && small.queries === big.queries },
      { name: 'pool recycle job re-run the same day (nothing to do), s', value: again.seconds, unit: 's', goal: 'sends nothing', met: again.messages === 0 },
    ];
  });
}
