// The batched writes. Each chunk is ONE multi-row statement (INSERT … SELECT FROM unnest of
// column arrays): Prisma's createMany spent ~0.2 ms of CPU per row building its query, which
// made a 100,000-row import take about a minute; unnest makes it a few seconds. Each chunk is its
// own statement, so a failure loses at most the chunk in flight.
import { randomUUID } from 'node:crypto';
import { Prisma, type Db } from '../../db.js';
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

const CHUNK = 5_000;

function* chunks<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
// text[] columns travel as JSON text: unnest would flatten an array of arrays.
const json = (a: string[]): string => JSON.stringify(a);
const textArray = (col: string) => Prisma.raw(`ARRAY(SELECT jsonb_array_elements_text(${col}::jsonb))`);

async function insertCustomers(db: Db, tenantId: string, rows: Known[]): Promise<void> {
  const keys = rows.map((k) => nameKeys(k.name, k.aliases));
  await db.$executeRaw`
    INSERT INTO "Customer" ("id", "tenantId", "name", "matchKey", "pinyin", "initials", "aliases", "aliasKeys", "tags",
      "industry", "tier", "ownerId", "signedAt", "contractEnd", "importedAt", "updatedAt")
    SELECT id, ${tenantId}, name, mk, py, ini, ${textArray('al')}, ${textArray('ak')}, ${textArray('tg')},
      ind, tier::"Tier", owner, signed::date, ends::date, now(), now()
    FROM unnest(${rows.map((k) => k.id)}::text[], ${rows.map((k) => k.name)}::text[],
      ${keys.map((k) => k.matchKey)}::text[], ${keys.map((k) => k.pinyin)}::text[], ${keys.map((k) => k.initials)}::text[],
      ${rows.map((k) => json(k.aliases))}::text[], ${keys.map((k) => json(k.aliasKeys))}::text[], ${rows.map((k) => json(k.tags))}::text[],
      ${rows.map((k) => k.industry)}::text[], ${rows.map((k) => k.tier)}::text[], ${rows.map((k) => k.ownerId)}::text[],
      ${rows.map((k) => day(k.signedAt))}::text[], ${rows.map((k) => day(k.contractEnd))}::text[])
      AS t(id, name, mk, py, ini, al, ak, tg, ind, tier, owner, signed, ends)`;
}

async function updateCustomers(db: Db, rows: Known[]): Promise<void> {
  await db.$executeRaw`
    UPDATE "Customer" c SET "industry" = t.ind, "tier" = t.tier::"Tier", "signedAt" = t.signed::date,
      "contractEnd" = t.ends::date, "tags" = ${textArray('t.tg')}, "aliases" = ${textArray('t.al')},
      "aliasKeys" = ${textArray('t.ak')}, "updatedAt" = now()
    FROM unnest(${rows.map((k) => k.id)}::text[], ${rows.map((k) => k.industry)}::text[], ${rows.map((k) => k.tier)}::text[],
      ${rows.map((k) => day(k.signedAt))}::text[], ${rows.map((k) => day(k.contractEnd))}::text[],
      ${rows.map((k) => json(k.tags))}::text[], ${rows.map((k) => json(k.aliases))}::text[],
      ${rows.map((k) => json(nameKeys(k.name, k.aliases).aliasKeys))}::text[])
      AS t(id, ind, tier, signed, ends, tg, al, ak)
    WHERE c."id" = t.id`;
}

async function insertContacts(db: Db, tenantId: string, rows: NewContact[]): Promise<void> {
  const ids = rows.map(() => randomUUID());
  await db.$executeRaw`
    INSERT INTO "Contact" ("id", "tenantId", "customerId", "name", "title", "phone", "email", "birthday", "updatedAt")
    SELECT id, ${tenantId}, cid, name, title, phone, email, bday, now()
    FROM unnest(${ids}::text[], ${rows.map((c) => c.customerId)}::text[], ${rows.map((c) => c.name)}::text[],
      ${rows.map((c) => c.title ?? null)}::text[], ${rows.map((c) => c.phone ?? null)}::text[],
      ${rows.map((c) => c.email ?? null)}::text[], ${rows.map((c) => c.birthday ?? null)}::text[])
      AS t(id, cid, name, title, phone, email, bday)`;
}

export async function writeAll(db: Db, tenantId: string, created: Known[], updated: Known[], contacts: NewContact[], progress: (done: number) => void): Promise<void> {
  let done = 0;
  for (const chunk of chunks(created)) {
    await insertCustomers(db, tenantId, chunk);
    progress((done += chunk.length));
  }
  for (const chunk of chunks(updated)) await updateCustomers(db, chunk);
  for (const chunk of chunks(contacts)) {
    await insertContacts(db, tenantId, chunk);
    progress((done += chunk.length));
  }
}
