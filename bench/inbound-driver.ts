// The parent's side of the inbound bench's child processes: the load generator
// (inbound-load.ts), so that neither it nor the fake Feishu API runs on the measured server's
// event loop, and the split layout's worker process (inbound-worker.ts). Every exchange has a
// deadline; stop() kills a child that does not exit by itself.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchTenant } from './inbound-tenant.js';
import type { LoadCommand, LoadReply, StageResult, StageSpec } from './inbound-protocol.js';

export interface Load {
  apiUrl: string;
  stage(spec: StageSpec): Promise<StageResult>;
  stop(): Promise<void>;
}

/** A stage sends for at most ~20 s and waits 20 s past its last reply: 5 min means stuck. */
const STAGE_DEADLINE_MS = 300_000;

export interface Child<Cmd, Reply> {
  /** Sends a command and resolves with the child's next message. */
  ask(cmd: Cmd, deadlineMs: number): Promise<Reply>;
  /** Sends `bye`, waits for the exit; SIGKILL after 10 s. */
  stop(bye: Cmd): Promise<void>;
}

/** Forks a TypeScript module of bench/ with IPC; its `{type: 'error'}` messages reject. */
export function forkChild<Cmd, Reply extends { type: string }>(file: string): Child<Cmd, Reply> {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    ask: (cmd, deadlineMs) => new Promise<Reply>((resolve, reject) => {
      const done = () => { clearTimeout(timer); child.off('message', onMessage); child.off('exit', onExit); };
      const onMessage = (msg: Reply) => {
        done();
        if (msg.type === 'error') reject(new Error(`${file} failed: ${(msg as { message?: string }).message}`));
        else resolve(msg);
      };
      const onExit = (code: number | null) => { done(); reject(new Error(`${file} exited (${code})`)); };
      const timer = setTimeout(() => { done(); reject(new Error(`${file}: no answer in ${deadlineMs / 1000} s`)); }, deadlineMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(cmd as object);
    }),
    stop: (bye) => stop(child, bye),
  };
}

async function stop(child: ChildProcess, bye: unknown): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send(bye as object);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function startLoad(tenant: BenchTenant): Promise<Load> {
  const child = forkChild<LoadCommand, LoadReply>('./inbound-load.ts');
  const stopIt = () => child.stop({ type: 'stop' });
  try {
    const ready = await child.ask({ type: 'init', tenantKey: tenant.tenantKey, users: tenant.users }, 60_000);
    if (ready.type !== 'ready') throw new Error(`load generator: expected ready, got ${ready.type}`);
    return {
      apiUrl: ready.apiUrl,
      async stage(spec) {
        const r = await child.ask({ type: 'stage', spec }, STAGE_DEADLINE_MS);
        if (r.type !== 'result') throw new Error(`load generator: expected a result, got ${r.type}`);
        return r.result;
      },
      stop: stopIt,
    };
  } catch (err) {
    await stopIt();
    throw err;
  }
}
