// Roles and teams: who is a rep, a manager, customer care or an admin, and who is in which team.
// Used by the admins' chat commands, where every change is audited (so `/撤销` takes it back and
// the audit log shows who made whom an admin), and by the CLI (a new tenant's first admin).
import type { Role } from '../generated/prisma/enums.js';
import type { Tx } from './actor.js';
import type { Db } from '../db.js';
import type { Changes } from './changes.js';
import { UserError } from './errors.js';

export const ROLE_WORDS: Record<string, Role> = {
  rep: 'rep', sales: 'rep', 销售: 'rep',
  manager: 'manager', 经理: 'manager', 主管: 'manager',
  care: 'care', support: 'care', 客服: 'care',
  admin: 'admin', 管理员: 'admin',
};

type Client = Tx | Db;

/** Writes a user or team row: through the audit when the chat made the change. */
function writer(db: Client, changes?: Changes) {
  return {
    user: (id: string, data: object) => (changes ? changes.update('user', id, data) : db.user.update({ where: { id }, data })),
    team: (id: string, data: object) => (changes ? changes.update('team', id, data) : db.team.update({ where: { id }, data })),
    newTeam: (tenantId: string, name: string) => (changes
      ? changes.create<{ id: string; name: string }>('team', { name })
      : db.team.create({ data: { tenantId, name } })),
  };
}

/** A user of the tenant by handle or display name (case-insensitive). */
export async function findPerson(db: Client, tenantId: string, who: string) {
  const found = await db.user.findMany({
    where: { tenantId, OR: [{ handle: { equals: who, mode: 'insensitive' } }, { name: { equals: who, mode: 'insensitive' } }] },
    take: 2,
  });
  if (found.length === 0) throw new UserError('admin.noSuchUser', { who });
  if (found.length > 1) throw new UserError('admin.ambiguousUser', { who });
  return found[0]!;
}

export async function setRole(db: Client, tenantId: string, who: string, roleWord: string, changes?: Changes) {
  const role = ROLE_WORDS[roleWord.toLowerCase()];
  if (!role) throw new UserError('admin.badRole', { role: roleWord });
  const user = await findPerson(db, tenantId, who);
  return (await writer(db, changes).user(user.id, { role })) as typeof user;
}

async function teamNamed(db: Client, tenantId: string, name: string, changes?: Changes) {
  return (await db.team.findFirst({ where: { tenantId, name } })) ?? writer(db, changes).newTeam(tenantId, name);
}

/** Puts the user in the team (created when new). */
export async function setTeam(db: Client, tenantId: string, who: string, teamName: string, changes?: Changes) {
  const user = await findPerson(db, tenantId, who);
  const team = await teamNamed(db, tenantId, teamName, changes);
  await writer(db, changes).user(user.id, { teamId: team.id });
  return { user, team };
}

/** Makes the user the team's manager (and a member with the manager role). */
export async function setManager(db: Client, tenantId: string, who: string, teamName: string, changes?: Changes) {
  const user = await findPerson(db, tenantId, who);
  const team = await teamNamed(db, tenantId, teamName, changes);
  const write = writer(db, changes);
  await write.team(team.id, { managerId: user.id });
  await write.user(user.id, { teamId: team.id, role: user.role === 'admin' ? 'admin' : 'manager' });
  return { user, team };
}

export function listPeople(db: Client, tenantId: string) {
  return db.user.findMany({ where: { tenantId }, orderBy: [{ role: 'asc' }, { name: 'asc' }], include: { team: true }, take: 100 });
}
