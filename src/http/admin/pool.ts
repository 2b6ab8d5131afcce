// The public pool's (公海) rules of a tenant (issue #14): read with their defaults, changed by
// a PATCH that merges (days per tier one level deep). The same rules `/设置 公海` changes by chat.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { poolRules, withPoolRules } from '../../domain/pool-rules.js';
import type { Db, Prisma } from '../../db.js';
import { adminRoute, body, notFound } from './route.js';
import { TenantParams } from './schemas.js';
import type { AdminEnv, Hook } from './types.js';

const days = z.number().int().min(1).max(3650);
const count = (max: number) => z.number().int().min(0).max(max);

const TierDays = z.object({
  A: days.openapi({ example: 30 }), B: days.openapi({ example: 20 }), C: days.openapi({ example: 15 }),
  untiered: days.nullable().openapi({ description: 'A customer without a tier; null = as C' }),
});

const fields = {
  enabled: z.boolean().openapi({ description: 'Recycle customers into the pool (default false; the demo seed turns it on)' }),
  days: TierDays.openapi({ description: 'Days without a follow-up (an activity by anyone, or a manager\'s keep) before a customer returns, per tier' }),
  noWinDays: days.nullable().openapi({ description: 'Days after assignment without a won deal before it returns; null = no such rule', example: null }),
  exemptNegotiation: z.boolean().openapi({ description: 'Never recycle a customer with an open deal in negotiation (商务谈判); default true' }),
  dailyClaimLimit: count(1000).openapi({ description: 'Pool customers a rep may claim per local day', example: 5 }),
  reclaimCooldownDays: count(365).openapi({ description: 'Days the previous owner waits before claiming a recycled customer back', example: 7 }),
  warningDays: z.array(days).max(5).openapi({ description: 'Days before the recycle date the owner is warned, once each', example: [3, 1] }),
};

export const PoolRulesSchema = z.object(fields).openapi('PoolRules');
export const PoolRulesPatchSchema = z.object({ ...fields, days: TierDays.partial().strict() }).partial().strict().openapi('PoolRulesPatch');

const get = adminRoute({ method: 'get', path: '/tenants/{tenantId}/pool', request: { params: TenantParams } },
  { status: 200, schema: PoolRulesSchema, description: 'Effective pool rules (stored values over defaults)' });
const patch = adminRoute({ method: 'patch', path: '/tenants/{tenantId}/pool', request: { params: TenantParams, ...body(PoolRulesPatchSchema) } },
  { status: 200, schema: PoolRulesSchema, description: 'Effective pool rules after the change' });

export function poolRoutes(db: Db, hook: Hook) {
  const app = new OpenAPIHono<AdminEnv>({ defaultHook: hook });
  app.openapi(get, async (c) => {
    const row = await db.tenant.findUnique({ where: { id: c.req.valid('param').tenantId } });
    return row ? c.json(poolRules(row.settings), 200) : c.json(notFound, 404);
  });
  app.openapi(patch, async (c) => {
    const { tenantId } = c.req.valid('param');
    const row = await db.tenant.findUnique({ where: { id: tenantId } });
    if (!row) return c.json(notFound, 404);
    const settings = withPoolRules(row.settings, c.req.valid('json')) as Prisma.InputJsonObject;
    const saved = await db.tenant.update({ where: { id: tenantId }, data: { settings } });
    return c.json(poolRules(saved.settings), 200);
  });
  return app;
}
