// The production entry points as an operator runs them: `src/web.ts` and `src/worker.ts` in
// child processes over this file's database and the test Redis (its own logical db, so the
// worker never takes another file's jobs). Both must stop on SIGTERM with exit code 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/runtime/free-port.js';
import { pendingMigrations } from '../../src/runtime/migrate.js';
import { testDb } from '../support/db.js';

const { url: migratedUrl } = await testDb();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-deploy-'));
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The test Redis, logical database `n`. */
function redisDb(n: number): string {
  const u = new URL(inject('redisUrl'));
  u.pathname = `/${n}`;
  return u.toString();
}

function start(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (text: string) => {
    for (let i = 0; i < 600 && !output.includes(text); i++) {
      if (child.exitCode !== null) throw new Error(`${entry} exited ${child.exitCode}:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!output.includes(text)) throw new Error(`${entry} never printed "${text}":\n${output}`);
  };
  /** SIGTERM, then the exit code (null if it had to be killed after 30 s). */
  const stop = async () => {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await exited;
    clearTimeout(timer);
    return { code, output };
  };
  return { child, waitFor, stop, exited, output: () => output };
}

/** An empty database on the test server: nothing migrated. */
async function emptyDatabase(): Promise<string> {
  const server = inject('databaseUrl');
  const name = `d_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  afterAll(async () => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

async function hasMigrationsTable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(`SELECT to_regclass('_prisma_migrations') AS t`);
    return r.rows[0]?.t !== null;
  } finally {
    await client.end();
  }
}

describe('src/worker.ts', () => {
  it('runs workers and jobs without the web server, serves its own /metrics, and exits 0 on SIGTERM', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const worker = start('src/worker.ts', { DATABASE_URL: migratedUrl, REDIS_URL: redisDb(7), PORT: String(port), METRICS_PORT: String(metricsPort) });
    await worker.waitFor('salesbot worker is running');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    // No web chat or webhooks on the metrics port: only what Prometheus and a probe need.
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/salesbot_queue_jobs\{queue="inbound",state="waiting"\} \d+/);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/api/chat`, { method: 'POST' })).status).toBe(404);
    const { code, output } = await worker.stop();
    expect(code, output).toBe(0);
    expect(output).toContain('"signal":"SIGTERM"');
  }, 90_000);
});

describe('src/web.ts', () => {
  it('serves /healthz, never migrates an external database, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const empty = await emptyDatabase();
    const web = start('src/web.ts', { DATABASE_URL: empty, REDIS_URL: redisDb(8), PORT: String(port), ADMIN_TOKEN: 'a-deployment-admin-token' });
    await web.waitFor('salesbot is running');
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', postgres: 'ok', redis: 'ok' });
    // ADMIN_TOKEN reaches the app: the admin API is mounted (401 without the token, not 404).
    expect((await fetch(`http://127.0.0.1:${port}/api/admin/tenants`)).status).toBe(401);
    // Migrations belong to `npm run migrate`: the web process left the empty database empty.
    expect(await hasMigrationsTable(empty)).toBe(false);
    const { code, output } = await web.stop();
    expect(code, output).toBe(0);
    expect(output).toContain('"signal":"SIGTERM"');
  }, 90_000);
});

describe('src/main.ts (npm start)', () => {
  it('still runs web and worker in one process and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const main = start('src/main.ts', { DATABASE_URL: migratedUrl, REDIS_URL: redisDb(9), PORT: String(port) });
    await main.waitFor('salesbot is running');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const { code, output } = await main.stop();
    expect(code, output).toBe(0);
  }, 90_000);
});

describe('src/migrate.ts (npm run migrate)', () => {
  it('applies every migration to an empty database, then finds nothing to do', async () => {
    const empty = await emptyDatabase();
    const first = start('src/migrate.ts', { DATABASE_URL: empty });
    expect(await first.exited, first.output()).toBe(0);
    expect(await hasMigrationsTable(empty)).toBe(true);
    expect(await pendingMigrations(empty)).toEqual([]);
    const again = start('src/migrate.ts', { DATABASE_URL: empty });
    expect(await again.exited, again.output()).toBe(0);
    expect(again.output()).toContain('database is up to date');
  }, 120_000);
});
