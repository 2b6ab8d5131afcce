// Firing reminders: each is sent only if it is still pending at the due time it was queued for
// (moved, done, cancelled or deleted — undo — means nothing is sent). Many fire at once with a
// fixed number of queries for the batch — re-read, tenants, recipients, card rows, mark sent —
// plus each message's hand-off to the outbox (issue #6: 1,000 due in the same second).
import type { Reply } from '../../src/chat/index.js';
import type { Reminder } from '../../src/generated/prisma/client.js';
import { deliverAt, type MessageKind } from '../calendar.js';
import type { JobContext } from '../types.js';
import { markSent, stillPending } from './fire-rows.js';
import { alertCard, followUpCard, followUpCards } from './follow-up-card.js';
import { peopleByIds, sendTo, tenantsFor, type Person, type TenantInfo } from './people.js';

export interface FirePayload { reminderId: string; dueAt: string }
export type FireOutcome = 'sent' | 'muted' | 'gone';

/**
 * The setting that mutes a reminder's message: an alert is muted with callbacks (回访); a pool
 * warning and a payment nudge are the owner's own follow-up work.
 */
const muteKind = (kind: Reminder['kind']): MessageKind =>
  kind === 'low_score_alert' ? 'callback' : kind === 'recycle_warning' || kind === 'payment_due' ? 'follow_up' : kind;

export const reminderKey = (r: Pick<Reminder, 'id' | 'dueAt'>) => `reminder:${r.id}:${r.dueAt.toISOString()}`;

/** Follow-ups wait out quiet hours (to the morning send time); alerts of unhappy customers do not. */
export function fireTime(r: Reminder, timeZone: string, tenant: TenantInfo): Date {
  return r.kind === 'follow_up' ? deliverAt(r.dueAt, timeZone, tenant.settings) : r.dueAt;
}

/** Sends one reminder if it is still pending at the due time the job was queued for. */
export async function fire(ctx: JobContext, p: FirePayload): Promise<FireOutcome> {
  return (await fireMany(ctx, [p]))[0]!;
}

interface Firing { r: Reminder; person: Person; tenant: TenantInfo }

/** `fire` for many payloads; the outcomes in the payloads' order. */
export async function fireMany(ctx: JobContext, ps: FirePayload[]): Promise<FireOutcome[]> {
  const live = await stillPending(ctx.db, ps);
  const tenants = new Map((await tenantsFor(ctx.db, [...new Set(live.map((r) => r.tenantId))])).map((t) => [t.id, t]));
  const people = await peopleByIds(ctx.db, tenants, live.map((r) => ({ tenantId: r.tenantId, userId: r.assigneeId })));
  const firing = live.flatMap((r): Firing[] => {
    const person = people.get(r.assigneeId), tenant = tenants.get(r.tenantId);
    return person && tenant && person.tenantId === r.tenantId ? [{ r, person, tenant }] : [];
  });
  const now = ctx.now();
  const cards = await followUpCards(ctx.db, firing.filter((f) => f.r.kind === 'follow_up').map((f) => f.r), now);
  const replies = await Promise.all(firing.map((f) => (f.r.kind === 'follow_up' ? followUpCard(f.r, f.person, now, cards.get(f.r.id) ?? {}) : alertCard(ctx.db, f.r, f.person))));
  const outcome = new Map<string, FireOutcome>();
  const settle = ({ r, person, tenant }: Firing, reply: Reply | null, sent: boolean) => {
    // Lateness counts from when it was meant to go out (after quiet hours), not from dueAt.
    if (sent) ctx.metrics?.reminderLateness.observe(Math.max(0, (now.getTime() - fireTime(r, person.timeZone ?? tenant.timeZone, tenant).getTime()) / 1000));
    outcome.set(r.id, sent ? 'sent' : reply ? 'muted' : 'gone');
  };
  const items = firing.map((f, i) => ({ f, reply: replies[i] ?? null }));
  if (ctx.notifier.notifyMany) {
    // One hand-off for the whole batch, in due order.
    const handed = items.filter((i) => i.reply && !i.f.person.muted.has(muteKind(i.f.r.kind)));
    await ctx.notifier.notifyMany(handed.map(({ f, reply }) => ({ to: { tenantId: f.person.tenantId, userId: f.person.id }, reply: reply!, key: reminderKey(f.r) })));
    const sent = new Set(handed);
    for (const item of items) settle(item.f, item.reply, sent.has(item));
  } else {
    await inOrder(items, HAND_OFFS, async ({ f, reply }) => settle(f, reply, reply ? await sendTo(ctx, f.person, muteKind(f.r.kind), reply, reminderKey(f.r)) : false));
  }
  // Marked after the hand-off: a crash in between re-sends under the same keys, which the
  // delivery layer turns into one message each. A muted reminder is marked too (it stays a to-do
  // in the task list) so the tick stops looking at it.
  await markSent(ctx.db, firing.map((f) => f.r), now);
  return ps.map((p) => outcome.get(p.reminderId) ?? 'gone');
}

/** Hand-offs to the outbox in flight at once. */
const HAND_OFFS = 16;

/**
 * Starts `fn` on each item in order (the outbox sees due order), up to `limit` in flight, and
 * one at a time per recipient (one chat's messages keep their order). The first failure stops
 * new starts and is thrown once the started ones have settled.
 */
async function inOrder<T extends { f: Firing }>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const last = new Map<string, Promise<void>>();
  let failure: { err: unknown } | undefined;
  for (const item of items) {
    await last.get(item.f.person.id);
    while (inFlight.size >= limit) await Promise.race(inFlight);
    if (failure) break;
    const run: Promise<void> = fn(item).catch((err: unknown) => { failure ??= { err }; }).finally(() => inFlight.delete(run));
    inFlight.add(run);
    last.set(item.f.person.id, run);
  }
  await Promise.all(inFlight);
  if (failure) throw failure.err;
}
