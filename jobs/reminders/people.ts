// Who the jobs write to: each user's language, zone, muted kinds and manager; and the one place
// a message goes out, so every job honours mute settings and once-only keys the same way.
import type { Reply } from '../../src/chat/index.js';
import type { Db } from '../../src/db.js';
import type { Role } from '../../src/generated/prisma/enums.js';
import type { Locale } from '../../src/i18n/index.js';
import { DEFAULT_ZONE, mutedKinds, tenantSettings, type MessageKind, type TenantSettings } from '../calendar.js';
import type { JobContext } from '../types.js';

export interface Person {
  id: string; tenantId: string; name: string; role: Role; locale: Locale; timeZone: string;
  muted: Set<string>; managerId: string | null;
}

export interface TenantInfo { id: string; timeZone: string; settings: TenantSettings }

/** One tenant, some, or (no argument) every tenant. */
export async function tenantsFor(db: Db, tenantId?: string | string[]): Promise<TenantInfo[]> {
  const where = tenantId === undefined ? {} : { id: typeof tenantId === 'string' ? tenantId : { in: tenantId } };
  const rows = await db.tenant.findMany({ where, orderBy: { id: 'asc' } });
  return rows.map((t) => ({ id: t.id, timeZone: t.timeZone || DEFAULT_ZONE, settings: tenantSettings(t.settings) }));
}

type UserRow = { id: string; tenantId: string; name: string; role: Role; locale: string; timeZone: string | null; settings: unknown; team: { managerId: string | null } | null };

const toPerson = (u: UserRow, tenant: Pick<TenantInfo, 'timeZone'>): Person => ({
  id: u.id, tenantId: u.tenantId, name: u.name, role: u.role,
  locale: u.locale === 'en' ? 'en' : 'zh', timeZone: u.timeZone ?? tenant.timeZone,
  muted: mutedKinds(u.settings),
  // A manager's own team is managed by themselves: no one to escalate to.
  managerId: u.team?.managerId && u.team.managerId !== u.id ? u.team.managerId : null,
});

const withManager = { team: { select: { managerId: true } } } as const;

export async function peopleOf(db: Db, tenant: Pick<TenantInfo, 'id' | 'timeZone'>): Promise<Map<string, Person>> {
  const users = await db.user.findMany({ where: { tenantId: tenant.id }, include: withManager });
  return new Map(users.map((u) => [u.id, toPerson(u, tenant)]));
}

/** The recipients of many messages (reminders firing together) in one statement, by user id;
 * each with their own tenant's zone as default. Raw: it runs for every round of reminders. */
export async function peopleByIds(db: Db, tenants: Map<string, Pick<TenantInfo, 'timeZone'>>, who: { tenantId: string; userId: string }[]): Promise<Map<string, Person>> {
  const known = who.filter((w) => tenants.has(w.tenantId));
  if (!known.length) return new Map();
  const users = await db.$queryRaw<(Omit<UserRow, 'team'> & { managerId: string | null })[]>`
    SELECT DISTINCT u.id, u."tenantId", u.name, u.role::text AS role, u.locale, u."timeZone", u.settings, t."managerId"
      FROM "User" u JOIN unnest(${known.map((w) => w.tenantId)}::text[], ${known.map((w) => w.userId)}::text[]) AS v(tenant, id)
        ON u."tenantId" = v.tenant AND u.id = v.id
      LEFT JOIN "Team" t ON t."tenantId" = u."tenantId" AND t.id = u."teamId"`;
  return new Map(users.map(({ managerId, ...u }) => [u.id, toPerson({ ...u, team: { managerId } }, tenants.get(u.tenantId)!)]));
}

/** Sends unless the recipient muted this kind; true when it was handed to the notifier. */
export async function sendTo(ctx: Pick<JobContext, 'notifier'>, person: Person, kind: MessageKind, reply: Reply, key: string): Promise<boolean> {
  if (person.muted.has(kind)) return false;
  await ctx.notifier.notify({ tenantId: person.tenantId, userId: person.id }, reply, { key });
  return true;
}
