// The outbound worker's processor: one message to one platform, recorded in Delivery so that
// a retry after a crash or a failure knows what already went out, and so that one chat's
// messages go out in the order they were queued (turn.ts). While Postgres is unreachable the
// message waits in the queue without using up its attempts, as inbound events do (db-down.ts).
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Adapter } from '../../adapters/contract.js';
import { PlatformError } from '../../adapters/contract.js';
import type { Db } from '../db.js';
import { isDbUnreachable } from '../db-errors.js';
import { outboundPayloadSchema, type OutboundPayload } from '../../jobs/queues.js';
import type { Metrics } from '../http/metrics.js';
import { OUTAGE_GIVE_UP_MS } from './db-down.js';
import { claim, heldBackBy, markSent, recheckTurn, wakeNext, type Claimed, type OutboundJobs } from './turn.js';
import type { SentMarks } from './sent-marks.js';

export interface DeliverDeps {
  db: Db;
  adapter: Adapter;
  log: Logger;
  now?: () => Date;
  metrics?: Pick<Metrics, 'messagesOut'>;
  /** A send with no answer after this long is a transient failure (retried), not a stuck worker slot. */
  sendTimeoutMs?: number;
  /** The platform's outbound queue: tells a live older message from a lost one, wakes the next one. */
  jobs?: OutboundJobs;
  /** How soon a message held back by an older one looks again. Only a fallback (a crash, a lost
   * job): the older one wakes the next when it is sent or given up. */
  turnPollMs?: number;
  /** An older message pending longer than this no longer holds newer ones back. */
  maxTurnWaitMs?: number;
  /** How soon a message that found Postgres unreachable tries again (no attempt used). */
  dbDownPollMs?: number;
  /** Where a round records each message the platform took (sent-marks.ts); without it, in the job's data. */
  marks?: SentMarks;
}

export const DELIVERY_DEFAULTS = { sendTimeoutMs: 10_000, turnPollMs: 5_000, maxTurnWaitMs: 3 * 3600_000, dbDownPollMs: 5_000 };

export type DeliverOutcome = 'sent' | 'already-sent';
export type Result = 'sent' | 'already_sent' | 'failed' | 'retry';
export type DeliverJob = Pick<Job<OutboundPayload>, 'data'> & Partial<Pick<Job<OutboundPayload>, 'attemptsMade' | 'attemptsStarted' | 'opts' | 'moveToDelayed' | 'updateData' | 'timestamp'>>;

/** Errors the platform (adapter) threw: a refused socket there is not Postgres being down. */
const fromPlatform = new WeakSet<object>();

export async function deliver(job: DeliverJob, deps: DeliverDeps, worker?: Pick<Worker, 'rateLimit'>, token?: string): Promise<DeliverOutcome> {
  try {
    return await deliverOnce(job, deps, worker, token);
  } catch (err) {
    return putBackWhileDbDown(job, err, deps, token);
  }
}

/** Rethrows `err`, unless Postgres is unreachable: then the job waits in the queue without using up an attempt. */
export async function putBackWhileDbDown(job: DeliverJob, err: unknown, deps: Pick<DeliverDeps, 'log' | 'dbDownPollMs'>, token: string | undefined): Promise<never> {
  const waited = Date.now() - (job.timestamp ?? Date.now());
  if (!token || !job.moveToDelayed || !isDbUnreachable(err) || fromPlatform.has(err as object) || waited > OUTAGE_GIVE_UP_MS) throw err;
  deps.log.warn({ deliveryId: job.data.deliveryId, err: (err as Error).message }, 'Postgres unreachable: message put back');
  await job.moveToDelayed(Date.now() + (deps.dbDownPollMs ?? DELIVERY_DEFAULTS.dbDownPollMs), token);
  throw new DelayedError('Postgres unreachable');
}

