// Follow-up reminders (and low-score callback alerts): Postgres holds every reminder; Redis only
// what is due soon. A tick every few minutes sends what is due (including anything overdue and
// unsent — after a restart or a Redis wipe the tick simply finds it) and queues what falls due
// within the horizon as a delayed job whose id is the reminder's id and due time. When a job
// fires it re-reads the row: moved, done, cancelled or deleted (undo) means it sends nothing.
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import type { Reminder } from '../../src/generated/prisma/client.js';
import { jobId } from '../queues.js';
import { addDays, atLocal, deliverAt } from '../calendar.js';
import type { JobContext, JobDefinition, RunOptions } from '../types.js';
import { alertCard, followUpCard } from './follow-up-card.js';
import { peopleOf, personOf, sendTo, tenantsFor, type TenantInfo } from './people.js';

export const REMINDER_QUEUE = 'reminders';
/** How far ahead the tick puts reminders into Redis. */
export const HORIZON_MS = 30 * 60_000;
const TICK_MS = 5 * 60_000;

const firePayload = z.object({ reminderId: z.string().min(1), dueAt: z.string().min(1) });
type FirePayload = z.infer<typeof firePayload>;

export const reminderKey = (r: Pick<Reminder, 'id' | 'dueAt'>) => `reminder:${r.id}:${r.dueAt.toISOString()}`;

/** What the tick looks at: follow-ups and alerts (prompts and nudges are sent by their daily jobs). */
const SENT_BY_TICK = { OR: [{ kind: 'follow_up' as const }, { kind: 'callback' as const, note: { startsWith: 'alert:' } }] };

type Enqueue = (payload: FirePayload, delayMs: number) => Promise<void>;

const PAGE = 1000;

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
      for (const r of rows) await schedule(ctx, r, people.get(r.assigneeId)?.timeZone ?? tenant.timeZone, tenant, now, enqueue);
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1];
    }
  }
}

async function schedule(ctx: JobContext, r: Reminder, zone: string, tenant: TenantInfo, now: Date, enqueue?: Enqueue): Promise<void> {
  const at = fireTime(r, zone, tenant);
  const payload = { reminderId: r.id, dueAt: r.dueAt.toISOString() };
  if (at <= now) await fire(ctx, payload);
  else if (enqueue && at.getTime() - now.getTime() <= HORIZON_MS) await enqueue(payload, at.getTime() - now.getTime());
}

/** Follow-ups wait out quiet hours (to the morning send time); alerts of unhappy customers do not. */
function fireTime(r: Reminder, timeZone: string, tenant: TenantInfo): Date {
  return r.kind === 'follow_up' ? deliverAt(r.dueAt, timeZone, tenant.settings) : r.dueAt;
}

export type FireOutcome = 'sent' | 'muted' | 'gone';

/** Sends one reminder if it is still pending at the due time the job was queued for. */
export async function fire(ctx: JobContext, p: FirePayload): Promise<FireOutcome> {
  const r = await ctx.db.reminder.findUnique({ where: { id: p.reminderId } });
  if (!r || r.status !== 'pending' || r.dueAt.toISOString() !== p.dueAt) return 'gone';
  const tenant = (await tenantsFor(ctx.db, r.tenantId))[0];
  const person = tenant && (await personOf(ctx.db, tenant, r.assigneeId));
  if (!person) return 'gone';
  const now = ctx.now();
  const reply = r.kind === 'follow_up' ? await followUpCard(ctx.db, r, person, now) : await alertCard(ctx.db, r, person);
  const sent = reply ? await sendTo(ctx, person, r.kind, reply, reminderKey(r)) : false;
  // Lateness counts from when it was meant to go out (after quiet hours), not from dueAt.
  if (sent) ctx.metrics?.reminderLateness.observe(Math.max(0, (now.getTime() - fireTime(r, person.timeZone ?? tenant.timeZone, tenant).getTime()) / 1000));
  // Marked after the hand-off: a crash in between re-sends under the same key, which the
  // delivery layer turns into one message. A muted reminder is marked too (it stays a to-do in
  // the task list) so the tick stops looking at it.
  await ctx.db.reminder.updateMany({ where: { id: r.id, status: 'pending', dueAt: r.dueAt }, data: { status: 'sent', sentAt: now } });
  return sent ? 'sent' : reply ? 'muted' : 'gone';
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
    for (const r of rows) await fire(ctx, { reminderId: r.id, dueAt: r.dueAt.toISOString() });
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
  async start(ctx) {
    const worker = new Worker<FirePayload>(REMINDER_QUEUE, async (job) => fire(ctx, firePayload.parse(job.data)),
      { connection: ctx.connection, prefix: ctx.prefix, concurrency: 4 });
    worker.on('failed', (j, err) => {
      ctx.metrics?.jobFailures.inc({ queue: REMINDER_QUEUE });
      ctx.log.warn({ jobId: j?.id, err: err.message }, 'reminder failed');
    });
    return { close: () => worker.close() };
  },
};
