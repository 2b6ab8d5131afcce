// Local time in a named zone without a date library: Intl gives the zone's offset at an
// instant; everything else is arithmetic on "wall clock" parts.

export interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; weekday: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Wall-clock parts of an instant in a zone; weekday 1 = Monday … 7 = Sunday. */
export function localParts(at: Date, timeZone: string): LocalParts & { second: number } {
  const p: Record<string, string> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(at)) p[type] = value;
  return {
    year: Number(p.year), month: Number(p.month), day: Number(p.day),
    hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second),
    weekday: WEEKDAYS[p.weekday ?? 'Mon'] ?? 1,
  };
}

/** Minutes the zone is ahead of UTC at an instant (Asia/Shanghai: 480). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which the zone's wall clock shows the given local date and time. */
export function zonedTime(year: number, month: number, day: number, hour = 0, minute = 0, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = new Date(guess - offsetMinutes(new Date(guess), timeZone) * 60000);
  // A second pass settles instants near a daylight-saving change; a wall time that does not
  // exist (the spring-forward gap) keeps the first pass, i.e. moves forward by the gap.
  const second = new Date(guess - offsetMinutes(first, timeZone) * 60000);
  const p = localParts(second, timeZone);
  return p.hour === ((hour % 24) + 24) % 24 && p.minute === minute ? second : first;
}

/** The instant the local day of `at` ends (the next local midnight). */
export function endOfLocalDay(at: Date, timeZone: string): Date {
  const d = localParts(at, timeZone);
  return zonedTime(d.year, d.month, d.day + 1, 0, 0, timeZone);
}

/** "2026-12-02" or "2026-12-02T15:00" in a zone → instant. Date-only means `defaultHour`:00. */
export function fromLocalString(value: string, timeZone: string, defaultHour = 9): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) throw new RangeError(`not a local date: ${value}`);
  const [, y, mo, d, h, mi] = m;
  return zonedTime(Number(y), Number(mo), Number(d), h ? Number(h) : defaultHour, mi ? Number(mi) : 0, timeZone);
}

/** A calendar date (for @db.Date columns) from "YYYY-MM-DD…": midnight UTC of that date. */
export function calendarDate(value: string): Date {
  return new Date(`${value.slice(0, 10)}T00:00:00.000Z`);
}

/** ISO string with the zone's offset, e.g. 2026-11-23T10:00:00+08:00 (what the parser takes). */
export function isoInZone(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  const off = offsetMinutes(at, timeZone);
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const sign = off < 0 ? '-' : '+';
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
}

export type Period = 'today' | 'week' | 'month' | 'quarter' | 'year';

/** [start, end) of the period containing `at`, in the zone; weeks run Monday to Sunday. */
export function periodRange(period: Period, at: Date, timeZone: string): { start: Date; end: Date } {
  const p = localParts(at, timeZone);
  const z = (y: number, m: number, d: number) => zonedTime(y, m, d, 0, 0, timeZone);
  const ranges: Record<Period, () => [Date, Date]> = {
    today: () => [z(p.year, p.month, p.day), z(p.year, p.month, p.day + 1)],
    week: () => [z(p.year, p.month, p.day - p.weekday + 1), z(p.year, p.month, p.day - p.weekday + 8)],
    month: () => [z(p.year, p.month, 1), z(p.year, p.month + 1, 1)],
    quarter: () => {
      const first = Math.floor((p.month - 1) / 3) * 3 + 1;
      return [z(p.year, first, 1), z(p.year, first + 3, 1)];
    },
    year: () => [z(p.year, 1, 1), z(p.year + 1, 1, 1)],
  };
  const [start, end] = ranges[period]();
  return { start, end };
}

/** Month keys ('2026-11') a period covers, for looking up monthly targets. */
export function monthsOf(period: Period, at: Date, timeZone: string): string[] {
  const p = localParts(at, timeZone);
  const key = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
  if (period === 'quarter') {
    const first = Math.floor((p.month - 1) / 3) * 3 + 1;
    return [0, 1, 2].map((i) => key(p.year, first + i));
  }
  if (period === 'year') return Array.from({ length: 12 }, (_, i) => key(p.year, i + 1));
  return [key(p.year, p.month)];
}
