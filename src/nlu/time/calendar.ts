// Plain calendar arithmetic on local dates. Everything runs through Date.UTC so the host's
// time zone never leaks into a rep's dates.
export interface LocalDate { y: number; m: number; d: number }

const DAY_MS = 86_400_000;

function fromUtc(ms: number): LocalDate {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(day: LocalDate, days: number): LocalDate {
  return fromUtc(Date.UTC(day.y, day.m - 1, day.d) + days * DAY_MS);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The last day of the month `offset` months after (y, m). */
export function endOfMonth(y: number, m: number, offset = 0): LocalDate {
  const index = y * 12 + (m - 1) + offset;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { y: year, m: month, d: daysInMonth(year, month) };
}

export function addMonths(day: LocalDate, months: number): LocalDate {
  const end = endOfMonth(day.y, day.m, months);
  return { ...end, d: Math.min(day.d, end.d) };
}

/** Monday = 0 … Sunday = 6: the contract's weeks run Monday to Sunday. */
export function isoWeekday(day: LocalDate): number {
  return (new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay() + 6) % 7;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return (a.y - b.y) * 400 + (a.m - b.m) * 32 + (a.d - b.d);
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function formatDate(day: LocalDate): string {
  return `${String(day.y).padStart(4, '0')}-${pad(day.m)}-${pad(day.d)}`;
}

export function formatDateTime(day: LocalDate, hour: number, minute: number): string {
  return `${formatDate(day)}T${pad(hour)}:${pad(minute)}`;
}
