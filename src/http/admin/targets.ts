// Sales targets for a user or a team, per period (YYYY-MM, YYYY-Qn or YYYY).
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db.js';
import { toTarget } from './dto.js';
import { inTenant } from './people.js';
import { adminRoute, body, notFound } from './route.js';
import { PeriodQuery, TargetSchema, TargetUpsertSchema, TenantParams } from './schemas.js';
import type { AdminEnv, Hook } from './types.js';

const list = adminRoute({ method: 'get', path: '/tenants/{tenantId}/targets', request: { params: TenantParams, query: PeriodQuery } },
  { status: 200, schema: z.array(TargetSchema), description: 'Targets of the tenant (optionally of one period)' });
const upsert = adminRoute({ method: 'put', path: '/tenants/{tenantId}/targets', request: { params: TenantParams, ...body(TargetUpsertSchema) } },
  { status: 200, schema: TargetSchema, description: 'The target, created or with its new amount' });

export function targetRoutes(db: Db, hook: Hook) {
  const app = new OpenAPIHono<AdminEnv>({ defaultHook: hook });
  app.openapi(list, async (c) => {
    const { tenantId } = c.req.valid('param');
    if (!(await db.tenant.findUnique({ where: { id: tenantId } }))) return c.json(notFound, 404);
    const { period } = c.req.valid('query');
    const rows = await db.target.findMany({ where: { tenantId, ...(period ? { period } : {}) }, orderBy: [{ period: 'asc' }, { id: 'asc' }] });
    return c.json(rows.map(toTarget), 200);
  });
  app.openapi(upsert, async (c) => {
    const { tenantId } = c.req.valid('param');
    const { userId = null, teamId = null, period, amount, stretch } = c.req.valid('json');
    if (!(await db.tenant.findUnique({ where: { id: tenantId } })) || !(await inTenant(db, tenantId, { userId, teamId }))) return c.json(notFound, 404);
    // Not prisma upsert: the unique key has a NULL column, and Postgres never matches NULLs.
    const existing = await db.target.findFirst({ where: { tenantId, userId, teamId, period } });
    const row = existing
      ? await db.target.update({ where: { id: existing.id }, data: { amount, ...(stretch !== undefined && { stretch }) } })
      : await db.target.create({ data: { tenantId, userId, teamId, period, amount, stretch: stretch ?? null } });
    return c.json(toTarget(row), 200);
  });
  return app;
}
