// salesbot_reminder_lateness_seconds: observed when a follow-up goes out, measured from its send
// time on the job's clock (a fake one here), so the value is exact.
import { describe, expect, it } from 'vitest';
import { fire } from '../../jobs/reminders/follow-ups.js';
import { createMetrics } from '../../src/http/metrics.js';
import { NOW, jobContext, minutes, userIds } from '../jobs/reminders-support.js';
import { testApp } from '../support/app.js';
import { value } from './exposition.js';

describe('reminder lateness', () => {
  it('observes how late a follow-up went out, once per reminder sent', async () => {
    const app = await testApp({ now: NOW });
    const ids = await userIds(app.db);
    const customer = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '顺丰速运' } });
    const job = jobContext(app.db, app.redis, app.prefix);
    const metrics = createMetrics({ defaults: false });
    const ctx = { ...job.ctx, metrics };
    const due = new Date(NOW.getTime() - minutes(10)); // 09:50 in Shanghai: outside quiet hours
    const r = await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', assigneeId: ids.rep1!, customerId: customer.id, dueAt: due, note: '发报价' } });
    expect(await fire(ctx, { reminderId: r.id, dueAt: due.toISOString() })).toBe('sent');
    expect(await fire(ctx, { reminderId: r.id, dueAt: due.toISOString() })).toBe('gone'); // already sent: not observed
    const text = await metrics.registry.metrics();
    expect(value(text, 'salesbot_reminder_lateness_seconds_count')).toBe(1);
    expect(value(text, 'salesbot_reminder_lateness_seconds_sum')).toBe(600);
    expect(value(text, 'salesbot_reminder_lateness_seconds_bucket', { le: '300' })).toBe(0);
    expect(value(text, 'salesbot_reminder_lateness_seconds_bucket', { le: '900' })).toBe(1);
  });
});
