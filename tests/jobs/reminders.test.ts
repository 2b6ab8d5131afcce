// Follow-up reminders over real Postgres and Redis with a fake clock: a day of ticks sends each
// follow-up due that day once, at its time, with the seed's names and numbers; buttons snooze,
// reschedule and finish it; moved, undone and muted reminders send nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { reminders, tick } from '../../jobs/reminders/follow-ups.js';
import { isoInZone } from '../../src/time.js';
import { testApp, button, type ChatAnswer } from '../support/app.js';
import { jobContext, minutes, NOW, textOf, userIds } from './reminders-support.js';

type App = Awaited<ReturnType<typeof testApp>>;
const at = (local: string) => new Date(`${local}:00+08:00`);

describe('follow-up reminders', () => {
  let app: App;
  let job: ReturnType<typeof jobContext>;
  let ids: Record<string, string>;
  beforeAll(async () => {
    app = await testApp({ now: NOW });
    job = jobContext(app.db, app.redis, app.prefix);
    ids = await userIds(app.db);
  });
  const runTicks = async (from: Date, to: Date, step = minutes(5)) => {
    for (let t = from.getTime(); t <= to.getTime(); t += step) {
      job.clock.now = new Date(t);
      await tick(job.ctx, { tenantId: 'demo' });
    }
  };

  it('sends each follow-up due today once, at its time, with the customer, contact and last activity', async () => {
    await runTicks(at('2026-11-25T08:00'), at('2026-11-25T23:55'));
    const sent = job.notifier.sent;
    expect(sent.map((s) => textOf(s).split('\n')[0])).toEqual([
      '跟进 苏州恒信精密机械有限公司 · 沈总 — 上次: 远程演示报表模块，沈总满意，要求出正式报价。, 5天前',
      '跟进 华为技术有限公司 · 张总 — 上次: 电话沟通报价，张总希望总价控制在500万以内，付款分三期。, 6天前',
      '跟进 Acme Corp · Emily Chen — 上次: 发送ERP实施报价给Emily Chen，对方希望月底前确定。, 7天前',
      '跟进 美团 · 孙经理 — 上次: 拜访美团望京办公室，孙经理确认有30万左右预算。, 8天前',
    ]);
    expect(sent.map((s) => s.to.userId)).toEqual([ids.rep2, ids.rep1, ids.rep2, ids.rep1]);
    // On the tick at or just after the due time (10:30, 15:00, 16:00, 17:00), never before.
    expect(sent.map((s) => s.at.toISOString())).toEqual(
      ['10:30', '15:00', '16:00', '17:00'].map((hm) => at(`2026-11-25T${hm}`).toISOString()));
    const huawei = sent[1]!;
    expect(huawei.reply.card?.fields).toContainEqual({ label: '商机', value: '华为智能工厂MES系统 · 500万 · 商务谈判' });
    expect(huawei.reply.card?.buttons?.map((b) => b.label)).toEqual(['完成', '1小时后', '明天9点', '下周一', '改时间']);
    const rows = await app.db.reminder.findMany({ where: { tenantId: 'demo', kind: 'follow_up', dueAt: { gte: at('2026-11-25T00:00'), lt: at('2026-11-26T00:00') } } });
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(new Set(sent.map((s) => s.key)).size).toBe(4);
    expect(huawei.key).toMatch(/^reminder:[a-z0-9]+:2026-11-25T07:00:00\.000Z$/);
  });

  it('sends nothing twice: ticking the same day again adds no message', async () => {
    const before = job.notifier.sent.length;
    await runTicks(at('2026-11-25T08:00'), at('2026-11-25T23:55'), minutes(30));
    expect(job.notifier.sent.length).toBe(before);
  });

  it('moves a follow-up in quiet hours to 09:00 and skips a muted kind', async () => {
    job.notifier.clear();
    const customer = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '顺丰速运' } });
    const late = await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', assigneeId: ids.rep1!, customerId: customer.id, dueAt: at('2026-11-26T22:00'), note: '发补充方案' } });
    await app.db.user.update({ where: { id: ids.rep2 }, data: { settings: { muted: ['follow_up'] } } });
    await runTicks(at('2026-11-26T08:00'), at('2026-11-27T09:30'), minutes(15));
    const forLate = job.notifier.sent.filter((s) => s.key.includes(late.id));
    expect(forLate.map((s) => s.at.toISOString())).toEqual([at('2026-11-27T09:00').toISOString()]);
    expect(textOf(forLate[0]!)).toContain('事项: 发补充方案');
    expect(job.notifier.to(ids.rep2!)).toEqual([]);
    // rep2's follow-ups due meanwhile were not sent, but no longer pending (they stay tasks).
    const muted = await app.db.reminder.findMany({ where: { tenantId: 'demo', assigneeId: ids.rep2, dueAt: { gte: at('2026-11-26T00:00'), lt: at('2026-11-27T09:30') } } });
    expect(muted.length).toBeGreaterThan(0);
    expect(muted.every((r) => r.status === 'sent')).toBe(true);
    await app.db.user.update({ where: { id: ids.rep2 }, data: { settings: {} } });
  });
});

