// Tenants for the isolation property (issue #6): the demo tenant (prisma/seed.ts) plus tenants of
// our own whose every name is recognisable ("ACME机密商机1"), each with an admin, a manager and
// two reps in a team, customers, deals, contacts and pending reminders per rep — and a web chat
// app per tenant over the same database, so any user can type or click as themselves.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { seedDemo } from '../../prisma/seed.js';
import type { Db } from '../../src/db.js';
import { nameKeys } from '../../src/domain/names.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/log.js';
import type { Role } from '../../src/generated/prisma/enums.js';

export interface Person { tenantId: string; handle: string; name: string }

const OWN_TENANTS = [{ id: 'acme', label: 'ACME' }, { id: 'globex', label: 'GLOBEX' }];

async function seedTenant(db: Db, id: string, label: string): Promise<Person[]> {
  await db.tenant.create({ data: { id, name: `${label}公司` } });
  const people: [string, string, Role][] = [
    ['admin', `${label}管理员`, 'admin'], ['boss', `${label}经理`, 'manager'], ['repa', `${label}销售甲`, 'rep'], ['repb', `${label}销售乙`, 'rep'],
  ];
  const users = await Promise.all(people.map(([handle, name, role]) => db.user.create({ data: { tenantId: id, handle, name, role } })));
  const [, boss, repa, repb] = users;
  const team = await db.team.create({ data: { tenantId: id, name: `${label}华东组`, managerId: boss!.id } });
  await db.user.updateMany({ where: { id: { in: [repa!.id, repb!.id] } }, data: { teamId: team.id } });
  for (const [i, owner] of [repa!, repa!, repb!, repb!].entries()) {
    const name = `${label}机密客户${i + 1}`;
    const customer = await db.customer.create({ data: { tenantId: id, name, ...nameKeys(name), ownerId: owner.id } });
    const deal = await db.deal.create({ data: { tenantId: id, customerId: customer.id, ownerId: owner.id, title: `${label}机密商机${i + 1}`, amount: 100_000 * (i + 1), stage: 'proposal' } });
    await db.contact.create({ data: { tenantId: id, customerId: customer.id, name: `${label}联系人${i + 1}`, phone: `1380000000${i}` } });
    await db.reminder.create({ data: { tenantId: id, kind: 'follow_up', dueAt: new Date(Date.now() + 86_400_000), assigneeId: owner.id, customerId: customer.id, dealId: deal.id, note: `${label}机密提醒${i + 1}` } });
  }
  return people.map(([handle, name]) => ({ tenantId: id, handle, name }));
}

export async function seedTenants(db: Db, redis: Redis, prefix: string) {
  await seedDemo(db);
  const demoUsers = await db.user.findMany({ where: { tenantId: 'demo' }, select: { handle: true, name: true } });
  const people: Person[] = demoUsers.map((u) => ({ tenantId: 'demo', ...u }));
  for (const t of OWN_TENANTS) people.push(...await seedTenant(db, t.id, t.label));
  const log = createLogger('silent');
  const apps = new Map(['demo', ...OWN_TENANTS.map((t) => t.id)].map((tenantId) =>
    [tenantId, createApp({ db, redis, log, keyPrefix: prefix, tenantId, webChatToken: undefined }).app]));
  return { people, apps, tenants: ['demo', ...OWN_TENANTS.map((t) => t.id)] };
}

/** Every tenant-owned row, by `table:id`, with its tenant, owner (deals, customers) and a hash of its content. */
export type Snapshot = Map<string, { tenantId: string; ownerId: string | null; hash: string }>;

const TABLES = ['User', 'Team', 'Customer', 'Contact', 'Deal', 'StageChange', 'Activity', 'Reminder', 'Callback', 'Target', 'AuditLog',
  'ChatAddress', 'ProcessedEvent'];
const OWNED = new Set(['Deal', 'Customer']);

export async function snapshot(db: Db): Promise<Snapshot> {
  const sql = TABLES.map((t) => `SELECT '${t}' AS tbl, x.id::text AS id, x."tenantId" AS "tenantId", ${OWNED.has(t) ? 'x."ownerId"' : 'NULL'} AS "ownerId", x::text AS row FROM "${t}" x`).join(' UNION ALL ');
  const rows = await db.$queryRawUnsafe<{ tbl: string; id: string; tenantId: string; ownerId: string | null; row: string }[]>(sql);
  return new Map(rows.map((r) => [`${r.tbl}:${r.id}`, { tenantId: r.tenantId, ownerId: r.ownerId, hash: createHash('sha1').update(r.row).digest('hex') }]));
}

/** Owners whose deals `user` may see (src/domain/actor.ts, restated): all for care/admin, else self + managed teams' members. */
export async function visibleOwners(db: Db, tenantId: string, handle: string): Promise<Set<string> | 'all'> {
  const user = await db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId, handle } }, include: { manages: { include: { members: true } } } });
  if (user.role === 'admin' || user.role === 'care') return 'all';
  return new Set([user.id, ...user.manages.flatMap((t) => t.members.map((m) => m.id))]);
}
