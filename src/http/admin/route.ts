// createRoute with the responses every admin route shares (400 invalid, 401, 404), so each
// resource file names only its own request and success shapes.
import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { ErrorSchema } from './schemas.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

export const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

export function adminRoute<R extends Omit<RouteConfig, 'responses' | 'security'>, S extends z.ZodType>(
  config: R, ok: { status: 200 | 201; schema: S; description: string },
) {
  return createRoute({
    ...config,
    security: [{ bearer: [] }],
    responses: {
      [ok.status]: json(ok.schema, ok.description),
      400: json(ErrorSchema, 'Invalid request (zod issues)'),
      401: json(ErrorSchema, 'Missing or wrong bearer token'),
      404: json(ErrorSchema, 'Unknown tenant or id (in this tenant)'),
      409: json(ErrorSchema, 'Conflicts with existing rows (taken id or handle; a user who still owns records)'),
    } as { [K in typeof ok.status]: ReturnType<typeof json<S>> } & Record<400 | 401 | 404 | 409, ReturnType<typeof json<typeof ErrorSchema>>>,
  });
}

export const notFound = { error: 'not_found' } as const;
