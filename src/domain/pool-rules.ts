// The public pool's (公海) rules, kept in Tenant.settings.pool (issue #14): when a customer with
// no follow-up returns to the pool, how many a rep may claim a day, and how long a previous
// owner waits to claim one back. Off unless a tenant turns it on (admin API or `/设置 公海 开`):
// recycling customers nobody asked to recycle would surprise every existing tenant. The demo
// seed turns it on.
import { z } from 'zod';
import type { Tier } from '../generated/prisma/enums.js';

const days = z.number().int().min(1).max(3650);

export const DEFAULT_POOL_RULES = {
  enabled: false,
  /** Days without a follow-up (an activity by anyone, or a manager's 保留) per tier. */
  days: { A: 30, B: 20, C: 15, untiered: null as number | null },
  /** Days after assignment with no won deal before the customer returns; null = no such rule. */
  noWinDays: null as number | null,
  /** A customer with an open deal in 商务谈判 (negotiation) is never recycled. */
  exemptNegotiation: true,
  dailyClaimLimit: 5,
  /** Days the previous owner waits before claiming a recycled customer back. */
  reclaimCooldownDays: 7,
  /** Days before the recycle date the owner is warned (once each). */
  warningDays: [3, 1],
};

// `.catch` on every field: a hand-edited bad value falls back instead of stopping the job.
const rulesObject = z.object({
  enabled: z.boolean().catch(DEFAULT_POOL_RULES.enabled),
  days: z.object({
    A: days.catch(30), B: days.catch(20), C: days.catch(15),
    /** A customer without a tier; absent or null = as C. */
    untiered: days.nullable().catch(null),
  }).catch({ ...DEFAULT_POOL_RULES.days }),
  noWinDays: days.nullable().catch(null),
  exemptNegotiation: z.boolean().catch(true),
  dailyClaimLimit: z.number().int().min(0).max(1000).catch(5),
  reclaimCooldownDays: z.number().int().min(0).max(365).catch(7),
  warningDays: z.array(days).max(5).catch([3, 1]),
});
export type PoolRules = z.infer<typeof rulesObject>;

const asObject = (json: unknown): Record<string, unknown> => (json && typeof json === 'object' && !Array.isArray(json) ? json as Record<string, unknown> : {});

/** The effective rules of a tenant from its settings JSON (stored values over the defaults). */
export function poolRules(tenantSettings: unknown): PoolRules {
  return rulesObject.catch(() => rulesObject.parse({})).parse(asObject(asObject(tenantSettings).pool));
}

/** Days without follow-up for a tier (untiered: its own value, else C's). */
export function daysFor(rules: PoolRules, tier: Tier | null): number {
  return tier ? rules.days[tier] : rules.days.untiered ?? rules.days.C;
}

/** A change to the rules: every field optional; `days` merges per tier. */
export const poolRulesChange = z.object({
  enabled: z.boolean().optional(),
  days: z.object({ A: days, B: days, C: days, untiered: days.nullable() }).partial().strict().optional(),
  noWinDays: days.nullable().optional(),
  exemptNegotiation: z.boolean().optional(),
  dailyClaimLimit: z.number().int().min(0).max(1000).optional(),
  reclaimCooldownDays: z.number().int().min(0).max(365).optional(),
  warningDays: z.array(days).max(5).optional(),
}).strict();
export type PoolRulesChange = z.infer<typeof poolRulesChange>;

/** The tenant settings JSON with `change` applied to its pool rules (other keys untouched). */
export function withPoolRules(tenantSettings: unknown, change: PoolRulesChange): Record<string, unknown> {
  const settings = asObject(tenantSettings);
  const stored = asObject(settings.pool);
  const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  const pool: Record<string, unknown> = { ...stored, ...defined, ...(change.days ? { days: { ...asObject(stored.days), ...change.days } } : {}) };
  if (change.warningDays) pool.warningDays = [...new Set(change.warningDays)].sort((a, b) => b - a);
  return { ...settings, pool };
}
