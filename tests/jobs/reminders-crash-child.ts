// A reminder worker that dies mid-send: it runs the reminders tick with the real Outbox, and
// once the message is handed over (before the reminder is marked sent) it reports and hangs
// until the parent test SIGKILLs it. Run by reminders-once.test.ts as a child process.
import { Redis } from 'ioredis';
import { tick } from '../../jobs/reminders/follow-ups.js';
import { outboundQueue } from '../../jobs/queues.js';
import { createDb } from '../../src/db.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/log.js';

const { DATABASE_URL, REDIS_URL, PREFIX, NOW } = process.env;
const db = createDb(DATABASE_URL!, { max: 2 });
const redis = new Redis(REDIS_URL!, { maxRetriesPerRequest: null });
const outbox = new Outbox(db, (platform) => outboundQueue(platform, { connection: redis, prefix: `${PREFIX}:bull` }));
const notifier = {
  async notify(...args: Parameters<Outbox['notify']>) {
    await outbox.notify(...args);
    process.stdout.write(`notified ${args[2].key}\n`);
    await new Promise(() => {}); // killed here
  },
};
await tick({ db, redis, notifier, now: () => new Date(NOW!), log: createLogger('silent'), keyPrefix: PREFIX! }, { tenantId: 'demo' });
