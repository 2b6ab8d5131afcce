// Follow-up reminders (and low-score callback alerts): Postgres holds every reminder; Redis only
// what is due soon. A tick every few minutes sends what is due (including anything overdue and
// unsent — after a restart or a Redis wipe the tick simply finds it) and queues what falls due
// within the horizon as a delayed job whose id is the reminder's id and due time. When a job
// fires it re-reads the row: moved, done, cancelled or deleted (undo) means it sends nothing;
// jobs due together fire in batches (fire.ts, batch.ts).
import { Queue, Worker, type ConnectionOptions, type WorkerOptions } from 'bullmq';
import { z } from 'zod';
import type { Reminder } from '../../src/generated/prisma/client.js';
import { jobId } from '../queues.js';
import { addDays, atLocal } from '../calendar.js';
import type { JobContext, JobDefinition, RunOptions } from '../types.js';
import { Batcher } from './batch.js';
import { fire, fireMany, fireTime, type FirePayload } from './fire.js';
import { peopleOf, tenantsFor } from './people.js';

export const REMINDER_QUEUE = 'reminders';
/** How far ahead the tick puts reminders into Redis. */
export const HORIZON_MS = 30 * 60_000;
const TICK_MS = 5 * 60_000;

const firePayload = z.object({ reminderId: z.string().min(1), dueAt: z.string().min(1) });

export { fire, reminderKey, type FireOutcome } from './fire.js';

/** What the tick looks at: follow-ups and alerts (prompts and nudges are sent by their daily jobs). */
const SENT_BY_TICK = { kind: { in: ['follow_up' as const, 'low_score_alert' as const] } };

type Enqueue = (payload: FirePayload, delayMs: number) => Promise<void>;

const PAGE = 1000;
/** The largest round fired together; the worker holds three rounds' worth of jobs (two firing,
 * the next being fetched meanwhile). */
export const ROUND_MAX = 250;

export async function tick(ctx: JobContext, opts: RunOptions, enqueue?: Enqueue): Promise<void> {
  const now = ctx.now();
  const horizon = new Date(now.getTime() + HORIZON_MS);
  for (const tenant of await tenantsFor(ctx.db, opts.tenantId)) {
    let people: Awaited<ReturnType<typeof peopleOf>> | undefined;
    // Page by (dueAt, id): a tenant may have more than a page due within the horizon (1,000 in
    // one second, issue #6); a single capped read left the rest for a tick 5 minutes later.
    for (let after: Reminder | undefined; ;) {
      const rows = await ctx.db.reminder.findMany({
        where: {
          tenantId: tenant.id, status: 'pending', dueAt: { lte: horizon },
          AND: [SENT_BY_TICK, ...(after ? [{ OR: [{ dueAt: { gt: after.dueAt } }, { dueAt: after.dueAt, id: { gt: after.id } }] }] : [])],
        },
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], take: PAGE,
      });
      if (!rows.length) break;
      people ??= await peopleOf(ctx.db, tenant);
      const due: FirePayload[] = [];
      for (const r of rows) {
        const at = fireTime(r, people.get(r.assigneeId)?.timeZone ?? tenant.timeZone, tenant);
        const payload = { reminderId: r.id, dueAt: r.dueAt.toISOString() };
        if (at <= now) due.push(payload);
        else if (enqueue && at.getTime() - now.getTime() <= HORIZON_MS) await enqueue(payload, at.getTime() - now.getTime());
      }
      // What is due already goes now, together.
      if (due.length) await fireMany(ctx, due);
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1];
    }
  }
}

function queueOptions(ctx: JobContext): { connection: ConnectionOptions; prefix: string } {
  return { connection: ctx.redis, prefix: `${ctx.keyPrefix}:bull` };
}

/**
 * `run-job reminders --date D`: what the schedule sends on local day D — every pending follow-up
 * (and alert) due that day, now, under the same keys the tick uses.
 */
export async function runDate(ctx: JobContext, opts: RunOptions & { date: string }): Promise<void> {
  for (const tenant of await tenantsFor(ctx.db, opts.tenantId)) {
    const from = atLocal(opts.date, '00:00', tenant.timeZone), to = atLocal(addDays(opts.date, 1), '00:00', tenant.timeZone);
    const rows = await ctx.db.reminder.findMany({
      where: { tenantId: tenant.id, status: 'pending', dueAt: { gte: from, lt: to }, ...SENT_BY_TICK }, orderBy: { dueAt: 'asc' },
    });
    for (let i = 0; i < rows.length; i += PAGE) {
      await fireMany(ctx, rows.slice(i, i + PAGE).map((r) => ({ reminderId: r.id, dueAt: r.dueAt.toISOString() })));
    }
  }
}

export const reminders: JobDefinition = {
  name: 'reminders',
  schedule: { every: TICK_MS },
  async run(ctx, opts) {
    if (opts.date) return runDate(ctx, { ...opts, date: opts.date });
    const queue = new Queue<FirePayload>(REMINDER_QUEUE, queueOptions(ctx));
    try {
      await tick(ctx, opts, async (payload, delay) => {
        await queue.add('fire', payload, {
          jobId: jobId(`reminder:${payload.reminderId}:${payload.dueAt}`), delay,
          attempts: 5, backoff: { type: 'exponential', delay: 2000 },
          removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 },
        });
      });
    } finally {
      await queue.close();
    }
  },
  start: (ctx) => startReminderWorker(ctx),
};

/** The reminders worker; `opts` for tests (a short lock, to see a killed worker's jobs stall). */
export async function startReminderWorker(ctx: JobContext & { connection: ConnectionOptions; prefix: string }, opts: Partial<WorkerOptions> = {}) {
  // Many jobs in flight, fired in rounds: 1,000 reminders due in one second cost a few dozen
  // queries and one hand-off per round instead of ten queries each (issues #6, #16).
  const rounds = new Batcher((ps: FirePayload[]) => fireMany(ctx, ps).catch(async (err: unknown) => {
    if (ps.length === 1) throw err;
    // One reminder that cannot fire must not hold up the others: each on its own, each job
    // with its own outcome (what the round handed off already goes again under its key: once).
    ctx.log.warn({ err: err instanceof Error ? err.message : String(err), reminders: ps.length }, 'reminder round failed; firing one by one');
    return Promise.all(ps.map((p) => fire(ctx, p).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))));
  }), ROUND_MAX);
  const worker = new Worker<FirePayload>(REMINDER_QUEUE, async (job) => rounds.add(firePayload.parse(job.data)),
    { connection: ctx.connection, prefix: ctx.prefix, concurrency: 3 * ROUND_MAX, ...opts });
  worker.on('failed', (j, err) => {
    ctx.metrics?.jobFailures.inc({ queue: REMINDER_QUEUE });
    ctx.log.warn({ jobId: j?.id, err: err.message }, 'reminder failed');
  });
  return { close: () => worker.close() };
}
