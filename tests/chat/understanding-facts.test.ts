// Issue #11, categories 1 and 2: every fact a message states lands, whatever its intent, or
// the reply says what was not placed and asks; times have roles (when it happened, when to
// follow up, dates that are neither). Through the web chat, read back from the database.
// Where the parser does not give a slot yet (#11's parser side), the message's parsed form is
// sent as the web chat's action — the same path a parsed message takes after the parser.
import { beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';
import { counts, localAt, monthEndDate, nextWeek, only, today } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
let rep1: string;
beforeAll(async () => {
  app = await testApp();
  rep1 = await app.userId('rep1');
});

const customer = (name: string) => app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });
const openDeal = async (name: string) =>
  app.db.deal.findFirstOrThrow({ where: { customerId: (await customer(name)).id, stage: { notIn: ['won', 'lost'] } } });
const pad = (n: number) => String(n).padStart(2, '0');
/** Local "YYYY-MM-DD" / "YYYY-MM-DDTHH:MM" `days` from today (Asia/Shanghai). */
const local = (days: number, hh?: number) => {
  const at = localAt(days, hh ?? 0);
  const p = new Date(at.getTime() + 8 * 3_600_000);
  const date = `${p.getUTCFullYear()}-${pad(p.getUTCMonth() + 1)}-${pad(p.getUTCDate())}`;
  return hh === undefined ? date : `${date}T${pad(hh)}:00`;
};

