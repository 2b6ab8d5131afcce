import { describe, expect, it } from 'vitest';
import { fromLocalString, isoInZone, monthsOf, periodRange, zonedTime } from '../../src/time.js';

const SH = 'Asia/Shanghai';

describe('time zones', () => {
  it('turns local wall-clock times into instants', () => {
    expect(fromLocalString('2026-12-02', SH).toISOString()).toBe('2026-12-02T01:00:00.000Z'); // 09:00 local
    expect(fromLocalString('2026-11-24T15:00', SH).toISOString()).toBe('2026-11-24T07:00:00.000Z');
    expect(fromLocalString('2026-03-08T02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(() => fromLocalString('next week', SH)).toThrow(RangeError);
  });

  it('writes ISO strings with the zone offset (what the parser takes as now)', () => {
    expect(isoInZone(new Date('2026-11-23T02:00:00Z'), SH)).toBe('2026-11-23T10:00:00+08:00');
    expect(isoInZone(new Date('2026-11-23T16:30:00Z'), SH)).toBe('2026-11-24T00:30:00+08:00');
    expect(isoInZone(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
  });

  it('finds period ranges in local time, weeks Monday to Sunday', () => {
    const sunday = new Date('2026-11-29T15:00:00Z'); // Sunday 23:00 in Shanghai
    const week = periodRange('week', sunday, SH);
    expect(week.start.toISOString()).toBe(zonedTime(2026, 11, 23, 0, 0, SH).toISOString());
    expect(week.end.toISOString()).toBe(zonedTime(2026, 11, 30, 0, 0, SH).toISOString());
    const lateNewYearsEve = new Date('2026-12-31T17:00:00Z'); // already Jan 1 in Shanghai
    expect(periodRange('year', lateNewYearsEve, SH).start.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(periodRange('quarter', new Date('2026-11-23T02:00:00Z'), SH).start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(monthsOf('quarter', new Date('2026-11-23T02:00:00Z'), SH)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf('month', lateNewYearsEve, SH)).toEqual(['2027-01']);
  });
});
