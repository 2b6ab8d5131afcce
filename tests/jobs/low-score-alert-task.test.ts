// A low-score alert is a reminder of its own kind pointing at its callback, and the to-do lists
// say what each task is in words: no internal ids ("美团 — alert:cmx943qt…", "prompt:renewal:…").
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { callbacks } from '../../jobs/reminders/callbacks.js';
import { tick } from '../../jobs/reminders/follow-ups.js';
import { testApp } from '../support/app.js';
import { jobContext } from './reminders-support.js';

type App = Awaited<ReturnType<typeof testApp>>;
const localDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const lines = (a: Awaited<ReturnType<App['say']>>) => a.replies.flatMap((r) => r.card?.fields ?? []).map((f) => f.value);

describe('low-score alerts in the to-do list', () => {
  let app: App;
  beforeAll(async () => {
    app = await testApp({ now: new Date() });
  });

  it('a typed low score becomes the owner\'s and manager\'s to-do, said in words', async () => {
    await app.say('care', '美团回访 2分 说系统老卡');
    const callback = await app.db.callback.findFirstOrThrow({ where: { tenantId: 'demo', summary: '美团回访 2分 说系统老卡' } });
    const alerts = await app.db.reminder.findMany({ where: { tenantId: 'demo', callbackId: callback.id } });
    expect(alerts.map((r) => r.kind)).toEqual(['low_score_alert', 'low_score_alert']);
    const rep1 = await app.userId('rep1');
    expect(alerts.map((r) => r.assigneeId).sort()).toEqual([rep1, await app.userId('manager')].sort());
    for (const user of ['rep1', 'manager']) {
      const todo = lines(await app.say(user, '今天要跟进哪些客户'));
      expect(todo).toContain('美团 — ⚠ 回访低分: 美团回访 2分 说系统老卡');
      expect(todo.join('\n')).not.toContain(callback.id);
    }
    // The alert's card takes it off the owner's list once they have called (the manager's stays).
    const job = jobContext(app.db, app.redis, app.prefix, new Date(Date.now() + 60_000));
    await tick(job.ctx, { tenantId: 'demo' });
    const mine = alerts.find((r) => r.assigneeId === rep1)!;
    const card = job.notifier.sent.find((s) => s.key.startsWith(`reminder:${mine.id}:`))!;
    const done = card.reply.card!.buttons!.find((b) => b.label === '完成')!.action;
    expect((await app.click('rep1', done)).status).toBe(200);
    expect(lines(await app.say('rep1', '今天要跟进哪些客户')).join('\n')).not.toContain('回访低分');
    expect(lines(await app.say('manager', '今天要跟进哪些客户'))).toContain('美团 — ⚠ 回访低分: 美团回访 2分 说系统老卡');
  });

  it("care's list names the kind of call a prompt asks for", async () => {
    await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: { weekends: true } } });
    const job = jobContext(app.db, app.redis, app.prefix, new Date());
    await callbacks.run(job.ctx, { tenantId: 'demo', date: localDate(new Date()) });
    const todo = lines(await app.say('care', '今天要回访哪些客户'));
    // 招商银行's contract ends within 30 days: a renewal call.
    expect(todo).toContain('招商银行 — 续约回访');
    expect(todo.join('\n')).not.toContain('prompt:');
  });

  it('the migration turns the old note-marked alerts into low_score_alert rows', async () => {
    const meituan = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '美团' } });
    const cb = await app.db.callback.create({ data: { tenantId: 'demo', customerId: meituan.id, userId: await app.userId('care'), category: 'feedback', satisfaction: 1, summary: '使用反馈：满意度 1/5', occurredAt: new Date() } });
    const old = await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'callback', assigneeId: await app.userId('rep1'), customerId: meituan.id, dueAt: new Date(), note: `alert:${cb.id}` } });
    const prompt = await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'callback', assigneeId: await app.userId('care'), customerId: meituan.id, dueAt: new Date(), note: 'prompt:tier:x' } });
    await app.db.$executeRawUnsafe(fs.readFileSync('prisma/migrations/20261204180100_low_score_alert_rows/migration.sql', 'utf8'));
    expect(await app.db.reminder.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ kind: 'low_score_alert', callbackId: cb.id, note: '使用反馈：满意度 1/5' });
    expect(await app.db.reminder.findUniqueOrThrow({ where: { id: prompt.id } })).toMatchObject({ kind: 'callback', callbackId: null, note: 'prompt:tier:x' });
  });
});
