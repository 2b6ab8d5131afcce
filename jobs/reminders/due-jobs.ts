// The Redis side of follow-ups (issue #16): one delayed job per tenant and second in which its
// reminders fall due, its payload those reminders, instead of a job per reminder. 1,000 due in
// the same second are one job for BullMQ to fetch and complete, not 1,000 (each a Redis round
// trip after another: most of the reminder leg's lateness under load).
// The job's id is its tenant, second and a digest of its reminders: a tick that finds the same
// reminders adds nothing; one that finds them changed (a reminder set, moved, done within the
// horizon) replaces the delayed job (BullMQ deduplication by tenant and second, `replace`). Each
// reminder is still fired only if still pending at the due time it was queued for (fire.ts), and
// sent once under its own key, whichever job or retry fires it.
import { createHash } from 'node:crypto';
import { Worker, type ConnectionOptions, type Queue, type WorkerOptions } from 'bullmq';
import { z } from 'zod';
import { jobId } from '../queues.js';
import type { JobContext } from '../types.js';
import { Batcher } from './batch.js';
import { fire, fireMany, type FirePayload } from './fire.js';
import { closeWorker, watched } from '../../src/runtime/queue-worker.js';

export const REMINDER_QUEUE = 'reminders';

/** A tenant's reminders that fire within one second, at `at` (the latest of them). */
export interface DueGroup { tenantId: string; at: Date; reminders: FirePayload[] }

const firePayload = z.object({ reminderId: z.string().min(1), dueAt: z.string().min(1) });
const groupPayload = z.object({ tenantId: z.string().min(1), reminders: z.array(firePayload).min(1) });
/** A group, or one reminder (jobs queued before #16 still in Redis). */
const jobPayload = z.union([groupPayload, firePayload]);
export type DueJob = z.infer<typeof jobPayload>;

/** The largest round fired together; rounds gather the reminders of every job that has arrived. */
export const ROUND_MAX = 250;

/** Deduplication id of a tenant's second: at most one delayed job each. */
const secondKey = (tenantId: string, at: Date) => jobId(`reminders:${tenantId}:${new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString()}`);

function digest(rs: FirePayload[]): string {
  const h = createHash('sha1');
  for (const r of [...rs].sort((a, b) => (a.reminderId < b.reminderId ? -1 : 1))) h.update(`${r.reminderId}\u0000${r.dueAt}\u0000`);
  return h.digest('hex').slice(0, 16);
}

/** Queues a group to fire `delayMs` from now (see the top of this file for its id); the job's id. */
export async function queueGroup(queue: Queue<DueJob>, g: DueGroup, delayMs: number): Promise<string | undefined> {
  const second = secondKey(g.tenantId, g.at);
  const job = await queue.add('fire-due', { tenantId: g.tenantId, reminders: g.reminders }, {
    jobId: `${second}.${digest(g.reminders)}`, delay: delayMs, deduplication: { id: second, replace: true },
    attempts: 5, backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 },
  });
  return job.id;
}

/** The state of the job queued for a tenant's second ('unknown' when there is none). */
export async function queuedState(queue: Queue<DueJob>, tenantId: string, at: Date): Promise<string> {
  const id = await queue.getDeduplicationJobId(secondKey(tenantId, at));
  return (id && (await queue.getJobState(id))) || 'unknown';
}

/** The reminders worker; `opts` for tests (a short lock, to see a killed worker's jobs stall). */
export async function startReminderWorker(ctx: JobContext & { connection: ConnectionOptions; prefix: string }, opts: Partial<WorkerOptions> = {}) {
  // Fired in rounds: the reminders of the jobs that arrived together cost a few queries and one
  // hand-off per round (issues #6, #16).
  const rounds = new Batcher((ps: FirePayload[]) => fireMany(ctx, ps).catch(async (err: unknown) => {
    if (ps.length === 1) throw err;
    // One reminder that cannot fire must not hold up the others: each on its own, each with its
    // own outcome (what the round handed off already goes again under its key: once).
    ctx.log.warn({ err: err instanceof Error ? err.message : String(err), reminders: ps.length }, 'reminder round failed; firing one by one');
    return Promise.all(ps.map((p) => fire(ctx, p).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))));
  }), ROUND_MAX);
  const worker = watched(new Worker<DueJob>(REMINDER_QUEUE, async (job) => {
    const data = jobPayload.parse(job.data);
    const ps = 'reminders' in data ? data.reminders : [data];
    // Every reminder settles before the job does; a failed one fails the job, whose retry fires
    // again only what is still pending (the others are marked sent).
    const settled = await Promise.allSettled(ps.map((p) => rounds.add(p)));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.filter((s) => s.status === 'fulfilled' && s.value === 'sent').length;
  }, { connection: ctx.connection, prefix: ctx.prefix, concurrency: 3 * ROUND_MAX, ...opts }), ctx.log);
  worker.on('failed', (j, err) => {
    ctx.metrics?.jobFailures.inc({ queue: REMINDER_QUEUE });
    ctx.log.warn({ jobId: j?.id, err: err.message }, 'reminder failed');
  });
  return { close: () => closeWorker(worker) };
}
