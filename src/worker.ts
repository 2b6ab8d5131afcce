// `npm run start:worker`: the queue workers (router, replies) and the scheduled jobs, no HTTP
// server. Scale by running more of them over the same Postgres and Redis: BullMQ hands each job
// to one worker and job schedulers are upserted, never duplicated.
// With DATABASE_URL set it never migrates (that is `npm run migrate`) and never seeds.
// Prometheus scrapes each worker on METRICS_PORT (default 9464): /metrics and /healthz only.
import { boot, startBackground, startMetricsHttp } from './runtime/boot.js';
import { runMain, startAll, stopOnSignals } from './runtime/lifecycle.js';

runMain(async () => {
  const booted = await boot({ migrate: 'unless-external', serves: 'METRICS_PORT' });
  const [metrics, background] = await startAll(booted, [() => startMetricsHttp(booted), () => startBackground(booted)]);
  booted.log.info('salesbot worker is running');
  stopOnSignals(booted, [background!, metrics!]);
});
