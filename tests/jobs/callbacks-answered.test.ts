// Callback prompts skip a customer care has already called in the prompt's period: the usage
// check after a win (period: since the win) and the renewal call (since its window opened).
// A prompt sent before the call was recorded stops being a to-do. Seeded at the real clock, with
// weekends on, so the run's day is today whatever today is.
import { beforeAll, describe, expect, it } from 'vitest';
import { callbacks } from '../../jobs/reminders/callbacks.js';
import { testApp } from '../support/app.js';
import { jobContext, minutes } from './reminders-support.js';

type App = Awaited<ReturnType<typeof testApp>>;
const DAY = 86_400_000;
const localDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('callback prompts after a recorded call', () => {
  let app: App;
  const start = new Date();
  const today = localDate(start);
  beforeAll(async () => {
    app = await testApp({ now: start });
    await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: { weekends: true } } });
  });
  /** The titles care is prompted with when today's run goes a minute from now. */
  const prompts = async () => {
    const job = jobContext(app.db, app.redis, app.prefix, new Date(Date.now() + minutes(1)));
    await callbacks.run(job.ctx, { tenantId: 'demo', date: today });
    return job.notifier.sent.map((s) => s.reply.card?.title ?? '');
  };
  const openPrompts = async (customer: string) => {
    const c = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: customer } });
    return app.db.reminder.count({ where: { tenantId: 'demo', kind: 'callback', customerId: c.id, note: { startsWith: 'prompt:' }, status: { in: ['pending', 'sent'] } } });
  };

  it('no renewal call once care recorded one in the renewal window', async () => {
    // 招商银行's contract ends in 12 days: inside the 30-day window, not called yet.
    expect((await prompts()).filter((t) => t.startsWith('续约回访 招商银行'))).toHaveLength(1);
    expect(await openPrompts('招商银行')).toBe(1);
    expect((await app.say('care', '招商银行续约回访，客户确认续约')).replies[0]!.text).toBe('已记录回访 · 招商银行');
    expect((await prompts()).filter((t) => t.includes('招商银行'))).toEqual([]);
    expect(await openPrompts('招商银行')).toBe(0);
  });

  it('no usage check after a win once care called after the win', async () => {
    // The seed's 比亚迪 call came 3 days after the deal was won 7 days ago: nothing to prompt.
    expect((await prompts()).filter((t) => t.startsWith('回访 比亚迪'))).toEqual([]);
    // A call from before the win does not count.
    const byd = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '比亚迪' } });
    await app.db.callback.updateMany({ where: { tenantId: 'demo', customerId: byd.id }, data: { occurredAt: new Date(start.getTime() - 20 * DAY) } });
    expect((await prompts()).filter((t) => t.startsWith('回访 比亚迪'))).toEqual(['回访 比亚迪：「比亚迪经销商管理系统」签约 7 天，问问使用情况']);
    expect((await app.say('care', '比亚迪回访 4分 使用顺利')).replies[0]!.text).toBe('已记录回访 · 比亚迪');
    expect((await prompts()).filter((t) => t.includes('比亚迪'))).toEqual([]);
    expect(await openPrompts('比亚迪')).toBe(0);
  });
});
