// Targets saved from a confirmed plan (target-plan.ts) and read back for a period (issue #15).
// A period's target is the row for that exact period (2026-Q4) when one is set, else the sum of
// its months' rows — the admin API and the seed may have set months only.
import type { Period } from '../time.js';
import { localParts } from '../time.js';
import type { Tx } from './actor.js';
import type { Changes } from './changes.js';
import type { PlanRow } from './target-plan.js';

export interface Goal { amount: number; stretch: number | null }

/** The period key of `period` around `at`: '2026-12', '2026-Q4', '2026'; none for a day or week. */
export function periodKey(period: Period, at: Date, timeZone: string): string | null {
  const p = localParts(at, timeZone);
  if (period === 'month') return `${p.year}-${String(p.month).padStart(2, '0')}`;
  if (period === 'quarter') return `${p.year}-Q${Math.floor((p.month - 1) / 3) + 1}`;
  if (period === 'year') return String(p.year);
  return null;
}

/** The month keys a period key covers. */
export function monthKeys(key: string): string[] {
  const pad = (m: number) => String(m).padStart(2, '0');
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return [1, 2, 3].map((i) => `${q[1]}-${pad((Number(q[2]) - 1) * 3 + i)}`);
  if (/^\d{4}$/.test(key)) return Array.from({ length: 12 }, (_, i) => `${key}-${pad(i + 1)}`);
  return [key];
}

/** Creates or updates each row, audited (undo deletes what was created and restores the rest). */
export async function saveTargets(changes: Changes, rows: PlanRow[]): Promise<void> {
  const { tx, ctx } = changes;
  // Not an upsert: the unique key has a NULL column, and Postgres never matches NULLs.
  const existing = await tx.target.findMany({ where: { tenantId: ctx.tenantId, period: { in: [...new Set(rows.map((r) => r.period))] } } });
  const key = (r: { userId: string | null; teamId: string | null; period: string }) => `${r.userId ?? ''}|${r.teamId ?? ''}|${r.period}`;
  const found = new Map(existing.map((e) => [key(e), e]));
  for (const r of rows) {
    const old = found.get(key(r));
    const data = { amount: r.amount, stretch: r.stretch };
    if (old) await changes.update('target', old.id, data, old);
    else await changes.create('target', { userId: r.userId, teamId: r.teamId, period: r.period, ...data });
  }
}

export type Whose = { userIds: string[] } | { teamIds: string[] };

/** Each person's (or team's) target: its exact-period row, else the sum of its months — one query. */
export async function goalsBy(db: Tx, tenantId: string, whose: Whose, key: string): Promise<Map<string, Goal>> {
  const months = monthKeys(key);
  const owner = 'userIds' in whose ? { userId: { in: whose.userIds } } : { teamId: { in: whose.teamIds }, userId: null };
  const rows = await db.target.findMany({ where: { tenantId, ...owner, period: { in: [...new Set([key, ...months])] } } });
  const byOwner = new Map<string, typeof rows>();
  for (const r of rows) {
    const id = r.userId ?? r.teamId ?? '';
    byOwner.set(id, [...(byOwner.get(id) ?? []), r]);
  }
  const out = new Map<string, Goal>();
  for (const [id, own] of byOwner) {
    const exact = own.find((r) => r.period === key);
    const used = exact ? [exact] : own.filter((r) => months.includes(r.period) && r.period !== key);
    const amount = used.reduce((a, r) => a + r.amount.toNumber(), 0);
    const anyStretch = used.some((r) => r.stretch !== null);
    const stretch = used.reduce((a, r) => a + (r.stretch ?? r.amount).toNumber(), 0);
    out.set(id, { amount, stretch: anyStretch ? stretch : null });
  }
  return out;
}

/** Summed over the people or teams (null when none has a target). */
export async function goalFor(db: Tx, tenantId: string, whose: Whose, key: string): Promise<Goal | null> {
  const goals = [...(await goalsBy(db, tenantId, whose, key)).values()];
  if (!goals.length) return null;
  const anyStretch = goals.some((g) => g.stretch !== null);
  return {
    amount: goals.reduce((a, g) => a + g.amount, 0),
    stretch: anyStretch ? goals.reduce((a, g) => a + (g.stretch ?? g.amount), 0) : null,
  };
}
