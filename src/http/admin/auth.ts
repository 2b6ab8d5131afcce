// Bearer-token check for the admin API, in constant time: both sides are hashed first so the
// comparison never leaks the token's length or a matching prefix through timing.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function bearerAuth(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
    if (!timingSafeEqual(digest(given), expected) || given === '') return c.json({ error: 'unauthorized' }, 401);
    await next();
  };
}
