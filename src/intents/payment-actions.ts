// The buttons of a payment nudge (issue #15, jobs/reminders/payments-due.ts): 已收到 records the
// instalment paid in full, 改期 asks the new due date (a button or a typed date), 说明原因 keeps
// the next message as the reason. A button payload is user input: each validates its own
// arguments, looks the instalment up in the actor's tenant and lets only those who see the deal
// act. Writes go through ctx.changes, so 撤销 takes them back.
import { z } from 'zod';
import type { Reply } from '../chat/index.js';
import { canSee } from '../domain/actor.js';
import { closeNudges, recordPayment, remainingOf } from '../domain/payments.js';
import type { Deal, Instalment } from '../generated/prisma/client.js';
import { formatAmount, formatCalendarDate, t } from '../i18n/index.js';
import { calendarDate, isoInZone } from '../time.js';
import { addDays } from '../../jobs/calendar.js';
import type { Args } from './args.js';
import { pt } from './payment-messages.js';
import { undoButton } from './render.js';
import type { IntentContext, IntentHandler } from './types.js';

const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}/);
const receivedArgs = z.object({ instalmentId: id });
const rescheduleArgs = z.object({ instalmentId: id, date: day.optional(), next_follow_up: day.optional() });
const explainArgs = z.object({ instalmentId: id, reminderId: id.optional(), note: z.string().trim().min(1).max(500).optional() });

interface Found { instalment: Instalment; deal: Deal; customer: string }

function withInstalment<S extends z.ZodType<{ instalmentId: string }>>(
  schema: S, act: (ctx: IntentContext, f: Found, args: z.infer<S>) => Promise<Reply>,
): IntentHandler {
  return {
    async handle(ctx: IntentContext, raw: Args) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return { text: t(ctx.locale, 'error.badArgs') };
      const { tx, actor } = ctx;
      const instalment = await tx.instalment.findFirst({ where: { id: parsed.data.instalmentId, tenantId: actor.tenantId } });
      if (!instalment) return { text: pt(ctx.locale, 'instalmentGone') };
      const deal = await tx.deal.findFirst({ where: { id: instalment.dealId, tenantId: actor.tenantId } });
      if (!deal || !canSee(actor, deal)) return { text: t(ctx.locale, 'error.notAllowed') };
      const customer = (await tx.customer.findFirst({ where: { id: deal.customerId, tenantId: actor.tenantId }, select: { name: true } }))?.name ?? '';
      return act(ctx, { instalment, deal, customer }, parsed.data);
    },
  };
}

const today = (ctx: IntentContext) => isoInZone(ctx.now, ctx.actor.timeZone).slice(0, 10);
const undo = (ctx: IntentContext) => [undoButton(ctx.locale, ctx.changes.ctx.batchId)];

const received = withInstalment(receivedArgs, async (ctx, { instalment, deal, customer }) => {
  const left = remainingOf(instalment);
  if (left <= 0) return { text: pt(ctx.locale, 'alreadyPaid', { customer, label: instalment.label }) };
  await recordPayment(ctx.changes, ctx.tx, {
    deal, amount: left, currency: deal.currency, receivedOn: today(ctx), userId: ctx.actor.userId, which: String(instalment.seq),
  });
  const text = pt(ctx.locale, 'receivedDone', { customer, label: instalment.label, amount: formatAmount(left, ctx.locale, deal.currency) });
  return { text, card: { title: text, buttons: undo(ctx) } };
});

const reschedule = withInstalment(rescheduleArgs, async (ctx, { instalment, deal, customer }, args) => {
  const { locale } = ctx;
  const date = (args.date ?? args.next_follow_up)?.slice(0, 10);
  if (date) {
    if (date <= today(ctx)) return { text: pt(locale, 'pastDate') };
    await ctx.changes.update('instalment', instalment.id, { dueDate: calendarDate(date) }, instalment);
    // The old due date's nudges are done with; the new date gets its own.
    await closeNudges(ctx.changes, ctx.tx, deal.tenantId, instalment.id);
    const text = pt(locale, 'moved', { customer, label: instalment.label, date: formatCalendarDate(calendarDate(date), locale, ctx.now, ctx.actor.timeZone) });
    return { text, card: { title: text, buttons: undo(ctx) } };
  }
  const options = [1, 2, 4].map((n) => {
    const at = addDays(today(ctx), 7 * n);
    return {
      label: `${pt(locale, 'inWeeks', { n })} (${formatCalendarDate(calendarDate(at), locale, ctx.now, ctx.actor.timeZone)})`,
      action: { intent: 'payment_reschedule', args: { instalmentId: instalment.id, date: at } },
    };
  });
  return ctx.ask(pt(locale, 'askDate', { customer, label: instalment.label }), options,
    { awaitsTime: { intent: 'payment_reschedule', args: { instalmentId: instalment.id } } });
});

const explain = withInstalment(explainArgs, async (ctx, { instalment, deal, customer }, args) => {
  if (!args.note) {
    await ctx.expect({ kind: 'note', action: { intent: 'payment_explain', args: { instalmentId: instalment.id, ...(args.reminderId && { reminderId: args.reminderId }) } } });
    return { text: pt(ctx.locale, 'askReason', { customer, label: instalment.label }) };
  }
  // Kept on the nudge after its key line, where the overdue list reads it.
  const nudge = await ctx.tx.reminder.findFirst({
    where: { tenantId: ctx.actor.tenantId, kind: 'payment_due', note: { startsWith: `instalment:${instalment.id}:` }, ...(args.reminderId && { id: args.reminderId }) },
    orderBy: { createdAt: 'desc' },
  });
  if (nudge) await ctx.changes.update('reminder', nudge.id, { note: `${(nudge.note ?? '').split('\n')[0]}\n${args.note}` }, nudge);
  else {
    await ctx.changes.create('reminder', {
      kind: 'payment_due', status: 'done', assigneeId: deal.ownerId, dealId: deal.id, customerId: deal.customerId, dueAt: ctx.now,
      note: `instalment:${instalment.id}:reason\n${args.note}`,
    });
  }
  const text = pt(ctx.locale, 'reasonSaved', { customer, label: instalment.label, reason: args.note });
  return { text, card: { title: text, buttons: undo(ctx) } };
});

export const paymentIntents: Record<string, IntentHandler> = {
  payment_received: received,
  payment_reschedule: reschedule,
  payment_explain: explain,
};