describe('a follow-up set by chat', () => {
  let app: App;
  let job: ReturnType<typeof jobContext>;
  beforeAll(async () => {
    app = await testApp({ now: NOW });
    job = jobContext(app.db, app.redis, app.prefix);
  });
  const reminderFor = (customer: string) => app.db.reminder.findFirstOrThrow({
    where: { tenantId: 'demo', kind: 'follow_up', note: { contains: customer } }, orderBy: { createdAt: 'desc' },
  });
  const fireAt = async (when: Date) => { job.clock.now = when; await tick(job.ctx, { tenantId: 'demo' }); };
  const ok = (a: ChatAnswer) => { expect(a.status, JSON.stringify(a)).toBe(200); return a.replies[0]!; };

  it('fires at its time with buttons that snooze, reschedule and finish it', async () => {
    ok(await app.say('rep1', '提醒我后天上午10点给顺丰打电话确认对接方案'));
    const r = await reminderFor('顺丰');
    // Only this reminder's messages: "后天" counts from the real clock, the seeded reminders from
    // NOW, so near midnight in Shanghai a seeded one can fall due in the same window.
    const mine = () => job.notifier.sent.filter((s) => s.key.startsWith(`reminder:${r.id}:`));
    await fireAt(new Date(r.dueAt.getTime() - minutes(1)));
    expect(mine()).toEqual([]);
    await fireAt(r.dueAt);
    const card = mine()[0]!;
    expect(card.reply.card?.title).toContain('跟进 顺丰速运');
    expect(card.reply.card?.title).toContain('上次: 现场演示WMS升级方案');

    // Snooze 1 hour moves it an hour past the click; "tomorrow 9:00" to the next morning, where
    // it fires again under its new due time (the old time's message is not repeated).
    const snoozed = ok(await app.click('rep1', card.reply.card!.buttons!.find((b) => b.label === '1小时后')!.action));
    expect(snoozed.text).toContain('再提醒你跟进 顺丰速运');
    const hour = await app.db.reminder.findUniqueOrThrow({ where: { id: r.id } });
    expect(hour).toMatchObject({ status: 'pending', sentAt: null });
    expect(Math.abs(hour.dueAt.getTime() - Date.now() - minutes(60))).toBeLessThan(minutes(1));
    ok(await app.click('rep1', card.reply.card!.buttons!.find((b) => b.label === '明天9点')!.action));
    const moved = await app.db.reminder.findUniqueOrThrow({ where: { id: r.id } });
    expect(isoInZone(moved.dueAt, 'Asia/Shanghai').slice(11, 16)).toBe('09:00');
    await fireAt(new Date(moved.dueAt.getTime() - minutes(1)));
    expect(mine()).toHaveLength(1);
    await fireAt(moved.dueAt);
    expect(mine()).toHaveLength(2);
    expect(mine()[1]!.key).toBe(`reminder:${r.id}:${moved.dueAt.toISOString()}`);

    // Reschedule offers times; picking one moves it there.
    const asked = await app.click('rep1', { intent: 'reminder_reschedule', args: { reminderId: r.id } });
    const pick = button(asked, '3天后');
    ok(await app.click('rep1', pick));
    const again = await app.db.reminder.findUniqueOrThrow({ where: { id: r.id } });
    expect(again.dueAt.getTime() - Date.now()).toBeGreaterThan(2 * 86_400_000);

    // Done: the reminder is closed and the bot asks for the result.
    const doneReply = ok(await app.click('rep1', { intent: 'reminder_done', args: { reminderId: r.id } }));
    expect(doneReply.text).toContain('已完成 · 顺丰速运');
    expect(doneReply.text).toContain('结果如何');
    expect((await app.db.reminder.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('done');
    // The one-line result is the next message: logged as an activity on the customer.
    const logged = ok(await app.say('rep1', '今天给顺丰的吴经理打了电话，对方同意下周签约'));
    expect(logged.text).toContain('顺丰速运');
    const activity = await app.db.activity.findFirstOrThrow({ where: { tenantId: 'demo', customerId: r.customerId! }, orderBy: { createdAt: 'desc' } });
    expect(activity).toMatchObject({ channel: 'call', summary: '今天给顺丰的吴经理打了电话，对方同意下周签约' });
    await fireAt(again.dueAt);
    expect(job.notifier.sent.filter((s) => s.key.includes(r.id))).toHaveLength(2);
  });

  it('an undone follow-up sends nothing', async () => {
    job.notifier.clear();
    const answer = await app.say('rep1', '提醒我后天下午3点给美团打电话');
    const r = await reminderFor('美团');
    ok(await app.click('rep1', button(answer, '撤销')));
    expect(await app.db.reminder.findUnique({ where: { id: r.id } })).toBeNull();
    await fireAt(r.dueAt);
    await fireAt(new Date(r.dueAt.getTime() + minutes(5)));
    expect(job.notifier.sent.filter((s) => s.key.includes(r.id))).toEqual([]);
  });

  it('refuses buttons on someone else\'s reminder and bad arguments', async () => {
    // Its own reminder: the seeded ones fall due from the fixed NOW, and the ticks above run at
    // real times, so on a later date none of rep1's seeded reminders is still pending.
    ok(await app.say('rep1', '提醒我后天下午4点给美团打电话问预算'));
    const r = await reminderFor('美团');
    expect(r).toMatchObject({ status: 'pending', assigneeId: await app.userId('rep1') });
    const other = ok(await app.click('rep2', { intent: 'reminder_done', args: { reminderId: r.id } }));
    expect(other.text).toContain('没有权限');
    const bad = ok(await app.click('rep1', { intent: 'reminder_snooze', args: { reminderId: r.id, until: 'never' } }));
    expect(bad.text).toContain('参数不对');
    // The manager may act on their rep's reminder.
    ok(await app.click('manager', { intent: 'reminder_snooze', args: { reminderId: r.id, until: 'tomorrow' } }));
    expect((await app.db.reminder.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('pending');
    expect((await app.db.reminder.findUniqueOrThrow({ where: { id: r.id } })).dueAt).not.toEqual(r.dueAt);
  });
});

describe('run-job reminders for a date', () => {
  it('sends every pending follow-up due that local day, once per key', async () => {
    const app = await testApp({ now: NOW });
    const job = jobContext(app.db, app.redis, app.prefix);
    await reminders.run(job.ctx, { tenantId: 'demo', date: '2026-11-26' });
    expect(job.notifier.sent.map((s) => s.reply.card?.title?.split(' — ')[0])).toEqual([
      '跟进 招商银行 · 黄经理', '跟进 杭州小蜜蜂电子商务有限公司 · 林总', '跟进 永辉超市 · 何经理',
    ]);
    expect(job.notifier.sent.map((s) => s.key.slice(-24))).toEqual(
      ['10:00', '11:00', '15:00'].map((hm) => at(`2026-11-26T${hm}`).toISOString()));
    await reminders.run(job.ctx, { tenantId: 'demo', date: '2026-11-26' });
    expect(job.notifier.sent).toHaveLength(3);
    // An English-speaking rep gets the card in English.
    await app.db.user.update({ where: { tenantId_handle: { tenantId: 'demo', handle: 'rep1' } }, data: { locale: 'en' } });
    job.notifier.clear();
    await reminders.run(job.ctx, { tenantId: 'demo', date: '2026-11-25' });
    const huawei = job.notifier.sent.find((s) => s.reply.card?.title?.includes('华为'))!;
    expect(huawei.reply.card?.title).toBe('Follow up: 华为技术有限公司 · 张总 — Last: 电话沟通报价，张总希望总价控制在500万以内，付款分三期。, 6 days ago');
    expect(huawei.reply.card?.fields).toContainEqual({ label: 'Deal', value: '华为智能工厂MES系统 · ¥5M · Negotiation' });
    expect(huawei.reply.card?.buttons?.map((b) => b.label)).toEqual(['Done', 'In 1 hour', 'Tomorrow 9:00', 'Next Monday', 'Reschedule']);
  });
});
