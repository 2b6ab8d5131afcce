// Activities, contacts, follow-up reminders and callbacks: the rows a rep's message adds.
import type { CallbackCategory, Channel } from '../generated/prisma/enums.js';
import { Prisma } from '../db.js';
import type { Tx } from './actor.js';
import type { Changes } from './changes.js';
import { fieldsOf } from './rows.js';

export interface ActivityInput {
  customerId: string; contactId?: string; dealId?: string; userId: string; channel: Channel;
  summary: string; occurredAt: Date; nextFollowUpAt?: Date; sourceMessageId?: string;
}

export async function logActivity(changes: Changes, input: ActivityInput) {
  const activity = await changes.create<{ id: string }>('activity', input);
  if (input.nextFollowUpAt) {
    await scheduleFollowUp(changes, {
      assigneeId: input.userId, customerId: input.customerId, dealId: input.dealId,
      activityId: activity.id, dueAt: input.nextFollowUpAt, note: input.summary,
    });
  }
  return activity;
}

/** The customer's open follow-ups (pending, or sent and not done) that `only` narrows, closed as
 * `status` through `changes`, so undo reopens them. Raw SQL: the inbound path (#16). How many. */
export async function closeFollowUps(changes: Changes, customerId: string, status: 'done' | 'cancelled', only: Prisma.Sql): Promise<number> {
  const open = await changes.tx.$queryRaw<{ id: string }[]>`
    SELECT ${fieldsOf('reminder')} FROM "Reminder"
     WHERE "tenantId" = ${changes.ctx.tenantId} AND "customerId" = ${customerId} AND kind = 'follow_up' AND status IN ('pending', 'sent') ${only}`;
  for (const r of open) await changes.update('reminder', r.id, { status }, r);
  return open.length;
}

/** A call or visit made settles the rep's follow-ups with that customer due by `before` (the end
 * of the day it happened). */
export function settleFollowUps(changes: Changes, assigneeId: string, customerId: string, before: Date): Promise<number> {
  return closeFollowUps(changes, customerId, 'done', Prisma.sql`AND "assigneeId" = ${assigneeId} AND "dueAt" < ${before}`);
}

export interface FollowUpInput {
  assigneeId: string; customerId: string; dealId?: string; activityId?: string; dueAt: Date; note?: string;
}

export function scheduleFollowUp(changes: Changes, input: FollowUpInput) {
  return changes.create<{ id: string; dueAt: Date }>('reminder', { kind: 'follow_up', ...input });
}

/** The assignee's open follow-up with the customer set last, to move it ("不是周四 是周五"). */
export async function latestOpenFollowUp(tx: Tx, tenantId: string, assigneeId: string, customerId: string) {
  const [row] = await tx.$queryRaw<{ id: string; dueAt: Date }[]>`
    SELECT ${fieldsOf('reminder')} FROM "Reminder"
     WHERE "tenantId" = ${tenantId} AND "assigneeId" = ${assigneeId} AND "customerId" = ${customerId}
       AND kind = 'follow_up' AND status = 'pending'
     ORDER BY "createdAt" DESC LIMIT 1`;
  return row;
}

export interface ContactInput { name: string; title?: string; phone?: string; email?: string; birthday?: string; /** The name on record, when the message renames them. */ was?: string }

/** Adds the contact, or fills in new facts on the customer's contact of the same name. */
export async function upsertContact(changes: Changes, tx: Tx, customerId: string, input: ContactInput) {
  // Raw SQL on the inbound path (#16); the same name in any case. Not ILIKE: a name holding % or _
  // ("100%_Li") would match as a pattern.
  // "黄总全名叫黄志强": the row on record under the old name is renamed (the new name's row, if none).
  const { was, ...given } = input;
  const [existing] = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT ${fieldsOf('contact')} FROM "Contact"
     WHERE "tenantId" = ${changes.ctx.tenantId} AND "customerId" = ${customerId} AND lower(name) IN (lower(${given.name}), lower(${was ?? given.name}))
     ORDER BY (lower(name) = lower(${was ?? given.name})) DESC LIMIT 1`;
  const renamed = existing && existing.name.toLowerCase() !== given.name.toLowerCase();
  const facts = Object.fromEntries(Object.entries(given).filter(([k, v]) => (k !== 'name' || renamed) && v !== undefined));
  if (!existing) {
    const row = await changes.create<{ id: string; name: string }>('contact', { customerId, ...given });
    return { contact: row, created: true };
  }
  const row = Object.keys(facts).length
    ? await changes.update<{ id: string; name: string }>('contact', existing.id, facts, existing)
    : existing;
  return { contact: row, created: false };
}

export interface CallbackInput {
  customerId: string; userId: string; category: CallbackCategory; satisfaction?: number; summary: string; occurredAt: Date;
}

export function recordCallback(changes: Changes, input: CallbackInput) {
  return changes.create<{ id: string }>('callback', input);
}
