// The admin JSON API under /api/admin: tenants, users, teams, targets and tenant settings,
// behind a bearer token (ADMIN_TOKEN), with its OpenAPI document generated from the zod schemas.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db.js';
import { bearerAuth } from './auth.js';
import { teamRoutes, userRoutes } from './people.js';
import { poolRoutes } from './pool.js';
import { targetRoutes } from './targets.js';
import { tenantRoutes } from './tenants.js';
import type { AdminEnv, Hook } from './types.js';

export const ADMIN_BASE = '/api/admin';

const invalid: Hook = (result, c) => {
  if (!result.success) return c.json({ error: 'invalid', issues: result.error.issues }, 400);
};

/** The API, to mount at ADMIN_BASE; its paths are relative to it (the document's server URL). */
export function adminApi(deps: { db: Db; token: string; changed?: (tenantId: string) => Promise<void> }) {
  const app = new OpenAPIHono<AdminEnv>({ defaultHook: invalid });
  app.use('*', bearerAuth(deps.token));
  // A user, team or tenant written here: the chat's cached actors of that tenant are reloaded at
  // once (src/router/actors.ts) — a role or team change counts from the next message.
  app.use('/tenants/:tenantId/*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.res.status < 300) await deps.changed?.(c.req.param('tenantId'));
  });
  app.use('/tenants/:tenantId', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.res.status < 300) await deps.changed?.(c.req.param('tenantId'));
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' });
  for (const part of [tenantRoutes, userRoutes, teamRoutes, targetRoutes, poolRoutes]) app.route('/', part(deps.db, invalid));
  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: { title: 'salesbot admin API', version: '1.0.0' },
    servers: [{ url: ADMIN_BASE }],
    security: [{ bearer: [] }],
  });
  app.notFound((c) => c.json({ error: 'not_found' }, 404));
  return app;
}
