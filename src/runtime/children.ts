// The servers this process started in their own process group (postgres-process.ts,
// embedded-redis.ts), which a Ctrl-C does not reach, tracked until they exit: a signal that
// comes while the app is still starting — before its own orderly stop is in place — stops them.
import type { ChildProcess } from 'node:child_process';

const live = new Map<ChildProcess, NodeJS.Signals>();

/** Tracks a server; `signal` is the one that stops it cleanly. */
export function track(child: ChildProcess, signal: NodeJS.Signals): void {
  live.set(child, signal);
  child.once('exit', () => live.delete(child));
}

/** Signals every tracked server and waits for each to exit (at most 10 s). */
export async function stopTracked(): Promise<void> {
  await Promise.all([...live].map(([child, signal]) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    setTimeout(resolve, 10_000).unref();
    child.kill(signal);
  })));
}
