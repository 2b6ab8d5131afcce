// Users and teams of one tenant. Every lookup filters by the path's tenant: an id from another
// tenant is answered like an unknown id (404), and nothing is changed.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db.js';
import { asObject, mergeSettings, toTeam, toUser } from './dto.js';
import { adminRoute, body, notFound } from './route.js';
import { TeamCreateSchema, TeamParams, TeamQuery, TeamSchema, TeamUpdateSchema, TenantParams, UserCreateSchema, UserParams, UserSchema, UserUpdateSchema } from './schemas.js';
import type { AdminEnv, Hook } from './types.js';

const ok = <S extends z.ZodType>(schema: S, description: string, status: 200 | 201 = 200) => ({ status, schema, description });
const listUsers = adminRoute({ method: 'get', path: '/tenants/{tenantId}/users', request: { params: TenantParams, query: TeamQuery } }, ok(z.array(UserSchema), 'Users of the tenant (optionally of one team)'));
const createUser = adminRoute({ method: 'post', path: '/tenants/{tenantId}/users', request: { params: TenantParams, ...body(UserCreateSchema) } }, { status: 201, schema: UserSchema, description: 'Created' });
const updateUser = adminRoute({ method: 'patch', path: '/tenants/{tenantId}/users/{userId}', request: { params: UserParams, ...body(UserUpdateSchema) } }, ok(UserSchema, 'Updated'));
const deleteUser = adminRoute({ method: 'delete', path: '/tenants/{tenantId}/users/{userId}', request: { params: UserParams } }, ok(UserSchema, 'Deleted (the row as it was)'));
const listTeams = adminRoute({ method: 'get', path: '/tenants/{tenantId}/teams', request: { params: TenantParams } }, ok(z.array(TeamSchema), 'Teams of the tenant'));
const createTeam = adminRoute({ method: 'post', path: '/tenants/{tenantId}/teams', request: { params: TenantParams, ...body(TeamCreateSchema) } }, { status: 201, schema: TeamSchema, description: 'Created' });
const updateTeam = adminRoute({ method: 'patch', path: '/tenants/{tenantId}/teams/{teamId}', request: { params: TeamParams, ...body(TeamUpdateSchema) } }, ok(TeamSchema, 'Updated'));

/** Whether each given id (skipping null/undefined) is a row of this tenant. */
async function inTenant(db: Db, tenantId: string, ids: { userId?: string | null; teamId?: string | null }): Promise<boolean> {
  if (ids.userId && !(await db.user.findFirst({ where: { id: ids.userId, tenantId } }))) return false;
  if (ids.teamId && !(await db.team.findFirst({ where: { id: ids.teamId, tenantId } }))) return false;
  return true;
}

// Customers, deals and pending reminders point at their owner without a foreign key: deleting
// the owner would orphan them, so the API refuses until they are handed to someone else.
async function heldRecords(db: Db, tenantId: string, userId: string) {
  const [customers, deals, reminders] = await Promise.all([
    db.customer.count({ where: { tenantId, ownerId: userId } }),
    db.deal.count({ where: { tenantId, ownerId: userId } }),
    db.reminder.count({ where: { tenantId, assigneeId: userId, status: 'pending' } }),
  ]);
  return customers + deals + reminders > 0 ? { customers, deals, pendingReminders: reminders } : null;
}

export function userRoutes(db: Db, hook: Hook) {
  const app = new OpenAPIHono<AdminEnv>({ defaultHook: hook });
  app.openapi(listUsers, async (c) => {
    const { tenantId } = c.req.valid('param');
    if (!(await db.tenant.findUnique({ where: { id: tenantId } }))) return c.json(notFound, 404);
    const { teamId } = c.req.valid('query');
    const rows = await db.user.findMany({ where: { tenantId, ...(teamId ? { teamId } : {}) }, orderBy: [{ createdAt: 'asc' }, { handle: 'asc' }] });
    return c.json(rows.map(toUser), 200);
  });
  app.openapi(createUser, async (c) => {
    const { tenantId } = c.req.valid('param');
    const input = c.req.valid('json');
    if (!(await db.tenant.findUnique({ where: { id: tenantId } })) || !(await inTenant(db, tenantId, { teamId: input.teamId }))) return c.json(notFound, 404);
    if (await db.user.findFirst({ where: { tenantId, handle: input.handle } })) return c.json({ error: 'handle_taken' }, 409);
    return c.json(toUser(await db.user.create({ data: { ...input, tenantId } })), 201);
  });
  app.openapi(updateUser, async (c) => {
    const { tenantId, userId } = c.req.valid('param');
    const input = c.req.valid('json');
    if (!(await inTenant(db, tenantId, { userId, teamId: input.teamId })) || !(await db.user.findFirst({ where: { id: userId, tenantId } }))) return c.json(notFound, 404);
    return c.json(toUser(await db.user.update({ where: { id: userId }, data: input })), 200);
  });
  app.openapi(deleteUser, async (c) => {
    const { tenantId, userId } = c.req.valid('param');
    const row = await db.user.findFirst({ where: { id: userId, tenantId } });
    if (!row) return c.json(notFound, 404);
    const held = await heldRecords(db, tenantId, userId);
    if (held) return c.json({ error: 'user_has_records', issues: [held] }, 409);
    await db.$transaction([db.target.deleteMany({ where: { tenantId, userId } }), db.user.delete({ where: { id: userId } })]);
    return c.json(toUser(row), 200);
  });
  return app;
}

export function teamRoutes(db: Db, hook: Hook) {
  const app = new OpenAPIHono<AdminEnv>({ defaultHook: hook });
  app.openapi(listTeams, async (c) => {
    const { tenantId } = c.req.valid('param');
    if (!(await db.tenant.findUnique({ where: { id: tenantId } }))) return c.json(notFound, 404);
    return c.json((await db.team.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } })).map(toTeam), 200);
  });
  app.openapi(createTeam, async (c) => {
    const { tenantId } = c.req.valid('param');
    const { settings, ...input } = c.req.valid('json');
    const tenant = await db.tenant.findUnique({ where: { id: tenantId } });
    if (!tenant || !(await inTenant(db, tenantId, { userId: input.managerId }))) return c.json(notFound, 404);
    // A team without its own digest time takes the tenant's default (Tenant.settings.digestTime).
    const fallback = asObject(tenant.settings).digestTime;
    const digestTime = input.digestTime ?? (typeof fallback === 'string' ? fallback : undefined);
    const row = await db.team.create({ data: { ...input, tenantId, digestTime, settings: mergeSettings({}, settings ?? {}) } });
    return c.json(toTeam(row), 201);
  });
  app.openapi(updateTeam, async (c) => {
    const { tenantId, teamId } = c.req.valid('param');
    const { settings, ...input } = c.req.valid('json');
    const row = await db.team.findFirst({ where: { id: teamId, tenantId } });
    if (!row || !(await inTenant(db, tenantId, { userId: input.managerId }))) return c.json(notFound, 404);
    const data = { ...input, ...(settings ? { settings: mergeSettings(row.settings, settings) } : {}) };
    return c.json(toTeam(await db.team.update({ where: { id: teamId }, data })), 200);
  });
  return app;
}

export { inTenant };
