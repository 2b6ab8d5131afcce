// Intents behind the buttons of reminders and callback prompts (done, snooze, reschedule,
// satisfaction scores) — issue #5. A button payload is user input: each validates its own
// arguments, looks the reminder up inside the actor's tenant, and lets only its assignee or
// someone who sees the assignee's work (their manager; care and admins) act on it. Writes go
// through ctx.changes, so Undo takes them back — and a moved reminder's old job sends nothing.
import { z } from 'zod';
import type { Reply } from '../chat/index.js';
import type { Reminder } from '../generated/prisma/client.js';
import { recordCallback } from '../domain/records.js';
import { formatDateTime, t } from '../i18n/index.js';
import { fromLocalString, localParts } from '../time.js';
import { addDays, atLocal, localDate, nextMonday } from '../../jobs/calendar.js';
import { tr } from '../../jobs/reminders/messages.js';
import type { Args } from './args.js';
import { alertOwner, isLowScore } from './callback-alert.js';
import type { IntentContext, IntentHandler } from './types.js';

const id = z.string().min(1).max(64);
const doneArgs = z.object({ reminderId: id });
const snoozeArgs = z.object({ reminderId: id, until: z.enum(['1h', 'tomorrow', 'monday']) });
const rescheduleArgs = z.object({ reminderId: id, at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/).optional() });
const scoreArgs = z.object({
  reminderId: id, score: z.number().int().min(1).max(5),
  category: z.enum(['care', 'feedback', 'satisfaction', 'renewal', 'marketing']).default('satisfaction'),
});

/** Parses the args with `schema`, finds the open reminder and checks the actor may touch it. */
function withReminder<S extends z.ZodType<{ reminderId: string }>>(
  schema: S,
  act: (ctx: IntentContext, r: Reminder & { customer: string }, args: z.infer<S>) => Promise<Reply>,
): IntentHandler {
  return {
    async handle(ctx: IntentContext, raw: Args) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return { text: t(ctx.locale, 'error.badArgs') };
      const { actor, tx } = ctx;
      const r = await tx.reminder.findFirst({ where: { id: parsed.data.reminderId, tenantId: actor.tenantId } });
      if (!r || r.status === 'done' || r.status === 'cancelled') return { text: tr(ctx.locale, 'reminder.gone') };
      const mayAct = r.assigneeId === actor.userId || actor.visibleOwners === 'all' || actor.visibleOwners.includes(r.assigneeId);
      if (!mayAct) return { text: t(ctx.locale, 'error.notAllowed') };
      const customer = r.customerId
        ? (await tx.customer.findFirst({ where: { id: r.customerId, tenantId: actor.tenantId }, select: { name: true } }))?.name ?? ''
        : '';
      return act(ctx, { ...r, customer }, parsed.data);
    },
  };
}

async function moveTo(ctx: IntentContext, r: Reminder & { customer: string }, dueAt: Date): Promise<Reply> {
  await ctx.changes.update('reminder', r.id, { dueAt, status: 'pending', sentAt: null });
  const text = tr(ctx.locale, 'reminder.moved', { customer: r.customer, when: formatDateTime(dueAt, ctx.locale, ctx.actor.timeZone) });
  return { text, card: { title: text, buttons: [{ label: t(ctx.locale, 'button.undo'), style: 'danger', action: { intent: 'undo', args: { batchId: ctx.changes.ctx.batchId } } }] } };
}

const SNOOZE: Record<z.infer<typeof snoozeArgs>['until'], (now: Date, zone: string) => Date> = {
  '1h': (now) => new Date(now.getTime() + 3_600_000),
  tomorrow: (now, zone) => atLocal(addDays(localDate(now, zone), 1), '09:00', zone),
  monday: (now, zone) => nextMonday(now, zone, '09:00'),
};

const done = withReminder(doneArgs, async (ctx, r) => {
  await ctx.changes.update('reminder', r.id, { status: 'done' });
  // "结果如何？": the next sentence is logged against this customer (router/awaits.ts, #11).
  if (r.customerId) await ctx.expect({ kind: 'outcome', customerId: r.customerId });
  return { text: tr(ctx.locale, 'reminder.done', { customer: r.customer }) };
});

const snooze = withReminder(snoozeArgs, (ctx, r, args) => moveTo(ctx, r, SNOOZE[args.until](ctx.now, ctx.actor.timeZone)));

const reschedule = withReminder(rescheduleArgs, async (ctx, r, args) => {
  const zone = ctx.actor.timeZone;
  if (args.at) {
    const at = fromLocalString(args.at, zone);
    return at > ctx.now ? moveTo(ctx, r, at) : { text: t(ctx.locale, 'error.badArgs') };
  }
  // No time given: offer a few; each is this intent again with `at`.
  const hm = (d: Date) => { const p = localParts(d, zone); return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`; };
  const local = (d: Date) => `${localDate(d, zone)}T${hm(d)}`;
  const dueLocal = hm(r.dueAt);
  const options: [Date, 'button.in2days' | 'button.in3days' | 'button.nextWeek'][] = [
    [atLocal(addDays(localDate(ctx.now, zone), 2), '09:00', zone), 'button.in2days'],
    [atLocal(addDays(localDate(ctx.now, zone), 3), '09:00', zone), 'button.in3days'],
    [atLocal(addDays(localDate(ctx.now, zone), 7), dueLocal, zone), 'button.nextWeek'],
  ];
  return ctx.ask(tr(ctx.locale, 'reminder.askWhen', { customer: r.customer }), options.map(([at, key]) => ({
    label: `${tr(ctx.locale, key)} (${formatDateTime(at, ctx.locale, zone)})`,
    action: { intent: 'reminder_reschedule', args: { reminderId: r.id, at: local(at) } },
  })));
});

const callbackScore = withReminder(scoreArgs, async (ctx, r, args) => {
  if (r.kind !== 'callback' || !r.customerId) return { text: t(ctx.locale, 'error.badArgs') };
  const category = t(ctx.locale, `category.${args.category}`);
  const summary = tr(ctx.locale, 'callback.summary', { category, score: args.score });
  const callback = await recordCallback(ctx.changes, {
    customerId: r.customerId, userId: ctx.actor.userId, category: args.category, satisfaction: args.score, summary, occurredAt: ctx.now,
  });
  // Every care user got the prompt: one answer closes it for all of them.
  const siblings = await ctx.tx.reminder.findMany({
    where: { tenantId: r.tenantId, kind: 'callback', note: r.note ?? r.id, status: { in: ['pending', 'sent'] } }, select: { id: true },
  });
  for (const row of [{ id: r.id }, ...siblings.filter((x) => x.id !== r.id)]) await ctx.changes.update('reminder', row.id, { status: 'done' });
  const alerted = isLowScore(args.score) ? await alertOwner(ctx, r.customerId, { id: callback.id, summary }) : 0;
  const text = tr(ctx.locale, 'callback.scored', { customer: r.customer, score: args.score, alerted: alerted ? 1 : '' });
  return { text, card: { title: text, buttons: [{ label: t(ctx.locale, 'button.undo'), style: 'danger', action: { intent: 'undo', args: { batchId: ctx.changes.ctx.batchId } } }] } };
});

export const reminderIntents: Record<string, IntentHandler> = {
  reminder_done: done,
  reminder_snooze: snooze,
  reminder_reschedule: reschedule,
  callback_score: callbackScore,
};
