// Everything a daily digest or a weekly summary says about one team, gathered with a fixed
// number of queries (18 for a day — 2 of them the public pool's, #14 — 10 for a week, 11 with the
// leaderboard) whatever the team's size.
import type { Db } from '../../src/db.js';
import { conversion, dealsOfTheDay, type Conversion, type DealLine } from '../../src/domain/digest-deals.js';
import {
  NO_COUNTS, openPipeline, overdueFollowUps, repCounts, targets, wonBy, type Pipeline, type RepCounts,
} from '../../src/domain/digest.js';
import { addDays, dayRange, daysRange, monthToDate } from './dates.js';
import type { Basis } from '../../src/domain/attainment.js';
import { forecastBy, total, type Forecast } from '../../src/domain/forecast.js';
import { boardStats, NO_STATS, type BoardStats } from '../../src/domain/leaderboard.js';
import { poolDigest, type PoolDigest } from '../../src/domain/digest-pool.js';

export interface Member { id: string; name: string }
export interface TeamRef {
  tenantId: string; teamId: string; teamName: string; timeZone: string; members: Member[];
  /** Issue #15: the leaderboard section is on (Team.settings.leaderboard); what attainment counts. */
  leaderboard?: boolean; basis?: Basis;
}

export interface RepDay extends RepCounts {
  userId: string; name: string; mtdWon: number; target: number | null; overdue: number; open: { count: number; amount: number; weighted: number };
  /** Month to date, for the leaderboard (won, 回款, activities, new customers). */
  board?: BoardStats;
}

export interface DailyFigures {
  team: TeamRef; date: string; asOf: Date;
  reps: RepDay[];
  mtdWon: number; target: number | null;
  pipeline: Pipeline['byStage'];
  conversion: Conversion[];
  wins: DealLine[];
  /** Deals moved forward today; `setbacks`: moved back or lost. */
  movers: DealLine[]; setbacks: DealLine[];
  /** The month's forecast: won, open deals expected to close this month (weighted), commit. */
  forecast?: Forecast;
  /** The public pool (#14): customers due to return within days, and yesterday's claims, per rep. */
  pool?: PoolDigest;
}

/** The day `date` (local), with overdue follow-ups counted as of `asOf` (the digest's time). */
export async function dailyFigures(db: Db, team: TeamRef, date: string, asOf: Date): Promise<DailyFigures> {
  const { tenantId, timeZone } = team;
  const ids = team.members.map((m) => m.id);
  const day = dayRange(date, timeZone);
  const month = daysRange(`${date.slice(0, 7)}-01`, nextMonth(date), timeZone);
  const [counts, mtd, goal, overdue, pipeline, conv, deals, board, forecast, pool] = await Promise.all([
    repCounts(db, tenantId, ids, day),
    wonBy(db, tenantId, ids, monthToDate(date, timeZone)),
    targets(db, tenantId, team.teamId, ids, date.slice(0, 7)),
    overdueFollowUps(db, tenantId, ids, asOf),
    openPipeline(db, tenantId, ids),
    conversion(db, tenantId, ids, day.end),
    dealsOfTheDay(db, tenantId, ids, day),
    boardStats(db, tenantId, ids, monthToDate(date, timeZone), timeZone),
    forecastBy(db, tenantId, ids, month, timeZone),
    poolDigest(db, team, ids, date, asOf),
  ]);
  const none = { count: 0, amount: 0, weighted: 0 };
  const reps = team.members.map((m) => ({
    userId: m.id, name: m.name, ...(counts.get(m.id) ?? NO_COUNTS),
    mtdWon: mtd.get(m.id) ?? 0, target: goal.perRep.get(m.id) ?? null, overdue: overdue.get(m.id) ?? 0,
    open: pipeline.byRep.get(m.id) ?? none, board: board.get(m.id) ?? NO_STATS,
  }));
  const repTargets = reps.filter((r) => r.target !== null);
  return {
    team, date, asOf, reps,
    mtdWon: reps.reduce((s, r) => s + r.mtdWon, 0),
    // The team's own target when set, else the sum of its reps' (the seed keeps them equal).
    target: goal.team ?? (repTargets.length ? repTargets.reduce((s, r) => s + r.target!, 0) : null),
    pipeline: pipeline.byStage, conversion: conv, wins: deals.wins, movers: deals.movers, setbacks: deals.setbacks,
    forecast: total(forecast.values()),
    pool,
  };
}

/** The first day of the month after `date`'s. */
function nextMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export interface WeeklyFigures {
  team: TeamRef; monday: string;
  /** Last week (the 7 days before `monday`) and the week before it, per rep. */
  reps: { userId: string; name: string; last: RepCounts; before: RepCounts }[];
  last: RepCounts; before: RepCounts;
  /** Last week's leaderboard figures, when the team turned the section on (one more query). */
  board?: Map<string, BoardStats>;
}

const sum = (rows: RepCounts[]): RepCounts =>
  rows.reduce((t, r) => Object.fromEntries(Object.keys(t).map((k) => [k, t[k as keyof RepCounts] + r[k as keyof RepCounts]])) as unknown as RepCounts, NO_COUNTS);

export async function weeklyFigures(db: Db, team: TeamRef, monday: string): Promise<WeeklyFigures> {
  const ids = team.members.map((m) => m.id);
  const [last, before] = await Promise.all([
    repCounts(db, team.tenantId, ids, daysRange(addDays(monday, -7), monday, team.timeZone)),
    repCounts(db, team.tenantId, ids, daysRange(addDays(monday, -14), addDays(monday, -7), team.timeZone)),
  ]);
  const reps = team.members.map((m) => ({ userId: m.id, name: m.name, last: last.get(m.id) ?? NO_COUNTS, before: before.get(m.id) ?? NO_COUNTS }));
  const board = team.leaderboard ? await boardStats(db, team.tenantId, ids, daysRange(addDays(monday, -7), monday, team.timeZone), team.timeZone) : undefined;
  return { team, monday, reps, last: sum(reps.map((r) => r.last)), before: sum(reps.map((r) => r.before)), ...(board && { board }) };
}

