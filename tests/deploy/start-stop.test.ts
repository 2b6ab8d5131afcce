// How `npm start` ends (#12.14, #12.15): a port already in use is one line naming the port and
// PORT, exit 1, and no server left behind; signalling npm alone (a supervisor) or its whole
// process group (`timeout`, Ctrl-C) stops the app and its servers too. The app runs on this file's database with its own embedded Redis
// (a child process, like the embedded Postgres). Every process below the one launched is noted
// from /proc while it runs, so whatever is left behind afterwards is found (redis-server rewrites
// its command line and environment, so neither can name it).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/runtime/free-port.js';
import { projectRoot } from '../../src/runtime/paths.js';
import { testDb } from '../support/db.js';

const { url: databaseUrl } = await testDb();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-start-stop-'));
/** Every process seen below a launched one: pid → start time and command line. */
const seen = new Map<number, { started: string; cmd: string }>();

afterAll(() => {
  for (const pid of stillRunning()) process.kill(pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** /proc/<pid>/stat: state, parent and start time (fields 3, 4, 22). */
function stat(pid: number): { state: string; ppid: number; started: string } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: f[0]!, ppid: Number(f[1]), started: f[19]! };
  } catch {
    return undefined;
  }
}

function noteDescendants(root: number): void {
  const all = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const stats = new Map(all.map((pid) => [pid, stat(pid)]));
  const below = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, st] of stats) {
      if (st && !below.has(pid) && below.has(st.ppid)) { below.add(pid); grew = true; }
    }
  }
  // Noted again each time: a child is seen before and after it execs its program.
  for (const pid of below) if (stats.get(pid)) seen.set(pid, { started: stats.get(pid)!.started, cmd: commandLine(pid) });
}

/** Noted processes still running (not zombies, not a reused pid). */
function stillRunning(): number[] {
  return [...seen].filter(([pid, { started }]) => {
    const st = stat(pid);
    return st !== undefined && st.state !== 'Z' && st.started === started;
  }).map(([pid]) => pid);
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return String(pid);
  }
}

const commands = (pids: number[]) => pids.map((p) => seen.get(p)?.cmd ?? String(p)).join(' | ');

async function until(what: string, done: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !done(); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

function launch(cmd: string, args: string[], port: number) {
  const child = spawn(cmd, args, {
    cwd: projectRoot,
    detached: true, // its own process group: signals here reach only the process named
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const watching = setInterval(() => noteDescendants(child.pid!), 50);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { clearInterval(watching); resolve(code); }));
  return { child, exited, output: () => output };
}

describe('npm start', () => {
  it('a port in use: one line naming it and PORT, exit 1, no Redis or app left running', async () => {
    const port = await freePort();
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      const app = launch(process.execPath, ['--import', 'tsx', 'src/main.ts'], port);
      const code = await Promise.race([app.exited, new Promise((r) => setTimeout(() => r('still running'), 60_000))]);
      expect(code, app.output()).toBe(1);
      expect(app.output()).toContain(`salesbot did not start: port ${port} is in use — set PORT`);
      expect(app.output(), 'no stack trace').not.toMatch(/\n\s+at |Unhandled|EADDRINUSE/);
      // Checked before Postgres and Redis start; a port taken later still stops what started.
      expect(commands([...seen.keys()])).not.toMatch(/redis-server/);
      await until('the servers to stop', () => stillRunning().length === 0, 5_000).catch((err: Error) => {
        throw new Error(`${err.message}: ${commands(stillRunning())}`);
      });
    } finally {
      holder.close();
    }
  }, 90_000);

  it('stops the app and its servers when only npm is signalled', async () => {
    const port = await freePort();
    const npm = launch('npm', ['start'], port);
    await until('the ready line', () => npm.output().includes('salesbot is running'), 60_000).catch((err: Error) => {
      throw new Error(`${err.message}:\n${npm.output()}`);
    });
    noteDescendants(npm.child.pid!);
    expect(commands(stillRunning())).toMatch(/src\/main\.ts.*redis-server|redis-server.*src\/main\.ts/);
    process.kill(npm.child.pid!, 'SIGTERM');
    await npm.exited;
    await until('the app and Redis to stop', () => stillRunning().length === 0, 15_000).catch((err: Error) => {
      throw new Error(`${err.message}: ${commands(stillRunning())}`);
    });
  }, 120_000);

  it('stops the app and its servers when npm\'s whole process group is signalled, as `timeout` does', async () => {
    const port = await freePort();
    const npm = launch('npm', ['start'], port);
    await until('the ready line', () => npm.output().includes('salesbot is running'), 60_000).catch((err: Error) => {
      throw new Error(`${err.message}:\n${npm.output()}`);
    });
    noteDescendants(npm.child.pid!);
    expect(commands(stillRunning())).toMatch(/redis-server/);
    // Redis and Postgres signalled with the app used to stop first, and the app hung closing
    // workers that waited for the Redis that had gone.
    process.kill(-npm.child.pid!, 'SIGTERM');
    await until('the app and Redis to stop', () => stillRunning().length === 0, 20_000).catch((err: Error) => {
      throw new Error(`${err.message}: ${commands(stillRunning())}\n${npm.output().slice(-2_000)}`);
    });
  }, 120_000);

  it('a signal while still starting stops the servers started so far', async () => {
    const app = launch(process.execPath, ['--import', 'tsx', 'src/main.ts'], await freePort());
    // Redis is up and the migrations are running: the app's orderly stop is not in place yet.
    await until('redis-server to start', () => /redis-server/.test(commands(stillRunning())), 60_000);
    expect(app.output()).not.toContain('salesbot is running');
    process.kill(app.child.pid!, 'SIGTERM');
    await until('the app and Redis to stop', () => stillRunning().length === 0, 15_000).catch((err: Error) => {
      throw new Error(`${err.message}: ${commands(stillRunning())}\n${app.output().slice(-2_000)}`);
    });
  }, 90_000);
});
