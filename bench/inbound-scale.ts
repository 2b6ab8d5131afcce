// The split layouts of the inbound bench (#16, past one machine): this process serves the
// webhook (start:web) and 1, 2, then 4 child processes run the workers (start:worker,
// inbound-worker.ts) over the same Postgres and Redis, each layout on its own queues. Each takes
// a warm-up and a bounded saturated stage (the first layout also 500/s offered); the CPU of every
// process is sampled around the saturated stage, and what the layout's events left in Postgres
// is counted, so exactly-once is checked for each.
import type { Runtime } from '../src/runtime/open.js';
import { forkChild, type Child } from './inbound-driver.js';
import type { RowCounts } from './inbound-figures.js';
import { serveProduct, type ProductAt } from './inbound-product.js';
import type { StageResult, StageSpec } from './inbound-protocol.js';
import { countRows, type BenchTenant } from './inbound-tenant.js';
import type { WorkerCommand, WorkerReply } from './inbound-worker.js';
import { cpuShare, describeCpu, sampleCpu, type CpuShare } from './process-cpu.js';

export type Stage = Omit<StageSpec, 'url' | 'runTag' | 'firstSeq' | 'expectReplies' | 'drainTimeoutMs'>;
export type Run = (url: string, stage: Stage, who: string, expectReplies: boolean) => Promise<StageResult>;
export type Undo = [string, () => Promise<unknown>][];

export const WORKER_PROCESSES = [1, 2, 4];
/** Each layout sends for at most this long when saturated (plus its drain): the three stay ~1 min. */
const SATURATED_SECONDS = 12;
const DRAIN_SECONDS = 8;

export interface Layout {
  workers: number;
  results: StageResult[];
  /** Around the saturated stage. */
  cpu: CpuShare;
  /** The tenant's rows before and after this layout's stages, and its acked events not stored. */
  before: RowCounts;
  after: RowCounts;
}

interface Env { runtime: Runtime; tenant: BenchTenant; at: ProductAt; run: Run; undo: Undo; saturated: Stage; dupEvery: number }

export async function scaleOut(env: Env): Promise<Layout[]> {
  const layouts: Layout[] = [];
  for (const n of WORKER_PROCESSES) layouts.push(await layout(env, n));
  return layouts;
}

async function layout(env: Env, n: number): Promise<Layout> {
  const { runtime, tenant, run, undo, dupEvery } = env;
  const at = { ...env.at, keyPrefix: `${env.at.keyPrefix}-w${n}` };
  const before = await countRows(runtime.db, tenant, []);
  const workers = await startWorkerProcesses(n, at, undo);
  const web = await serveProduct(runtime, at, { workers: false });
  undo.push(['web', () => web.close()]);
  const webhook = `${web.url}/webhooks/feishu`;
  const who = `web + ${n} worker${n > 1 ? 's' : ''}`;
  const cpuNow = () => sampleCpu(runtime.db, runtime.redis, () => cpuOf(workers));
  const results = [await run(webhook, { name: 'warm-up 100/s', rate: 100, count: 200, dupEvery }, who, true)];
  const start = await cpuNow();
  results.push(await run(webhook, { ...env.saturated, until: 'reply', maxSeconds: SATURATED_SECONDS }, who, true));
  const cpu = cpuShare(start, await cpuNow());
  process.stderr.write(`[inbound] ${who} saturated: ${describeCpu(cpu)}\n`);
  if (n === 1) {
    const capacity = results[1]!.windowRate;
    results.push(await run(webhook, { name: '500/s', rate: 500, count: Math.round(Math.min(2000, Math.max(500, capacity * DRAIN_SECONDS))), dupEvery }, who, true));
  }
  await undo.pop()![1]();
  await undo.pop()![1]();
  const after = await countRows(runtime.db, tenant, results.flatMap((r) => r.ackedIds));
  return { workers: n, results, cpu, before, after };
}

type WorkerChild = Child<WorkerCommand, WorkerReply>;

/** n start:worker-like processes on the same queues, started side by side; one undo stops them all. */
async function startWorkerProcesses(n: number, at: ProductAt, undo: Undo): Promise<WorkerChild[]> {
  const children = Array.from({ length: n }, () => forkChild<WorkerCommand, WorkerReply>('./inbound-worker.ts'));
  undo.push([`${n} worker processes`, () => Promise.all(children.map((c) => c.stop({ type: 'stop' })))]);
  await Promise.all(children.map((c) => c.ask({ type: 'start', at }, 180_000)));
  return children;
}

async function cpuOf(children: WorkerChild[]): Promise<number[]> {
  const replies = await Promise.all(children.map((c) => c.ask({ type: 'cpu' }, 10_000)));
  return replies.map((r) => (r.type === 'cpu' ? r.ms : NaN));
}
