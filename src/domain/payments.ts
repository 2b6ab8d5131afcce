// Contracts and 回款 (issue #15): a won deal's instalments, and payments matched to them — the
// one named (首付, 二期, 尾款) or the earliest still open, the rest spilling to the next ones and
// what exceeds the plan kept unmatched ("超出计划"). Every write goes through Changes, so 撤销
// takes a payment back with the instalments it paid. Amounts stay in the currency they were
// written in: a payment in another currency than the deal's is recorded, never converted.
import type { Instalment, Payment } from '../generated/prisma/client.js';
import { calendarDate } from '../time.js';
import type { Tx } from './actor.js';
import type { Changes } from './changes.js';
import type { PlannedInstalment } from './payment-plan.js';

const cents = (n: number) => Math.round(n * 100) / 100;
export const remainingOf = (i: Pick<Instalment, 'amount' | 'paidAmount'>) => cents(i.amount.toNumber() - i.paidAmount.toNumber());

export interface PaymentDeal { id: string; tenantId: string; customerId: string; ownerId: string; currency: string; amount: { toNumber(): number } | null; contractAmount: { toNumber(): number } | null }

export function planOf(tx: Tx, tenantId: string, dealId: string): Promise<Instalment[]> {
  return tx.instalment.findMany({ where: { tenantId, dealId }, orderBy: { seq: 'asc' } });
}

/** Saves the contract amount and the instalments of a deal that has no plan yet. */
export async function savePlan(changes: Changes, deal: PaymentDeal, total: number, items: PlannedInstalment[], currency?: string): Promise<Instalment[]> {
  await changes.update('deal', deal.id, { contractAmount: total, ...(currency && { currency }) });
  const rows: Instalment[] = [];
  for (const item of items) {
    rows.push(await changes.create<Instalment>('instalment', {
      dealId: deal.id, seq: item.seq, label: item.label, amount: item.amount, dueDate: item.due ? calendarDate(item.due) : null,
    }));
  }
  return rows;
}

/** 'first' | 'last' | '2': the instalment a payment names. */
export function namedInstalment(plan: Instalment[], which?: string): Instalment | undefined {
  if (!which) return undefined;
  if (which === 'first') return plan[0];
  if (which === 'last') return plan.at(-1);
  return plan.find((i) => i.seq === Number(which));
}

export interface PaymentInput {
  deal: PaymentDeal; amount: number; currency: string; receivedOn: string; userId: string; which?: string; note?: string;
}
export interface Recorded {
  payments: Payment[];
  /** Each instalment the money went to, with what it got and what it still lacks. */
  applied: { instalment: Instalment; amount: number; left: number }[];
  /** What exceeds the plan (or the contract, with no plan). */
  over: number;
  /** Still open on the plan after this payment. */
  outstanding: number;
  /** The payment is in another currency than the deal: recorded, not matched. */
  otherCurrency: boolean;
}

export async function recordPayment(changes: Changes, tx: Tx, input: PaymentInput): Promise<Recorded> {
  const { deal } = input;
  const plan = await planOf(tx, deal.tenantId, deal.id);
  const otherCurrency = input.currency !== deal.currency;
  const base = { dealId: deal.id, customerId: deal.customerId, currency: input.currency, receivedAt: calendarDate(input.receivedOn), userId: input.userId, note: input.note ?? null };
  if (otherCurrency) {
    const payment = await changes.create<Payment>('payment', { ...base, amount: input.amount });
    return { payments: [payment], applied: [], over: 0, outstanding: 0, otherCurrency };
  }
  const named = namedInstalment(plan, input.which);
  const order = [...(named ? [named] : []), ...plan.filter((i) => i.id !== named?.id)].filter((i) => remainingOf(i) > 0);
  let rest = cents(input.amount);
  const payments: Payment[] = [];
  const applied: Recorded['applied'] = [];
  for (const inst of order) {
    if (rest <= 0) break;
    const take = Math.min(rest, remainingOf(inst));
    payments.push(await changes.create<Payment>('payment', { ...base, instalmentId: inst.id, amount: take }));
    const updated = await changes.update<Instalment>('instalment', inst.id, { paidAmount: cents(inst.paidAmount.toNumber() + take) }, inst);
    applied.push({ instalment: updated, amount: take, left: remainingOf(updated) });
    if (remainingOf(updated) <= 0) await closeNudges(changes, tx, deal.tenantId, inst.id);
    rest = cents(rest - take);
  }
  let over = 0;
  if (rest > 0) {
    payments.push(await changes.create<Payment>('payment', { ...base, amount: rest }));
    over = plan.length ? rest : await overContract(tx, deal, rest);
  }
  const outstanding = cents(plan.reduce((s, i) => s + remainingOf(i), 0) - applied.reduce((s, a) => s + a.amount, 0));
  return { payments, applied, over, outstanding: Math.max(0, outstanding), otherCurrency };
}

/** With no plan: what the deal's payments in its currency now exceed its contract (or amount) by. */
async function overContract(tx: Tx, deal: PaymentDeal, just: number): Promise<number> {
  const contract = deal.contractAmount?.toNumber() ?? deal.amount?.toNumber();
  if (contract === undefined) return 0;
  const paid = await tx.payment.aggregate({ where: { tenantId: deal.tenantId, dealId: deal.id, currency: deal.currency }, _sum: { amount: true } });
  const total = paid._sum.amount?.toNumber() ?? 0;
  return Math.min(just, Math.max(0, cents(total - contract)));
}

/** Nudge reminders of an instalment paid in full are no longer to-dos. */
export async function closeNudges(changes: Changes, tx: Tx, tenantId: string, instalmentId: string): Promise<void> {
  const open = await tx.reminder.findMany({
    where: { tenantId, kind: 'payment_due', status: { in: ['pending', 'sent'] }, note: { startsWith: nudgeNote(instalmentId, '') } },
  });
  for (const r of open) await changes.update('reminder', r.id, { status: 'done' }, r);
}

/** The note that names a nudge of an instalment (its idempotency key); a reason is added after a line break. */
export const nudgeNote = (instalmentId: string, mark: string) => `instalment:${instalmentId}:${mark}`;
