// How an entry point starts and stops: its parts start in order (a part that fails stops the
// ones already started and the servers, so nothing is left behind), and a signal closes them
// in the given order, then the queues and servers, then exits 0.
import { ConfigError } from '../config.js';
import type { Booted, Closable } from './boot.js';
import { stopTracked } from './children.js';
import { stopWithLaunchers } from './parent-watch.js';

/** Starts each part in order; if one fails, what was started is stopped and the error rethrown. */
export async function startAll(booted: Booted, starters: Array<() => Promise<Closable>>): Promise<Closable[]> {
  const started: Closable[] = [];
  try {
    for (const start of starters) started.push(await start());
    return started;
  } catch (err) {
    await shutdown(booted, started.reverse()).catch(() => {});
    throw err;
  }
}

/** How long the workers and queues get to finish before the servers are stopped regardless. */
const CLOSE_WITHIN_MS = 15_000;

/** Closes the parts in order (new work first), then the queues, then Postgres and Redis — those
 * last even when the rest overran (a worker waiting on a Redis that has gone). */
async function shutdown({ product, runtime, log }: Booted, parts: Closable[]): Promise<void> {
  const closeWork = async () => {
    for (const part of parts) await part.close();
    await product.closeQueues();
  };
  let timer: NodeJS.Timeout | undefined;
  const overran = new Promise<'overran'>((resolve) => { timer = setTimeout(() => resolve('overran'), CLOSE_WITHIN_MS); });
  const outcome = await Promise.race([closeWork().then(() => 'closed' as const), overran]).finally(() => clearTimeout(timer));
  if (outcome === 'overran') log.warn({ ms: CLOSE_WITHIN_MS }, 'workers did not stop in time; stopping the servers anyway');
  await runtime.close();
}

/** On SIGINT/SIGTERM, or when npm start's npm has gone (parent-watch.ts): close each part in order (new work first, servers last), then exit 0. */
export function stopOnSignals(booted: Booted, parts: Closable[]): void {
  const { log } = booted;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    try {
      await shutdown(booted, parts);
      process.exit(0);
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'unclean stop');
      process.exit(1);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.off(signal, stopWhileStarting);
    process.on(signal, () => void stop(signal));
  }
  stopWithLaunchers((who) => void stop(who));
}

/** A signal while starting: the servers started so far are stopped (children.ts), then exit. */
function stopWhileStarting(signal: NodeJS.Signals): void {
  void stopTracked().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}

/** An error nothing caught ends the process as before (exit 1, its stack printed), but not before
 * the Postgres and Redis it started are stopped: they run in their own process group, and a crash
 * used to leave them running. */
function crashed(err: Error): void {
  console.error(err);
  void stopTracked().finally(() => process.exit(1));
}

/** Runs an entry point; a start that fails prints one line saying what is wrong (and what to
 * do, which the errors raised while starting say), then exits 1. LOG_LEVEL=debug adds the stack. */
export function runMain(main: () => Promise<void>): void {
  process.once('SIGINT', stopWhileStarting);
  process.once('SIGTERM', stopWhileStarting);
  process.once('uncaughtException', crashed);
  main().catch((err: unknown) => {
    console.error(startFailure(err));
    if (err instanceof Error && /^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '')) console.error(err.stack);
    process.exit(1);
  });
}

function startFailure(err: unknown): string {
  if (err instanceof ConfigError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `salesbot did not start: ${message.replace(/\s*\n\s*/g, ' ')}`;
}
