// The worker side: the inbound queue runs the router and queues its replies; one outbound queue
// per platform sends through that platform's adapter at its rate. `npm start` runs these in
// the same process; more worker processes can run over the same Redis and Postgres.
import { Worker, type ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Adapter } from '../../adapters/contract.js';
import { INBOUND, outboundQueueName, type InboundPayload, type OutboundPayload } from '../../jobs/queues.js';
import type { Db } from '../db.js';
import type { Router } from '../router/index.js';
import type { DeliverDeps } from './deliver.js';
import { OutboundRounds, ROUND_MAX } from './deliver-batch.js';
import { ChatTurns } from './chat-turns.js';
import { SentMarks } from './sent-marks.js';
import { closeWorker, watched } from '../runtime/queue-worker.js';
import { InboundRounds, INBOUND_ROUND_MAX } from './inbound-rounds.js';
import type { Outbox } from './outbox.js';
import type { InboundSink } from './inbound.js';
import type { Metrics } from '../http/metrics.js';

export interface WorkerDeps {
  db: Db;
  log: Logger;
  router: Router;
  outbox: Outbox;
  adapters: Adapter[];
  connection: ConnectionOptions;
  prefix: string;
  /** Prometheus counters (#7); defaults to the router's. */
  metrics?: Metrics;
  /** Holds each chat while a round handles its events (chat-turns.ts); without it, events of one chat may run side by side. */
  redis?: Redis;
  /** Send timeout and turn-taking timings (#6); production defaults in deliver.ts. */
  delivery?: Pick<DeliverDeps, 'sendTimeoutMs' | 'turnPollMs' | 'maxTurnWaitMs' | 'dbDownPollMs'>;
  /** Most inbound events a round takes (the worker holds twice as many); default INBOUND_ROUND_MAX. */
  inboundRoundMax?: number;
}

export function startWorkers(deps: WorkerDeps & { sink?: InboundSink }): { close(): Promise<void>; ready: Promise<void> } {
  const base = { connection: deps.connection, prefix: deps.prefix };
  const metrics = deps.metrics ?? deps.router.metrics;
  const turns = deps.redis && new ChatTurns(deps.redis, deps.prefix);
  const marks = deps.redis && new SentMarks(deps.redis, deps.prefix);
  // The inbound worker takes events in rounds (inbound-rounds.ts): one hold call for the round's
  // chats, each event's own transaction, the round's replies queued in one go.
  const roundMax = deps.inboundRoundMax ?? INBOUND_ROUND_MAX;
  const rounds = new InboundRounds({ router: deps.router, outbox: deps.outbox, log: deps.log, turns }, roundMax);
  const inbound = watched(new Worker<InboundPayload>(INBOUND, (job, token) => rounds.take(job, token),
    { ...base, concurrency: 2 * roundMax }), deps.log);

  // Each outbound worker sends in rounds (deliver-batch.ts): it holds two rounds' worth of jobs,
  // one being sent while the next is fetched.
  const outbound = deps.adapters.map((adapter) => {
    const jobs = deps.outbox.jobsOf(adapter.platform);
    const rounds = new OutboundRounds({ db: deps.db, adapter, log: deps.log, metrics, jobs, marks, ...deps.delivery }, () => worker);
    const worker: Worker<OutboundPayload> = watched(new Worker(outboundQueueName(adapter.platform), (job, token) => rounds.take(job, token),
      { ...base, concurrency: 2 * ROUND_MAX, ...(adapter.ratePerSecond && { limiter: { max: adapter.ratePerSecond, duration: 1000 } }) }), deps.log);
    return worker;
  });

  const all = [inbound, ...outbound];
  for (const w of all) {
    w.on('failed', (job, err) => {
      metrics?.jobFailures.inc({ queue: w.name });
      deps.log.warn({ queue: w.name, jobId: job?.id, err: err.message }, 'job failed');
    });
  }
  // Long connections (Feishu WSClient, Slack Socket Mode, Wechaty) feed the same inbound queue.
  const connected = deps.sink ? deps.adapters.filter((a) => a.start) : [];
  const ready = Promise.all(connected.map((a) => a.start!(deps.sink!))).then(() => undefined, (err: Error) => {
    deps.log.error({ err: err.message }, 'a messenger connection did not start');
  });
  return {
    ready,
    close: async () => {
      await ready;
      await Promise.all(connected.map((a) => a.stop?.()));
      await Promise.all(all.map(closeWorker));
    },
  };
}
