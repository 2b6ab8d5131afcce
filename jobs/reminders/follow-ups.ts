// Follow-up reminders (and low-score callback alerts): Postgres holds every reminder; Redis only
// what is due soon. A tick every few minutes sends what is due (including anything overdue and
// unsent — after a restart or a Redis wipe the tick simply finds it) and queues what falls due
// within the horizon as delayed jobs, one per tenant and second (due-jobs.ts). When a job
// fires it re-reads the rows: moved, done, cancelled or deleted (undo) means nothing is sent;
// reminders due together fire in rounds (fire.ts, batch.ts).
import { Queue, type ConnectionOptions } from 'bullmq';
import type { Reminder } from '../../src/generated/prisma/client.js';
import { addDays, atLocal } from '../calendar.js';
import type { JobContext, JobDefinition, RunOptions } from '../types.js';
import { queueGroup, REMINDER_QUEUE, startReminderWorker, type DueGroup, type DueJob } from './due-jobs.js';
import { fireMany, fireTime, type FirePayload } from './fire.js';
import { peopleOf, tenantsFor } from './people.js';

/** How far ahead the tick puts reminders into Redis. */
export const HORIZON_MS = 30 * 60_000;
const TICK_MS = 5 * 60_000;

export { fire, reminderKey, type FireOutcome } from './fire.js';
export { queuedState, REMINDER_QUEUE, startReminderWorker } from './due-jobs.js';

/** What the tick looks at: follow-ups and alerts (prompts and nudges are sent by their daily jobs). */
const SENT_BY_TICK = { kind: { in: ['follow_up' as const, 'low_score_alert' as const] } };

type Enqueue = (group: DueGroup, delayMs: number) => Promise<void>;

const PAGE = 1000;

export async function tick(ctx: JobContext, opts: RunOptions, enqueue?: Enqueue): Promise<void> {
  const now = ctx.now();
  const horizon = new Date(now.getTime() + HORIZON_MS);
  for (const tenant of await tenantsFor(ctx.db, opts.tenantId)) {
    let people: Awaited<ReturnType<typeof peopleOf>> | undefined;
    // Grouped over every page: a second's group is queued whole, once.
    const groups = new Map<number, DueGroup>();
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
        else if (at.getTime() - now.getTime() <= HORIZON_MS) addTo(groups, tenant.id, at, payload);
      }
      // What is due already goes now, together.
      if (due.length) await fireMany(ctx, due);
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1];
    }
    if (enqueue) for (const g of groups.values()) await enqueue(g, g.at.getTime() - now.getTime());
  }
}

/** Adds a reminder firing at `at` to its second's group; the group fires at its latest. */
function addTo(groups: Map<number, DueGroup>, tenantId: string, at: Date, p: FirePayload): void {
  const second = Math.floor(at.getTime() / 1000);
  const g = groups.get(second);
  if (!g) groups.set(second, { tenantId, at, reminders: [p] });
  else {
    g.reminders.push(p);
    if (at > g.at) g.at = at;
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
    const queue = new Queue<DueJob>(REMINDER_QUEUE, queueOptions(ctx));
    try {
      await tick(ctx, opts, async (group, delay) => { await queueGroup(queue, group, delay); });
    } finally {
      await queue.close();
    }
  },
  start: (ctx) => startReminderWorker(ctx),
};
