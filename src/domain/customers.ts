// Finding the customer a rep means. Keys come from names.ts; Postgres does the matching with
// pg_trgm (similarity and substring search on the GIN-indexed keys).
import type { Tier } from '../generated/prisma/enums.js';
import type { Actor, Tx } from './actor.js';
import { canSee } from './actor.js';
import type { Changes } from './changes.js';
import { nameKeys, matchKey, pinyinKey } from './names.js';

export interface Candidate {
  id: string;
  tenantId: string;
  name: string;
  ownerId: string;
  /** Same key, alias, pinyin or initials: what the rep typed names this customer. */
  exact: boolean;
  /** The typed key is part of this customer's key (华为 → 华为技术, 华为云). */
  contains: boolean;
  score: number;
}

export async function findCandidates(tx: Tx, tenantId: string, typed: string): Promise<Candidate[]> {
  const key = matchKey(typed);
  const py = pinyinKey(typed);
  if (!key) return [];
  return tx.$queryRaw<Candidate[]>`
    SELECT id, "tenantId", name, "ownerId",
           ("matchKey" = ${key} OR ${key} = ANY("aliasKeys") OR pinyin = ${py} OR initials = ${key}) AS exact,
           (strpos("matchKey", ${key}) > 0 OR (length(${py}) >= 4 AND strpos(pinyin, ${py}) = 1)) AS contains,
           GREATEST(similarity("matchKey", ${key}), similarity(pinyin, ${py}))::float8 AS score
      FROM "Customer"
     WHERE "tenantId" = ${tenantId}
       AND ("matchKey" = ${key} OR ${key} = ANY("aliasKeys") OR pinyin = ${py} OR initials = ${key}
            OR "matchKey" LIKE '%' || ${key} || '%' OR (length(${py}) >= 4 AND pinyin LIKE ${py} || '%')
            OR "matchKey" % ${key} OR pinyin % ${py})
     ORDER BY 5 DESC, 6 DESC, 7 DESC, name
     LIMIT 8`;
}

export type Resolution =
  | { kind: 'one'; customer: Candidate }
  | { kind: 'several'; options: Candidate[] }
  | { kind: 'none'; similar: Candidate[] }
  | { kind: 'hidden'; customer: Candidate };

/**
 * One clear match is used; several plausible ones are offered to choose from (华为 when 华为技术
 * and 华为云 exist too); a customer the actor may not see is reported, never silently duplicated.
 */
export function resolve(actor: Actor, candidates: Candidate[]): Resolution {
  const plausible = candidates.filter((c) => c.exact || c.contains);
  const visible = plausible.filter((c) => canSee(actor, c));
  if (plausible.length > 0 && visible.length === 0) return { kind: 'hidden', customer: plausible[0]! };
  const exact = visible.filter((c) => c.exact);
  if (exact.length === 1 && visible.length === 1) return { kind: 'one', customer: exact[0]! };
  if (exact.length === 0 && visible.length === 1) return { kind: 'one', customer: visible[0]! };
  if (visible.length > 1) return { kind: 'several', options: visible };
  return { kind: 'none', similar: candidates.filter((c) => canSee(actor, c) && c.score >= 0.3) };
}

export async function getVisibleCustomer(tx: Tx, actor: Actor, id: string) {
  const customer = await tx.customer.findFirst({ where: { id, tenantId: actor.tenantId } });
  return customer && canSee(actor, customer) ? customer : null;
}

export interface NewCustomer {
  name: string;
  industry?: string;
  tier?: Tier;
  aliases?: string[];
  tags?: string[];
}

export async function createCustomer(changes: Changes, actor: Actor, input: NewCustomer) {
  const name = input.name.trim();
  return changes.create<{ id: string; name: string; ownerId: string; tenantId: string }>('customer', {
    name,
    ...nameKeys(name, input.aliases),
    aliases: input.aliases ?? [],
    tags: input.tags ?? [],
    industry: input.industry,
    tier: input.tier,
    ownerId: actor.userId,
  });
}
