// `npm run start:web`: the HTTP server only (webhooks, web chat, /healthz). Inbound events are
// queued in Redis for `start:worker` processes; run as many web processes as the traffic needs.
// With DATABASE_URL set it never migrates (that is `npm run migrate`) and never seeds.
import { boot, startHttp } from './runtime/boot.js';
import { runMain, startAll, stopOnSignals } from './runtime/lifecycle.js';

runMain(async () => {
  const booted = await boot({ migrate: 'unless-external', serves: 'PORT' });
  stopOnSignals(booted, await startAll(booted, [() => startHttp(booted)]));
});
