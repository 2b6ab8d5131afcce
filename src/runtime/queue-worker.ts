// Every BullMQ worker the product starts goes through here, for what BullMQ leaves to its user:
// - an 'error' listener. A worker whose Redis connection closes under it (a stop that overlaps its
//   start, a Redis gone) emits 'error'; with no listener that ended the process, and `npm start`
//   stopped by a signal left its Redis running (CI, under load).
// - closing only a worker that has connected: one closed while still connecting emits an error on
//   a connection nobody listens to (bullmq 5.81, measured: 300 create-then-close rounds).
// - a worker that never connected (no Redis there) is closed anyway, after 2 s. bullmq 5.81 then
//   disconnects each connection, removes its listeners and only afterwards rejects the connect
//   attempt that was in flight, as an 'error' with no listener: an unhandled rejection that ends
//   the process (measured: 4 in 60 closes against a refused port; once in CI). A no-op listener
//   put back after each connection's close keeps that late error quiet; it has been logged
//   already by `watched`.
import type { Worker } from 'bullmq';
import type { EventEmitter } from 'node:events';
import type { Logger } from 'pino';

const READY_WITHIN_MS = 2_000;

/** Logs the worker's errors instead of letting an unhandled 'error' end the process. */
export function watched<W extends Worker>(worker: W, log: Logger): W {
  worker.on('error', (err) => log.warn({ queue: worker.name, err: err.message }, 'queue worker error'));
  return worker;
}

/** Closes a worker once it has connected (or after 2 s, for a Redis that is not there). */
export async function closeWorker(worker: Worker): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), READY_WITHIN_MS); });
  const ready = worker.waitUntilReady().then(() => true, () => false);
  const connected = await Promise.race([ready, late]).finally(() => clearTimeout(timer));
  if (!connected) quietAfterClose(worker);
  await worker.close();
}

type Closable = EventEmitter & { close(force?: boolean): Promise<void> };

function quietAfterClose(worker: Worker): void {
  const inner = worker as unknown as Record<'connection' | 'blockingConnection', Closable | undefined>;
  for (const connection of [inner.connection, inner.blockingConnection]) {
    if (!connection) continue;
    const close = connection.close.bind(connection);
    connection.close = (force) => close(force).finally(() => { connection.on('error', () => {}); });
  }
}
