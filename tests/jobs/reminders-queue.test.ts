// The Redis side of follow-ups, in real time: the tick puts the reminders due soon into BullMQ as
// one delayed job per tenant and second (#16); the reminders worker fires them at their time. A
// reminder moved or deleted after it was queued is not sent by the job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queuedState, reminders, REMINDER_QUEUE } from '../../jobs/reminders/follow-ups.js';
import { Queue } from 'bullmq';
import { JOBS_QUEUE, startJobs } from '../../jobs/index.js';
import { seedDemo } from '../../prisma/seed.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { jobContext, userIds } from './reminders-support.js';

const until = async (check: () => Promise<boolean> | boolean, ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out waiting');
};

describe('follow-ups as delayed jobs', () => {
  let env: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const { db } = await testDb();
    const { redis, prefix } = testRedis();
    await seedDemo(db);
    // Real time here, whatever the hour: no quiet hours for this tenant.
    await db.tenant.update({ where: { id: 'demo' }, data: { settings: { quietHours: { start: '00:00', end: '00:00' } } } });
    const job = jobContext(db, redis, prefix);
    job.ctx.now = () => new Date();
    const worker = await reminders.start!({ ...job.ctx, connection: redis, prefix: `${prefix}:bull` });
    const queue = new Queue(REMINDER_QUEUE, { connection: redis, prefix: `${prefix}:bull` });
    afterAll(async () => { await worker.close(); await queue.close(); });
    return { db, job, queue, ids: await userIds(db) };
  }
  beforeAll(async () => { env = await setup(); });

  it('fires a queued reminder at its time; a moved or deleted one sends nothing', async () => {
    const { db, job, queue, ids } = env;
    const customer = await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '京东物流' } });
    const soon = new Date(Date.now() + 2000);
    const make = (note: string) => db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', assigneeId: ids.rep2!, customerId: customer.id, dueAt: soon, note } });
    const [kept, moved, deleted] = [await make('确认调度方案'), await make('moved'), await make('deleted')];
    // Only reminders due within the horizon are queued: nothing sends before it is due.
    job.notifier.clear();
    await reminders.run(job.ctx, { tenantId: 'demo' });
    const mine = [kept, moved, deleted].map((r) => r.id);
    // One job for the tenant's second (#16), its payload the three reminders; a second tick adds nothing.
    await reminders.run(job.ctx, { tenantId: 'demo' });
    const queued = (await queue.getDelayed()).filter((j) => j.data.reminders?.some((p: { reminderId: string }) => mine.includes(p.reminderId)));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.data).toEqual({ tenantId: 'demo', reminders: expect.arrayContaining(mine.map((id) => ({ reminderId: id, dueAt: soon.toISOString() }))) });
    expect(job.notifier.sent.filter((s) => s.key.includes(kept.id))).toEqual([]);
    await db.reminder.update({ where: { id: moved.id }, data: { dueAt: new Date(Date.now() + 86_400_000) } });
    await db.reminder.delete({ where: { id: deleted.id } });

    await until(async () => (await db.reminder.findUniqueOrThrow({ where: { id: kept.id } })).status === 'sent');
    await until(async () => (await Promise.all(queued.map((j) => j.isCompleted()))).every(Boolean));
    const sent = job.notifier.sent.filter((s) => [kept.id, moved.id, deleted.id].some((id) => s.key.includes(id)));
    expect(sent.map((s) => s.key)).toEqual([`reminder:${kept.id}:${soon.toISOString()}`]);
    expect(sent[0]!.reply.card?.title).toContain('跟进 京东物流');
    expect(sent[0]!.reply.card?.fields).toContainEqual({ label: '事项', value: '确认调度方案' });
    expect((await db.reminder.findUniqueOrThrow({ where: { id: moved.id } })).status).toBe('pending');
  });

  it('a reminder set for an already queued second after the tick joins its job at the next tick; each goes out once', async () => {
    const { db, job, queue, ids } = env;
    const customer = await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '京东物流' } });
    const at = new Date(Math.ceil((Date.now() + 3000) / 1000) * 1000);
    const make = (note: string, assigneeId: string) => db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', assigneeId, customerId: customer.id, dueAt: at, note } });
    const first = await make('先定的', ids.rep1!);
    await reminders.run(job.ctx, { tenantId: 'demo' });
    const second = await make('后加的', ids.rep2!);
    await reminders.run(job.ctx, { tenantId: 'demo' });
    const mine = (await queue.getDelayed()).filter((j) => j.data.reminders?.some((p: { reminderId: string }) => [first.id, second.id].includes(p.reminderId)));
    expect(mine.map((j) => j.data.reminders.map((p: { reminderId: string }) => p.reminderId).sort())).toEqual([[first.id, second.id].sort()]);
    expect(await queuedState(queue, 'demo', at)).toBe('delayed');

    const sent = (r: { id: string }) => job.notifier.sent.filter((s) => s.key === `reminder:${r.id}:${at.toISOString()}`).length;
    await until(() => sent(first) === 1 && sent(second) === 1);
    await new Promise((r) => setTimeout(r, 500)); // room for a stray second send
    expect([sent(first), sent(second)]).toEqual([1, 1]);
  });

  it('on start, the scheduled tick sends a reminder that fell due while nothing ran', async () => {
    const { db, job, ids } = env;
    const customer = await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '隆基绿能' } });
    const overdue = await db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', assigneeId: ids.rep2!, customerId: customer.id, dueAt: new Date(Date.now() - 3_600_000), note: '补发案例' } });
    const jobs = await startJobs(job.ctx, { connection: job.ctx.redis, prefix: `${job.ctx.keyPrefix}:bull` });
    try {
      await until(async () => (await db.reminder.findUniqueOrThrow({ where: { id: overdue.id } })).status === 'sent');
      expect(job.notifier.sent.filter((s) => s.key === `reminder:${overdue.id}:${overdue.dueAt.toISOString()}`)).toHaveLength(1);
      const jobsQueue = new Queue(JOBS_QUEUE, { connection: job.ctx.redis, prefix: `${job.ctx.keyPrefix}:bull` });
      const schedulers = await jobsQueue.getJobSchedulers();
      await jobsQueue.close();
      expect(schedulers.map((j) => j.key)).toEqual(expect.arrayContaining(['reminders', 'stale-deals', 'callbacks', 'anniversaries']));
    } finally {
      await jobs.close();
    }
  });
});
