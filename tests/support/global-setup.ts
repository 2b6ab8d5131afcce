// Starts one Postgres and one Redis for the integration tests, the same way `npm start` does
// (embedded, in a throwaway directory) unless TEST_DATABASE_URL / TEST_REDIS_URL name servers.
// A migrated template database lets every test file clone its own database in milliseconds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../../src/log.js';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { startEmbeddedRedis } from '../../src/runtime/embedded-redis.js';
import { runPrisma } from '../../src/runtime/migrate.js';
import type { RunningService } from '../../src/runtime/service.js';

export const TEMPLATE = 'salesbot_template';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const log = createLogger('warn');
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-test-'));
  fs.chmodSync(dataRoot, 0o755);
  const services: RunningService[] = [];
  const external = (url: string): RunningService => ({ url, owned: false, stop: async () => {} });

  const db = process.env.TEST_DATABASE_URL
    ? external(process.env.TEST_DATABASE_URL)
    : await startEmbeddedPostgres({ dataRoot, log, settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' } });
  services.push(db);
  const redis = process.env.TEST_REDIS_URL
    ? external(process.env.TEST_REDIS_URL)
    : await startEmbeddedRedis({ dataRoot, log });
  services.push(redis);

  const stopAll = async () => {
    for (const s of services.reverse()) await s.stop();
    fs.rmSync(dataRoot, { recursive: true, force: true });
  };
  try {
    const templateUrl = await recreateDatabase(db.url, TEMPLATE);
    await runPrisma(['migrate', 'deploy'], templateUrl);
  } catch (err) {
    // A migration that fails must not leave this run's Postgres and Redis running.
    await stopAll();
    throw err;
  }

  project.provide('databaseUrl', db.url);
  project.provide('redisUrl', redis.url);

  return stopAll;
}

async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