describe('several facts in one message', () => {
  it('a callback names the person called, with their title: the contact lands on the customer (typed, care)', async () => {
    const reply = only(await app.say('care', '节日问候回访，先打给了比亚迪的行政经理杜姐，客户非常满意'));
    expect(reply.text).toMatch(/^已记录回访 · 比亚迪/);
    const byd = await customer('比亚迪');
    const contact = await app.db.contact.findFirstOrThrow({ where: { customerId: byd.id, name: '杜姐' } });
    expect(contact.title).toBe('行政经理');
    const callback = await app.db.callback.findFirstOrThrow({ where: { customerId: byd.id }, orderBy: { createdAt: 'desc' } });
    expect(callback).toMatchObject({ category: 'care', satisfaction: 5 });
  });

  it('a visit naming who it was with (对接人是…) logs the visit and adds the contact with a rough amount (typed)', async () => {
    const reply = only(await app.say('rep1', '拜访了比亚迪 对接人是设备部吴部长 电话13912345678 预算大概三十多万'));
    expect(reply.text).toBe('已记录拜访 · 比亚迪');
    const byd = await customer('比亚迪');
    const contact = await app.db.contact.findFirstOrThrow({ where: { customerId: byd.id, name: '吴部长' } });
    expect(contact.phone).toBe('13912345678');
    const activity = await app.db.activity.findFirstOrThrow({ where: { customerId: byd.id }, orderBy: { createdAt: 'desc' } });
    expect(activity).toMatchObject({ channel: 'visit', contactId: contact.id });
    expect((await openDeal('比亚迪')).amount?.toNumber()).toBe(300000);
  });

  it('a visit report that gives the contact\'s title and phone stores them on the contact (typed)', async () => {
    const reply = only(await app.say('rep1', '今天拜访了比亚迪的孙总 他是采购总监 电话13612345678 聊得不错'));
    expect(reply.text).toBe('已记录拜访 · 比亚迪');
    const byd = await customer('比亚迪');
    const contact = await app.db.contact.findFirstOrThrow({ where: { customerId: byd.id, name: '孙总' } });
    expect(contact).toMatchObject({ title: '采购总监', phone: '13612345678' });
    const activity = await app.db.activity.findFirstOrThrow({ where: { customerId: byd.id }, orderBy: { createdAt: 'desc' } });
    expect(activity).toMatchObject({ channel: 'visit', contactId: contact.id });
  });

  it('a voice-style run-on report with its next contact and no commas is a report, not a plan (typed)', async () => {
    const reply = only(await app.say('rep1', '招行陈行 打电话 说在走审批 后天下午再打'));
    expect(reply.text).toBe('已记录电话 · 招商银行');
    const cmb = await customer('招商银行');
    const activity = await app.db.activity.findFirstOrThrow({ where: { customerId: cmb.id }, orderBy: { createdAt: 'desc' } });
    expect(activity.channel).toBe('call');
    expect(activity.nextFollowUpAt?.getTime()).toBe(localAt(2, 14).getTime());
    expect(await app.db.contact.count({ where: { customerId: cmb.id, name: '陈行' } })).toBe(1);
  });

  it('an activity that states a close date sets it on the deal (typed)', async () => {
    const reply = only(await app.say('rep1', '给顺丰打了电话，对方同意下周签合同'));
    expect(reply.text).toBe('已记录电话 · 顺丰速运');
    const deal = await openDeal('顺丰速运');
    expect(deal.expectedClose?.toISOString().slice(0, 10)).toBe(local(nextWeek(1)));
    const activity = await app.db.activity.findFirstOrThrow({ where: { customerId: deal.customerId }, orderBy: { createdAt: 'desc' } });
    expect(activity).toMatchObject({ channel: 'call', dealId: deal.id });
  });

  it('a reminder that also changes the amount updates the deal and sets the reminder (typed)', async () => {
    const before = await openDeal('美团');
    const reply = only(await app.say('rep1', '提醒我下周三给美团打电话，金额调到120万'));
    expect(reply.text).toMatch(/^好的，\d+月\d+日 周三 09:00 提醒你跟进 美团$/);
    expect(reply.card?.fields?.find((f) => f.label === '金额')?.value).toBe('120万');
    const deal = await app.db.deal.findUniqueOrThrow({ where: { id: before.id } });
    expect(deal.amount?.toNumber()).toBe(1_200_000);
    expect(deal.stage).toBe(before.stage); // a plan moves no stage
    expect(await app.db.reminder.count({ where: { customerId: deal.customerId, dealId: deal.id, dueAt: localAt(nextWeek(3), 9), status: 'pending' } })).toBe(1);
  });

  it('deal news that also reports a conversation logs the conversation too', async () => {
    const summary = '京东物流的罗经理微信说审批走完了，下周签合同';
    const reply = only(await app.click('rep2', { intent: 'update_deal', args: {
      customer: '京东物流', contact: '罗经理', channel: 'wechat', expected_close: local(nextWeek(1)), summary,
    } }));
    expect(reply.text).toBe('已记录微信 · 京东物流');
    const activity = await app.db.activity.findFirstOrThrow({ where: { summary } });
    expect(activity).toMatchObject({ channel: 'wechat', userId: await app.userId('rep2') });
    const deal = await app.db.deal.findUniqueOrThrow({ where: { id: activity.dealId! } });
    expect(deal.expectedClose?.toISOString().slice(0, 10)).toBe(local(nextWeek(1)));
  });

  it('a new customer said with an amount and a visit gets its deal and its reminder', async () => {
    // Its parsed form, as an action (the typed form is tested below).
    const reply = only(await app.click('rep1', { intent: 'create_customer', args: {
      customer: '宁德时代', industry: '新能源', tier: 'A', amount: 1_000_000, next_follow_up: local(nextWeek(3)),
      summary: '新客户：宁德时代，新能源行业，A类客户，意向金额100万，下周三去拜访',
    } }));
    expect(reply.text).toBe('已新建客户 宁德时代');
    expect(reply.card?.fields?.find((f) => f.label === '金额')?.value).toBe('100万');
    const catl = await customer('宁德时代');
    const deal = await app.db.deal.findFirstOrThrow({ where: { customerId: catl.id } });
    expect(deal.amount?.toNumber()).toBe(1_000_000);
    expect(await app.db.reminder.count({ where: { customerId: catl.id, dealId: deal.id, dueAt: localAt(nextWeek(3), 9), status: 'pending' } })).toBe(1);
  });

  it('a contact said with deal news and a follow-up: all three land', async () => {
    const before = await openDeal('美团');
    const reply = only(await app.click('rep1', { intent: 'add_contact', args: {
      customer: '美团', contact: '周经理', title: '采购总监', amount: 400_000, next_follow_up: local(nextWeek(1)),
      summary: '添加联系人 美团 周经理 采购总监，金额调到40万，下周一再约他',
    } }));
    expect(reply.text).toBe('已添加联系人 周经理 · 美团');
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: before.id } })).amount?.toNumber()).toBe(400_000);
    expect(await app.db.reminder.count({ where: { customerId: before.customerId, dueAt: localAt(nextWeek(1), 9), status: 'pending' } })).toBe(1);
    expect(await app.db.contact.count({ where: { customerId: before.customerId, name: '周经理', title: '采购总监' } })).toBe(1);
  });

  it('a phone with no contact named is said, not dropped', async () => {
    const reply = only(await app.click('rep1', { intent: 'log_activity', args: { customer: '招商银行', channel: 'call', phone: '13900001111', summary: '给招行打电话，新号码13900001111' } }));
    expect(reply.text).toBe('已记录电话 · 招商银行\n13900001111 没有记下：不知道是哪位联系人的。请说「添加联系人 招商银行 姓名 13900001111」。');
  });

  it('a contact\'s title and phone said in a visit land on the contact', async () => {
    only(await app.click('rep1', { intent: 'log_activity', args: { customer: '招商银行', contact: '刘行长', title: '副行长', phone: '13900002222', summary: '拜访了招行刘行长（副行长，13900002222）' } }));
    const contact = await app.db.contact.findFirstOrThrow({ where: { customerId: (await customer('招商银行')).id, name: '刘行长' } });
    expect(contact).toMatchObject({ title: '副行长', phone: '13900002222' });
  });

  it('dates that are neither follow-up nor close are kept in the note and named in the reply', async () => {
    const text = '拜访了美团，对方说12月20号前要出方案，试用到12月31号';
    const reply = only(await app.click('rep1', { intent: 'log_activity', args: {
      customer: '美团', channel: 'visit', other_dates: [`${today().y}-12-20`, `${today().y}-12-31`], summary: text,
    } }));
    expect(reply.text).toBe('已记录拜访 · 美团\n另外提到的日期 12月20日、12月31日 不是跟进或签约时间，已原文记在内容里。');
    const activity = await app.db.activity.findFirstOrThrow({ where: { customerId: (await customer('美团')).id, summary: text } });
    expect(activity.nextFollowUpAt).toBeNull();
  });
});

