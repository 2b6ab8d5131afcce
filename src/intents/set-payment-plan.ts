// A won deal's contract amount and payment plan, said in chat (issue #15): "合同120万，分三期：
// 签约30%，上线40%，验收30%", "payment plan for Acme: 50% on signing, 50% in 60 days". The plan
// is shown first and saved only when confirmed (the preview writes nothing). A win said with
// it ("美团签了 合同80万 首付款下个月15号前 尾款验收后") lands at once, as "美团签了" always did,
// and the plan beside it waits for the confirmation — it is never dropped.
import { z } from 'zod';
import type { Field, Reply } from '../chat/index.js';
import { openDeals } from '../domain/deals.js';
import { buildPlan, type PlanItem, type PlannedInstalment } from '../domain/payment-plan.js';
import { planOf, savePlan } from '../domain/payments.js';
import type { Deal } from '../generated/prisma/client.js';
import { formatAmount, formatCalendarDate, t, type Locale } from '../i18n/index.js';
import { calendarDate } from '../time.js';
import type { Args } from './args.js';
import { needCustomer, type CustomerRef } from './customer.js';
import { placeDealFacts } from './deal-place.js';
import { paymentDeal } from './payment-deal.js';
import { pt } from './payment-messages.js';
import { undoButton } from './render.js';
import type { IntentContext, IntentHandler } from './types.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v));
const planArgs = z.object({
  contract_amount: z.number().finite().positive().max(1e14).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  instalments: z.array(z.object({
    label: z.string().trim().min(1).max(60),
    share: z.number().positive().max(100).optional(),
    amount: z.number().finite().positive().max(1e14).optional(),
    due: day.optional(),
  })).min(1).max(12).optional(),
  confirmPlan: z.boolean().optional(),
});
type PlanArgs = z.infer<typeof planArgs>;

export const setPaymentPlan: IntentHandler = {
  async handle(ctx, args) {
    const parsed = planArgs.safeParse(args);
    if (!parsed.success) return { text: t(ctx.locale, 'error.badArgs') };
    const found = await needCustomer(ctx, 'set_payment_plan', args, { allowCreate: false });
    if (found.reply) return found.reply;
    const win = await landWin(ctx, args, found.customer);
    if (win.reply) return win.reply;
    // The plan's own question re-runs this intent about that deal, without the win again.
    const rest: Args = { ...args, stage: undefined, customerId: found.customer.id, ...(win.dealId && { dealId: win.dealId }) };
    const reply = await planReply(ctx, rest, parsed.data, found.customer);
    return win.title ? { ...reply, text: `${win.title}\n${reply.text}` } : reply;
  },
};

/** "美团签了": the win is applied first (to the open deal; none open means it is already won). */
async function landWin(ctx: IntentContext, args: Args, customer: CustomerRef): Promise<{ reply?: Reply; title?: string; dealId?: string }> {
  if (args.stage !== 'won' || args.confirmPlan) return {};
  if (!args.dealId && !(await openDeals(ctx.tx, ctx.actor, customer.id)).length) return {};
  const placed = await placeDealFacts(ctx, 'set_payment_plan', { stage: 'won', customerId: customer.id, ...(args.dealId && { dealId: args.dealId }), ...keep(args) }, customer);
  if (placed.reply) return { reply: placed.reply };
  return { title: t(ctx.locale, 'deal.updated', { customer: customer.name }), dealId: placed.deal?.id };
}

const keep = (args: Args) => ({ contract_amount: args.contract_amount, instalments: args.instalments, currency: args.currency, customer: args.customer });

async function planReply(ctx: IntentContext, args: Args, plan: PlanArgs, customer: CustomerRef): Promise<Reply> {
  const { locale } = ctx;
  const picked = await paymentDeal(ctx, 'set_payment_plan', args, customer, 'plan');
  if (picked.reply) return picked.reply;
  const { deal } = picked;
  const existing = await planOf(ctx.tx, ctx.actor.tenantId, deal.id);
  if (existing.length) return { text: pt(locale, 'planExists', { customer: customer.name, count: existing.length }) };
  if (!plan.instalments) return { text: pt(locale, 'planNoItems') };
  const contract = plan.contract_amount ?? deal.contractAmount?.toNumber() ?? deal.amount?.toNumber();
  const built = buildPlan(plan.instalments as PlanItem[], contract);
  const currency = plan.currency ?? deal.currency;
  const money = (n: number) => formatAmount(n, locale, currency);
  if (!built.ok) {
    if (built.reason === 'sharesSum') return { text: pt(locale, 'planSharesSum', { sum: built.sum }) };
    if (built.reason === 'noTotal') return { text: pt(locale, 'planNoTotal', { customer: customer.name }) };
    return { text: pt(locale, 'planAmountsSum', { sum: money(built.sum), total: money(built.total) }) };
  }
  const fields = planFields(locale, built.items, money, ctx);
  const title = pt(locale, 'planTitle', { customer: customer.name, total: money(built.total) });
  if (args.confirmPlan) return save(ctx, deal, built.total, built.items, plan.currency, { customer, title, fields });
  const asked = await ctx.ask(pt(locale, 'planAsk'), [{
    label: pt(locale, 'planSave'), style: 'primary',
    action: { intent: 'set_payment_plan', args: { customerId: customer.id, dealId: deal.id, contract_amount: built.total, instalments: plan.instalments, ...(plan.currency && { currency: plan.currency }), confirmPlan: true } },
  }]);
  const notes = built.split ? [pt(locale, 'planSplit')] : [];
  const lines = fields.map((f) => `${f.label}: ${f.value}`);
  return { text: [title, ...lines, ...notes, asked.text].join('\n'), card: { title, fields, buttons: asked.card?.buttons ?? [] } };
}

async function save(ctx: IntentContext, deal: Deal, total: number, items: PlannedInstalment[], currency: string | undefined, view: { customer: CustomerRef; title: string; fields: Field[] }): Promise<Reply> {
  await savePlan(ctx.changes, deal, total, items, currency);
  const text = pt(ctx.locale, 'planSaved', { customer: view.customer.name, count: items.length });
  return {
    text: [text, ...view.fields.map((f) => `${f.label}: ${f.value}`)].join('\n'),
    card: { title: text, fields: view.fields, buttons: [undoButton(ctx.locale, ctx.changes.ctx.batchId)] },
  };
}

function planFields(locale: Locale, items: PlannedInstalment[], money: (n: number) => string, ctx: IntentContext): Field[] {
  return items.map((i) => ({
    label: `${i.seq}. ${i.label}`,
    value: [money(i.amount), i.share !== undefined ? `${i.share}%` : '',
      i.due ? formatCalendarDate(calendarDate(i.due), locale, ctx.now, ctx.actor.timeZone) : pt(locale, 'noDate')].filter(Boolean).join(' · '),
  }));
}
