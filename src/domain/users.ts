// Who a chat user is in salesbot. The web chat names users by handle inside a tenant; a
// messenger user is found by their chat identity, and on first contact becomes a rep.
import type { Identity } from '../chat/index.js';
import type { Db } from '../db.js';

export async function resolveUser(db: Db, identity: Identity): Promise<{ id: string; tenantId: string }> {
  if (identity.platform === 'web') return webUser(db, identity);
  // Raw SQL: this runs for every message, and Prisma's query costs ~1 ms of CPU (#6 bench).
  const [known] = await db.$queryRaw<{ id: string; tenantId: string }[]>`
    SELECT u.id, u."tenantId" FROM "ChatIdentity" ci JOIN "User" u ON u.id = ci."userId"
     WHERE ci.platform = ${identity.platform} AND ci."platformTenant" = ${identity.platformTenant} AND ci."platformUserId" = ${identity.userId}`;
  if (known) return known;
  const tenantId = `${identity.platform}-${identity.platformTenant}`;
  await db.tenant.upsert({ where: { id: tenantId }, create: { id: tenantId, name: tenantId }, update: {} });
  const user = await db.user.upsert({
    where: { tenantId_handle: { tenantId, handle: `${identity.platform}-${identity.userId}` } },
    create: { tenantId, handle: `${identity.platform}-${identity.userId}`, name: identity.displayName ?? identity.userId },
    update: {},
  });
  await db.chatIdentity.upsert({
    where: { platform_platformTenant_platformUserId: { platform: identity.platform, platformTenant: identity.platformTenant, platformUserId: identity.userId } },
    create: { tenantId, platform: identity.platform, platformTenant: identity.platformTenant, platformUserId: identity.userId, userId: user.id },
    update: {},
  });
  return user;
}

/** Web chat: `platformTenant` is the tenant id, `userId` the handle; an unknown handle joins as a rep. */
async function webUser(db: Db, identity: Identity) {
  const tenantId = identity.platformTenant;
  return db.user.upsert({
    where: { tenantId_handle: { tenantId, handle: identity.userId } },
    create: { tenantId, handle: identity.userId, name: identity.displayName ?? identity.userId },
    update: {},
    select: { id: true, tenantId: true },
  });
}
