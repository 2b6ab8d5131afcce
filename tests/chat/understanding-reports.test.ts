// Issue #11, blind batch 19's categories, from the message in to the records read back: English
// names typed in lower case, self-corrections (a way of contact, 其实是), a win said with the
// money still to come, two customers joined by 和, and questions said the spoken way.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { counts, customerNamed, latestDealOf, localAt, only, today } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const customer = (name: string) => customerNamed(app.db, name);
const latestDeal = (name: string) => latestDealOf(app.db, name);

describe('English typed in lower case (rep2 owns Acme Corp)', () => {
  it('"acme deal slipped, expected close now end of january" moves the close date', async () => {
    const reply = only(await app.say('rep2', 'acme deal slipped, expected close now end of january'));
    expect(reply.text.split('\n')[0]).toBe('Updated the deal with Acme Corp');
    const { y, m } = today();
    const january = new Date(Date.UTC(m === 0 ? y : y + 1, 0, 31)).toISOString().slice(0, 10);
    expect((await latestDeal('Acme Corp')).expectedClose?.toISOString().slice(0, 10)).toBe(january);
  });

  it('"lunch w/ wile from acme" logs a visit with wile as the contact', async () => {
    const acme = await customer('Acme Corp');
    const reply = only(await app.say('rep2', 'had lunch w/ wile from acme, they want a demo, check back friday'));
    expect(reply.text.split('\n')[0]).toBe('Logged Visit with Acme Corp');
    const activity = await app.db.activity.findFirstOrThrow({ where: { customerId: acme.id }, orderBy: { createdAt: 'desc' } });
    expect(activity.channel).toBe('visit');
    const contact = await app.db.contact.findFirstOrThrow({ where: { id: activity.contactId ?? '' } });
    expect(contact.name).toBe('wile');
  });
});

describe('self-corrections', () => {
  it('顺丰的回防 不对 是拜访 … logs a visit, not a callback; 更正一下 … 其实是 sets the amount said last', async () => {
    const sf = await customer('顺丰速运');
    const before = await counts(app.db);
    const reply = only(await app.say('rep1', '顺丰的回防 不对 是拜访 见了刘总 他们有意向 大概一百万'));
    expect(reply.text.split('\n')[0]).toBe('已记录拜访 · 顺丰速运');
    const after = await counts(app.db);
    expect([after.activities, after.callbacks]).toEqual([before.activities + 1, before.callbacks]);
    expect((await latestDeal('顺丰速运')).amount?.toNumber()).toBe(1_000_000);

    const logged = await app.db.activity.count({ where: { customerId: sf.id } });
    const fixed = only(await app.say('rep1', '更正一下 刚才说顺丰那单一百万 其实是一百二十万'));
    expect(fixed.text.split('\n')[0]).toBe('已更新商机 · 顺丰速运');
    expect((await latestDeal('顺丰速运')).amount?.toNumber()).toBe(1_200_000);
    // A correction is no new contact with the customer.
    expect(await app.db.activity.count({ where: { customerId: sf.id } })).toBe(logged);
  });
});

describe('two customers joined by 和', () => {
  it('跑了两家 美团和招行 logs a visit on each and makes nobody called 和招行', async () => {
    const before = await counts(app.db);
    const reply = only(await app.say('rep1', '跑了两家 美团和招行 都是送礼 没聊业务'));
    expect(reply.text.split('\n')[0]).toMatch(/^已记录拜访 · (?:美团、招商银行|招商银行、美团)$/);
    const after = await counts(app.db);
    expect([after.activities, after.contacts]).toEqual([before.activities + 2, before.contacts]);
    expect(await app.db.contact.count({ where: { name: { contains: '和' } } })).toBe(0);
  });
});

describe('a new customer said with its first contact', () => {
  it('新客户 … 对接人是陈主任 电话… creates the customer and the contact with the phone', async () => {
    const reply = only(await app.say('rep1', '新客户 深圳迈瑞医疗 医疗器械 A类 对接人是采购部的陈主任 电话13566667777'));
    expect(reply.text.split('\n')[0]).toBe('已新建客户 深圳迈瑞医疗');
    const created = await customer('深圳迈瑞医疗');
    expect([created.industry, created.tier]).toEqual(['医疗器械', 'A']);
    const contacts = await app.db.contact.findMany({ where: { customerId: created.id } });
    expect(contacts.map((c) => [c.name, c.phone])).toEqual([['陈主任', '13566667777']]);
    expect(reply.card?.fields?.find((f) => f.label === '联系人')?.value).toBe('陈主任');
  });

  it('a phone said with no name is named in the reply, not dropped', async () => {
    const reply = only(await app.say('rep1', '新客户 杭州云帆科技 互联网 B类 电话13800001111'));
    expect(reply.text.split('\n')[0]).toBe('已新建客户 杭州云帆科技');
    expect(reply.text).toContain('13800001111');
    expect(await app.db.contact.count({ where: { customerId: (await customer('杭州云帆科技')).id } })).toBe(0);
  });
});

describe('questions said the spoken way', () => {
  it('阿里巴巴现在怎样 answers about 阿里巴巴 and writes nothing', async () => {
    const before = await counts(app.db);
    const reply = only(await app.say('rep2', '阿里巴巴现在怎样'));
    expect(reply.text).toBe('阿里巴巴 的情况');
    expect(await counts(app.db)).toEqual(before);
  });

  it('"N号要跟进谁" lists that day\'s follow-ups only', async () => {
    const rep1 = await app.userId('rep1');
    const due = localAt(3, 10);
    await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', dueAt: due, assigneeId: rep1, customerId: (await customer('美团')).id, note: '三天后那天的' } });
    await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', dueAt: localAt(4, 10), assigneeId: rep1, customerId: (await customer('美团')).id, note: '四天后的' } });
    const day = new Date(due.getTime() + 8 * 3_600_000);
    const reply = only(await app.say('rep1', `${day.getUTCDate()}号要跟进谁`));
    expect(reply.text).toBe(`${day.getUTCMonth() + 1}月${day.getUTCDate()}日待办`);
    const values = reply.card!.fields!.map((f) => f.value);
    expect(values.some((v) => v.includes('三天后那天的'))).toBe(true);
    expect(values.some((v) => v.includes('四天后的'))).toBe(false);
  });

  it('a customer\'s status shows customer care\'s latest callbacks beside the activities', async () => {
    only(await app.say('care', '节日关怀回访 美团孙经理 打了5分'));
    const reply = only(await app.say('care', '美团的回访记录'));
    expect(reply.text).toBe('美团 的情况');
    const line = reply.card?.fields?.find((f) => f.label === '最近回访')?.value.split('\n')[0] ?? '';
    expect(line).toMatch(/ 关怀回访 5\/5: 节日关怀回访 美团孙经理 打了5分$/);
  });

  it('本月团队新签合同额是多少 (the manager) is the team\'s month', async () => {
    expect(only(await app.say('manager', '本月团队新签合同额是多少')).text).toBe('团队本月业绩');
  });
});
