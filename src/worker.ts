// `npm run start:worker`: the queue workers (router, replies) and the scheduled jobs, no HTTP
// server. Scale by running more of them over the same Postgres and Redis: BullMQ hands each job
// to one worker and job schedulers are upserted, never duplicated.
// With DATABASE_URL set it never migrates (that is `npm run migrate`) and never seeds.
import { boot, runMain, startBackground, stopOnSignals } from './runtime/boot.js';

runMain(async () => {
  const booted = await boot({ migrate: 'unless-external' });
  const background = await startBackground(booted);
  booted.log.info('salesbot worker is running');
  stopOnSignals(booted, [background]);
});
