import type { Hook as ZodHook } from '@hono/zod-openapi';
import type { Env } from 'hono';

export type AdminEnv = Env;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Hook = ZodHook<any, AdminEnv, any, any>;
