// A private redis-server: the default when REDIS_URL is not set. Its data lives under the data
// directory; a server already started there (by `npm start`, say) is reused.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { track } from './children.js';
import { freePort, isAlive } from './free-port.js';
import { isRoot, localSecret } from './data-dir.js';
import type { RunningService } from './service.js';

interface State { pid: number; port: number }

export class RedisMissingError extends Error {
  constructor() {
    super(
      'redis-server is not installed. Install it (Debian/Ubuntu: sudo apt-get install -y redis-server; ' +
        'macOS: brew install redis) or set REDIS_URL to a Redis you already run.',
    );
    this.name = 'RedisMissingError';
  }
}

export async function startEmbeddedRedis(opts: { dataRoot: string; log: Logger }): Promise<RunningService> {
  const dir = path.resolve(opts.dataRoot, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const password = localSecret(opts.dataRoot);
  const urlFor = (port: number) => `redis://:${password}@127.0.0.1:${port}`;
  const stateFile = path.join(dir, 'redis.json');

  const running = readState(stateFile);
  if (running && (await answers(urlFor(running.port)))) {
    return { url: urlFor(running.port), owned: false, stop: async () => {} };
  }

  const binary = findRedisServer() ?? installRedisServer(opts.log);
  const port = await freePort();
  const child = spawn(binary, [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--requirepass', password,
    '--appendonly', 'yes', '--save', '', '--daemonize', 'no', '--loglevel', 'warning',
  ], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] }); // its own group: see postgres-process.ts
  track(child, 'SIGTERM');
  child.stderr.on('data', (d) => opts.log.warn({ redis: String(d).trim() }));
  // A binary that cannot be run is a start failure saying so, not an unhandled 'error' event.
  let failed: string | undefined;
  child.once('error', (err: NodeJS.ErrnoException) => { failed = `could not run ${binary} (${err.code ?? err.message}); reinstall redis-server or set REDIS_URL`; });
  const url = urlFor(port);
  await waitUntilAnswering(url, child, () => failed);
  fs.writeFileSync(stateFile, JSON.stringify({ pid: child.pid ?? 0, port } satisfies State));

  return {
    url,
    owned: true,
    stop: () => new Promise<void>((resolve) => {
      fs.rmSync(stateFile, { force: true });
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

function readState(file: string): State | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as State;
    return isAlive(state.pid) ? state : undefined;
  } catch {
    return undefined;
  }
}

function findRedisServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  return dirs.map((d) => path.join(d, 'redis-server')).find((p) => fs.existsSync(p));
}

/** As root on Debian/Ubuntu the package can be installed here; anywhere else, say how. */
function installRedisServer(log: Logger): string {
  if (!isRoot() || !findOnPath('apt-get')) throw new RedisMissingError();
  log.info('redis-server is missing: installing Debian\'s redis-server package (apt-get)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', 'redis-server'], { stdio: 'inherit', env });
  if (install().status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    install();
  }
  const found = findRedisServer();
  if (!found) throw new RedisMissingError();
  return found;
}

function findOnPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {}); // a refused connection is the answer here, not an error
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function waitUntilAnswering(url: string, child: ReturnType<typeof spawn>, failed: () => string | undefined): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const failure = failed();
    if (failure) throw new Error(failure);
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await answers(url)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not answer within 10 s');
}
