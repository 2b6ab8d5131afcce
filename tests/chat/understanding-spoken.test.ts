// Issue #11, blind batch 18's categories, from the message in to the records read back: spoken
// amounts and quantities, 过两周, a date that names a start of work, a question about a contact
// made (which writes nothing), a lower-case English name and an English self-correction.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { counts, customerNamed, fieldValue, latestDealOf, localAt, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const customer = (name: string) => customerNamed(app.db, name);
const latestDeal = (name: string) => latestDealOf(app.db, name);

describe('spoken amounts and quantities', () => {
  it('二十八万五 is 285,000 and 两万片 is a quantity, not money (typed)', async () => {
    const reply = only(await app.say('rep1', '比亚迪那边要两万片 金额二十八万五'));
    expect(reply.card?.fields?.find((f) => f.label === '金额')?.value).toBe('28.5万');
    expect((await latestDeal('比亚迪')).amount?.toNumber()).toBe(285_000);
  });
});

describe('dates with roles', () => {
  it('过两周再聊 after a visit sets the follow-up two weeks out (typed)', async () => {
    const byd = await customer('比亚迪');
    const reply = only(await app.say('rep1', '拜访了比亚迪 他说过两周再聊'));
    expect(reply.text).toMatch(/^已记录拜访 · 比亚迪/);
    expect(await app.db.reminder.count({ where: { customerId: byd.id, dueAt: localAt(14, 9), status: 'pending' } })).toBe(1);
  });

  it('a signing with 下个月开始实施 wins the deal and sets no follow-up or close date from it (typed)', async () => {
    const mt = await customer('美团');
    const reminders = () => app.db.reminder.count({ where: { customerId: mt.id, status: 'pending' } });
    const before = await reminders();
    const closeBefore = (await latestDeal('美团')).expectedClose;
    only(await app.say('rep1', '美团的单子已经签约了 下个月开始实施'));
    const deal = await latestDeal('美团');
    expect({ stage: deal.stage, expectedClose: deal.expectedClose }).toEqual({ stage: 'won', expectedClose: closeBefore });
    expect(await reminders()).toBe(before);
  });
});

describe('questions write nothing', () => {
  it('我上周是不是拜访过比亚迪 answers about 比亚迪 and logs no visit (typed)', async () => {
    const before = await counts(app.db);
    const reply = only(await app.say('rep1', '我上周是不是拜访过比亚迪'));
    expect(JSON.stringify(reply)).toContain('比亚迪');
    expect(reply.text).not.toMatch(/^已记录/);
    expect(await counts(app.db)).toEqual(before);
  });
});

describe('English as reps type it', () => {
  it('a lower-case name after the opening verb is the customer, not a later acronym (typed, rep2 owns Acme)', async () => {
    const acme = await customer('Acme Corp');
    const visits = () => app.db.activity.count({ where: { customerId: acme.id, channel: 'call' } });
    const before = await visits();
    const reply = only(await app.say('rep2', 'called acme today re: ERP rollout, moving to negotiation'));
    expect(reply.text).toMatch(/Acme/);
    expect(await visits()).toBe(before + 1);
    expect((await latestDeal('Acme Corp')).stage).toBe('negotiation');
  });

  it('"500k, sorry, 600k" stores the amount said after the correction (typed)', async () => {
    only(await app.say('rep2', 'met Acme, budget 500k, sorry, 600k'));
    expect((await latestDeal('Acme Corp')).amount?.toNumber()).toBe(600_000);
  });
});

describe('questions about one customer', () => {
  it('"X呢" with no question before it, and "X有几个商机", answer about X, not the whole pipeline (typed)', async () => {
    // A report first: no question of the bot's or of the rep's is pending.
    expect(only(await app.say('rep1', '给美团打了个电话')).text).toMatch(/^已记录电话/);
    const before = await counts(app.db);
    const status = only(await app.say('rep1', '比亚迪呢'));
    expect(fieldValue(status, '负责人')).toBeTruthy();
    expect(status.text).toMatch(/比亚迪/);
    const deals = only(await app.say('rep1', '美团有几个商机'));
    expect(deals.text).toMatch(/美团/);
    expect(fieldValue(deals, '商机')).toMatch(/\d/);
    expect(await counts(app.db)).toEqual(before);
  });
});

describe('several customers in one report', () => {
  it('跑了三家 A B C logs the visit on each; one the rep cannot log on is named in the reply (typed)', async () => {
    const names = ['比亚迪', '美团', '顺丰速运'];
    const ids = await Promise.all(names.map(async (n) => (await customer(n)).id));
    const visits = () => Promise.all(ids.map((id) => app.db.activity.count({ where: { customerId: id, channel: 'visit' } })));
    const before = await visits();
    const reply = only(await app.say('rep1', '今天跑了三家 比亚迪 美团 顺丰 都是例行拜访 没啥新情况'));
    expect(reply.text).toBe('已记录拜访 · 比亚迪、美团、顺丰速运');
    expect(await visits()).toEqual(before.map((n) => n + 1));

    const partly = only(await app.say('rep1', '跑了两家：美团、星巴克中国'));
    expect(partly.text).toMatch(/^已记录拜访 · 美团\n「星巴克中国」没有记上/);
    expect((await visits())[1]).toBe(before[1]! + 2);
    // One undo takes back the whole report.
    only(await app.say('rep1', '撤销'));
    only(await app.say('rep1', '撤销'));
    expect(await visits()).toEqual(before);
  });
});

describe('phone shorthand and names said twice (blind batches 45-46)', () => {
  it('"wx跟招行的孙经理聊了下 合tong在走了 一百二十个w" logs a WeChat contact and moves the deal to negotiation at 1.2M', async () => {
    const cmb = await customer('招商银行');
    const reply = only(await app.say('rep1', 'wx跟招行的孙经理聊了下 合tong在走了 一百二十个w'));
    expect(reply.text).toBe('已记录微信 · 招商银行');
    const activity = await app.db.activity.findFirstOrThrow({ where: { customerId: cmb.id }, orderBy: { createdAt: 'desc' } });
    expect(activity.channel).toBe('wechat');
    const deal = await latestDeal('招商银行');
    expect({ stage: deal.stage, amount: deal.amount?.toNumber() }).toEqual({ stage: 'negotiation', amount: 1_200_000 });
  });

  it('"给那个顺丰，顺丰速运打了个电话" is the customer said in full, and "月底了 更新一下" names no new customer', async () => {
    const before = await counts(app.db);
    const reply = only(await app.say('rep1', '月底了 更新一下 给那个顺丰，顺丰速运打了个电话 吴经理说下周二再聊'));
    expect(reply.text).toBe('已记录电话 · 顺丰速运');
    expect((await counts(app.db)).customers).toBe(before.customers);
  });
});
