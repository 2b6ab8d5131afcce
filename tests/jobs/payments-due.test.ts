// Issue #15, payment nudges: the demo seed's 上汽 上线 instalment (80万, due 8 days ago) is put
// to its owner once and, past Tenant.settings.paymentEscalateDays, to the manager once — a re-run
// sends nothing new; a payment due today waits out quiet hours and the morning send time like a
// follow-up. The card's buttons go through the chat: 说明原因 keeps the next message, 改期 takes a
// typed date, 已收到 records the rest as paid (and 撤销 takes it back); another rep may not.
import { beforeAll, describe, expect, it } from 'vitest';
import { paymentsDue } from '../../jobs/reminders/payments-due.js';
import type { Sent } from './reminders-support.js';
import { jobContext, textOf } from './reminders-support.js';
import { testApp } from '../support/app.js';
import { localAt, only, today } from '../chat/support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
let job: ReturnType<typeof jobContext>;
let ids: Record<string, string>;
beforeAll(async () => {
  app = await testApp();
  job = jobContext(app.db, app.redis, app.prefix, new Date());
  ids = Object.fromEntries((await app.db.user.findMany({ where: { tenantId: 'demo' } })).map((u) => [u.handle, u.id]));
  // Every day a workday, so the test does not depend on the weekday it runs on.
  await settings({ weekends: true });
});

const dayFromToday = (days: number) => {
  const { y, m, d } = today();
  return new Date(Date.UTC(y, m, d + days)).toISOString().slice(0, 10);
};
const settings = async (patch: object) => {
  const t = await app.db.tenant.findUniqueOrThrow({ where: { id: 'demo' } });
  await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: { ...(t.settings as object), ...patch } } });
};
const run = (date?: string) => paymentsDue.run(job.ctx, { tenantId: 'demo', ...(date && { date }) });
const shanghai = async () => app.db.instalment.findFirstOrThrow({ where: { tenantId: 'demo', label: '上线' } });
const sentTo = (handle: string) => job.notifier.to(ids[handle]!);
const action = (s: Sent, label: string) => s.reply.card!.buttons!.find((b) => b.label === label)!.action;

describe('overdue nudges', () => {
  it('tell the owner once, and the manager only past the tenant\'s days', async () => {
    await settings({ paymentEscalateDays: 9 });
    await run(dayFromToday(0));
    expect(sentTo('rep1').map((s) => s.reply.card?.title)).toEqual(['回款逾期 8 天：上海汽车集团股份有限公司 · 上线 80万']);
    expect(sentTo('manager')).toEqual([]);
    expect(sentTo('rep1')[0]!.reply.card!.buttons!.map((b) => b.label)).toEqual(['已收到', '改期', '说明原因']);

    await settings({ paymentEscalateDays: 7 });
    await run(dayFromToday(0));
    expect(sentTo('rep1')).toHaveLength(1);
    expect(sentTo('manager').map((s) => s.reply.card?.title)).toEqual(['张伟 的回款已逾期 8 天：上海汽车集团股份有限公司 · 上线 80万']);
    expect(await app.db.reminder.count({ where: { tenantId: 'demo', kind: 'payment_due', status: 'sent' } })).toBe(2);
  });

  it('a re-run sends nothing new and adds no reminder', async () => {
    const before = [job.notifier.sent.length, await app.db.reminder.count({ where: { kind: 'payment_due' } })];
    await run(dayFromToday(0));
    await run(dayFromToday(0));
    expect([job.notifier.sent.length, await app.db.reminder.count({ where: { kind: 'payment_due' } })]).toEqual(before);
  });

  it('a payment due today waits out quiet hours and the send time, then goes once', async () => {
    const deal = await app.db.deal.findFirstOrThrow({ where: { tenantId: 'demo', title: '隆基能耗监测一期' } });
    await app.db.instalment.create({ data: { tenantId: 'demo', dealId: deal.id, seq: 1, label: '首付', amount: 270_000, dueDate: new Date(`${dayFromToday(0)}T00:00:00Z`) } });
    job.clock.now = localAt(0, 7, 0); // quiet hours
    await run();
    job.clock.now = localAt(0, 8, 30); // before the morning send time
    await run();
    expect(sentTo('rep2')).toEqual([]);
    job.clock.now = localAt(0, 9, 30);
    await run();
    expect(sentTo('rep2').map((s) => s.reply.card?.title)).toEqual(['今天到期回款：隆基绿能 · 首付 27万']);
    job.clock.now = localAt(0, 14, 0);
    await run();
    expect(sentTo('rep2')).toHaveLength(1);
  });
});