describe('the roles of time', () => {
  it('stores when the activity happened, not when the message was sent (typed)', async () => {
    const reply = only(await app.say('rep1', '昨天下午拜访了招商银行的刘行长'));
    expect(reply.text).toBe('已记录拜访 · 招商银行');
    expect(reply.card?.fields?.find((f) => f.label === '时间')?.value).toMatch(/^\d+月\d+日 周. 14:00$/);
    const activity = await app.db.activity.findFirstOrThrow({ where: { summary: '昨天下午拜访了招商银行的刘行长' } });
    expect(activity.occurredAt).toEqual(localAt(-1, 14));
    expect(activity.nextFollowUpAt).toBeNull();
  });

  it('a time already past is when it happened, never a follow-up', async () => {
    const before = await counts(app.db);
    const summary = '今天上午去招商银行拜访了刘行长';
    const reply = only(await app.click('rep1', { intent: 'log_activity', args: { customer: '招商银行', channel: 'visit', next_follow_up: local(-1, 10), summary } }));
    expect(reply.card?.fields?.map((f) => f.label)).not.toContain('下次跟进');
    const activity = await app.db.activity.findFirstOrThrow({ where: { summary } });
    expect(activity.occurredAt).toEqual(localAt(-1, 10));
    expect((await counts(app.db)).reminders).toBe(before.reminders);
  });

  it('a past follow-up time beside a stated activity time is said, and sets nothing', async () => {
    const before = await counts(app.db);
    const reply = only(await app.click('rep1', { intent: 'log_activity', args: {
      customer: '招商银行', channel: 'call', occurred_at: local(-1, 16), next_follow_up: local(-1, 10), summary: '昨天4点给招行打了电话，上午10点那次没接',
    } }));
    expect(reply.text).toMatch(/\n\d+月\d+日 周. 10:00 已经过去了，没有设提醒。要提醒就再说一次，例如「明天上午10点跟进」。$/);
    expect((await counts(app.db)).reminders).toBe(before.reminders);
  });

  it('a vague follow-up is asked about with buttons; 3天后 sets it (typed)', async () => {
    const asked = only(await app.say('rep1', '拜访了顺丰，节后再约'));
    expect(asked.text).toBe('已记录拜访 · 顺丰速运\n你说「节后再约」，具体什么时候提醒你跟进？点一个，或直接回复时间（例如「1月4号上午」）。\n1. 3天后\n2. 下周一\n3. 不用提醒');
    expect(await app.db.activity.count({ where: { summary: '拜访了顺丰，节后再约' } })).toBe(1);
    const set = only(await app.click('rep1', button({ status: 200, replies: [asked] }, '3天后')));
    expect(set.text).toMatch(/^好的，\d+月\d+日 周. 09:00 提醒你跟进 顺丰速运$/);
    const sf = await customer('顺丰速运');
    expect(await app.db.reminder.count({ where: { customerId: sf.id, assigneeId: rep1, dueAt: localAt(3, 9), status: 'pending' } })).toBe(1);
  });

  it('"今天再联系" with no hour, said after 09:00, asks when; a typed time answers (typed)', async () => {
    const reply = only(await app.say('rep1', '给顺丰打了电话，今天再联系'));
    if (Date.now() < localAt(0, 9, 1).getTime()) return; // before 09:00 today's 09:00 is simply the reminder
    expect(reply.text).toBe('已记录电话 · 顺丰速运\n今天什么时候提醒你再跟进？回复时间就行，例如「下午4点」。');
    const set = only(await app.say('rep1', '明天上午10点'));
    expect(set.text).toMatch(/^好的，\d+月\d+日 周. 10:00 提醒你跟进 顺丰速运$/);
    expect(await app.db.reminder.count({ where: { customerId: (await customer('顺丰速运')).id, dueAt: localAt(1, 10), status: 'pending' } })).toBe(1);
  });

  it('the vague follow-up\'s 不用提醒 (or typing 不用) sets nothing', async () => {
    const before = await counts(app.db);
    expect(only(await app.say('rep1', '给顺丰打了电话，节后再约')).text).toMatch(/^已记录电话 · 顺丰速运\n你说「节后再约」/);
    expect(only(await app.say('rep1', '不用')).text).toBe('好的，不设提醒。');
    expect(await counts(app.db)).toMatchObject({ reminders: before.reminders, activities: before.activities + 1 });
  });
});

