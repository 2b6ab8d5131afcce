// Every BullMQ worker the product starts goes through here, for two things BullMQ leaves to its
// user:
// - an 'error' listener. A worker whose Redis connection closes under it (a stop that overlaps its
//   start, a Redis gone) emits 'error'; with no listener that ended the process, and `npm start`
//   stopped by a signal left its Redis running (CI, under load).
// - closing only a worker that has connected: one closed while still connecting emits an error on
//   a connection nobody listens to (bullmq 5.81, measured: 300 create-then-close rounds).
import type { Worker } from 'bullmq';
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
  const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, READY_WITHIN_MS); });
  await Promise.race([worker.waitUntilReady().then(() => undefined, () => undefined), late]).finally(() => clearTimeout(timer));
  await worker.close();
}
