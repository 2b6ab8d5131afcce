// One `start:worker` process for worker-processes.test.ts: the product's queue workers and its
// scheduled jobs, as src/runtime/boot.ts startBackground runs them, over the test's Postgres and
// Redis under its key prefix. Prints "started"; on SIGTERM it stops as start:worker does and
// prints how many inbound events it handled, so the test knows both processes took part.
import { Redis } from 'ioredis';
import { startJobs } from '../../jobs/index.js';
import { createDb } from '../../src/db.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';

const { DATABASE_URL, REDIS_URL, PREFIX } = process.env;
const db = createDb(DATABASE_URL!, { max: 4 });
const redis = new Redis(REDIS_URL!, { maxRetriesPerRequest: null });
const log = createLogger('silent');
const product = assemble({ db, redis, log, keyPrefix: PREFIX!, tenantId: 'demo', webChatToken: undefined });
// Rounds of 2 (4 events held): one process can never hold all of the test's 12 events at once, so
// both take part however fast the other starts (with the production 32, the first could take them all).
const workers = product.startWorkers({ inboundRoundMax: 2 });
const jobs = await startJobs(
  { db, redis, log, keyPrefix: PREFIX!, notifier: product.outbox, now: () => new Date(), metrics: product.metrics },
  { connection: redis, prefix: `${PREFIX}:bull` },
);
process.stdout.write('started\n');

process.once('SIGTERM', () => {
  void (async () => {
    await jobs.close();
    await workers.close();
    await product.closeQueues();
    const handled = (await product.metrics.messagesIn.get()).values.reduce((n, v) => n + v.value, 0);
    process.stdout.write(`handled ${handled}\n`);
    redis.disconnect();
    await db.$disconnect();
    process.exit(0);
  })();
});
