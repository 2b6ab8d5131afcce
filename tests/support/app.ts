// The whole app over a test file's own database (seeded with the demo tenant) and Redis prefix,
// driven through Hono's app.request() — no server, the same code path as `npm start`.
import { randomUUID } from 'node:crypto';
import { seedDemo } from '../../prisma/seed.js';
import type { Reply } from '../../src/chat/index.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/log.js';
import { testDb } from './db.js';
import { testRedis } from './redis.js';

export interface ChatAnswer { status: number; replies: Reply[]; duplicate?: boolean; error?: string }

export async function testApp(opts: { seed?: boolean; now?: Date; webChatToken?: string | null } = {}) {
  const { db, url } = await testDb();
  const { redis, prefix } = testRedis();
  if (opts.seed !== false) await seedDemo(db, { now: opts.now });
  const log = createLogger('silent');
  const { app, router, inbox } = createApp({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: opts.webChatToken });

  async function post(body: object, headers: Record<string, string> = {}): Promise<ChatAnswer> {
    const res = await app.request('/api/chat', {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
    });
    return { status: res.status, ...((await res.json()) as Omit<ChatAnswer, 'status'>) };
  }
  /** Types `text` as `user` in the web chat. */
  const say = (user: string, text: string, eventId: string = randomUUID()) => post({ user, text, eventId });
  /** Clicks a button (its action) as `user`. */
  const click = (user: string, action: { intent: string; args: object }) => post({ user, action });
  const userId = async (handle: string) => (await db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId: 'demo', handle } } })).id;

  return { app, router, inbox, db, url, redis, prefix, post, say, click, userId };
}

/** The button on the first reply's card whose label contains `label`. */
export function button(answer: ChatAnswer, label: string) {
  const found = answer.replies.flatMap((r) => r.card?.buttons ?? []).find((b) => b.label.includes(label));
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(answer.replies)}`);
  return found.action;
}
