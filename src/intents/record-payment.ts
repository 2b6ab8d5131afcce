// Money received, said in chat (issue #15): "招行回款36万", "收到美团首付款9万", "Acme paid 20k
// today", "昨天到账15万 宁德". Matched to the instalment named or the earliest still open; a
// partial payment leaves the rest open, an over-payment is recorded and said. Undo takes it back.
// Money said to come later ("下周回款50万") is not a payment: the reply says so and writes nothing.
import { z } from 'zod';
import type { Field, Reply } from '../chat/index.js';
import { recordPayment, type Recorded } from '../domain/payments.js';
import { formatAmount, formatCalendarDate, t, type Locale } from '../i18n/index.js';
import { calendarDate, isoInZone } from '../time.js';
import { needCustomer, type CustomerRef } from './customer.js';
import { paymentDeal } from './payment-deal.js';
import { pt } from './payment-messages.js';
import { undoButton, viewCustomerButton } from './render.js';
import type { IntentContext, IntentHandler } from './types.js';

const paymentArgs = z.object({
  amount: z.number().finite().positive().max(1e14).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  instalment: z.string().regex(/^(?:first|last|[1-9]\d?)$/).optional(),
  occurred_at: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional(),
  summary: z.string().max(4000).optional(),
});

export const recordPaymentIntent: IntentHandler = {
  async handle(ctx, args) {
    const parsed = paymentArgs.safeParse(args);
    if (!parsed.success) return { text: t(ctx.locale, 'error.badArgs') };
    const p = parsed.data;
    if (p.amount === undefined) return { text: pt(ctx.locale, 'noAmount') };
    const found = await needCustomer(ctx, 'record_payment', args, { allowCreate: false });
    if (found.reply) return found.reply;
    // "下周回款50万": a promise, nothing received yet — said back, nothing written.
    const promised = p.occurred_at ? undefined : args.other_dates?.[0];
    if (promised) {
      const params = { customer: found.customer.name, amount: formatAmount(p.amount, ctx.locale, p.currency ?? 'CNY'), date: formatCalendarDate(calendarDate(promised), ctx.locale, ctx.now, ctx.actor.timeZone) };
      return { text: pt(ctx.locale, 'promised', params) };
    }
    const picked = await paymentDeal(ctx, 'record_payment', args, found.customer, 'payment');
    if (picked.reply) return picked.reply;
    const { deal } = picked;
    const today = isoInZone(ctx.now, ctx.actor.timeZone).slice(0, 10);
    // A day ahead is not a payment received: it counts as today.
    const receivedOn = p.occurred_at && p.occurred_at.slice(0, 10) <= today ? p.occurred_at.slice(0, 10) : today;
    const currency = p.currency ?? deal.currency;
    const recorded = await recordPayment(ctx.changes, ctx.tx, {
      deal, amount: p.amount, currency, receivedOn, userId: ctx.actor.userId, ...(p.instalment && { which: p.instalment }), ...(p.summary && { note: p.summary.slice(0, 500) }),
    });
    return paymentReply(ctx, found.customer, { amount: p.amount, currency, dealCurrency: deal.currency, receivedOn }, recorded);
  },
};

interface Said { amount: number; currency: string; dealCurrency: string; receivedOn: string }

export function paymentReply(ctx: IntentContext, customer: CustomerRef, said: Said, r: Recorded): Reply {
  const { locale } = ctx;
  const money = (n: number) => formatAmount(n, locale, said.currency);
  const title = pt(locale, 'paymentRecorded', { customer: customer.name, amount: money(said.amount) });
  const fields: Field[] = [
    { label: pt(locale, 'received'), value: formatCalendarDate(calendarDate(said.receivedOn), locale, ctx.now, ctx.actor.timeZone) },
    ...appliedFields(locale, r, money),
    ...(r.applied.length ? [{ label: pt(locale, 'outstanding'), value: money(r.outstanding) }] : []),
  ];
  const notes = [
    ...(r.otherCurrency ? [pt(locale, 'otherCurrency', { currency: said.currency, dealCurrency: said.dealCurrency })] : []),
    ...(!r.otherCurrency && !r.applied.length && !r.over ? [pt(locale, 'noPlan', { customer: customer.name })] : []),
    ...(r.over > 0 ? [pt(locale, 'over', { over: money(r.over) })] : []),
  ];
  return {
    text: [title, ...fields.map((f) => `${f.label}: ${f.value}`), ...notes].join('\n'),
    card: { title, fields, buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)] },
  };
}

function appliedFields(locale: Locale, r: Recorded, money: (n: number) => string): Field[] {
  return r.applied.map((a) => ({
    label: `${a.instalment.seq}. ${a.instalment.label}`,
    value: a.left > 0 ? pt(locale, 'appliedPart', { amount: money(a.amount), left: money(a.left) }) : pt(locale, 'appliedFull', { amount: money(a.amount) }),
  }));
}
