// The parent's side of the load generator (inbound-load.ts): a child process over IPC, so the
// generator and the fake Feishu API never run on the measured server's event loop. Every
// exchange has a deadline; stop() kills the child if it does not exit by itself.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchTenant } from './inbound-tenant.js';
import type { LoadCommand, LoadReply, StageResult, StageSpec } from './inbound-protocol.js';

export interface Load {
  apiUrl: string;
  stage(spec: StageSpec): Promise<StageResult>;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./inbound-load.ts', import.meta.url));
/** A stage sends for at most ~20 s and waits 20 s past its last reply: 5 min means stuck. */
const STAGE_DEADLINE_MS = 300_000;

export async function startLoad(tenant: BenchTenant): Promise<Load> {
  const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = exchange(child);
  try {
    const ready = await ask({ type: 'init', tenantKey: tenant.tenantKey, users: tenant.users }, 60_000);
    if (ready.type !== 'ready') throw new Error(`load generator: expected ready, got ${ready.type}`);
    return {
      apiUrl: ready.apiUrl,
      async stage(spec) {
        const r = await ask({ type: 'stage', spec }, STAGE_DEADLINE_MS);
        if (r.type !== 'result') throw new Error(`load generator: expected a result, got ${r.type}`);
        return r.result;
      },
      stop: () => stop(child),
    };
  } catch (err) {
    await stop(child);
    throw err;
  }
}

/** Sends a command and resolves with the child's next message; an error message, the child's
 * exit or the deadline reject. */
function exchange(child: ChildProcess) {
  return (cmd: LoadCommand, deadlineMs: number) => new Promise<LoadReply & { type: 'ready' | 'result' }>((resolve, reject) => {
    const done = () => { clearTimeout(timer); child.off('message', onMessage); child.off('exit', onExit); };
    const onMessage = (msg: LoadReply) => {
      done();
      if (msg.type === 'error') reject(new Error(`load generator failed: ${msg.message}`));
      else resolve(msg);
    };
    const onExit = (code: number | null) => { done(); reject(new Error(`load generator exited (${code})`)); };
    const timer = setTimeout(() => { done(); reject(new Error(`load generator: no answer to ${cmd.type} in ${deadlineMs / 1000} s`)); }, deadlineMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(cmd);
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'stop' } satisfies LoadCommand);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
