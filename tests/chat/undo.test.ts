// Undo: a message's changes taken back exactly — updated rows get their old values, created rows
// disappear — one batch at a time, by the latest or by a card's Undo button; and refused when
// the row changed again since.
import { beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';
import { counts, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
const OPEN = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
const CONFLICT = '这条记录之后又被改过，不能自动撤销，请直接修改。';

let app: App;
beforeAll(async () => {
  app = await testApp();
});

const customer = (name: string) => app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });
const openDeal = async (name: string) =>
  app.db.deal.findFirstOrThrow({ where: { customerId: (await customer(name)).id, stage: { in: [...OPEN] } } });
const dealRow = (id: string) => app.db.deal.findUniqueOrThrow({ where: { id } });
/** A deal without updatedAt, which any write moves (undo included). */
const dealFacts = async (id: string) => {
  const { updatedAt: _, ...rest } = await dealRow(id);
  return rest;
};

describe('undo', () => {
  it('restores the deal and removes the activity, contact, stage change and reminder a message added', async () => {
    const deal = await openDeal('美团');
    const before = await dealFacts(deal.id);
    const rowsBefore = await counts(app.db);
    const logged = only(await app.say('rep1', '今天拜访了美团的钱总，意向金额45万，进入方案报价，下周三再跟进'));
    expect(logged.text).toBe('已记录拜访 · 美团');
    const changed = await dealRow(deal.id);
    expect(changed.stage).toBe('proposal');
    expect(await counts(app.db)).toMatchObject({
      contacts: rowsBefore.contacts + 1, activities: rowsBefore.activities + 1,
      stageChanges: rowsBefore.stageChanges + 1, reminders: rowsBefore.reminders + 1,
    });

    expect(only(await app.say('rep1', '撤销')).text).toBe('已撤销：已记录拜访 · 美团');
    expect(await dealFacts(deal.id)).toEqual(before);
    expect(await app.db.contact.count({ where: { customerId: deal.customerId, name: '钱总' } })).toBe(0);
    // Only the audit trail remains, marked undone.
    expect(await counts(app.db)).toEqual({ ...rowsBefore, auditLogs: (await counts(app.db)).auditLogs });
    const audit = await app.db.auditLog.findMany({ where: { label: '已记录拜访 · 美团' } });
    expect(audit.length).toBeGreaterThanOrEqual(5);
    expect(audit.every((a) => a.undoneAt !== null)).toBe(true);
  });

  it('undoes one batch at a time, latest first', async () => {
    const deal = await openDeal('招商银行');
    const amountBefore = deal.amount!.toNumber();
    only(await app.say('rep1', '新客户：小米科技'));
    only(await app.say('rep1', '招商银行金额调整为200万'));
    expect((await dealRow(deal.id)).amount!.toNumber()).toBe(2_000_000);

    expect(only(await app.say('rep1', '撤销')).text).toBe('已撤销：已更新商机 · 招商银行');
    expect((await dealRow(deal.id)).amount!.toNumber()).toBe(amountBefore);
    expect(await app.db.customer.count({ where: { tenantId: 'demo', name: '小米科技' } })).toBe(1);

    expect(only(await app.say('rep1', 'undo')).text).toBe('Undone: 已新建客户 小米科技');
    expect(await app.db.customer.count({ where: { tenantId: 'demo', name: '小米科技' } })).toBe(0);
    expect((await dealRow(deal.id)).amount!.toNumber()).toBe(amountBefore);
  });

  it('says there is nothing to undo for a user who has changed nothing', async () => {
    const before = await counts(app.db);
    expect(only(await app.say('newcomer', '撤销')).text).toBe('没有可以撤销的操作。');
    expect(only(await app.say('newcomer', 'undo')).text).toBe('There is nothing to undo.');
    expect(await counts(app.db)).toEqual(before);
  });

  it('says there is nothing to undo once everything is undone', async () => {
    only(await app.say('rep3', '新客户：一次性客户'));
    only(await app.say('rep3', '撤销'));
    expect(only(await app.say('rep3', '撤销')).text).toBe('没有可以撤销的操作。');
  });

  it('the Undo button of a card undoes that batch, not the latest one', async () => {
    const sf = await openDeal('顺丰速运');
    const sfBefore = await dealFacts(sf.id);
    const first = await app.say('rep1', '顺丰速运金额调整为120万');
    only(await app.say('rep1', '新客户：字节跳动'));

    const undone = only(await app.click('rep1', button(first, '撤销')));
    expect(undone.text).toBe('已撤销：已更新商机 · 顺丰速运');
    expect(await dealFacts(sf.id)).toEqual(sfBefore);
    expect(await app.db.customer.count({ where: { tenantId: 'demo', name: '字节跳动' } })).toBe(1);

    // Clicked again: that batch is already undone, and the later one is left alone.
    expect(only(await app.click('rep1', button(first, '撤销'))).text).toBe('没有可以撤销的操作。');
    expect(await app.db.customer.count({ where: { tenantId: 'demo', name: '字节跳动' } })).toBe(1);
  });

  it('undoes a request completed through a clarification: the new customer and its activity go', async () => {
    const before = await counts(app.db);
    const asked = await app.say('rep1', '今天拜访了宁德时代的王总，意向金额50万');
    expect(only(await app.click('rep1', button(asked, '新建「宁德时代」'))).text).toBe('已记录拜访 · 宁德时代');
    expect(only(await app.say('rep1', '撤销')).text).toBe('已撤销：已记录拜访 · 宁德时代');
    expect(await app.db.customer.count({ where: { tenantId: 'demo', name: '宁德时代' } })).toBe(0);
    expect({ ...(await counts(app.db)), auditLogs: 0 }).toEqual({ ...before, auditLogs: 0 });
  });

  it('refuses when someone else changed the row since, and changes nothing', async () => {
    const deal = await openDeal('华为云');
    only(await app.say('rep1', '华为云金额调整为55万'));
    // The manager (who sees the team's deals) changes the same deal afterwards.
    expect(only(await app.say('manager', '华为云金额调整为66万')).text).toBe('已更新商机 · 华为云');
    const afterManager = await dealRow(deal.id);
    const rowsBefore = await counts(app.db);

    expect(only(await app.say('rep1', '撤销')).text).toBe(CONFLICT);
    expect(await dealRow(deal.id)).toEqual(afterManager);
    expect(await counts(app.db)).toEqual(rowsBefore);
    const rep1Batch = await app.db.auditLog.findFirstOrThrow({ where: { entityId: deal.id, userId: await app.userId('rep1') }, orderBy: { seq: 'desc' } });
    expect(rep1Batch.undoneAt).toBeNull();
  });

  it('refuses when the row was edited outside the chat', async () => {
    const deal = await openDeal('上海汽车集团股份有限公司');
    only(await app.say('rep1', '上汽金额调整为300万'));
    await app.db.deal.update({ where: { id: deal.id }, data: { amount: 3_100_000 } });
    const edited = await dealRow(deal.id);
    expect(only(await app.say('rep1', '撤销')).text).toBe(CONFLICT);
    expect(await dealRow(deal.id)).toEqual(edited);
  });

  it('never undoes another user\'s change', async () => {
    const deal = await openDeal('京东物流');
    const undoButton = button(await app.say('rep2', '京东物流金额调整为90万'), '撤销');
    const rowsBefore = await counts(app.db);
    expect(only(await app.say('care', '撤销')).text).toBe('没有可以撤销的操作。');
    expect(only(await app.click('rep1', undoButton)).text).not.toMatch(/^已撤销/);
    expect((await dealRow(deal.id)).amount!.toNumber()).toBe(900_000);
    expect(await counts(app.db)).toEqual(rowsBefore);
  });
});

