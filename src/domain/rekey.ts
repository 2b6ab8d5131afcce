// Stored name keys are derived (names.ts); when the way they are made changes (KEYS_VERSION), the
// rows keyed before are keyed again here, a page at a time (short locks, any size), oldest version
// first. Housekeeping runs it; a row written meanwhile already has the current version.
import type { Db } from '../db.js';
import { KEYS_VERSION, nameKeys } from './names.js';

const PAGE = 1_000;

/** Keys every customer whose keys are older than KEYS_VERSION; how many rows changed. */
export async function rekeyCustomers(db: Db, page = PAGE): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ id: string; name: string; aliases: string[] }[]>`
      SELECT id, name, aliases FROM "Customer" WHERE "keysVersion" < ${KEYS_VERSION} ORDER BY id LIMIT ${page}`;
    if (!rows.length) return total;
    const keys = rows.map((r) => nameKeys(r.name, r.aliases));
    // text[] columns travel as JSON text: unnest would flatten an array of arrays.
    await db.$executeRaw`
      UPDATE "Customer" c SET "matchKey" = t.mk, pinyin = t.py, initials = t.ini,
        "aliasKeys" = ARRAY(SELECT jsonb_array_elements_text(t.ak::jsonb)), "keysVersion" = ${KEYS_VERSION}
      FROM unnest(${rows.map((r) => r.id)}::text[], ${keys.map((k) => k.matchKey)}::text[], ${keys.map((k) => k.pinyin)}::text[],
        ${keys.map((k) => k.initials)}::text[], ${keys.map((k) => JSON.stringify(k.aliasKeys))}::text[]) AS t(id, mk, py, ini, ak)
      WHERE c.id = t.id`;
    total += rows.length;
    if (rows.length < page) return total;
  }
}
