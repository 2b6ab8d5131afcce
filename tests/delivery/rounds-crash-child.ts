// An outbound worker that dies between sending a round and marking it sent: it runs the real
// OutboundRounds over the Feishu queue with an adapter that pushes each message to a Redis list
// (the "platform"). The parent test holds the Delivery rows locked, so the round's mark waits;
// once every message is on the list the parent SIGKILLs this process. Run by rounds.test.ts.
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Adapter } from '../../adapters/contract.js';
import { outboundQueueName, type OutboundPayload } from '../../jobs/queues.js';
import { createDb } from '../../src/db.js';
import { OutboundRounds, ROUND_MAX } from '../../src/delivery/deliver-batch.js';
import { SentMarks } from '../../src/delivery/sent-marks.js';
import { createLogger } from '../../src/log.js';

const { DATABASE_URL, REDIS_URL, PREFIX } = process.env;
const db = createDb(DATABASE_URL!, { max: 2 });
const redis = new Redis(REDIS_URL!, { maxRetriesPerRequest: null });
const platform: Adapter = {
  platform: 'feishu',
  async send(address, reply, opts) {
    await redis.rpush(`${PREFIX}:platform`, JSON.stringify({ key: opts.idempotencyKey, to: address.conversationId, text: reply.text }));
    process.stdout.write(`sent ${opts.idempotencyKey}\n`);
  },
};
// As startWorkers builds it: each message the platform took is marked in Redis right away.
const rounds = new OutboundRounds({ db, adapter: platform, log: createLogger('silent'), marks: new SentMarks(redis, `${PREFIX}:bull`) }, () => worker);
// A short lock and stall check: once this process is killed, its jobs count as stalled a second later.
const worker: Worker<OutboundPayload> = new Worker(outboundQueueName('feishu'), (job, token) => rounds.take(job, token),
  { connection: redis, prefix: `${PREFIX}:bull`, concurrency: 2 * ROUND_MAX, lockDuration: 1000, stalledInterval: 300, maxStalledCount: 10 });
process.stdout.write('started\n');
