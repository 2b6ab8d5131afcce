// The frame of the once-a-day jobs (stale deals, callbacks, anniversaries): per tenant, which
// local date the run is for and which dates it covers (Monday covers a weekend off). The
// scheduler ticks often and a tenant's run only goes ahead inside its morning window; an
// explicit date (the CLI, tests) runs that date at once. Message keys make re-runs harmless.
import type { Db } from '../../src/db.js';
import { coveredDates, dailyWindowOpen, localDate } from '../calendar.js';
import type { JobContext, JobDefinition, RunOptions } from '../types.js';
import { peopleOf, tenantsFor, type Person, type TenantInfo } from './people.js';

export interface DailyRun {
  tenant: TenantInfo;
  /** The run's local date, YYYY-MM-DD. */
  date: string;
  /** Dates whose events this run sends (oldest first, ending with `date`). */
  dates: string[];
  now: Date;
  people: Map<string, Person>;
  db: Db;
}

/** Every 15 minutes: a tenant's window opens at its send time, whatever its zone. */
const TICK = { every: 15 * 60_000 };

export function dailyJob(name: string, body: (ctx: JobContext, run: DailyRun) => Promise<void>): JobDefinition {
  return {
    name,
    schedule: TICK,
    async run(ctx: JobContext, opts: RunOptions) {
      const now = ctx.now();
      for (const tenant of await tenantsFor(ctx.db, opts.tenantId)) {
        if (!opts.date && !dailyWindowOpen(now, tenant.timeZone, tenant.settings)) continue;
        const date = opts.date ?? localDate(now, tenant.timeZone);
        const dates = coveredDates(date, tenant.settings);
        if (!dates.length) continue;
        // The scheduled run goes once a day: later ticks see the marker. Losing it (Redis wiped)
        // only means a harmless re-run — the message keys were already delivered.
        const marker = `${ctx.keyPrefix}:daily:${name}:${tenant.id}:${date}`;
        if (!opts.date && (await ctx.redis.exists(marker))) continue;
        const people = await peopleOf(ctx.db, tenant);
        await body(ctx, { tenant, date, dates, now, people, db: ctx.db });
        if (!opts.date) await ctx.redis.set(marker, now.toISOString(), 'EX', 3 * 24 * 3600);
        ctx.log.debug({ job: name, tenantId: tenant.id, date }, 'daily job ran');
      }
    },
  };
}
