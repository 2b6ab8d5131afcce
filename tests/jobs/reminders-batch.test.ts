// Reminders firing together (issue #6: 1,000 due in the same second) cost a fixed number of
// queries for the batch, whatever its size; each still goes out once, with its own card, in due
// order, and a moved one in the same batch sends nothing.
import { describe, expect, it } from 'vitest';
import { fireMany } from '../../jobs/reminders/fire.js';
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
});
