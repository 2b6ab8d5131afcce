// Issue #11, blind batches 47-49's categories, from the message in to the records read back:
// a department or site said after an institution, a call nobody answered, a contract being
// stamped, a customer's name alone, a pipeline filtered by stage, and a greeting that talks business.
import { beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';
import { counts, customerNamed, fieldValue, latestDealOf, localAt, nextWeek, only, today } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

/** The local calendar date `n` days from today, as the deal's date column holds it. */
function dateIn(n: number): string {
  const { y, m, d } = today();
  return new Date(Date.UTC(y, m, d + n)).toISOString().slice(0, 10);
}

describe('what the rep dealt with at an institution is no part of its name', () => {
  it('瑞康医院后勤处 offers 瑞康医院 as the new customer, and the visit lands there with its facts', async () => {
    const asked = await app.say('rep1', '去了趟瑞康医院后勤处 和马工对了下保洁外包的需求 预算150w');
    expect(only(asked).text).toContain('「瑞康医院」');
    expect(only(asked).text).not.toContain('后勤');
    const done = only(await app.click('rep1', button(asked, '新建「瑞康医院」')));
    expect(done.text).toMatch(/^已记录拜访 · 瑞康医院/);
    const ruikang = await customerNamed(app.db, '瑞康医院');
    expect(await app.db.activity.count({ where: { customerId: ruikang.id, channel: 'visit' } })).toBe(1);
    expect((await latestDealOf(app.db, '瑞康医院')).amount?.toNumber()).toBe(1_500_000);
    expect(await app.db.contact.count({ where: { customerId: ruikang.id, name: '马工' } })).toBe(1);
  });
});

describe('a call nobody answered', () => {
  it('"美团 电话 没人接 明天再打" logs a call made and the retry tomorrow', async () => {
    const meituan = await customerNamed(app.db, '美团');
    const calls = () => app.db.activity.count({ where: { customerId: meituan.id, channel: 'call' } });
    const before = await calls();
    const reply = only(await app.say('rep1', '美团 电话 没人接 明天再打'));
    expect(reply.text).toMatch(/^已记录电话 · 美团/);
    expect(await calls()).toBe(before + 1);
    expect(await app.db.reminder.count({ where: { customerId: meituan.id, dueAt: localAt(1, 9), status: 'pending' } })).toBe(1);
  });
});

describe('a contract being stamped', () => {
  it('"招行 合同盖章中 预计下周三回来" moves the deal to negotiation, closing next Wednesday', async () => {
    only(await app.say('rep1', '招行 合同盖章中 预计下周三回来'));
    const deal = await latestDealOf(app.db, '招商银行');
    expect(deal.stage).toBe('negotiation');
    expect(deal.expectedClose?.toISOString().slice(0, 10)).toBe(dateIn(nextWeek(3)));
  });
});

describe('asking about a customer by its name alone', () => {
  it('"比亚迪" and "美团有什么记录" answer with the customer card and write nothing', async () => {
    const before = await counts(app.db);
    const byd = only(await app.say('rep1', '比亚迪'));
    expect(byd.text).toContain('比亚迪');
    expect(fieldValue(byd, '负责人')).toBe('张伟');
    const meituan = only(await app.say('rep1', '美团有什么记录'));
    expect(meituan.text).toContain('美团');
    expect(fieldValue(meituan, '最近跟进')).toBeTruthy();
    expect(await counts(app.db)).toEqual(before);
  });

  it('a chat word alone ("明白") is not taken for a customer', async () => {
    const reply = only(await app.say('rep1', '明白'));
    expect(reply.text).not.toContain('没有找到客户');
    expect(reply.text).toMatch(/没太明白/);
  });
});

describe('a pipeline filtered by stage', () => {
  it('"哪些单子卡在谈判阶段" lists only my deals at negotiation; a manager\'s "团队…" lists the team\'s', async () => {
    const mine = await app.db.deal.findMany({ where: { tenantId: 'demo', stage: 'negotiation', ownerId: await app.userId('rep1') } });
    expect(mine.length).toBeGreaterThan(0);
    const reply = only(await app.say('rep1', '哪些单子卡在谈判阶段'));
    expect(reply.text).toContain(`商务谈判阶段的商机（${mine.length}）`);
    const names = await app.db.customer.findMany({ where: { id: { in: mine.map((d) => d.customerId) } } });
    for (const c of names) expect(reply.text).toContain(c.name);
    const team = await app.db.deal.count({ where: { tenantId: 'demo', stage: 'negotiation' } });
    expect(only(await app.say('manager', '团队现在有哪些单子卡在谈判阶段')).text).toContain(`团队商务谈判阶段的商机（${team}）`);
  });
});

describe('a greeting that talks business', () => {
  it('"顺丰 小钟 微信 拜年 报价9万 节后跟" logs a WeChat contact with the quote, and no care callback', async () => {
    const sf = await customerNamed(app.db, '顺丰速运');
    const callbacks = () => app.db.callback.count({ where: { customerId: sf.id } });
    const before = await callbacks();
    const reply = only(await app.say('rep1', '顺丰 小钟 微信 拜年 报价9万 节后跟'));
    expect(reply.text).toMatch(/^已记录微信 · 顺丰速运/);
    expect(await callbacks()).toBe(before);
    const deal = await latestDealOf(app.db, '顺丰速运');
    expect({ amount: deal.amount?.toNumber(), stage: deal.stage }).toEqual({ amount: 90_000, stage: 'proposal' });
  });
});

describe('a plan opened by a time to wait for', () => {
  it('"等过完年再跟美团联系" asks when, with buttons, and writes nothing until answered', async () => {
    const before = await counts(app.db);
    const asked = await app.say('rep1', '等过完年再跟美团联系');
    expect(only(asked).text).toContain('过完年');
    expect(await counts(app.db)).toEqual(before);
    const meituan = await customerNamed(app.db, '美团');
    only(await app.click('rep1', button(asked, '下周一')));
    expect(await app.db.reminder.count({ where: { customerId: meituan.id, dueAt: localAt(nextWeek(1), 9), status: 'pending' } })).toBe(1);
  });
});

describe('answering the bot\'s question by typing an option', () => {
  it('"华为技术有限公司" typed while the bot asks which 华为 picks it: the visit lands there, with its amount', async () => {
    const asked = only(await app.say('rep1', '刚从华为出来 见了他们采购部的老刘 说MES的单子预算批了 五百二十万'));
    expect(asked.text).toMatch(/华为云[\s\S]*华为技术有限公司/);
    const hw = await customerNamed(app.db, '华为技术有限公司');
    const visits = () => app.db.activity.count({ where: { customerId: hw.id, channel: 'visit' } });
    const before = await visits();
    const done = only(await app.say('rep1', '华为技术有限公司'));
    expect(done.text).toMatch(/^已记录拜访 · 华为技术有限公司/);
    expect(await visits()).toBe(before + 1);
    expect((await latestDealOf(app.db, '华为技术有限公司')).amount?.toNumber()).toBe(5_200_000);
  });
});

describe('thanks and greetings', () => {
  it('"谢了" and "你好" get a reply as a person would give, not "didn\'t understand", and write nothing', async () => {
    const before = await counts(app.db);
    expect(only(await app.say('rep1', '谢了')).text).toMatch(/^不客气/);
    expect(only(await app.say('rep1', '你好')).text).toMatch(/^你好！/);
    expect(only(await app.say('rep1', '多谢啦兄弟')).text).toMatch(/^不客气/);
    expect(await counts(app.db)).toEqual(before);
  });
});
