// `npm run migrate`: applies pending Prisma migrations to DATABASE_URL with `prisma migrate
// deploy` (the Wasm schema engine, see prisma.config.ts). Run it once per release, before the
// web and worker processes start: they never migrate an external database themselves.
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { pendingMigrations, runPrisma } from './runtime/migrate.js';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  if (!config.DATABASE_URL) throw new ConfigError(['DATABASE_URL is not set: npm run migrate needs the database to migrate']);
  const pending = await pendingMigrations(config.DATABASE_URL);
  if (pending.length === 0) {
    log.info('database is up to date');
    return;
  }
  log.info({ pending }, 'applying database migrations');
  await runPrisma(['migrate', 'deploy'], config.DATABASE_URL);
  log.info({ applied: pending.length }, 'migrations applied');
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : err);
  process.exit(1);
});
