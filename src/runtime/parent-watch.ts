// Under `npm start` the app stops with npm. The chain is npm → sh → this process, run as
// `node --import tsx` rather than through the tsx CLI: the CLI's parent process SIGKILLs a child
// that has not answered a relayed signal within 30 ms, which a busy machine missed, leaving
// Redis and Postgres orphaned. A supervisor or `timeout` that signals npm alone ends npm (and the
// shell) but nothing forwards the signal here, so the app, Postgres and Redis ran on, orphaned.
// So every ancestor up to and including npm is watched (the ones npm started carry
// npm_lifecycle_event), read from /proc on Linux; elsewhere the parent is (a parent gone shows
// as a changed ppid). Started any other way (node, a service manager, nohup) nothing is
// watched: whoever started it signals it.
import fs from 'node:fs';
import { isAlive } from './free-port.js';

const POLL_MS = 500;

interface Launcher { pid: number; started: string }

/** Taken when the process starts, before a launcher could have gone. */
const underNpm = Boolean(process.env.npm_lifecycle_event);
const launchers: Launcher[] = underNpm ? launcherChain() : [];
const firstParent = process.ppid;

/** Calls `onGone` (once) when npm or a process between it and this one has exited. */
export function stopWithLaunchers(onGone: (who: string) => void): void {
  if (!underNpm) return;
  const check = () => {
    const gone = process.ppid !== firstParent ? firstParent : launchers.find((l) => !running(l))?.pid;
    if (gone === undefined) return;
    clearInterval(timer);
    onGone(`launcher ${gone} exited`);
  };
  const timer = setInterval(check, POLL_MS).unref();
  check();
}

function launcherChain(): Launcher[] {
  const chain: Launcher[] = [];
  for (let pid = process.ppid; pid > 1; ) {
    const stat = readStat(pid);
    if (!stat) break;
    chain.push({ pid, started: stat.started });
    if (!startedByNpm(pid)) break; // npm itself: the first ancestor npm did not start
    pid = stat.ppid;
  }
  return chain;
}

/** Alive, not a zombie awaiting its parent, and not another process that reused the pid. */
function running(l: Launcher): boolean {
  const stat = isAlive(l.pid) ? readStat(l.pid) : undefined;
  return stat !== undefined && stat.state !== 'Z' && stat.started === l.started;
}

/** /proc/<pid>/stat: state (field 3), parent (4) and start time (22), after the "(comm)". */
function readStat(pid: number): { state: string; ppid: number; started: string } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]), started: fields[19]! };
  } catch {
    return undefined;
  }
}

function startedByNpm(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').some((v) => v.startsWith('npm_lifecycle_event='));
  } catch {
    return false;
  }
}
