// Issue #6, figure 3: every team's daily digest over a generated org (100 teams × 20 reps,
// 500,000 deals, 2,000,000 activities) in a scratch database. Three timings:
//  - the real daily-digest job (runDailyDigest: figures, text, chart PNG, hand-off to a
//    recording notifier) for every team, the goal (< 30 s);
//  - the same per team without the chart (figures + text), and the chart alone, to say which
//    part dominates;
//  - the ceiling: one hand-written SQL statement computing every team's headline numbers at
//    once (the floor of what Postgres needs for this data).
// Queries are counted per team with a counting Prisma client (no N+1: the count must not grow
// with the team).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { renderChartPng } from '../jobs/digests/chart.js';
import { runDailyDigest } from '../jobs/digests/daily.job.js';
import { atLocal, dayRange, localDate, monthToDate } from '../jobs/digests/dates.js';
import { dailyFigures } from '../jobs/digests/figures.js';
import { dailyDigestReply, repSummaryReply } from '../jobs/digests/render.js';
import { teamsOf, type TeamPlan } from '../jobs/digests/teams.js';
import type { JobContext } from '../jobs/types.js';
import type { Notifier } from '../src/delivery/outbox.js';
import type { Db } from '../src/db.js';
import { createLogger } from '../src/log.js';
import type { Figure } from './figures.js';
import { generateOrg, ISSUE_ORG, TENANT } from './org.js';
import { deleteUnder } from './redis-keys.js';
import { since, withScratchDb } from './scratch-db.js';

const GOAL_S = 30;
// 16 since issue #15: the month's leaderboard figures and forecast, one statement each; 18 since
// #14: the public pool's rules and its lines (due to return, yesterday's claims).
const MAX_QUERIES = 18;

function countingDb(db: Db) {
  const counter = { n: 0 };
  const counted = db.$extends({ query: { async $allOperations({ args, query }) { counter.n++; return query(args); } } }) as unknown as Db;
  return { counted, counter };
}

class CountingNotifier implements Notifier {
  sent = 0;
  async notify() { this.sent++; }
}

/** Figures + text for every team (no chart), then the chart alone; queries per team. */
async function perTeam(db: Db, teams: TeamPlan[], date: string) {
  const { counted, counter } = countingDb(db);
  const queries: number[] = [];
  let dataS = 0, chartS = 0;
  for (const team of teams) {
    const asOf = atLocal(date, team.digestTime, team.timeZone);
    const before = counter.n, t = performance.now();
    const f = await dailyFigures(counted, team, date, asOf);
    dailyDigestReply(f, team.manager?.locale ?? 'zh');
    for (const r of f.reps) repSummaryReply(f, r, 'zh');
    dataS += since(t);
    queries.push(counter.n - before);
    const c = performance.now();
    renderChartPng(f, team.manager?.locale ?? 'zh');
    chartS += since(c);
  }
  // The same team cut down to one rep must cost the same number of queries.
  const first = teams[0]!;
  const before = counter.n;
  await dailyFigures(counted, { ...first, members: first.members.slice(0, 1) }, date, atLocal(date, first.digestTime, first.timeZone));
  return { queries, oneRep: counter.n - before, dataS, chartS };
}

/** The real job for every team; its queries in total. */
async function fullJob(ctx: JobContext, date: string) {
  const { counted, counter } = countingDb(ctx.db);
  const notifier = new CountingNotifier();
  const t = performance.now();
  await runDailyDigest({ ...ctx, db: counted, notifier }, { tenantId: TENANT, date });
  return { seconds: since(t), queries: counter.n, sent: notifier.sent };
}

/** Every team's headline numbers (the day's counts, month-to-date wins, open pipeline, overdue
 * follow-ups, targets) in one statement: what Postgres needs at the least. */
