// A payment plan as said (issue #15) turned into instalment amounts: shares of the contract
// (签约30%，上线40%，验收30%), amounts (首付9万), or neither (尾款验收后: the rest, split evenly
// among the instalments that name no figure). Pure: the intent shows the result before saving.

export interface PlanItem { label: string; share?: number; amount?: number; due?: string }
export interface PlannedInstalment { seq: number; label: string; amount: number; share?: number; due?: string }

export type PlanResult =
  | { ok: true; total: number; items: PlannedInstalment[]; split: boolean }
  /** The shares do not add up to 100%. */
  | { ok: false; reason: 'sharesSum'; sum: number }
  /** Shares or open instalments, and no contract amount to take them of. */
  | { ok: false; reason: 'noTotal' }
  /** The amounts said exceed (or, all stated, do not reach) the contract. */
  | { ok: false; reason: 'amountsSum'; sum: number; total: number };

const cents = (n: number) => Math.round(n * 100) / 100;
const sum = (ns: number[]) => cents(ns.reduce((a, b) => a + b, 0));

export function buildPlan(items: PlanItem[], contract?: number): PlanResult {
  const shares = items.filter((i) => i.share !== undefined);
  const open = items.filter((i) => i.share === undefined && i.amount === undefined);
  const shareSum = sum(shares.map((i) => i.share!));
  // Every instalment a share: they must make the whole contract.
  if (shares.length === items.length && Math.abs(shareSum - 100) > 0.001) return { ok: false, reason: 'sharesSum', sum: shareSum };
  if (shareSum > 100.001) return { ok: false, reason: 'sharesSum', sum: shareSum };
  const stated = sum(items.flatMap((i) => (i.amount !== undefined ? [i.amount] : [])));
  if (contract === undefined && (shares.length || open.length)) return { ok: false, reason: 'noTotal' };
  const total = contract ?? stated;
  const amounts = items.map((i) => (i.share !== undefined ? cents((total * i.share) / 100) : i.amount));
  const fixed = sum(amounts.flatMap((a) => (a === undefined ? [] : [a])));
  const rest = cents(total - fixed);
  if (rest < -0.005 || (open.length === 0 && Math.abs(rest) > 0.005 && shares.length < items.length) || (open.length > 0 && rest <= 0)) {
    return { ok: false, reason: 'amountsSum', sum: fixed, total };
  }
  // Rounding of shares lands on the last shared instalment; the rest is split among open ones.
  const even = open.length ? cents(rest / open.length) : 0;
  let opened = 0;
  const planned = items.map((item, i): PlannedInstalment => {
    let amount = amounts[i];
    if (amount === undefined) amount = ++opened === open.length ? cents(rest - even * (open.length - 1)) : even;
    return { seq: i + 1, label: item.label, amount, ...(item.share !== undefined && { share: item.share }), ...(item.due && { due: item.due }) };
  });
  const drift = cents(total - sum(planned.map((p) => p.amount)));
  const last = [...planned].reverse().find((p) => p.share !== undefined);
  if (drift && last) last.amount = cents(last.amount + drift);
  return { ok: true, total, items: planned, split: open.length > 0 };
}