describe('undo with the corrected value said (刚才那条不对 金额应该是…)', () => {
  it('takes the change back, then offers the new amount for that deal; nothing changes until it is clicked', async () => {
    const deal = await openDeal('美团');
    const before = await dealFacts(deal.id);
    only(await app.say('rep1', '美团的单子金额调整为90万'));
    expect((await dealRow(deal.id)).amount?.toNumber()).toBe(900000);

    const answer = await app.say('rep1', '刚才那条不对 金额应该是三十八万');
    const [undone, ask] = only(answer).text.split('\n');
    expect(undone).toMatch(/^已撤销：/);
    expect(ask).toBe('要把这个商机改成 38万 吗？');
    expect(await dealFacts(deal.id)).toEqual(before);

    only(await app.click('rep1', button(answer, '改成 38万')));
    expect((await dealRow(deal.id)).amount?.toNumber()).toBe(380000);
    await app.db.deal.update({ where: { id: deal.id }, data: { amount: before.amount } });
  });

  it('a plain 撤销 asks nothing more', async () => {
    only(await app.say('rep1', '美团的单子金额调整为91万'));
    const reply = only(await app.say('rep1', '撤销'));
    expect(reply.text).toMatch(/^已撤销：[^\n]+$/);
    expect(reply.card?.buttons ?? []).toEqual([]);
  });
});
