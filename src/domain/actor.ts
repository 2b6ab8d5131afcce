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
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { tenant: true, manages: { include: { members: { select: { id: true } } } } },
  });
  const visibleOwners: Actor['visibleOwners'] =
    user.role === 'care' || user.role === 'admin'
      ? 'all'
      : [...new Set([user.id, ...user.manages.flatMap((t) => t.members.map((m) => m.id))])];
  return {
    tenantId: user.tenantId,
    userId: user.id,
    name: user.name,
    role: user.role,
    timeZone: user.timeZone ?? user.tenant.timeZone,
    locale: user.locale === 'en' ? 'en' : 'zh',
    visibleOwners,
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
