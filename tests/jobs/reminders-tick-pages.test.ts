// The tick reads what falls due within the horizon page by page: more than a page (1,000) due in
// the next half hour — 1,000 reminders in one second, issue #6 — are all queued by one tick, and
// the fire at the page boundary is neither skipped nor queued twice.
import { describe, expect, it } from 'vitest';
import { tick } from '../../jobs/reminders/follow-ups.js';
import { minutes, NOW, seededJobs } from './reminders-support.js';

describe('reminders tick over more than a page', () => {
  it('queues every reminder due within the horizon, each once, in due order', async () => {
    const { db, job, ids } = await seededJobs();
    const customer = await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '顺丰速运' } });
    const sameSecond = new Date(NOW.getTime() + minutes(10));
    // 1,000 in the same second (ids sort across the page boundary), and 5 a little later.
    await db.reminder.createMany({ data: Array.from({ length: 1005 }, (_, i) => ({
      id: `page-${String(i).padStart(4, '0')}`, tenantId: 'demo', kind: 'follow_up' as const, assigneeId: ids.rep1!, customerId: customer.id,
      dueAt: i < 1000 ? sameSecond : new Date(sameSecond.getTime() + minutes(i - 999)), note: 'page',
    })) });
    const queued: { id: string; delay: number }[] = [];
    await tick(job.ctx, {}, async (p, delay) => { queued.push({ id: p.reminderId, delay }); });
    const mine = queued.filter((q) => q.id.startsWith('page-'));
    expect(mine).toHaveLength(1005);
    expect(new Set(mine.map((q) => q.id)).size).toBe(1005);
    expect(mine.at(-1)).toEqual({ id: 'page-1004', delay: minutes(15) });
  });
});
