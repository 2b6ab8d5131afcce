// Where a notification goes: the direct conversation the user wrote from last, else the web
// chat by their handle. Many users are looked up in two queries, for reminders firing together.
import type { Address, Platform } from '../chat/index.js';
import type { Db } from '../db.js';
import type { Tx } from '../domain/actor.js';
import { newId } from '../domain/ids.js';
import type { Recipient } from './outbox.js';

const keyOf = (r: Recipient) => `${r.tenantId}\u0000${r.userId}`;

interface LastAddress { tenantId: string; userId: string; platform: string; platformTenant: string; conversationId: string; threadId: string | null }

/** Where the user wrote from, now: Prisma's upsert on (userId, platform, conversationId) as one
 * raw statement (#16: it runs for a user's first message in a while, ~3 ms of CPU through Prisma). */
export async function storeAddress(db: Pick<Tx, '$executeRaw'>, who: { tenantId: string; userId: string }, a: Address): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "ChatAddress" (id, "tenantId", "userId", platform, "platformTenant", "conversationId", kind, "threadId", "updatedAt")
    VALUES (${newId()}, ${who.tenantId}, ${who.userId}, ${a.platform}, ${a.platformTenant}, ${a.conversationId}, ${a.kind}, ${a.threadId ?? null}, ${new Date()})
    ON CONFLICT ("userId", platform, "conversationId")
    DO UPDATE SET kind = EXCLUDED.kind, "threadId" = EXCLUDED."threadId", "updatedAt" = EXCLUDED."updatedAt"`;
}

/** Each recipient's address, keyed `${tenantId}\0${userId}`; throws for a user not in their tenant. */
export async function addressesOf(db: Db, recipients: Recipient[]): Promise<Map<string, Address>> {
  const unique = [...new Map(recipients.map((r) => [keyOf(r), r])).values()];
  const tenants = unique.map((r) => r.tenantId), users = unique.map((r) => r.userId);
  const last = await db.$queryRaw<LastAddress[]>`
    SELECT DISTINCT ON (a."tenantId", a."userId") a."tenantId", a."userId", a.platform, a."platformTenant", a."conversationId", a."threadId"
      FROM "ChatAddress" a JOIN unnest(${tenants}::text[], ${users}::text[]) AS r(tenant, "user")
        ON a."tenantId" = r.tenant AND a."userId" = r."user"
     WHERE a.kind = 'direct'
     ORDER BY a."tenantId", a."userId", a."updatedAt" DESC`;
  const found = new Map<string, Address>(last.map((a) => [keyOf(a), {
    platform: a.platform as Platform, platformTenant: a.platformTenant, conversationId: a.conversationId,
    kind: 'direct', ...(a.threadId && { threadId: a.threadId }),
  }]));
  const rest = unique.filter((r) => !found.has(keyOf(r)));
  if (rest.length) {
    const handles = await db.$queryRaw<{ tenantId: string; id: string; handle: string }[]>`
      SELECT u."tenantId", u.id, u.handle FROM "User" u JOIN unnest(${rest.map((r) => r.tenantId)}::text[], ${rest.map((r) => r.userId)}::text[]) AS r(tenant, "user")
        ON u."tenantId" = r.tenant AND u.id = r."user"`;
    for (const u of handles) found.set(keyOf({ tenantId: u.tenantId, userId: u.id }), { platform: 'web', platformTenant: u.tenantId, conversationId: u.handle, kind: 'direct' });
  }
  const missing = unique.find((r) => !found.has(keyOf(r)));
  if (missing) throw new Error(`no user ${missing.userId} in tenant ${missing.tenantId}`);
  return found;
}
