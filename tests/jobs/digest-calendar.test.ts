// The daily digest's windows at calendar edges, in the team's zone (Asia/Shanghai): "today" is
// the local day — 00:01 and 07:30 are still the day before in UTC — and month to date starts at
// local midnight on the 1st, across a common February, a year end and a leap February.
import { beforeAll, describe, expect, it } from 'vitest';
import { dailyFigures, type TeamRef } from '../../jobs/digests/figures.js';
import { testDb } from '../support/db.js';
import { edgeTenant, FIRSTS, plusDays, shanghai, wonAroundMonthStarts, ZONE } from '../support/calendar-edges.js';

const { db } = await testDb();
let team: TeamRef;

beforeAll(async () => {
  const { team: row, rep, customer } = await edgeTenant(db, 'edges');
  team = { tenantId: 'edges', teamId: row.id, teamName: row.name, timeZone: ZONE, members: [{ id: rep.id, name: rep.name }] };
  await wonAroundMonthStarts(db, 'edges', rep.id, customer.id);
  // Activities on 2027-03-01 local: three, two of them before 08:00 (the UTC day before); then
  // one the next morning at 07:30, which a UTC day of 03-01 would wrongly take.
  const at = (date: string, hhmm: string) => ({ tenantId: 'edges', customerId: customer.id, userId: rep.id, channel: 'call' as const, summary: `${date} ${hhmm}`, occurredAt: shanghai(date, hhmm) });
  await db.activity.createMany({ data: [at('2027-02-28', '23:59'), at('2027-03-01', '00:01'), at('2027-03-01', '07:30'), at('2027-03-01', '23:30'), at('2027-03-02', '07:30')] });
});

const figures = (date: string) => dailyFigures(db, team, date, shanghai(date, '18:00'));

describe('daily digest at calendar edges', () => {
  it('counts the team\'s local day, not the UTC day', async () => {
    expect((await figures('2027-02-28')).reps[0]!.activities).toBe(1);
    expect((await figures('2027-03-01')).reps[0]!.activities).toBe(3);
    expect((await figures('2027-03-02')).reps[0]!.activities).toBe(1);
  });

  it.each(FIRSTS)('starts month to date at local midnight on the 1st (%s)', async (first) => {
    const onFirst = await figures(first);
    expect(onFirst.mtdWon).toBe(10); // won at 00:30 on the 1st; not the 23:30 the night before
    expect(onFirst.reps[0]!.wonAmount).toBe(10);
    expect((await figures(plusDays(first, 4))).mtdWon).toBe(110);
    expect((await figures(plusDays(first, -1))).mtdWon).toBe(1); // the last day of the month before
  });
});
