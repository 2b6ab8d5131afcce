// Shared pieces of the chat suite: row counts for "nothing was written", and the Asia/Shanghai
// calendar the bot reads dates in (the demo tenant's zone, a fixed +8 hours since 1991).
import { expect } from 'vitest';
import type { Reply } from '../../src/chat/index.js';
import type { Db } from '../../src/db.js';
import type { ChatAnswer } from '../support/app.js';

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The demo tenant's customer of that exact name. */
export const customerNamed = (db: Db, name: string) => db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });

/** That customer's deal changed last. */
export const latestDealOf = async (db: Db, name: string) =>
  db.deal.findFirstOrThrow({ where: { customerId: (await customerNamed(db, name)).id }, orderBy: { updatedAt: 'desc' } });

/** The tables a chat message can write to, counted for one tenant. */
export async function counts(db: Db, tenantId = 'demo') {
  const where = { tenantId };
  const [customers, contacts, deals, stageChanges, activities, reminders, callbacks, auditLogs] = await Promise.all([
    db.customer.count({ where }), db.contact.count({ where }), db.deal.count({ where }),
    db.stageChange.count({ where }), db.activity.count({ where }), db.reminder.count({ where }),
    db.callback.count({ where }), db.auditLog.count({ where }),
  ]);
  return { customers, contacts, deals, stageChanges, activities, reminders, callbacks, auditLogs };
}

/** The single reply of a successful answer. */
export function only(answer: ChatAnswer): Reply {
  expect(answer.status, JSON.stringify(answer)).toBe(200);
  expect(answer.replies, JSON.stringify(answer)).toHaveLength(1);
  return answer.replies[0]!;
}

/** A card field's value by (part of) its label. */
export function fieldValue(reply: Reply, label: string): string {
  const found = reply.card?.fields?.find((f) => f.label.includes(label));
  if (!found) throw new Error(`no field "${label}" in ${JSON.stringify(reply)}`);
  return found.value;
}

/** Today's local calendar date in Shanghai, and its weekday (1 = Monday … 7 = Sunday). */
export function today(now = new Date()) {
  const local = new Date(now.getTime() + OFFSET_MS);
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  return { y: local.getUTCFullYear(), m: local.getUTCMonth(), d: local.getUTCDate(), weekday };
}

/** The last day of the month `months` after this one, local "YYYY-MM-DD" (月底, 下个月底). */
export function monthEndDate(months = 0, now = new Date()): string {
  const { y, m } = today(now);
  return new Date(Date.UTC(y, m + months + 1, 0)).toISOString().slice(0, 10);
}

/** The instant at local `hh:mm` on the day `days` from today. */
export function localAt(days: number, hh: number, mm = 0, now = new Date()): Date {
  const { y, m, d } = today(now);
  return new Date(Date.UTC(y, m, d + days, hh, mm) - OFFSET_MS);
}

/** Days from today to weekday `w` (1–7) of next week ("下周三" = nextWeek(3)). */
export function nextWeek(w: number, now = new Date()): number {
  return 7 - today(now).weekday + w;
}

/** Days from today to the first weekday `w` strictly after today ("周五"). */
export function nextWeekday(w: number, now = new Date()): number {
  const diff = (w - today(now).weekday + 7) % 7;
  return diff === 0 ? 7 : diff;
}

/** Start of the local day `days` from today (the bounds of "today", "this month"). */
export function startOfDay(days = 0, now = new Date()): Date {
  return localAt(days, 0, 0, now);
}

/** Start of this local week (Monday 00:00), the bound of "本周". */
export function thisWeekStart(now = new Date()): Date {
  return startOfDay(1 - today(now).weekday, now);
}

/** Start of this local month and of the next. */
export function thisMonth(now = new Date()): { start: Date; end: Date } {
  const { y, m } = today(now);
  return { start: new Date(Date.UTC(y, m, 1) - OFFSET_MS), end: new Date(Date.UTC(y, m + 1, 1) - OFFSET_MS) };
}

/** This local calendar quarter: its bounds and its months as target periods ('2026-10'). */
export function thisQuarter(now = new Date()): { start: Date; end: Date; months: string[] } {
  const { y, m } = today(now);
  const first = m - (m % 3);
  const months = [0, 1, 2].map((i) => `${y}-${String(first + i + 1).padStart(2, '0')}`);
  return { start: new Date(Date.UTC(y, first, 1) - OFFSET_MS), end: new Date(Date.UTC(y, first + 3, 1) - OFFSET_MS), months };
}

export const days = (n: number) => n * DAY_MS;
