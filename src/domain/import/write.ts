// The batched writes: createMany in chunks of 1,000, each chunk its own transaction, so a
// 100,000-row import is ~200 round trips, and a failure loses at most the chunk in flight.
import type { Db } from '../../db.js';
import { nameKeys } from '../names.js';
import type { Known } from './existing.js';

export interface NewContact {
  customerId: string;
  name: string;
  title?: string;
  phone?: string;
  email?: string;
  birthday?: string;
}

const CHUNK = 1_000;

function* chunks<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

const customerData = (tenantId: string, k: Known) => ({
  id: k.id, tenantId, name: k.name, ...nameKeys(k.name, k.aliases), aliases: k.aliases, tags: k.tags,
  industry: k.industry, tier: k.tier, ownerId: k.ownerId, signedAt: k.signedAt, contractEnd: k.contractEnd,
});

export async function writeAll(db: Db, tenantId: string, created: Known[], updated: Known[], contacts: NewContact[], progress: (done: number) => void): Promise<void> {
  let done = 0;
  for (const chunk of chunks(created)) {
    await db.customer.createMany({ data: chunk.map((k) => customerData(tenantId, k)) });
    progress((done += chunk.length));
  }
  for (const chunk of chunks(updated)) {
    await db.$transaction(chunk.map((k) => db.customer.update({
      where: { id: k.id },
      data: { industry: k.industry, tier: k.tier, signedAt: k.signedAt, contractEnd: k.contractEnd, tags: k.tags, aliases: k.aliases, aliasKeys: nameKeys(k.name, k.aliases).aliasKeys },
    })));
  }
  for (const chunk of chunks(contacts)) {
    await db.contact.createMany({ data: chunk.map((c) => ({ tenantId, ...c })) });
    progress((done += chunk.length));
  }
}
