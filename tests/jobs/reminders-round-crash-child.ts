// A reminder worker that dies mid-round: the real reminders worker (rounds, #16) over the real
// Outbox, with a short job lock. The parent test holds the round's reminder rows locked, so the
// round hands its messages to the outbox and then waits on marking them sent; the parent
// SIGKILLs this process there. Run by reminders-rounds.test.ts as a child process.
import { Redis } from 'ioredis';
import { startReminderWorker } from '../../jobs/reminders/follow-ups.js';
import { outboundQueue } from '../../jobs/queues.js';
import { createDb } from '../../src/db.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/log.js';

const { DATABASE_URL, REDIS_URL, PREFIX } = process.env;
const db = createDb(DATABASE_URL!, { max: 2 });
const redis = new Redis(REDIS_URL!, { maxRetriesPerRequest: null });
const bull = `${PREFIX!}:bull`;
const outbox = new Outbox(db, (platform) => outboundQueue(platform, { connection: redis, prefix: bull }));
const log = createLogger('silent');
// Once killed, its jobs count as stalled a second later.
await startReminderWorker({ db, redis, notifier: outbox, now: () => new Date(), log, keyPrefix: PREFIX!, connection: redis, prefix: bull },
  { lockDuration: 1000, stalledInterval: 300, maxStalledCount: 10 });
process.stdout.write('started\n');
