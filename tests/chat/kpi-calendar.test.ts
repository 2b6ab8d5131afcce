// The KPI a rep asks for in chat ("我这个月业绩", /kpi): the month is the calendar month in the
// rep's zone (Asia/Shanghai), from local midnight on the 1st, asked at any hour (07:30 on the
// 1st is still the previous month in UTC), across a common February, a year end and a leap
// February.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadActor, type Actor } from '../../src/domain/actor.js';
import { kpi } from '../../src/domain/reports.js';
import { testDb } from '../support/db.js';
import { edgeTenant, FIRSTS, plusDays, shanghai, wonAroundMonthStarts } from '../support/calendar-edges.js';

const { db } = await testDb();
let actor: Actor;

beforeAll(async () => {
  const { rep, customer } = await edgeTenant(db, 'kpi-edges');
  await wonAroundMonthStarts(db, 'kpi-edges', rep.id, customer.id);
  actor = await loadActor(db, rep.id);
});

const month = async (date: string, hhmm: string) => {
  const k = await kpi(db, actor, 'me', 'month', shanghai(date, hhmm));
  return [k.won, k.wonCount];
};

describe('chat KPI month at calendar edges', () => {
  it.each(FIRSTS)('takes the whole local month, from 00:00 on the 1st (%s)', async (first) => {
    // The month of `first` holds the wins of 10, 100 and 1000; the month before ends with 1.
    expect(await month(first, '07:30')).toEqual([1110, 3]);
    expect(await month(plusDays(first, 4), '23:30')).toEqual([1110, 3]);
    expect(await month(plusDays(first, -1), '23:30')).toEqual([1, 1]);
  });
});
