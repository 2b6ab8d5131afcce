// Where the app's Postgres and Redis come from: DATABASE_URL / REDIS_URL when set (real
// deployments), otherwise the embedded ones under the data directory. `npm start`, the CLI and
// the test setup all come through here, so they find the same servers.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { startEmbeddedRedis } from './embedded-redis.js';
import { migrate } from './migrate.js';
import type { RunningService } from './service.js';

export interface Services {
  databaseUrl: string;
  redisUrl: string;
  /** True when the database is the embedded one (then the demo tenant is seeded). */
  embeddedDatabase: boolean;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** false: leave the schema alone (production web/worker processes; `npm run migrate` owns it,
   * so several replicas starting together never race to apply the same migration). */
  migrate?: boolean;
}

export async function startServices(config: Config, log: Logger, opts: ServiceOptions = {}): Promise<Services> {
  const started: RunningService[] = [];
  try {
    const db: RunningService = config.DATABASE_URL
      ? external(config.DATABASE_URL)
      : await startEmbeddedPostgres({ dataRoot: config.DATA_DIR, log });
    started.push(db);
    const redis: RunningService = config.REDIS_URL
      ? external(config.REDIS_URL)
      : await startEmbeddedRedis({ dataRoot: config.DATA_DIR, log });
    started.push(redis);
    if (opts.migrate !== false) await migrate(db.url, log);
    return {
      databaseUrl: db.url,
      redisUrl: redis.url,
      embeddedDatabase: !config.DATABASE_URL,
      stop: () => stopAll(started),
    };
  } catch (err) {
    await stopAll(started);
    throw err;
  }
}

const external = (url: string): RunningService => ({ url, owned: false, stop: async () => {} });

async function stopAll(services: RunningService[]): Promise<void> {
  for (const s of [...services].reverse()) await s.stop().catch(() => {});
}