describe('self-corrections of voice input', () => {
  it('a customer said again after 不对 is the one the visit is logged on (typed)', async () => {
    const [byd, sf] = [await customer('比亚迪'), await customer('顺丰速运')];
    const count = (customerId: string) => app.db.activity.count({ where: { customerId } });
    const before = { byd: await count(byd.id), sf: await count(sf.id) };
    const reply = only(await app.say('rep1', '开车呢 刚从比亚迪出来 不对 是从顺丰出来 见了仓储的罗经理'));
    expect(reply.text).toMatch(/^已记录拜访 · 顺丰速运/);
    expect({ byd: await count(byd.id), sf: await count(sf.id) }).toEqual({ byd: before.byd, sf: before.sf + 1 });
  });

  it('the value said after 不对 / 哦不 is the one stored, the one before it is not (typed)', async () => {
    const reply = only(await app.say('rep1', '美团那单金额改成三十万 哦不 三十二万'));
    expect(reply.card?.fields?.find((f) => f.label === '金额')?.value).toBe('32万');
    expect((await openDeal('美团')).amount?.toNumber()).toBe(320_000);
    const visit = only(await app.say('rep1', '刚从顺丰出来 明天下午 不对 后天下午再去一趟'));
    expect(visit.text).toMatch(/^已记录拜访 · 顺丰速运/);
    const sf = await customer('顺丰速运');
    const activity = await app.db.activity.findFirstOrThrow({ where: { customerId: sf.id }, orderBy: { createdAt: 'desc' } });
    expect(activity.nextFollowUpAt?.getTime()).toBe(localAt(2, 14).getTime());
    expect(await app.db.reminder.count({ where: { customerId: sf.id, dueAt: localAt(1, 14), status: 'pending' } })).toBe(0);
  });
});

