// The tick reads what falls due within the horizon page by page: more than a page (1,000) due in
// the next half hour — 1,000 reminders in one second, issue #6 — are all queued by one tick, and
// the fire at the page boundary is neither skipped nor queued twice. What falls due in the same
// second is one group (one delayed job, #16), whole across the page boundary.
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
    const groups: { size: number; delay: number }[] = [];
    await tick(job.ctx, {}, async (g, delay) => {
      queued.push(...g.reminders.map((p) => ({ id: p.reminderId, delay })));
      if (g.reminders.some((p) => p.reminderId.startsWith('page-'))) groups.push({ size: g.reminders.length, delay });
    });
    const mine = queued.filter((q) => q.id.startsWith('page-'));
    expect(mine).toHaveLength(1005);
    expect(new Set(mine.map((q) => q.id)).size).toBe(1005);
    expect(mine.map((q) => q.id)).toEqual([...mine.map((q) => q.id)].sort());
    expect(mine.at(-1)).toEqual({ id: 'page-1004', delay: minutes(15) });
    expect(groups).toEqual([{ size: 1000, delay: minutes(10) }, ...[11, 12, 13, 14, 15].map((m) => ({ size: 1, delay: minutes(m) }))]);
  });
});
