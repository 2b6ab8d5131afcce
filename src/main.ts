// `npm start`: the whole product on one machine — Postgres and Redis (embedded unless
// DATABASE_URL / REDIS_URL are set), the HTTP server with the local web chat.
import { serve } from '@hono/node-server';
import { ConfigError, llmConfig, loadConfig, webChatEnabled } from './config.js';
import { assemble } from './runtime/assemble.js';
import { messengersFromEnv } from './runtime/messengers.js';
import { startJobs } from '../jobs/index.js';
import { createLogger } from './log.js';
import { openRuntime } from './runtime/open.js';
import { warmUp } from './nlu/index.js';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  // chrono and pinyin-pro load lazily: pay that once here, not on a rep's first message.
  warmUp();
  const runtime = await openRuntime(config, log);
  const product = assemble({
    db: runtime.db, redis: runtime.redis, log, keyPrefix: 'salesbot', tenantId: config.DEFAULT_TENANT,
    webChatToken: webChatEnabled(config) ? config.WEB_CHAT_TOKEN : null,
    llm: llmConfig(config),
    messengers: () => messengersFromEnv(process.env, { log, redis: runtime.redis, keyPrefix: 'salesbot' }),
  });
  const { app } = product;
  const workers = product.startWorkers();
  const jobs = await startJobs(
    { db: runtime.db, redis: runtime.redis, log, keyPrefix: 'salesbot', notifier: product.outbox, now: () => new Date() },
    { connection: runtime.redis, prefix: 'salesbot:bull' },
  );
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
    console.log(`salesbot is running: http://${host}:${info.port}  (web chat; Ctrl-C to stop)`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    server.close();
    // Finish what is in flight, take nothing new, then stop the servers.
    await jobs.close();
    await workers.close();
    await product.closeQueues();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
