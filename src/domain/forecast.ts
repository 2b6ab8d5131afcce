// The forecast for a period (issue #15): what is already won in it, the open deals expected to
// close in it weighted by their stage's probability (amount × STAGE_PROBABILITY), and the part
// the reps committed (Deal.commit) — per owner, one statement whatever the number of owners.
import { Prisma } from '../db.js';
import { isoInZone } from '../time.js';
import type { Tx } from './actor.js';
import { OPEN_STAGES, STAGE_PROBABILITY } from './deals.js';

export interface ForecastRow { ownerId: string; won: number; open: number; openCount: number; weighted: number; commit: number; commitCount: number }
export type Forecast = Omit<ForecastRow, 'ownerId'>;

export const NO_FORECAST: Forecast = { won: 0, open: 0, openCount: 0, weighted: 0, commit: 0, commitCount: 0 };

const day = (at: Date, zone: string) => isoInZone(at, zone).slice(0, 10);
// The stages' probabilities as SQL, from the one table the app uses (deals.ts).
const PROBABILITY = Prisma.raw(`CASE stage::text ${OPEN_STAGES.map((s) => `WHEN '${s}' THEN ${STAGE_PROBABILITY[s]}`).join(' ')} ELSE 0 END`);
const OPEN = Prisma.raw(`stage::text IN (${OPEN_STAGES.map((s) => `'${s}'`).join(', ')})`);

/** Per owner; `owners` null: the whole tenant. Expected close dates are read as local dates. */
export async function forecastBy(
  db: Tx, tenantId: string, owners: string[] | null, range: { start: Date; end: Date }, timeZone: string,
): Promise<Map<string, ForecastRow>> {
  if (owners && !owners.length) return new Map();
  const [from, to] = [day(range.start, timeZone), day(range.end, timeZone)];
  const closing = Prisma.sql`${OPEN} AND "expectedClose" >= ${from}::date AND "expectedClose" < ${to}::date`;
  const rows = await db.$queryRaw<{ ownerId: string; won: Prisma.Decimal; open: Prisma.Decimal; openCount: bigint; weighted: Prisma.Decimal; commit: Prisma.Decimal; commitCount: bigint }[]>(Prisma.sql`
    SELECT "ownerId",
           COALESCE(SUM(amount) FILTER (WHERE stage = 'won' AND "closedAt" >= ${range.start} AND "closedAt" < ${range.end}), 0) AS won,
           COALESCE(SUM(amount) FILTER (WHERE ${closing}), 0) AS open,
           COUNT(*) FILTER (WHERE ${closing}) AS "openCount",
           COALESCE(SUM(amount * ${PROBABILITY} / 100.0) FILTER (WHERE ${closing}), 0) AS weighted,
           COALESCE(SUM(amount) FILTER (WHERE ${closing} AND commit), 0) AS commit,
           COUNT(*) FILTER (WHERE ${closing} AND commit) AS "commitCount"
      FROM "Deal"
     WHERE "tenantId" = ${tenantId} ${owners ? Prisma.sql`AND "ownerId" IN (${Prisma.join(owners)})` : Prisma.empty}
     GROUP BY "ownerId"`);
  return new Map(rows.map((r) => [r.ownerId, {
    ownerId: r.ownerId, won: Number(r.won), open: Number(r.open), openCount: Number(r.openCount),
    weighted: Math.round(Number(r.weighted) * 100) / 100, commit: Number(r.commit), commitCount: Number(r.commitCount),
  }]));
}

export function total(rows: Iterable<Forecast>): Forecast {
  const t = { ...NO_FORECAST };
  for (const r of rows) for (const k of Object.keys(t) as (keyof Forecast)[]) t[k] += r[k];
  return t;
}

/** Short of target after what is won and what is committed (negative: over it). */
export const gapOf = (f: Forecast, target: number) => target - f.won - f.commit;
