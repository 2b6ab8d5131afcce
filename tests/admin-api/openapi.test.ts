// /api/admin/openapi.json: an OpenAPI 3 document generated from the same zod schemas that
// validate the requests, listing every mounted route with the bearer scheme.
import { beforeAll, describe, expect, it } from 'vitest';
import { adminApp } from './harness.js';

// The route table the API mounts (src/http/admin/{tenants,people,targets,pool}.ts), in OpenAPI syntax.
const ROUTES = [
  'get /tenants', 'post /tenants', 'get /tenants/{tenantId}', 'patch /tenants/{tenantId}',
  'get /tenants/{tenantId}/settings', 'patch /tenants/{tenantId}/settings',
  'get /tenants/{tenantId}/users', 'post /tenants/{tenantId}/users',
  'patch /tenants/{tenantId}/users/{userId}', 'delete /tenants/{tenantId}/users/{userId}',
  'get /tenants/{tenantId}/teams', 'post /tenants/{tenantId}/teams', 'patch /tenants/{tenantId}/teams/{teamId}',
  'get /tenants/{tenantId}/targets', 'put /tenants/{tenantId}/targets',
  'get /tenants/{tenantId}/pool', 'patch /tenants/{tenantId}/pool',
];

let doc: any;
let h: Awaited<ReturnType<typeof adminApp>>;
beforeAll(async () => {
  h = await adminApp();
  const res = await h.call('GET', '/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});

const schemaOf = (ref: { $ref?: string }) => doc.components.schemas[ref.$ref!.split('/').pop()!];

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 with the bearer scheme and the /api/admin server', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(doc.servers).toEqual([{ url: '/api/admin' }]);
  });

  it('lists exactly the mounted routes, each secured and documenting 400/401/404', () => {
    const listed = Object.entries(doc.paths as Record<string, Record<string, any>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(listed.sort()).toEqual([...ROUTES].sort());
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['400', '401', '404']));
      }
    }
  });

  it('every listed route is served: reads answer 200, writes with a bogus body 400', async () => {
    const spare = await h.call('POST', '/tenants/demo/users', { handle: 'spare', name: 'Spare' });
    const team = await h.db.team.findFirstOrThrow({ where: { tenantId: 'demo' } });
    for (const route of ROUTES) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace('{tenantId}', 'demo').replace('{userId}', spare.body.id).replace('{teamId}', team.id);
      const read = method === 'get' || method === 'delete';
      const res = await h.call(method.toUpperCase(), url, read ? undefined : { bogus: true });
      expect(res.status, route).toBe(read ? 200 : 400);
    }
    expect(await h.db.user.findUnique({ where: { id: spare.body.id } })).toBeNull();
  });

  it('declares the request bodies with their required fields', () => {
    const bodyOf = (path: string, method: string) => schemaOf(doc.paths[path][method].requestBody.content['application/json'].schema);
    expect(bodyOf('/tenants', 'post').required).toEqual(expect.arrayContaining(['id', 'name']));
    expect(bodyOf('/tenants/{tenantId}/users', 'post').required).toEqual(expect.arrayContaining(['handle', 'name']));
    expect(bodyOf('/tenants/{tenantId}/teams', 'post').required).toEqual(['name']);
    expect(bodyOf('/tenants/{tenantId}/targets', 'put').required).toEqual(expect.arrayContaining(['period', 'amount']));
    const users = bodyOf('/tenants/{tenantId}/users', 'post');
    expect(users.properties.role.enum).toEqual(['rep', 'manager', 'care', 'admin']);
    const settings = bodyOf('/tenants/{tenantId}/settings', 'patch');
    expect(Object.keys(settings.properties)).toEqual(expect.arrayContaining(['quietHours', 'staleDays', 'callbackDays', 'weekends', 'digestTime', 'sendAt']));
    expect(settings.properties.quietHours.required).toEqual(['start', 'end']);
    expect(doc.paths['/tenants/{tenantId}/targets'].put.requestBody.required).toBe(true);
  });
});
