// `now` arrives as ISO text with an offset; dates resolve in that offset's local time.
import type { LocalDate } from './calendar.js';

export interface Reference {
  instant: Date;
  offsetMinutes: number;
  today: LocalDate;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function offsetOf(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** A bad `now` falls back to the current instant in UTC rather than failing the parse. */
export function readReference(now: string): Reference {
  const match = ISO.exec(typeof now === 'string' ? now.trim() : '');
  const offsetMinutes = match ? offsetOf(match[7]) : 0;
  const parsed = match ? new Date(Date.parse(match[7] ? now.trim() : `${now.trim()}Z`)) : new Date();
  const instant = Number.isNaN(parsed.getTime()) ? new Date() : parsed;
  const local = new Date(instant.getTime() + offsetMinutes * 60_000);
  return {
    instant,
    offsetMinutes,
    today: { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() },
    minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** ISO text with the zone's offset, e.g. nowIso(date, 'Asia/Shanghai') → 2026-11-23T10:00:00+08:00. */
export function nowIso(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(date);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const localMs = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offset = Math.round((localMs - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const local = new Date(localMs).toISOString().slice(0, 19);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
