// The outbound worker's processor: one message to one platform, recorded in Delivery so that
// a retry after a crash or a failure knows what already went out.
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Adapter } from '../../adapters/contract.js';
import { PlatformError } from '../../adapters/contract.js';
import type { Db } from '../db.js';
import { outboundPayloadSchema, type OutboundPayload } from '../../jobs/queues.js';
import type { Metrics } from '../http/metrics.js';

export interface DeliverDeps { db: Db; adapter: Adapter; log: Logger; now?: () => Date; metrics?: Pick<Metrics, 'messagesOut'> }

export type DeliverOutcome = 'sent' | 'already-sent';
type Result = 'sent' | 'already_sent' | 'failed' | 'retry';

export async function deliver(job: Pick<Job<OutboundPayload>, 'data'>, deps: DeliverDeps, worker?: Pick<Worker, 'rateLimit'>): Promise<DeliverOutcome> {
  const p = outboundPayloadSchema.parse(job.data);
  const { db } = deps;
  const count = (result: Result) => deps.metrics?.messagesOut.inc({ platform: p.address.platform, result });
  // A transient message (sent while Postgres is down) never reads or writes the database: the
  // BullMQ job id is its only dedupe.
  if (p.transient) {
    await send(p, deps, worker, count, async () => undefined);
    count('sent');
    return 'sent';
  }
  const row = await db.delivery.upsert({
    where: { id: p.deliveryId },
    create: { id: p.deliveryId, tenantId: p.tenantId, userId: p.userId, platform: p.address.platform, attempts: 1 },
    update: { attempts: { increment: 1 } },
  });
  if (row.status === 'sent') {
    count('already_sent');
    return 'already-sent';
  }
  await send(p, deps, worker, count, (err) => fail(db, p.deliveryId, err));
  await db.delivery.update({ where: { id: p.deliveryId }, data: { status: 'sent', sentAt: (deps.now ?? (() => new Date()))(), error: null } });
  count('sent');
  deps.log.debug({ deliveryId: p.deliveryId }, 'message sent');
  return 'sent';
}

/** Sends through the adapter; on failure records it (`onError`) and throws what tells BullMQ what to do next. */
async function send(p: OutboundPayload, deps: DeliverDeps, worker: Pick<Worker, 'rateLimit'> | undefined, count: (r: Result) => void, onError: (err: unknown) => Promise<void>): Promise<void> {
  try {
    await deps.adapter.send(p.address, p.reply, { idempotencyKey: p.deliveryId, replyTo: p.replyTo });
  } catch (err) {
    await onError(err);
    count(err instanceof PlatformError && !err.isRetryable() ? 'failed' : 'retry');
    if (!(err instanceof PlatformError)) throw err;
    deps.log.warn({ deliveryId: p.deliveryId, kind: err.kind, err: err.message }, 'platform refused a message');
    if (!err.isRetryable()) throw new UnrecoverableError(`${err.kind}: ${err.message}`);
    if (err.kind === 'rate_limited' && worker) {
      // BullMQ's manual rate limit: the queue waits (Retry-After), the job goes back to wait
      // without using up an attempt.
      await worker.rateLimit(err.retryAfterMs ?? 1000);
      throw Worker.RateLimitError();
    }
    throw err;
  }
}

async function fail(db: Db, id: string, err: unknown) {
  const gaveUp = err instanceof PlatformError && !err.isRetryable();
  await db.delivery.update({
    where: { id },
    data: { status: gaveUp ? 'failed' : 'pending', error: String((err as Error)?.message ?? err).slice(0, 500) },
  });
}
