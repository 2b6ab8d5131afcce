// Rows a few minutes either side of calendar edges in Asia/Shanghai (UTC+8, no daylight saving):
// a month's first minutes are still the previous month in UTC, and 07:30 is still yesterday.
// Each month gets won deals of distinct amounts, so a sum names exactly which rows it took.
import type { Db } from '../../src/db.js';

export const ZONE = 'Asia/Shanghai';

/** A Shanghai wall-clock time ('YYYY-MM-DD', 'HH:MM') as an instant. */
export const shanghai = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

/** First days of the months the fixtures straddle: after a common February, a year end, a leap February. */
export const FIRSTS = ['2027-03-01', '2028-01-01', '2028-03-01'] as const;

/** The date `n` days after a 'YYYY-MM-DD' date (negative: before), by calendar arithmetic. */
export const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Around each first of the month F: won at F−1 23:30 (1), F 00:30 (10), F+4 23:30 (100),
 * F+5 00:30 (1000). So month to date is 10 on F, 110 on F+4, and 1 on the last day before F.
 */
export const WINS = [[-1, '23:30', 1], [0, '00:30', 10], [4, '23:30', 100], [5, '00:30', 1000]] as const;

/** A tenant with one team and one rep, and one customer. */
export async function edgeTenant(db: Db, tenantId: string) {
  await db.tenant.create({ data: { id: tenantId, name: tenantId, timeZone: ZONE } });
  const team = await db.team.create({ data: { tenantId, name: '一组' } });
  const rep = await db.user.create({ data: { tenantId, handle: 'rep', name: '甲', teamId: team.id } });
  const customer = await db.customer.create({
    data: { tenantId, name: '客户', matchKey: '客户', pinyin: 'kehu', initials: 'kh', ownerId: rep.id, createdAt: shanghai('2026-01-01', '12:00') },
  });
  return { team, rep, customer };
}

/** The WINS around every first in FIRSTS, owned by the rep. */
export async function wonAroundMonthStarts(db: Db, tenantId: string, repId: string, customerId: string) {
  await db.deal.createMany({
    data: FIRSTS.flatMap((first) => WINS.map(([days, hhmm, amount]) => {
      const closedAt = shanghai(plusDays(first, days), hhmm);
      return { tenantId, customerId, ownerId: repId, title: `won ${closedAt.toISOString()}`, amount, stage: 'won' as const, probability: 100, closedAt, createdAt: shanghai('2026-01-01', '12:00') };
    })),
  });
}
