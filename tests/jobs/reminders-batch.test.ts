// Reminders firing together (issue #6: 1,000 due in the same second) cost a fixed number of
// queries for the batch, whatever its size; each still goes out once, with its own card, in due
// order, and a moved one in the same batch sends nothing. In the worker, one reminder that
// cannot go out does not hold back the others of its batch.
import { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { fireMany } from '../../jobs/reminders/fire.js';
import { reminders, REMINDER_QUEUE } from '../../jobs/reminders/follow-ups.js';
import type { Db } from '../../src/db.js';
import type { Reminder } from '../../src/generated/prisma/client.js';
import { minutes, NOW, seededJobs, textOf } from './reminders-support.js';

describe('reminders fired in a batch', () => {
  it('costs the same number of queries for 1 reminder as for 20, and sends each once in due order', async () => {
    const { db, job, ids } = await seededJobs();
    const customers = await db.customer.findMany({ where: { tenantId: 'demo' }, orderBy: { name: 'asc' }, take: 10 });
    const due = (i: number) => new Date(NOW.getTime() - minutes(30 - i));
    const make = (i: number) => db.reminder.create({ data: {
      tenantId: 'demo', kind: 'follow_up', assigneeId: i % 2 ? ids.rep1! : ids.rep2!, customerId: customers[i % customers.length]!.id, dueAt: due(i), note: `batch ${i}`,
    } });
    const rows: Reminder[] = [];
    for (let i = 0; i < 21; i++) rows.push(await make(i));
    let n = 0;
    const counting = db.$extends({ query: { async $allOperations({ args, query }) { n++; return query(args); } } }) as unknown as Db;
    const ctx = { ...job.ctx, db: counting };
    const payload = (r: Reminder) => ({ reminderId: r.id, dueAt: r.dueAt.toISOString() });

    expect(await fireMany(ctx, [payload(rows[0]!)])).toEqual(['sent']);
    const one = n;
    n = 0;
    const batch = rows.slice(1);
    await db.reminder.update({ where: { id: batch[3]!.id }, data: { dueAt: new Date(NOW.getTime() + minutes(60)) } });
    // Given out of order: the outcomes follow the payloads, the sends follow the due times.
    const outcomes = await fireMany(ctx, [...batch].reverse().map(payload));
    expect(n).toBe(one);
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(19);
    expect(outcomes[batch.length - 1 - 3]).toBe('gone');
    const notes = job.notifier.sent.map((s) => /事项: (batch \d+)/.exec(textOf(s))?.[1]);
    expect(notes).toEqual([0, ...Array.from({ length: 20 }, (_, i) => i + 1).filter((i) => i !== 4)].map((i) => `batch ${i}`));
    expect(new Set(job.notifier.sent.map((s) => s.key)).size).toBe(20);
    expect(await db.reminder.count({ where: { id: { in: rows.map((r) => r.id) }, status: 'sent' } })).toBe(20);
  });

  it('in the worker, a batch with one reminder whose hand-off fails still sends the others', async () => {
    const { db, job, ids } = await seededJobs();
    await db.tenant.update({ where: { id: 'demo' }, data: { settings: { quietHours: { start: '00:00', end: '00:00' } } } });
    const customer = await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '顺丰速运' } });
    const due = new Date(Date.now() + 1500);
    const [bad, good] = await Promise.all([ids.rep1!, ids.rep2!].map((assigneeId) =>
      db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', assigneeId, customerId: customer.id, dueAt: due, note: 'worker batch' } })));
    const sent: string[] = [];
    const ctx = { ...job.ctx, now: () => new Date(), notifier: { async notify(to: { userId: string }, _r: unknown, opts: { key: string }) {
      if (to.userId === ids.rep1) throw new Error('rep1 cannot be reached');
      sent.push(opts.key);
    } } };
    const bull = { connection: job.ctx.redis, prefix: `${job.ctx.keyPrefix}:bull` };
    const worker = await reminders.start!({ ...ctx, ...bull });
    const queue = new Queue(REMINDER_QUEUE, bull);
    try {
      // Both in one job, as the tick queues a tenant's second (#16).
      const reminders = [bad!, good!].map((r) => ({ reminderId: r.id, dueAt: due.toISOString() }));
      await queue.add('fire-due', { tenantId: 'demo', reminders }, { jobId: `batch-${bad!.id}`, delay: due.getTime() - Date.now(), attempts: 1 });
      const status = async (id: string) => (await db.reminder.findUniqueOrThrow({ where: { id } })).status;
      for (const end = Date.now() + 15_000; Date.now() < end && (await status(good!.id)) !== 'sent'; await new Promise((r) => setTimeout(r, 100)));
      expect(await status(good!.id)).toBe('sent');
      // Handed off in the failed batch and again on its own, under one key: the outbox sends it once.
      expect([...new Set(sent)]).toEqual([`reminder:${good!.id}:${due.toISOString()}`]);
      expect(await status(bad!.id)).toBe('pending');
      // The job fails with its unreachable reminder (a retry fires only what is still pending).
      for (const end = Date.now() + 5_000; Date.now() < end && !(await queue.getJobState(`batch-${bad!.id}`)).startsWith('failed'); await new Promise((r) => setTimeout(r, 100)));
      expect(await queue.getJobState(`batch-${bad!.id}`)).toBe('failed');
    } finally {
      await worker.close();
      await queue.close();
    }
  });
});
