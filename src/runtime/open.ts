// Everything the app, the worker and the CLI need: Postgres and Redis (embedded or from the
// environment), migrated, with the demo tenant seeded on the embedded default.
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { seedDemo } from '../../prisma/seed.js';
import type { Config } from '../config.js';
import { createDb, type Db } from '../db.js';
import { startServices, type ServiceOptions, type Services } from './services.js';

export interface Runtime {
  db: Db;
  redis: Redis;
  services: Services;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, log: Logger, opts: ServiceOptions = {}): Promise<Runtime> {
  const services = await startServices(config, log, opts);
  const db = createDb(services.databaseUrl);
  const redis = new Redis(services.redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', (err) => log.warn({ err: err.message }, 'redis connection'));
  const close = async () => {
    redis.disconnect();
    await db.$disconnect();
    await services.stop();
  };
  if (services.embeddedDatabase) {
    // A failed seed stops the servers just started rather than leaving them behind.
    const { created } = await seedDemo(db).catch(async (err: unknown) => { await close(); throw err; });
    if (created) log.info('seeded the demo tenant "demo"');
  }
  return { db, redis, services, close };
}
