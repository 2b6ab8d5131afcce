// Bugs found by the chat suite, fixed afterwards: each case failed before its fix.
import { beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';

describe('regressions', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(); });

  it('refuses to undo a customer creation that a later activity depends on', async () => {
    const created = await t.say('rep1', '新客户：小米科技，互联网');
    await t.say('rep1', '今天拜访了小米科技的雷总，下周三再跟进');
    const customer = await t.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '小米科技' } });
    const answer = await t.click('rep1', button(created, '撤销'));
    expect(answer.replies[0]!.text).toContain('不能单独撤销');
    expect(await t.db.customer.count({ where: { id: customer.id } })).toBe(1);
    expect(await t.db.activity.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it('reads the surname 万 after a company name as a person, not a bad amount', async () => {
    const before = await t.db.activity.count();
    const answer = await t.say('rep2', '今天拜访了Acme Corp万总');
    expect(answer.replies[0]!.text).not.toContain('看不懂');
    expect(await t.db.activity.count()).toBe(before + 1);
  });

  it('asks which deal when a logged visit carries deal facts and the customer has several open deals', async () => {
    const customer = await t.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '比亚迪' } });
    const second = await t.db.deal.create({
      data: { tenantId: 'demo', customerId: customer.id, ownerId: customer.ownerId, title: '比亚迪储能项目', stage: 'qualified', amount: 300000 },
    });
    const before = await t.db.activity.count();
    const question = await t.say('rep1', '今天拜访了比亚迪，意向金额95万');
    expect(question.replies[0]!.text).toContain('多个进行中的商机');
    expect(await t.db.activity.count()).toBe(before); // nothing written before the answer
    await t.click('rep1', button(question, '比亚迪储能项目'));
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: second.id } })).amount?.toNumber()).toBe(950000);
    expect(await t.db.activity.count()).toBe(before + 1);
  });

  it('does not take "是" as an answer to a which-one question', async () => {
    await t.say('rep1', '华为现在什么进展');
    const answer = await t.say('rep1', '是');
    expect(answer.replies[0]!.card?.title ?? '').not.toContain('华为');
    const stale = await t.say('rep1', '1');
    expect(stale.replies[0]!.card?.title ?? stale.replies[0]!.text).not.toContain('华为云 的情况');
  });

  it('refuses a follow-up time in the past and writes nothing', async () => {
    const before = await t.db.reminder.count();
    const answer = await t.say('rep1', '提醒我昨天上午10点给美团打电话');
    expect(answer.replies[0]!.text).toContain('已经过去了');
    expect(await t.db.reminder.count()).toBe(before);
  });

  it('counts characters, not UTF-16 units, when a message is too long', async () => {
    const ok = await t.say('rep1', '😀'.repeat(1500));
    expect(ok.replies[0]!.text).not.toContain('太长');
    const long = await t.say('rep1', '😀'.repeat(2001));
    expect(long.replies[0]!.text).toContain('2001');
  });
});
