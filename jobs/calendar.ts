// When scheduled messages may go out: tenant knobs (quiet hours, weekends, the morning send
// time, stale thresholds, callback cadence) read from Tenant.settings with defaults, and local
// calendar arithmetic over src/time.ts. Dates are 'YYYY-MM-DD' strings in a zone.
import { z } from 'zod';
import { staleDaysSchema } from '../src/domain/stale.js';
import { localParts, zonedTime } from '../src/time.js';

export const DEFAULT_ZONE = 'Asia/Shanghai';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const days = z.number().int().min(1).max(3650);

// `.catch` on every field: a bad knob falls back to its default instead of stopping every job.
const settingsObject = z.object({
  quietHours: z.object({ start: hhmm, end: hhmm }).catch({ start: '21:00', end: '08:00' }),
  /** Local time non-urgent messages go out (and what quiet hours move them to). */
  sendAt: hhmm.catch('09:00'),
  /** false: nothing non-urgent on Saturday and Sunday; Monday's run covers the weekend. */
  weekends: z.boolean().catch(false),
  staleDays: staleDaysSchema,
  callbackDays: z.object({ A: days.catch(30), B: days.catch(90), C: days.catch(180) }).catch({ A: 30, B: 90, C: 180 }),
  /** Days after a won deal that care calls to check usage. */
  afterWonDays: days.catch(7),
  /** Days before a contract ends that care calls about renewal. */
  renewalCallbackDays: days.catch(30),
  /** Days before a contract ends that the owner is reminded. */
  renewalReminderDays: z.array(days).catch([30, 15, 7]),
  /** Days an instalment may be overdue before the owner's manager is told (issue #15). */
  paymentEscalateDays: days.catch(7),
  /** What attainment against target counts: won amount or money collected (issue #15, src/domain/attainment.ts). */
  attainment: z.enum(['won', 'collected']).catch('won'),
});
export const tenantSettingsSchema = settingsObject.catch(() => settingsObject.parse({}));

export type TenantSettings = z.infer<typeof settingsObject>;

export function tenantSettings(json: unknown): TenantSettings {
  return tenantSettingsSchema.parse(json && typeof json === 'object' ? json : {});
}

export const MUTABLE_KINDS = ['follow_up', 'stale_deal', 'callback', 'birthday', 'anniversary', 'renewal'] as const;
export type MessageKind = (typeof MUTABLE_KINDS)[number];

const userSettingsSchema = z.object({ muted: z.array(z.string()).catch([]) }).catch({ muted: [] });

/** Kinds of messages the user turned off (User.settings.muted, written by /设置). */
export function mutedKinds(json: unknown): Set<string> {
  return new Set(userSettingsSchema.parse(json && typeof json === 'object' ? json : {}).muted);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date of an instant. */
export function localDate(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** A calendar date `n` days after `date` (pure date arithmetic, no zone). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  const w = new Date(`${date}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The instant of local `time` (HH:MM) on `date` in the zone. */
export function atLocal(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return zonedTime(y, m, d, h, mi, timeZone);
}

const minutesOf = (time: string) => { const [h = 0, m = 0] = time.split(':').map(Number); return h * 60 + m; };

/** Inside the quiet hours (which may wrap midnight, 21:00–08:00) at this instant? */
export function isQuiet(at: Date, timeZone: string, quiet: TenantSettings['quietHours']): boolean {
  const p = localParts(at, timeZone);
  const now = p.hour * 60 + p.minute, start = minutesOf(quiet.start), end = minutesOf(quiet.end);
  return start <= end ? now >= start && now < end : now >= start || now < end;
}

/** When a non-urgent message due at `at` may go out: then, or the next `sendAt` after quiet hours. */
export function deliverAt(at: Date, timeZone: string, s: Pick<TenantSettings, 'quietHours' | 'sendAt'>): Date {
  if (!isQuiet(at, timeZone, s.quietHours)) return at;
  const today = localDate(at, timeZone);
  const morning = atLocal(today, s.sendAt, timeZone);
  return morning > at ? morning : atLocal(addDays(today, 1), s.sendAt, timeZone);
}

/** Next `time` (default 09:00) strictly after `at` in the zone. */
export function nextAt(at: Date, timeZone: string, time = '09:00'): Date {
  const today = localDate(at, timeZone);
  const candidate = atLocal(today, time, timeZone);
  return candidate > at ? candidate : atLocal(addDays(today, 1), time, timeZone);
}

/** Monday of next week at `time` (on a Monday: the Monday a week later). */
export function nextMonday(at: Date, timeZone: string, time = '09:00'): Date {
  const today = localDate(at, timeZone);
  const ahead = 8 - weekday(today); // Monday → 7, Sunday → 1
  return atLocal(addDays(today, ahead), time, timeZone);
}

export function isWorkday(date: string, s: Pick<TenantSettings, 'weekends'>): boolean {
  return s.weekends || weekday(date) <= 5;
}

/**
 * The local dates whose daily messages a run on `date` sends: just `date`, or nothing on a day
 * off, and on the first workday after days off those days too (Monday covers the weekend), so
 * "on the day" events that fall on a day off are not lost and never sent twice.
 */
export function coveredDates(date: string, s: Pick<TenantSettings, 'weekends'>): string[] {
  if (!isWorkday(date, s)) return [];
  const out = [date];
  for (let d = addDays(date, -1); !isWorkday(d, s) && out.length < 7; d = addDays(d, -1)) out.unshift(d);
  return out;
}

/** May the scheduled daily run send now (after the morning send time, outside quiet hours, on a workday)? */
export function dailyWindowOpen(at: Date, timeZone: string, s: TenantSettings): boolean {
  const date = localDate(at, timeZone);
  return isWorkday(date, s) && at >= atLocal(date, s.sendAt, timeZone) && !isQuiet(at, timeZone, s.quietHours);
}
