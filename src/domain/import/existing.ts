// The tenant's customers, contacts and people, loaded once: 100,000 rows are matched against
// Maps in memory, not with 100,000 queries.
import type { Db } from '../../db.js';
import { matchKey } from '../names.js';

export interface Known {
  id: string;
  name: string;
  ownerId: string;
  industry: string | null;
  tier: 'A' | 'B' | 'C' | null;
  signedAt: Date | null;
  contractEnd: Date | null;
  tags: string[];
  aliases: string[];
  isNew: boolean;
  dirty: boolean;
}

export interface Tenant {
  /** matchKey and every alias key → customer: the chat's exact-match rule. */
  byKey: Map<string, Known>;
  /** Toneless pinyin → customer, also an exact match in the chat (Huawei, huawei → 华为). */
  byPinyin: Map<string, Known>;
  /** `${customerId}\u0000${contact name}` of every contact. */
  contacts: Set<string>;
  /** A contact's phone → the customer it is on (查重 by phone, issue #14). */
  byPhone: Map<string, Known>;
  /** Users with the rep role: a rep's row never lands on someone else's customer. */
  reps: Set<string>;
  /** handle (lower-case) and name → user id. */
  users: Map<string, string>;
  defaultOwnerId?: string;
}

export async function loadTenant(db: Db, tenantId: string): Promise<Tenant> {
  const [customers, contacts, users] = await Promise.all([
    db.customer.findMany({
      where: { tenantId },
      select: { id: true, name: true, ownerId: true, industry: true, tier: true, signedAt: true, contractEnd: true, tags: true, aliases: true, matchKey: true, aliasKeys: true, pinyin: true },
    }),
    db.contact.findMany({ where: { tenantId }, select: { customerId: true, name: true, phone: true } }),
    db.user.findMany({ where: { tenantId }, select: { id: true, handle: true, name: true, role: true }, orderBy: { createdAt: 'asc' } }),
  ]);
  const byKey = new Map<string, Known>();
  const byPinyin = new Map<string, Known>();
  const byId = new Map<string, Known>();
  for (const { matchKey: key, aliasKeys, pinyin, ...c } of customers) {
    const known: Known = { ...c, isNew: false, dirty: false };
    byId.set(c.id, known);
    for (const k of [key, ...aliasKeys]) if (k && !byKey.has(k)) byKey.set(k, known);
    if (pinyinMatchable(pinyin) && !byPinyin.has(pinyin)) byPinyin.set(pinyin, known);
  }
  const userMap = new Map<string, string>();
  for (const u of users) { userMap.set(u.handle.toLowerCase(), u.id); userMap.set(u.name, u.id); }
  const lead = users.find((u) => u.role === 'admin' || u.role === 'manager');
  const byPhone = new Map<string, Known>();
  for (const c of contacts) if (c.phone && byId.has(c.customerId) && !byPhone.has(c.phone)) byPhone.set(c.phone, byId.get(c.customerId)!);
  return {
    byKey,
    byPinyin,
    byPhone,
    reps: new Set(users.filter((u) => u.role === 'rep').map((u) => u.id)),
    contacts: new Set(contacts.map((c) => contactKey(c.customerId, c.name))),
    users: userMap,
    defaultOwnerId: lead?.id,
  };
}

/** Short pinyin keys ("li", "ab") name too many different customers to merge on. */
export const pinyinMatchable = (key: string): boolean => key.length >= 4;

export const contactKey = (customerId: string, name: string): string => `${customerId}\u0000${matchKey(name)}`;
