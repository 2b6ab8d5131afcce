// A digest worker that dies mid-send: it runs the daily digest for the demo tenant through the
// real Outbox, and once KILL_AFTER messages are handed over (before the job marks the last one
// done) it reports and hangs until the parent test SIGKILLs it. Run by digest-crash.test.ts.
import { Redis } from 'ioredis';
import { runDailyDigest } from '../../jobs/digests/daily.job.js';
import { outboundQueue } from '../../jobs/queues.js';
import { createDb } from '../../src/db.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/log.js';

const { DATABASE_URL, REDIS_URL, PREFIX, NOW, KILL_AFTER } = process.env;
const db = createDb(DATABASE_URL!, { max: 2 });
const redis = new Redis(REDIS_URL!, { maxRetriesPerRequest: null });
const outbox = new Outbox(db, (platform) => outboundQueue(platform, { connection: redis, prefix: `${PREFIX}:bull` }));
let handed = 0;
const handedOver = async (key: string) => {
  process.stdout.write(`handed ${key}\n`);
  if (++handed >= Number(KILL_AFTER)) await new Promise(() => {}); // killed here
};
// The Outbox's two doors (a person, a group chat), each reporting after the queue has the message.
const notifier = {
  async notify(...args: Parameters<Outbox['notify']>) { await outbox.notify(...args); await handedOver(args[2].key); },
  async send(input: Parameters<Outbox['send']>[0]) { await outbox.send(input); await handedOver(input.key); },
};
await runDailyDigest({ db, redis, notifier, now: () => new Date(NOW!), log: createLogger('silent'), keyPrefix: PREFIX! }, { tenantId: 'demo' });
process.stdout.write('finished\n');
process.exit(0);