describe('English names beside their titles', () => {
  it('"Name, Title at Company" files the person with the title on that customer (typed, as rep2 owns Acme)', async () => {
    const reply = only(await app.say('rep2', 'Lunch with Jane Okafor, Head of Procurement at Acme. Budget around 80k, they are moving to contract'));
    expect(reply.text).toMatch(/Acme/);
    const acme = await customer('Acme Corp');
    const jane = await app.db.contact.findFirstOrThrow({ where: { customerId: acme.id, name: 'Jane Okafor' } });
    expect(jane.title).toBe('Head of Procurement');
    const deal = await openDeal('Acme Corp');
    expect({ amount: deal.amount?.toNumber(), stage: deal.stage }).toEqual({ amount: 80_000, stage: 'negotiation' });
  });
});

describe('deal facts said with a new customer or a callback', () => {
  it('a new customer typed with the visit already made, its contact, close and amount: all land (typed)', async () => {
    const reply = only(await app.say('rep1', '新增客户：浙江恒逸石化，化工行业，A类。昨天刚拜访过，对接人方总 13705718899，项目预计年底前签，金额约600万'));
    expect(reply.text).toMatch(/^已新建客户 浙江恒逸石化/);
    const hengyi = await customer('浙江恒逸石化');
    expect(hengyi).toMatchObject({ industry: '化工', tier: 'A' });
    const deal = await app.db.deal.findFirstOrThrow({ where: { customerId: hengyi.id } });
    expect(deal.amount?.toNumber()).toBe(6_000_000);
    expect(deal.expectedClose?.toISOString().slice(0, 10)).toBe(`${local(0).slice(0, 4)}-12-31`);
    const visit = await app.db.activity.findFirstOrThrow({ where: { customerId: hengyi.id } });
    expect(visit.channel).toBe('visit');
    expect(local(-1)).toBe(new Date(visit.occurredAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
    expect(await app.db.contact.count({ where: { customerId: hengyi.id, name: '方总', phone: '13705718899' } })).toBe(1);
    expect(reply.card?.fields?.find((f) => f.label === '已记录')?.value).toMatch(/^拜访 · /);
  });

  it('a new customer with only a visit planned logs no visit, and the plan becomes a reminder (typed)', async () => {
    only(await app.say('rep1', '新客户 龙蟠科技，意向80万，下周三去拜访'));
    const juhua = await customer('龙蟠科技');
    expect(await app.db.activity.count({ where: { customerId: juhua.id } })).toBe(0);
    expect(await app.db.reminder.count({ where: { customerId: juhua.id, dueAt: localAt(nextWeek(3), 9), status: 'pending' } })).toBe(1);
    expect((await app.db.deal.findFirstOrThrow({ where: { customerId: juhua.id } })).amount?.toNumber()).toBe(800_000);
  });

  it('a renewal callback that says the new amount and when they sign updates the deal (typed, care)', async () => {
    const before = await openDeal('比亚迪');
    const reply = only(await app.say('care', '续约回访 比亚迪 电话联系的 客户很满意 5分 续约金额涨到68万 下个月底之前签'));
    expect(reply.text).toMatch(/^已记录回访 · 比亚迪/);
    const after = await app.db.deal.findUniqueOrThrow({ where: { id: before.id } });
    expect({ amount: after.amount?.toNumber(), close: after.expectedClose?.toISOString().slice(0, 10), stage: after.stage })
      .toEqual({ amount: 680_000, close: monthEndDate(1), stage: before.stage });
    const callback = await app.db.callback.findFirstOrThrow({ where: { customerId: before.customerId }, orderBy: { createdAt: 'desc' } });
    expect(callback).toMatchObject({ category: 'renewal', satisfaction: 5 });
  });
});
