// daily-digest: each team's KPI digest to its manager (and its group chat, when set) at the
// team's digest time, and the opted-in members' own summaries at the same time. A tick every
// five minutes sends what is due and not sent yet; keys make every message go out once.
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import type { Locale } from '../../src/i18n/index.js';
import type { JobContext, JobDefinition, RunOptions } from '../types.js';
import { writeChart } from './chart.js';
import { atLocal, localDate } from './dates.js';
import { dailyFigures, type DailyFigures } from './figures.js';
import { dailyDigestReply, repSummaryReply } from './render.js';
import { toGroup, toPerson } from './send.js';
import { pending, teamsOf, tenantsFor, type TeamPlan } from './teams.js';

export const digestKey = (teamId: string, date: string) => `digest:${teamId}:${date}`;
export const summaryKey = (userId: string, date: string) => `summary:${userId}:${date}`;

/** Charts go under the data directory (DATA_DIR, default .data) in charts/. */
export const chartDir = (): string => path.join(loadConfig().DATA_DIR, 'charts');

/** `chart`: the language of the chart that goes with the message, when one does. */
interface Send { key: string; chart?: Locale; deliver(f: DailyFigures, chart: string | undefined): Promise<void> }

function plannedSends(ctx: JobContext, team: TeamPlan, date: string): Send[] {
  const { manager, group, tenantId } = team;
  const managerSend = manager && !manager.muted.has('digest')
    ? [{ key: digestKey(team.teamId, date), chart: manager.locale, deliver: (f: DailyFigures, chart?: string) => toPerson(ctx, tenantId, manager.id, dailyDigestReply(f, manager.locale, chart), digestKey(team.teamId, date)) }]
    : [];
  const groupKey = `${digestKey(team.teamId, date)}:group`;
  const groupSend = group ? [{ key: groupKey, chart: 'zh' as const, deliver: (f: DailyFigures, chart?: string) => toGroup(ctx, tenantId, group, dailyDigestReply(f, 'zh', chart), groupKey) }] : [];
  const summaries = team.people.filter((p) => p.dailySummary && !p.muted.has('digest')).map((p) => ({
    key: summaryKey(p.id, date),
    deliver: (f: DailyFigures) => toPerson(ctx, tenantId, p.id, repSummaryReply(f, f.reps.find((r) => r.userId === p.id)!, p.locale), summaryKey(p.id, date)),
  }));
  return [...managerSend, ...groupSend, ...summaries];
}

async function digestTeam(ctx: JobContext, team: TeamPlan, date: string, asOf: Date): Promise<void> {
  const sends = plannedSends(ctx, team, date);
  const due = new Set(await pending(ctx, sends.map((s) => s.key)));
  if (!due.size) return;
  const figures = await dailyFigures(ctx.db, team, date, asOf);
  // One chart per language its readers need, drawn when first needed. The chart is a bonus: if
  // it cannot be drawn the digest still goes, as text.
  const charts = new Map<Locale, Promise<string | undefined>>();
  const chartIn = (locale: Locale) => {
    if (!charts.has(locale)) {
      charts.set(locale, writeChart(figures, locale, chartDir(), `${digestKey(team.teamId, date)}:${locale}`)
        .catch((err: Error) => { ctx.log.warn({ err: err.message, teamId: team.teamId }, 'digest chart failed'); return undefined; }));
    }
    return charts.get(locale)!;
  };
  for (const s of sends) if (due.has(s.key)) await s.deliver(figures, s.chart && (await chartIn(s.chart)));
}

export async function runDailyDigest(ctx: JobContext, opts: RunOptions): Promise<void> {
  let failed = 0;
  for (const tenant of await tenantsFor(ctx.db, opts)) {
    const date = opts.date ?? localDate(ctx.now(), tenant.timeZone);
    for (const team of await teamsOf(ctx.db, tenant)) {
      const asOf = atLocal(date, team.digestTime, tenant.timeZone);
      // The schedule waits for the team's time; an operator naming a date means "now".
      if (!opts.date && ctx.now() < asOf) continue;
      // One team's failure does not hold up the others; the run still reports it.
      await digestTeam(ctx, team, date, asOf).catch((err: Error) => { failed++; ctx.log.error({ err, teamId: team.teamId, date }, 'daily digest failed'); });
    }
  }
  if (failed) throw new Error(`daily digest failed for ${failed} team(s)`);
}

export const dailyDigestJob: JobDefinition = {
  name: 'daily-digest',
  schedule: { every: 5 * 60_000 },
  run: runDailyDigest,
};
