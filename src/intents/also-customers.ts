// "今天跑了三家 美的 格力 顺丰": the same report logged on each further customer it names. One the
// rep cannot log on (unknown, ambiguous, someone else's) is said in the reply, never dropped.
import { logActivity as addActivity, type ActivityInput } from '../domain/records.js';
import { findCandidates, resolve } from '../domain/customers.js';
import { t } from '../i18n/index.js';
import type { Args } from './args.js';
import type { IntentContext } from './types.js';

export interface AlsoLogged { names: string[]; note?: string }

/** Logs `activity` (its customer replaced) on every name in `args.also_customers`. */
export async function logOnOthers(ctx: IntentContext, args: Args, activity: ActivityInput, first: string): Promise<AlsoLogged> {
  const names: string[] = [];
  const missed: string[] = [];
  for (const name of args.also_customers ?? []) {
    const candidates = await findCandidates(ctx.tx, ctx.actor.tenantId, name, ctx.actor.userId);
    const found = resolve(ctx.actor, candidates, new Set(candidates.flatMap((c) => (c.shared ? [c.id] : []))));
    if (found.kind !== 'one') { missed.push(name); continue; }
    if (found.customer.id === activity.customerId || names.includes(found.customer.name)) continue;
    await addActivity(ctx.changes, { ...activity, customerId: found.customer.id, contactId: undefined, dealId: undefined, nextFollowUpAt: undefined });
    names.push(found.customer.name);
  }
  if (!missed.length) return { names };
  return { names, note: t(ctx.locale, 'activity.alsoMissed', { names: missed.join('、'), first: missed[0]!, logged: first }) };
}
