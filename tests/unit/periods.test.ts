// Periods shifted by whole periods (#11: 明天, 上周, 上个月, 上季度, 去年) at fixed moments,
// across year ends, in Asia/Shanghai.
import { describe, expect, it } from 'vitest';
import { shiftedRange } from '../../src/domain/periods.js';

const zone = 'Asia/Shanghai';
const local = (s: string) => new Date(`${s}T00:00:00+08:00`);
const range = (start: string, end: string) => ({ start: local(start), end: local(end) });

describe('shiftedRange', () => {
  const now = new Date('2026-12-04T02:00:00Z'); // Friday 4 Dec 2026, 10:00 Shanghai
  it('no offset is the period itself', () => {
    expect(shiftedRange('month', 0, now, zone)).toEqual(range('2026-12-01', '2027-01-01'));
  });
  it('明天 / 昨天', () => {
    expect(shiftedRange('today', 1, now, zone)).toEqual(range('2026-12-05', '2026-12-06'));
    expect(shiftedRange('today', -1, now, zone)).toEqual(range('2026-12-03', '2026-12-04'));
  });
  it('下周 / 上周 run Monday to Sunday', () => {
    expect(shiftedRange('week', 1, now, zone)).toEqual(range('2026-12-07', '2026-12-14'));
    expect(shiftedRange('week', -1, now, zone)).toEqual(range('2026-11-23', '2026-11-30'));
  });
  it('下个月 crosses the year end; 上季度, 去年', () => {
    expect(shiftedRange('month', 1, now, zone)).toEqual(range('2027-01-01', '2027-02-01'));
    expect(shiftedRange('quarter', -1, now, zone)).toEqual(range('2026-07-01', '2026-10-01'));
    expect(shiftedRange('year', -1, now, zone)).toEqual(range('2025-01-01', '2026-01-01'));
  });
  it('上个月 in January is last December; 00:30 on 1 January in Shanghai is still 31 December in UTC', () => {
    const newYear = new Date('2026-12-31T16:30:00Z'); // 00:30, 1 Jan 2027 Shanghai
    expect(shiftedRange('month', -1, newYear, zone)).toEqual(range('2026-12-01', '2027-01-01'));
    expect(shiftedRange('today', -1, newYear, zone)).toEqual(range('2026-12-31', '2027-01-01'));
  });
});