async function oneStatement(sql: pg.Client, date: string, timeZone: string) {
  const day = dayRange(date, timeZone), mtd = monthToDate(date, timeZone), asOf = atLocal(date, '18:00', timeZone);
  const t = performance.now();
  const { rows } = await sql.query(`
    WITH reps AS (SELECT u.id, u."teamId" FROM "User" u JOIN "Team" t ON t.id = u."teamId" WHERE u."tenantId" = $1 AND u.id IS DISTINCT FROM t."managerId"),
    act AS (SELECT r."teamId", count(*) AS n FROM "Activity" a JOIN reps r ON r.id = a."userId" WHERE a."tenantId" = $1 AND a."occurredAt" >= $2 AND a."occurredAt" < $3 GROUP BY 1),
    cus AS (SELECT r."teamId", count(*) AS n FROM "Customer" c JOIN reps r ON r.id = c."ownerId" WHERE c."tenantId" = $1 AND c."createdAt" >= $2 AND c."createdAt" < $3 GROUP BY 1),
    dl AS (SELECT r."teamId", count(*) FILTER (WHERE d."createdAt" >= $2 AND d."createdAt" < $3) AS created,
             count(*) FILTER (WHERE d.stage = 'won' AND d."closedAt" >= $2 AND d."closedAt" < $3) AS won_today,
             sum(d.amount) FILTER (WHERE d.stage = 'won' AND d."closedAt" >= $4 AND d."closedAt" < $3) AS won_mtd,
             count(*) FILTER (WHERE d.stage IN ('lead','qualified','proposal','negotiation')) AS open,
             sum(d.amount * d.probability / 100) FILTER (WHERE d.stage IN ('lead','qualified','proposal','negotiation')) AS weighted
           FROM "Deal" d JOIN reps r ON r.id = d."ownerId" WHERE d."tenantId" = $1 GROUP BY 1),
    mv AS (SELECT r."teamId", count(*) AS n FROM "StageChange" s JOIN reps r ON r.id = s."actorId" WHERE s."tenantId" = $1 AND s."from" IS NOT NULL AND s.at >= $2 AND s.at < $3 GROUP BY 1),
    od AS (SELECT r."teamId", count(*) AS n FROM "Reminder" m JOIN reps r ON r.id = m."assigneeId" WHERE m."tenantId" = $1 AND m.kind = 'follow_up' AND m.status IN ('pending','sent') AND m."dueAt" < $5 GROUP BY 1),
    tg AS (SELECT r."teamId", sum(g.amount) AS amount FROM "Target" g JOIN reps r ON r.id = g."userId" WHERE g."tenantId" = $1 AND g.period = $6 GROUP BY 1)
    SELECT t.id, act.n AS activities, cus.n AS customers, dl.*, mv.n AS moves, od.n AS overdue, tg.amount AS target
    FROM "Team" t LEFT JOIN act ON act."teamId" = t.id LEFT JOIN cus ON cus."teamId" = t.id LEFT JOIN dl ON dl."teamId" = t.id
      LEFT JOIN mv ON mv."teamId" = t.id LEFT JOIN od ON od."teamId" = t.id LEFT JOIN tg ON tg."teamId" = t.id
    WHERE t."tenantId" = $1`,
  [TENANT, day.start, day.end, mtd.start, asOf, date.slice(0, 7)]);
  return { seconds: since(t), teams: rows.length };
}

export async function benchDigests(): Promise<Figure[]> {
  const log = createLogger('warn');
  const now = new Date();
  const chartDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-bench-digests-'));
  const dataDir = process.env.DATA_DIR;
  const keyPrefix = `bench-digests-${now.getTime()}`;
  return withScratchDb('digests', log, async ({ runtime, db, sql }) => {
    try {
      await generateOrg(sql, { ...ISSUE_ORG, reminders: { count: 40_000, fromDays: -30, toDays: 30 } }, now, 'digests');
      const tenant = { id: TENANT, timeZone: 'Asia/Shanghai', locale: 'zh' };
      const date = localDate(now, tenant.timeZone);
      const teams = await teamsOf(db, tenant);
      const floor = await oneStatement(sql, date, tenant.timeZone);
      const split = await perTeam(db, teams, date);
      // The job writes its charts under DATA_DIR/charts (read at each call): a temporary one here.
      process.env.DATA_DIR = chartDir;
      const job = await fullJob({ db, redis: runtime.redis, keyPrefix, notifier: new CountingNotifier(), now: () => now, log }, date);
      const maxQ = Math.max(...split.queries);
      process.stderr.write(`[digests] ${teams.length} teams on ${date}: job ${job.seconds.toFixed(1)} s (${job.sent} messages, ${job.queries} queries = ${(job.queries / teams.length).toFixed(1)}/team);`
        + ` figures+text ${split.dataS.toFixed(1)} s, charts ${split.chartS.toFixed(1)} s; queries/team min ${Math.min(...split.queries)} max ${maxQ}, one-rep team ${split.oneRep};`
        + ` one SQL statement for every team ${floor.seconds.toFixed(2)} s (${floor.teams} rows)\n`);
      const met = (s: number) => s < GOAL_S;
      return [
        { name: `daily digests, ${teams.length} teams × ${ISSUE_ORG.repsPerTeam} reps (real job: figures+text+chart), s`, value: job.seconds, unit: 's', goal: `< ${GOAL_S}`, met: met(job.seconds), ceiling: floor.seconds },
        { name: 'daily digests without chart (figures+text), s', value: split.dataS, unit: 's', goal: `< ${GOAL_S}`, met: met(split.dataS), ceiling: floor.seconds },
        { name: 'daily digest charts alone (ECharts SSR + resvg), s', value: split.chartS, unit: 's', goal: 'informational', met: true },
        { name: 'queries per team (max; a 1-rep team costs the same)', value: maxQ, unit: 'queries', goal: `<= ${MAX_QUERIES}, constant in team size`, met: maxQ <= MAX_QUERIES && split.oneRep === maxQ && Math.min(...split.queries) === maxQ },
      ];
    } finally {
      if (dataDir === undefined) delete process.env.DATA_DIR; else process.env.DATA_DIR = dataDir;
      fs.rmSync(chartDir, { recursive: true, force: true });
      await deleteUnder(runtime.redis, `${keyPrefix}:`);
    }
  });
}
