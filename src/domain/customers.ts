// Finding the customer a rep means. Keys come from names.ts; Postgres does the matching with
// pg_trgm (similarity and substring search on the GIN-indexed keys).
import { Prisma } from '../generated/prisma/client.js';
import type { Tier } from '../generated/prisma/enums.js';
import type { Actor, Tx } from './actor.js';
import { canSee } from './actor.js';
import type { Changes } from './changes.js';
import { nameKeys, matchKey, pinyinKey } from './names.js';
import { isCollaborator } from './ownership.js';

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
  /** The user findCandidates was asked about collaborates on it (null when not asked). */
  shared?: boolean | null;
}

/** `sharedFor`: also says which candidates this user collaborates on (`shared`, issue #14) in the
 * same statement — one query less for every message naming a customer (#16).
 * `similar`: 'always' lists similar names next to the exact and containing ones (creating a
 * customer asks about both); 'fallback', the default, looks for similar names only when no name
 * is the same or contains the typed one — all that `resolve` and the pool use. Similarity is the
 * costly part (a trigram comparison with every customer of the tenant: ~9 ms of Postgres for 2,000
 * customers against ~0.5 ms for the exact and containing ones, #16), so most messages skip it. */
export async function findCandidates(
  tx: Tx, tenantId: string, typed: string, sharedFor?: string, opts: { similar?: 'always' | 'fallback' } = {},
): Promise<Candidate[]> {
  const key = matchKey(typed);
  const py = pinyinKey(typed);
  if (!key) return [];
  const shared = sharedFor
    ? Prisma.sql`EXISTS (SELECT 1 FROM "Collaborator" co WHERE co."customerId" = c.id AND co."userId" = ${sharedFor} AND co."tenantId" = ${tenantId})`
    : Prisma.sql`NULL::boolean`;
  // Initials are a short form of two letters or more ("zsyh"): one letter is no name ("l" is not 乐).
  const exact = Prisma.sql`("matchKey" = ${key} OR ${key} = ANY("aliasKeys") OR pinyin = ${py} OR (length(${key}) >= 2 AND initials = ${key}))`;
  const contains = Prisma.sql`(strpos("matchKey", ${key}) > 0 OR (length(${py}) >= 4 AND strpos(pinyin, ${py}) = 1))`;
  const score = Prisma.sql`GREATEST(similarity("matchKey", ${key}), similarity(pinyin, ${py}))::float8`;
  const similar = Prisma.sql`("matchKey" % ${key} OR pinyin % ${py})`;
  const query = (where: Prisma.Sql) => tx.$queryRaw<Candidate[]>`
    SELECT c.*, ${shared} AS shared FROM (
      SELECT id, "tenantId", name, "ownerId", ${exact} AS exact, ${contains} AS contains, ${score} AS score
        FROM "Customer"
       WHERE "tenantId" = ${tenantId} AND ${where}
       ORDER BY 5 DESC, 6 DESC, 7 DESC, name
       LIMIT 8) c
     ORDER BY exact DESC, contains DESC, score DESC, name`;
  if (opts.similar === 'always') return query(Prisma.sql`(${exact} OR ${contains} OR ${similar})`);
  // Two short statements: one that does it all took longer to plan than these two to run.
  const near = await query(Prisma.sql`(${exact} OR ${contains})`);
  return near.length ? near : query(similar);
}

export type Resolution =
  | { kind: 'one'; customer: Candidate }
  | { kind: 'several'; options: Candidate[] }
  | { kind: 'none'; similar: Candidate[] }
  | { kind: 'hidden'; customer: Candidate };

/**
 * One clear match is used; several plausible ones are offered to choose from (华为 when 华为技术
 * and 华为云 exist too); a customer the actor may not see is reported, never silently duplicated.
 * `shared`: the candidates the actor collaborates on (issue #14), visible like their own.
 */
export function resolve(actor: Actor, candidates: Candidate[], shared: ReadonlySet<string> = new Set()): Resolution {
  const sees = (c: Candidate) => canSee(actor, c) || shared.has(c.id);
  const plausible = candidates.filter((c) => c.exact || c.contains);
  const visible = plausible.filter(sees);
  if (plausible.length > 0 && visible.length === 0) return { kind: 'hidden', customer: plausible[0]! };
  const exact = visible.filter((c) => c.exact);
  if (exact.length === 1 && visible.length === 1) return { kind: 'one', customer: exact[0]! };
  if (exact.length === 0 && visible.length === 1) return { kind: 'one', customer: visible[0]! };
  if (visible.length > 1) return { kind: 'several', options: visible };
  return { kind: 'none', similar: candidates.filter((c) => sees(c) && c.score >= 0.3) };
}

/** Which of these candidates the actor collaborates on (one query; none for care/admin, who see all). */
export async function sharedWith(tx: Tx, actor: Actor, candidates: { id: string; ownerId: string; tenantId: string }[]): Promise<Set<string>> {
  const others = candidates.filter((c) => !canSee(actor, c)).map((c) => c.id);
  if (!others.length) return new Set();
  const rows = await tx.collaborator.findMany({ where: { tenantId: actor.tenantId, userId: actor.userId, customerId: { in: others } }, select: { customerId: true } });
  return new Set(rows.map((r) => r.customerId));
}

/** The customer by id when the actor may see it: by owner (role) or as a collaborator. */
export async function getVisibleCustomer(tx: Tx, actor: Actor, id: string) {
  const customer = await tx.customer.findFirst({ where: { id, tenantId: actor.tenantId } });
  if (!customer) return null;
  return canSee(actor, customer) || (await isCollaborator(tx, actor, customer.id)) ? customer : null;
}

// Free-mail domains say nothing about the company (two reps' contacts at qq.com are not one customer).
const PUBLIC_MAIL = new Set(['qq.com', '163.com', '126.com', 'sina.com', 'sohu.com', 'foxmail.com', 'yeah.net', 'aliyun.com', '139.com',
  'gmail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'me.com', 'proton.me', 'protonmail.com']);

export const emailDomain = (email: string) => {
  const domain = email.trim().toLowerCase().split('@')[1];
  return domain && !PUBLIC_MAIL.has(domain) ? domain : undefined;
};

/** The tenant's customers one of whose contacts has this phone, or an email at this company domain. */
export async function findByContact(tx: Tx, tenantId: string, by: { phone?: string; email?: string }) {
  const domain = by.email ? emailDomain(by.email) : undefined;
  const or = [
    ...(by.phone ? [{ phone: by.phone }] : []),
    ...(domain ? [{ email: { endsWith: `@${domain}`, mode: 'insensitive' as const } }] : []),
  ];
  if (!or.length) return [];
  const contacts = await tx.contact.findMany({ where: { tenantId, OR: or }, select: { customerId: true }, take: 20 });
  if (!contacts.length) return [];
  return tx.customer.findMany({ where: { tenantId, id: { in: [...new Set(contacts.map((c) => c.customerId))] } }, select: { id: true, name: true, ownerId: true, tenantId: true } });
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
