// Issue #11, blind batches 30–31: reports as WeCom teams paste them, English words inside Chinese,
// a birthday told with a "don't forget", and a loss whose reason is what a competitor did — from the
// message in to the records read back.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { counts, customerNamed, latestDealOf, localAt, nextWeek, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const customer = (name: string) => customerNamed(app.db, name);

describe('a report in labelled fields', () => {
  it('【拜访记录】客户：…；联系人：…；方式：…；进展：…；下次跟进：… logs the visit, the contact, the deal facts and the follow-up', async () => {
    const longi = await customer('隆基绿能');
    const reply = only(await app.say('rep2', '【拜访记录】客户：隆基绿能；联系人：钱经理（采购部）；方式：上门拜访；进展：需求确认，预算约一百二十万；下次跟进：下周三'));
    expect(reply.text.split('\n')[0]).toBe('已记录拜访 · 隆基绿能');
    const activity = await app.db.activity.findFirstOrThrow({ where: { customerId: longi.id }, orderBy: { createdAt: 'desc' } });
    expect(activity.channel).toBe('visit');
    // The note is the report as pasted, numerals and all.
    expect(activity.summary).toContain('预算约一百二十万');
    const met = await app.db.contact.findFirstOrThrow({ where: { id: activity.contactId ?? '' } });
    expect(met.name).toBe('钱经理');
    const deal = await latestDealOf(app.db, '隆基绿能');
    expect([deal.stage, Number(deal.amount)]).toEqual(['qualified', 1_200_000]);
    const followUp = await app.db.reminder.findFirstOrThrow({ where: { customerId: longi.id, kind: 'follow_up', status: 'pending' }, orderBy: { createdAt: 'desc' } });
    expect(followUp.dueAt.getTime()).toBeGreaterThanOrEqual(localAt(nextWeek(3), 0).getTime());
    expect(followUp.dueAt.getTime()).toBeLessThan(localAt(nextWeek(3) + 1, 0).getTime());
  });

  it('the same fields with no way of contact and no one met are the deal news, not a visit', async () => {
    const before = await counts(app.db);
    const reply = only(await app.say('rep1', '客户：比亚迪；进展：合同在走盖章流程，金额三百万'));
    expect(reply.text).not.toMatch(/已记录(?:拜访|电话)/);
    const deal = await latestDealOf(app.db, '比亚迪');
    expect([deal.stage, Number(deal.amount)]).toEqual(['negotiation', 3_000_000]);
    expect((await counts(app.db)).activities).toBe(before.activities);
  });
});

describe('English CRM words inside a Chinese message', () => {
  it('加个contact：京东物流的Kevin Zhao，采购经理 adds Kevin Zhao at 京东物流 with the title', async () => {
    const jdl = await customer('京东物流');
    const reply = only(await app.say('rep2', '加个contact：京东物流的Kevin Zhao，采购经理，电话13655556666'));
    expect(reply.text.split('\n')[0]).toBe('已添加联系人 Kevin Zhao · 京东物流');
    const added = await app.db.contact.findFirstOrThrow({ where: { customerId: jdl.id, name: 'Kevin Zhao' } });
    expect([added.title, added.phone]).toEqual(['采购经理', '13655556666']);
    expect(await app.db.customer.count({ where: { tenantId: 'demo', name: { contains: 'contact' } } })).toBe(0);
  });

  it('明天上午remind我给美团发合同 sets tomorrow morning’s reminder on 美团', async () => {
    const meituan = await customer('美团');
    only(await app.say('rep1', '明天上午remind我给美团发合同'));
    const reminder = await app.db.reminder.findFirstOrThrow({ where: { customerId: meituan.id, status: 'pending' }, orderBy: { createdAt: 'desc' } });
    expect(reminder.dueAt).toEqual(localAt(1, 9));
  });
});

describe('a birthday told with a "don\'t forget"', () => {
  it('is the contact\'s birthday, with no reminder of its own (the birthday reminder comes by itself)', async () => {
    const yonghui = await customer('永辉超市');
    const before = await counts(app.db);
    only(await app.say('rep2', '永辉超市的孙总生日是3月8号 到时候别忘了发个祝福'));
    const sun = await app.db.contact.findFirstOrThrow({ where: { customerId: yonghui.id, name: '孙总' } });
    expect(sun.birthday).toBe('03-08');
    expect((await counts(app.db)).reminders).toBe(before.reminders);
  });
});

describe('a loss whose reason is what a competitor did', () => {
  it('安踏那单输了，竞品直接送了一年免费维护 records the loss and its reason as typed, and no visit', async () => {
    only(await app.say('rep1', '新客户 安踏'));
    only(await app.say('rep1', '安踏有个新商机 80万'));
    const before = await counts(app.db);
    const reply = only(await app.say('rep1', '安踏那单输了，竞品直接送了一年免费维护'));
    expect(reply.text).not.toMatch(/已记录拜访/);
    const deal = await latestDealOf(app.db, '安踏');
    expect([deal.stage, deal.lostReason]).toEqual(['lost', '竞品直接送了一年免费维护']);
    expect((await counts(app.db)).activities).toBe(before.activities);

    // Said again with no deal open: nothing to lose twice, and no empty lost deal to count.
    const again = await counts(app.db);
    const twice = only(await app.say('rep1', '安踏那单黄了 他们说明年再说'));
    expect(twice.text).toMatch(/^安踏 没有在跟的商机：最近的「安踏」已是输单，没有改动/);
    expect(await counts(app.db)).toEqual(again);
  });
});