describe('the nudge\'s buttons', () => {
  it('another rep may not press them', async () => {
    const reply = only(await app.click('rep2', action(sentTo('rep1')[0]!, '已收到')));
    expect(reply.text).toBe('你没有权限做这个操作。');
    expect((await shanghai()).paidAmount.toNumber()).toBe(0);
  });

  it('说明原因 then 取消 keeps no reason', async () => {
    only(await app.click('rep1', action(sentTo('rep1')[0]!, '说明原因')));
    expect(only(await app.say('rep1', '取消')).text).not.toContain('已记下原因');
    expect(await app.db.reminder.count({ where: { kind: 'payment_due', note: { contains: '\n' } } })).toBe(0);
  });

  it('说明原因 keeps the next message, which the overdue list shows', async () => {
    const asked = only(await app.click('rep1', action(sentTo('rep1')[0]!, '说明原因')));
    expect(asked.text).toBe('请说明 上海汽车集团股份有限公司 上线 还没回款的原因，下一条消息会记为说明。');
    const saved = only(await app.say('rep1', '客户财务说月底统一付款'));
    expect(saved.text).toBe('已记下原因 · 上海汽车集团股份有限公司 上线：客户财务说月底统一付款');
    const list = only(await app.say('manager', '哪些款逾期了'));
    expect(list.text).toBe('逾期回款（1 笔）\n• 上海汽车集团股份有限公司 · 上线: 差 80万 · 逾期 8 天 · 张伟 · 原因：客户财务说月底统一付款');
  });

  it('改期 takes a typed date and the new date gets its own nudges', async () => {
    const asked = only(await app.click('rep1', action(sentTo('rep1')[0]!, '改期')));
    expect(asked.text).toMatch(/^上海汽车集团股份有限公司 上线 改到哪天？/);
    const moved = only(await app.say('rep1', '下个月10号'));
    expect(moved.text).toMatch(/^已改期 · 上海汽车集团股份有限公司 上线 → /);
    const { y, m } = today();
    expect((await shanghai()).dueDate).toEqual(new Date(Date.UTC(y, m + 1, 10)));
    expect(only(await app.say('rep1', '哪些款逾期了')).text).toBe('没有逾期的回款。');
    // The old date's nudges are no longer to-dos.
    expect(await app.db.reminder.count({ where: { kind: 'payment_due', status: 'sent', note: { startsWith: `instalment:${(await shanghai()).id}:` } } })).toBe(0);
  });

  it('已收到 records the rest as paid; 撤销 takes it back', async () => {
    const reply = only(await app.click('rep1', action(sentTo('rep1')[0]!, '已收到')));
    expect(reply.text).toBe('已记录回款 · 上海汽车集团股份有限公司 上线 80万，已收齐');
    const inst = await shanghai();
    expect(inst.paidAmount.toNumber()).toBe(800_000);
    expect(await app.db.payment.count({ where: { instalmentId: inst.id } })).toBe(1);
    expect(only(await app.say('rep1', '撤销')).text).toContain('已撤销');
    expect((await shanghai()).paidAmount.toNumber()).toBe(0);
    expect(await app.db.payment.count({ where: { instalmentId: inst.id } })).toBe(0);
  });
});

it('the nudge text names the deal and what is left (text-only surfaces)', () => {
  expect(textOf(sentTo('rep1')[0]!)).toContain('上汽经销商培训平台: 2. 上线 · 80万');
});
