// Who is acting, and what their role lets them see: a rep their own customers and deals, a
// manager their teams', customer care and admins the whole tenant.
import type { Db } from '../db.js';
import type { Locale } from '../i18n/index.js';
import type { Role } from '../generated/prisma/enums.js';

export interface Actor {
  tenantId: string;
  userId: string;
  name: string;
  role: Role;
  timeZone: string;
  locale: Locale;
  /** Owners whose customers and deals this actor sees; 'all' for care and admin. */
  visibleOwners: string[] | 'all';
}

export async function loadActor(db: Db | Tx, userId: string): Promise<Actor> {
  // One statement instead of Prisma's four (user, tenant, managed teams, their members): this
  // runs for every message, and each Prisma query costs ~1 ms of CPU (inbound bench, #6).
  const [user] = await db.$queryRaw<{ id: string; tenantId: string; name: string; role: Role; locale: string; timeZone: string; members: string[] }[]>`
    SELECT u.id, u."tenantId", u.name, u.role::text AS role, u.locale, COALESCE(u."timeZone", t."timeZone") AS "timeZone",
           ARRAY(SELECT m.id FROM "Team" tm JOIN "User" m ON m."teamId" = tm.id WHERE tm."managerId" = u.id) AS members
      FROM "User" u JOIN "Tenant" t ON t.id = u."tenantId"
     WHERE u.id = ${userId}`;
  if (!user) throw new Error(`no user ${userId}`);
  return {
    tenantId: user.tenantId,
    userId: user.id,
    name: user.name,
    role: user.role,
    timeZone: user.timeZone,
    locale: user.locale === 'en' ? 'en' : 'zh',
    visibleOwners: user.role === 'care' || user.role === 'admin' ? 'all' : [...new Set([user.id, ...user.members])],
  };
}

/** A Prisma `where` fragment limiting rows to those the actor may see. */
export function visibleTo(actor: Actor): { tenantId: string; ownerId?: { in: string[] } } {
  return actor.visibleOwners === 'all'
    ? { tenantId: actor.tenantId }
    : { tenantId: actor.tenantId, ownerId: { in: actor.visibleOwners } };
}

export function canSee(actor: Actor, row: { tenantId: string; ownerId: string }): boolean {
  return row.tenantId === actor.tenantId &&
    (actor.visibleOwners === 'all' || actor.visibleOwners.includes(row.ownerId));
}

import type { Prisma } from '../generated/prisma/client.js';
export type Tx = Prisma.TransactionClient;
