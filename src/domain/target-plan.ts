// A target broken down (issue #15): a year into quarters and months, a quarter into months
// (evenly, or by the ratios said: 按季度 2:3:2:3), and a team's amount into its reps' (evenly,
// or by stated shares: 张伟40% 李娜60%). Pure: the table a confirmation card shows and the rows
// it saves. Amounts are split in cents; the last part takes the rounding.

/** '2026', '2026-Q1' or '2026-12': the period keys Target.period holds. */
export type PeriodKey = string;

export interface PlanPerson { id: string; name: string; share?: number }

export interface PlanInput {
  /** The period the amount is stated for. */
  period: PeriodKey;
  /** For the whole period (or for each of `each`'s sub-periods: 每季度200万). */
  amount: number;
  stretch?: number;
  /** 'quarter' / 'month': the amount is per quarter / month of the period, not its total. */
  each?: 'quarter' | 'month';
  /** Weights for the period's next level down (4 for a year's quarters, 3 for a quarter's months). */
  ratios?: number[];
  /** Whose: a team (then its reps share it) or one person. */
  teamId?: string;
  /** The reps a team amount is shared among, or the single person (no teamId). */
  people: PlanPerson[];
  /** Each rep gets the amount (Q1 each rep 500k); the team's is their sum. */
  perRep?: boolean;
}

export interface PlanRow { period: PeriodKey; userId: string | null; teamId: string | null; amount: number; stretch: number | null }

const cents = (n: number) => Math.round(n * 100);

/** `total` split by `weights`, in cents; the last part takes what rounding leaves. */
export function splitBy(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.round((cents(total) * w) / sum) / 100);
  const rest = cents(total) - parts.slice(0, -1).reduce((a, p) => a + cents(p), 0);
  return [...parts.slice(0, -1), rest / 100];
}

/** The quarters of a year, the months of a quarter; nothing below a month. */
export function childrenOf(period: PeriodKey): PeriodKey[] {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return [0, 1, 2].map((i) => `${quarter[1]}-${String(first + i).padStart(2, '0')}`);
  }
  if (/^\d{4}$/.test(period)) return [1, 2, 3, 4].map((q) => `${period}-Q${q}`);
  return [];
}

/** Every period from `period` down to its months, with its share of `total` (ratios at the first level). */
export function periodAmounts(period: PeriodKey, total: number, ratios?: number[]): Map<PeriodKey, number> {
  const out = new Map<PeriodKey, number>([[period, total]]);
  const walk = (key: PeriodKey, amount: number, weights?: number[]) => {
    const kids = childrenOf(key);
    if (!kids.length) return;
    const parts = splitBy(amount, weights && weights.length === kids.length ? weights : kids.map(() => 1));
    kids.forEach((k, i) => { out.set(k, parts[i]!); walk(k, parts[i]!); });
  };
  walk(period, total, ratios);
  return out;
}

/** How many of `each` the period holds (a year has 4 quarters, 12 months). */
function count(period: PeriodKey, each: 'quarter' | 'month'): number {
  if (/^\d{4}$/.test(period)) return each === 'quarter' ? 4 : 12;
  if (/-Q\d$/.test(period)) return each === 'quarter' ? 1 : 3;
  return 1;
}

/** The rows to save: per period, the team's (when a team) and each person's. */
export function planRows(input: PlanInput): PlanRow[] {
  const times = input.each ? count(input.period, input.each) : 1;
  const whole = input.amount * times;
  const stretchWhole = input.stretch === undefined ? undefined : input.stretch * times;
  const people = input.people;
  // A team's amount shared by stated shares, else evenly; per rep: each the whole amount.
  const personTotals = input.perRep ? people.map(() => whole)
    : input.teamId ? splitBy(whole, people.map((p) => p.share ?? 1)) : [whole];
  const teamTotal = input.perRep ? whole * people.length : whole;
  const rows: PlanRow[] = [];
  const add = (owner: { userId: string | null; teamId: string | null }, total: number, ratioOf: number) => {
    const base = periodAmounts(input.period, total, input.ratios);
    const stretch = stretchWhole === undefined ? undefined : periodAmounts(input.period, stretchWhole * ratioOf, input.ratios);
    for (const [period, amount] of base) rows.push({ period, ...owner, amount, stretch: stretch?.get(period) ?? null });
  };
  if (input.teamId) add({ userId: null, teamId: input.teamId }, teamTotal, input.perRep ? people.length : 1);
  const single = !input.teamId && !input.perRep;
  people.forEach((p, i) => add({ userId: p.id, teamId: null }, personTotals[i]!, single || input.perRep ? 1 : personTotals[i]! / whole));
  return rows;
}
