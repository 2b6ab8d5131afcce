// Shared by the reminder/callback/anniversary job tests: a recording Notifier (the seam jobs
// write through), a settable clock, and the JobContext over a test file's database and Redis.
import type { Redis } from 'ioredis';
import type { Reply } from '../../src/chat/index.js';
import type { Db } from '../../src/db.js';
import type { Notifier, Recipient } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/log.js';
import type { JobContext } from '../../jobs/types.js';
import { seedDemo } from '../../prisma/seed.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';

/** Wednesday 25 November 2026, 10:00 in Shanghai: a workday with the seed's events around it. */
export const NOW = new Date('2026-11-25T02:00:00.000Z');

export interface Sent { to: Recipient; reply: Reply; key: string; at: Date }

export class RecordingNotifier implements Notifier {
  readonly sent: Sent[] = [];
  constructor(private readonly clock: { now: Date }) {}
  async notify(to: Recipient, reply: Reply, opts: { key: string }): Promise<void> {
    this.sent.push({ to, reply, key: opts.key, at: this.clock.now });
  }
  to(userId: string): Sent[] { return this.sent.filter((s) => s.to.userId === userId); }
  clear(): void { this.sent.length = 0; }
}

export function jobContext(db: Db, redis: Redis, prefix: string, start = NOW) {
  const clock = { now: start };
  const notifier = new RecordingNotifier(clock);
  const ctx: JobContext = { db, notifier, now: () => clock.now, log: createLogger('silent'), redis, keyPrefix: prefix };
  return { ctx, clock, notifier };
}

export const minutes = (n: number) => n * 60_000;

export async function userIds(db: Db): Promise<Record<string, string>> {
  const users = await db.user.findMany({ where: { tenantId: 'demo' } });
  return Object.fromEntries(users.map((u) => [u.handle, u.id]));
}

/** Every text a user got, card title and fields included. */
export const textOf = (s: Sent) => [s.reply.text, s.reply.card?.title ?? '', ...(s.reply.card?.fields ?? []).map((f) => `${f.label}: ${f.value}`)].join('\n');

/** The demo tenant seeded at NOW in this file's database, with a job context and the users' ids. */
export async function seededJobs() {
  const { db } = await testDb();
  const { redis, prefix } = testRedis();
  await seedDemo(db, { now: NOW });
  return { db, job: jobContext(db, redis, prefix), ids: await userIds(db) };
}
