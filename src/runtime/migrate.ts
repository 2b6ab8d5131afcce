// Applies Prisma migrations with `prisma migrate deploy` (the Wasm engine, see prisma.config.ts),
// but only when some are missing: the check is one query, the CLI costs seconds.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { projectRoot } from './paths.js';

const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');

export function localMigrations(): string[] {
  return fs.readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query(`SELECT to_regclass('_prisma_migrations') AS t`);
    if (!table.rows[0]?.t) return localMigrations();
    const applied = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const done = new Set(applied.rows.map((r) => r.migration_name));
    return localMigrations().filter((m) => !done.has(m));
  } finally {
    await client.end();
  }
}

export async function migrate(databaseUrl: string, log: Logger): Promise<void> {
  const pending = await pendingMigrations(databaseUrl);
  if (pending.length === 0) return;
  log.info({ pending }, 'applying database migrations');
  await runPrisma(['migrate', 'deploy'], databaseUrl);
}

export function runPrisma(args: string[], databaseUrl: string): Promise<string> {
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`prisma ${args.join(' ')} failed (exit ${code}):\n${output}`)));
  });
}
