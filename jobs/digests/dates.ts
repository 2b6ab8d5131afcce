// Local calendar days as 'YYYY-MM-DD' strings in the tenant's zone, and the instants bounding them.
import { localParts, zonedTime } from '../../src/time.js';
import type { Range } from '../../src/domain/digest.js';

const split = (date: string) => date.split('-').map(Number) as [number, number, number];
const pad = (n: number) => String(n).padStart(2, '0');

/** The local date of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Calendar arithmetic on a date string (no zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = split(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  const [y, m, d] = split(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

export const mondayOf = (date: string): string => addDays(date, 1 - weekday(date));

/** The instant the zone's clock shows `hhmm` on `date`. */
export function atLocal(date: string, hhmm: string, timeZone: string): Date {
  const [y, m, d] = split(date);
  const [h = 0, min = 0] = hhmm.split(':').map(Number);
  return zonedTime(y, m, d, h, min, timeZone);
}

/** [start of `from`, start of `to`) — local midnights. */
export function daysRange(from: string, to: string, timeZone: string): Range {
  return { start: atLocal(from, '00:00', timeZone), end: atLocal(to, '00:00', timeZone) };
}

export const dayRange = (date: string, timeZone: string): Range => daysRange(date, addDays(date, 1), timeZone);

/** From the first of the date's month to the end of the date: month to date. */
export const monthToDate = (date: string, timeZone: string): Range => daysRange(`${date.slice(0, 7)}-01`, addDays(date, 1), timeZone);

export const isDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
