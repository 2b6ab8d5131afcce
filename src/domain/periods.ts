// A period shifted by whole periods (issue #11): 明天 = today +1, 上个月 = month −1, 去年 = year −1.
import { localParts, periodRange, zonedTime, type Period } from '../time.js';

/** [start, end) of the period `offset` periods away from the one containing `now`. */
export function shiftedRange(period: Period, offset: number, now: Date, timeZone: string): { start: Date; end: Date } {
  if (!offset) return periodRange(period, now, timeZone);
  const p = localParts(periodRange(period, now, timeZone).start, timeZone);
  const z = (y: number, m: number, d: number) => zonedTime(y, m, d, 0, 0, timeZone);
  const ranges: Record<Period, () => [Date, Date]> = {
    today: () => [z(p.year, p.month, p.day + offset), z(p.year, p.month, p.day + offset + 1)],
    week: () => [z(p.year, p.month, p.day + 7 * offset), z(p.year, p.month, p.day + 7 * offset + 7)],
    month: () => [z(p.year, p.month + offset, 1), z(p.year, p.month + offset + 1, 1)],
    quarter: () => [z(p.year, p.month + 3 * offset, 1), z(p.year, p.month + 3 * offset + 3, 1)],
    year: () => [z(p.year + offset, 1, 1), z(p.year + offset + 1, 1, 1)],
  };
  const [start, end] = ranges[period]();
  return { start, end };
}
