// weekly-summary: on Monday morning (09:00 in the tenant's zone), last week against the week
// before, to each team's manager. `--date D` sends the summary of the Monday of D's week.
import type { JobContext, JobDefinition, RunOptions } from '../types.js';
import { atLocal, localDate, mondayOf, weekday } from './dates.js';
import { weeklyFigures } from './figures.js';
import { weeklyReply } from './render.js';
import { toPerson } from './send.js';
import { pending, teamsOf, tenantsFor } from './teams.js';

export const WEEKLY_TIME = '09:00';
export const weeklyKey = (teamId: string, monday: string) => `weekly:${teamId}:${monday}`;

/** The Monday whose summary is due now (none before 09:00 or on other days). */
function dueMonday(ctx: JobContext, opts: RunOptions, timeZone: string): string | null {
  if (opts.date) return mondayOf(opts.date);
  const today = localDate(ctx.now(), timeZone);
  return weekday(today) === 1 && ctx.now() >= atLocal(today, WEEKLY_TIME, timeZone) ? today : null;
}

export async function runWeeklySummary(ctx: JobContext, opts: RunOptions): Promise<void> {
  let failed = 0;
  for (const tenant of await tenantsFor(ctx.db, opts)) {
    const monday = dueMonday(ctx, opts, tenant.timeZone);
    if (!monday) continue;
    for (const team of await teamsOf(ctx.db, tenant)) {
      const { manager } = team;
      if (!manager || manager.muted.has('weekly')) continue;
      const key = weeklyKey(team.teamId, monday);
      if (!(await pending(ctx, [key])).length) continue;
      try {
        const figures = await weeklyFigures(ctx.db, team, monday);
        await toPerson(ctx, tenant.id, manager.id, weeklyReply(figures, manager.locale), key);
      } catch (err) {
        failed++;
        ctx.log.error({ err, teamId: team.teamId, monday }, 'weekly summary failed');
      }
    }
  }
  if (failed) throw new Error(`weekly summary failed for ${failed} team(s)`);
}

export const weeklySummaryJob: JobDefinition = {
  name: 'weekly-summary',
  schedule: { every: 5 * 60_000 },
  run: runWeeklySummary,
};
