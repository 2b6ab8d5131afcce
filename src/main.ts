// `npm start`: the whole product on one machine — Postgres and Redis (embedded unless
// DATABASE_URL / REDIS_URL are set), the HTTP server with the local web chat, the queue workers
// and the scheduled jobs. `start:web` / `start:worker` run the two halves separately.
import { boot, startBackground, startHttp } from './runtime/boot.js';
import { runMain, startAll, stopOnSignals } from './runtime/lifecycle.js';

runMain(async () => {
  const booted = await boot({ migrate: 'always', serves: 'PORT' });
  const [background, http] = await startAll(booted, [() => startBackground(booted), () => startHttp(booted)]);
  // Stop taking requests, then finish in-flight jobs, then close queues and servers.
  stopOnSignals(booted, [http!, background!]);
});