async function deliverOnce(job: DeliverJob, deps: DeliverDeps, worker: Pick<Worker, 'rateLimit'> | undefined, token: string | undefined): Promise<DeliverOutcome> {
  const p = outboundPayloadSchema.parse(job.data);
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const count = (result: Result) => deps.metrics?.messagesOut.inc({ platform: p.address.platform, result });
  // A transient message (sent while Postgres is down) never reads or writes the database: the
  // BullMQ job id is its only dedupe, and it takes no place in its chat's order.
  if (p.transient) {
    await send(p, deps, worker, count, async () => undefined);
    count('sent');
    return 'sent';
  }
  // Outbox.send made the row when it queued the message; a job queued before #6 gets it here.
  const turn = { now: now(), maxWaitMs: deps.maxTurnWaitMs ?? DELIVERY_DEFAULTS.maxTurnWaitMs };
  const row = await claim(db, { id: p.deliveryId, tenantId: p.tenantId, userId: p.userId, address: p.address }, turn);
  if (row.status === 'sent') {
    await db.delivery.update({ where: { id: p.deliveryId }, data: { attempts: { increment: 1 } } });
    count('already_sent');
    return 'already-sent';
  }
  await takeTurn(job, row, deps, turn, token);
  // Sent on an earlier try whose record failed: record it now, do not send again.
  if (!p.sentAt) await send(p, deps, worker, count, (err) => recordFailure(job, row, err, deps, worker));
  const sentAt = p.sentAt ? new Date(p.sentAt) : now();
  const next = await markSent(db, p.deliveryId, sentAt).catch(async (err: unknown) => {
    await job.updateData?.({ ...job.data, sentAt: sentAt.toISOString() });
    throw err;
  });
  count('sent');
  deps.log.debug({ deliveryId: p.deliveryId }, 'message sent');
  // The next message of this chat need not wait for its poll.
  if (next) await deps.jobs?.promote(next);
  return 'sent';
}

/** A failed send: the row keeps the error and counts the try; on the last try (or a failure retrying
 * cannot fix) it is marked failed and its chat's next message is woken. */
export async function recordFailure(job: DeliverJob, row: Claimed, err: unknown, deps: DeliverDeps, worker: Pick<Worker, 'rateLimit'> | undefined): Promise<void> {
  const lastTry = job.opts ? (job.attemptsMade ?? 0) + 1 >= (job.opts.attempts ?? 1) : false;
  // A rate limit does not use up an attempt (send), so even on the last try it is not the end.
  const free = err instanceof PlatformError && err.kind === 'rate_limited' && worker !== undefined;
  const gaveUp = (lastTry && !free) || (err instanceof PlatformError && !err.isRetryable());
  const error = String((err as Error)?.message ?? err).slice(0, 500);
  await deps.db.delivery.update({ where: { id: row.id }, data: { status: gaveUp ? 'failed' : 'pending', error, attempts: { increment: 1 } } });
  if (gaveUp) await wakeNext(deps.db, row, deps.jobs);
}

/** Throws BullMQ's DelayedError (no attempt used) while an older message to the same chat must go first. */
async function takeTurn(job: DeliverJob, row: Claimed, deps: DeliverDeps, turn: { now: Date; maxWaitMs: number }, token: string | undefined): Promise<void> {
  const waitingFor = await heldBackBy(deps.db, row, { jobs: deps.jobs, ...turn }, row.older);
  if (!waitingFor) return;
  await job.moveToDelayed?.(Date.now() + (deps.turnPollMs ?? DELIVERY_DEFAULTS.turnPollMs), token);
  await recheckTurn(deps.db, waitingFor, row.id, deps.jobs);
  throw new DelayedError(`waiting for ${waitingFor}`);
}

/** Sends through the adapter; on failure records it (`onError`) and throws what tells BullMQ what to do next. */
export async function send(p: OutboundPayload, deps: DeliverDeps, worker: Pick<Worker, 'rateLimit'> | undefined, count: (r: Result) => void, onError: (err: unknown) => Promise<void>): Promise<void> {
  try {
    const sending = deps.adapter.send(p.address, p.reply, { idempotencyKey: p.deliveryId, replyTo: p.replyTo });
    await bounded(sending, deps.sendTimeoutMs ?? DELIVERY_DEFAULTS.sendTimeoutMs, p.address.platform);
  } catch (err) {
    if (err && typeof err === 'object') fromPlatform.add(err);
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

/** A platform that never answers must not hold a worker slot: after `ms` it is a transient failure. */
function bounded(sending: Promise<void>, ms: number, platform: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PlatformError('transient', `${platform}: no answer in ${ms} ms`)), ms);
  });
  // The abandoned request may still fail later; that is already accounted for.
  sending.catch(() => undefined);
  return Promise.race([sending, timeout]).finally(() => clearTimeout(timer));
}
