// CPU used by each process under the inbound bench while a stage runs (#16, past one machine):
// this process (the web), each worker process (asked over IPC), the Postgres server (its
// postmaster's children, read from /proc: only when Postgres runs on this machine), Redis
// (INFO cpu) and the whole machine (/proc/stat), so a flat msg/s says which part was busy.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { Db } from '../src/db.js';

export interface CpuSample { at: number; webMs: number; workersMs: number[]; postgresMs: number; redisMs: number; machineMs: number }
/** Per process, % of one core over the interval; the machine's is out of 100 × cores. */
export interface CpuShare { web: number; workers: number[]; postgres: number; redis: number; machine: number }

const tickMs = (() => {
  try { return 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()); } catch { return 10; }
})();

/** utime + stime, the waited-for children's cutime + cstime, and ppid of /proc/<pid>/stat (the command name may hold spaces: read after its ')'). */
function procStat(pid: string): { ppid: number; ms: number; endedChildrenMs: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * tickMs, endedChildrenMs: (Number(f[13]) + Number(f[14])) * tickMs };
  } catch {
    return undefined; // gone meanwhile, or not Linux
  }
}

/** Every Postgres process's CPU: the postmaster is the parent of this connection's backend. */
export async function postgresMs(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  const postmaster = row && procStat(String(row.pid))?.ppid;
  if (!postmaster) return NaN;
  // Backends that ended since the last sample count through the postmaster's cutime/cstime
  // (it waits for them); without those, a closed connection made the figure go negative.
  const main = procStat(String(postmaster));
  let ms = (main?.ms ?? 0) + (main?.endedChildrenMs ?? 0);
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const s = procStat(pid);
    if (s?.ppid === postmaster) ms += s.ms;
  }
  return ms;
}

async function redisMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(/^(\S+):(\S+)$/m.exec(info.split('\n').find((l) => l.startsWith(`${name}:`)) ?? '')?.[2] ?? NaN);
  return (field('used_cpu_sys') + field('used_cpu_user')) * 1000;
}

/** All cores' non-idle time (user, nice, system, irq, softirq, steal). */
function machineMs(): number {
  try {
    const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return (total - f[3]! - f[4]!) * tickMs;
  } catch {
    return NaN;
  }
}

export async function sampleCpu(db: Db, redis: Redis, workers: () => Promise<number[]>): Promise<CpuSample> {
  const { user, system } = process.cpuUsage();
  return {
    at: performance.now(), webMs: (user + system) / 1000, workersMs: await workers(),
    postgresMs: await postgresMs(db).catch(() => NaN), redisMs: await redisMs(redis).catch(() => NaN), machineMs: machineMs(),
  };
}

export function cpuShare(a: CpuSample, b: CpuSample): CpuShare {
  const pct = (from: number, to: number) => ((to - from) / (b.at - a.at)) * 100;
  return {
    web: pct(a.webMs, b.webMs), workers: b.workersMs.map((ms, i) => pct(a.workersMs[i] ?? 0, ms)),
    postgres: pct(a.postgresMs, b.postgresMs), redis: pct(a.redisMs, b.redisMs), machine: pct(a.machineMs, b.machineMs),
  };
}

export const describeCpu = (c: CpuShare): string =>
  `CPU % of one core: workers ${c.workers.map((w) => w.toFixed(0)).join(' + ')}, web ${c.web.toFixed(0)}, ` +
  `Postgres ${c.postgres.toFixed(0)}, Redis ${c.redis.toFixed(0)}; machine ${c.machine.toFixed(0)} (of 100 × cores)`;
