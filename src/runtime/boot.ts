// Shared startup for the three entry points: `npm start` (src/main.ts: web + worker in one
// process), `start:web` (src/web.ts) and `start:worker` (src/worker.ts). Each role takes the
// pieces it needs; lifecycle.ts starts and stops them.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { startJobs } from '../../jobs/index.js';
import { llmConfig, loadConfig, webChatEnabled, type Config } from '../config.js';
import { health } from '../http/health.js';
import { metricsRoute } from '../http/metrics.js';
import { createLogger } from '../log.js';
import { warmUp } from '../nlu/index.js';
import { assemble } from './assemble.js';
import { messengersFromEnv } from './messengers.js';
import { openRuntime, type Runtime } from './open.js';
import { listening, portAvailable } from './listen.js';
import { KEY_PREFIX } from './paths.js';

export type Product = ReturnType<typeof assemble>;
export interface Booted { config: Config; log: Logger; runtime: Runtime; product: Product }
export interface Closable { close(): Promise<void> }


/** Config, logger, Postgres/Redis and the assembled product. `migrate: 'unless-external'` leaves
 * migrations to `npm run migrate` when DATABASE_URL points at a real database; `serves` names
 * the port checked before anything starts. */
export async function boot(opts: { migrate: 'always' | 'unless-external'; serves?: 'PORT' | 'METRICS_PORT' }): Promise<Booted> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  if (opts.serves) await portAvailable(config[opts.serves], config.HOST, opts.serves);
  // chrono and pinyin-pro load lazily: pay that once here, not on a rep's first message.
  warmUp();
  const migrate = opts.migrate === 'always' || !config.DATABASE_URL;
  const runtime = await openRuntime(config, log, { migrate });
  const product = assemble({
    db: runtime.db, redis: runtime.redis, log, keyPrefix: KEY_PREFIX, tenantId: config.DEFAULT_TENANT,
    webChatToken: webChatEnabled(config) ? config.WEB_CHAT_TOKEN : null,
    llm: llmConfig(config),
    adminToken: config.ADMIN_TOKEN,
    messengers: () => messengersFromEnv(process.env, { log, redis: runtime.redis, keyPrefix: KEY_PREFIX }),
  });
  return { config, log, runtime, product };
}

/** The HTTP server (webhooks, web chat, health). Its close stops accepting connections and
 * waits for open requests, at most 5 s (a streaming web-chat client would otherwise hold it). */
export async function startHttp({ config, product }: Booted): Promise<Closable> {
  const server = serve({ fetch: product.app.fetch, port: config.PORT, hostname: config.HOST });
  await listening(server, config.PORT, 'PORT');
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  console.log(`salesbot is running: http://${host}:${config.PORT}  (web chat; Ctrl-C to stop)`);
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  return {
    close() {
      server.close();
      return Promise.race([closed, new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref())]);
    },
  };
}

/** A worker process's own small HTTP server: /metrics (its counters: replies sent, jobs failed,
 * reminder lateness…) and /healthz, on METRICS_PORT. */
export async function startMetricsHttp({ config, runtime, product, log }: Booted): Promise<Closable> {
  const app = new Hono().route('/', metricsRoute(product.metrics)).route('/', health(runtime));
  const server = serve({ fetch: app.fetch, port: config.METRICS_PORT, hostname: config.HOST });
  await listening(server, config.METRICS_PORT, 'METRICS_PORT');
  log.info({ port: config.METRICS_PORT }, 'worker metrics at /metrics');
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The queue workers (inbound → router → outbound) and the scheduled jobs. */
export async function startBackground({ runtime, log, product }: Booted): Promise<Closable> {
  const workers = product.startWorkers();
  const jobs = await startJobs(
    { db: runtime.db, redis: runtime.redis, log, keyPrefix: KEY_PREFIX, notifier: product.outbox, now: () => new Date(), metrics: product.metrics },
    { connection: runtime.redis, prefix: `${KEY_PREFIX}:bull` },
  );
  // Worker.close() waits for the jobs in flight and takes no new ones.
  return { async close() { await jobs.close(); await workers.close(); } };
}
