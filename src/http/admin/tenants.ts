// Tenants and their settings (the knobs jobs/calendar.ts reads from Tenant.settings).
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { tenantSettings } from '../../../jobs/calendar.js';
import type { Db } from '../../db.js';
import { mergeSettings, toTenant, asObject } from './dto.js';
import { adminRoute, body, notFound } from './route.js';
import { TenantCreateSchema, TenantParams, TenantSchema, TenantSettingsSchema, TenantUpdateSchema } from './schemas.js';
import type { AdminEnv, Hook } from './types.js';

const list = adminRoute({ method: 'get', path: '/tenants' }, { status: 200, schema: z.array(TenantSchema), description: 'All tenants' });
const create = adminRoute({ method: 'post', path: '/tenants', request: body(TenantCreateSchema) }, { status: 201, schema: TenantSchema, description: 'Created' });
const get = adminRoute({ method: 'get', path: '/tenants/{tenantId}', request: { params: TenantParams } }, { status: 200, schema: TenantSchema, description: 'The tenant' });
const update = adminRoute({ method: 'patch', path: '/tenants/{tenantId}', request: { params: TenantParams, ...body(TenantUpdateSchema) } }, { status: 200, schema: TenantSchema, description: 'Updated' });
const getSettings = adminRoute({ method: 'get', path: '/tenants/{tenantId}/settings', request: { params: TenantParams } },
  { status: 200, schema: TenantSettingsSchema, description: 'Effective settings (stored values over defaults)' });
const updateSettings = adminRoute({ method: 'patch', path: '/tenants/{tenantId}/settings', request: { params: TenantParams, ...body(TenantSettingsSchema) } },
  { status: 200, schema: TenantSettingsSchema, description: 'Effective settings after the change' });

const DEFAULT_DIGEST = '18:00';
const effective = (stored: unknown) => {
  const digestTime = asObject(stored).digestTime;
  return { ...tenantSettings(stored), digestTime: typeof digestTime === 'string' ? digestTime : DEFAULT_DIGEST };
};

export function tenantRoutes(db: Db, hook: Hook) {
  const app = new OpenAPIHono<AdminEnv>({ defaultHook: hook });
  app.openapi(list, async (c) => c.json((await db.tenant.findMany({ orderBy: { id: 'asc' } })).map(toTenant), 200));
  app.openapi(create, async (c) => {
    const { settings, ...input } = c.req.valid('json');
    if (await db.tenant.findUnique({ where: { id: input.id } })) return c.json({ error: 'tenant_exists' }, 409);
    const row = await db.tenant.create({ data: { ...input, settings: mergeSettings({}, settings ?? {}) } });
    return c.json(toTenant(row), 201);
  });
  app.openapi(get, async (c) => {
    const row = await db.tenant.findUnique({ where: { id: c.req.valid('param').tenantId } });
    return row ? c.json(toTenant(row), 200) : c.json(notFound, 404);
  });
  app.openapi(update, async (c) => {
    const { tenantId } = c.req.valid('param');
    const row = await db.tenant.findUnique({ where: { id: tenantId } });
    if (!row) return c.json(notFound, 404);
    const { settings, ...input } = c.req.valid('json');
    const data = { ...input, ...(settings ? { settings: mergeSettings(row.settings, settings) } : {}) };
    return c.json(toTenant(await db.tenant.update({ where: { id: tenantId }, data })), 200);
  });
  app.openapi(getSettings, async (c) => {
    const row = await db.tenant.findUnique({ where: { id: c.req.valid('param').tenantId } });
    return row ? c.json(effective(row.settings), 200) : c.json(notFound, 404);
  });
  app.openapi(updateSettings, async (c) => {
    const { tenantId } = c.req.valid('param');
    const row = await db.tenant.findUnique({ where: { id: tenantId } });
    if (!row) return c.json(notFound, 404);
    const saved = await db.tenant.update({ where: { id: tenantId }, data: { settings: mergeSettings(row.settings, c.req.valid('json')) } });
    return c.json(effective(saved.settings), 200);
  });
  return app;
}
