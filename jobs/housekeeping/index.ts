// housekeeping: rows that only matter for a while are deleted once a day, in batches (short
// locks, any size). A processed-event id guards against a platform delivering an event again,
// which happens within hours; a settled Delivery row against sending a message twice, which
// matters while its job can still be retried (7 days at most). Both tables would otherwise grow
// by one row per message forever. Pending deliveries are never touched: they hold chat order.
// It also keys again the customers whose name keys an older release made (src/domain/rekey.ts).
import type { Db } from '../../src/db.js';
import { rekeyCustomers } from '../../src/domain/rekey.js';
import type { JobContext, JobDefinition } from '../types.js';

export const KEEP_DAYS = 30;
const BATCH = 5_000;
const DAY_MS = 86_400_000;

/** Deletes in batches until none is left; how many in all. */
async function inBatches(step: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let n = BATCH; n === BATCH; total += n) n = await step();
  return total;
}

export async function pruneOld(db: Db, now: Date): Promise<{ processedEvents: number; deliveries: number }> {
  const before = new Date(now.getTime() - KEEP_DAYS * DAY_MS);
  const processedEvents = await inBatches(() => db.$executeRaw`
    DELETE FROM "ProcessedEvent" WHERE id IN (SELECT id FROM "ProcessedEvent" WHERE "createdAt" < ${before} LIMIT ${BATCH})`);
  const deliveries = await inBatches(() => db.$executeRaw`
    DELETE FROM "Delivery" WHERE id IN (
      SELECT id FROM "Delivery" WHERE status <> 'pending' AND "createdAt" < ${before} LIMIT ${BATCH})`);
  return { processedEvents, deliveries };
}

async function rekey(ctx: JobContext): Promise<void> {
  const rekeyed = await rekeyCustomers(ctx.db);
  if (rekeyed) ctx.log.info({ rekeyed }, 'housekeeping: customer name keys made again');
}

export const housekeepingJob: JobDefinition = {
  name: 'housekeeping',
  schedule: { every: DAY_MS },
  async run(ctx: JobContext) {
    const deleted = await pruneOld(ctx.db, ctx.now());
    ctx.log.info({ ...deleted, keepDays: KEEP_DAYS }, 'housekeeping: old rows deleted');
    await rekey(ctx);
  },
  // Customers keyed before the current KEYS_VERSION (names.ts) are keyed again as soon as a worker
  // starts after the upgrade, not a day later (the daily run repeats it for rows a crash left).
  async start(ctx) {
    const done = rekey(ctx).catch((err: unknown) => ctx.log.error({ err: err instanceof Error ? err.message : String(err) }, 'housekeeping: keying customer names failed'));
    return { close: () => done };
  },
};
