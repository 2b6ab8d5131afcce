// Every intent through the web chat API, typed as a rep would type it, in Chinese and English:
// the rows it writes (or does not), and what the reply says.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatAmount, formatPercent } from '../../src/i18n/index.js';
import { button, testApp } from '../support/app.js';
import { counts, fieldValue, localAt, nextWeek, nextWeekday, only, startOfDay, thisMonth, thisQuarter, today } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
const OPEN = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
const PROBABILITY = { lead: 10, qualified: 30, proposal: 50, negotiation: 70 } as const;

let app: App;
let ids: Record<'rep1' | 'rep2' | 'care' | 'manager', string>;
beforeAll(async () => {
  app = await testApp();
  ids = {
    rep1: await app.userId('rep1'), rep2: await app.userId('rep2'),
    care: await app.userId('care'), manager: await app.userId('manager'),
  };
});

const customer = (name: string) => app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });
const openDeal = async (name: string) =>
  app.db.deal.findFirstOrThrow({ where: { customerId: (await customer(name)).id, stage: { in: [...OPEN] } } });

describe('create_customer', () => {
  it('creates a Chinese customer with industry and tier, owned by the rep', async () => {
    const reply = only(await app.say('rep1', '新客户：宁德时代，新能源行业，A类'));
    expect(reply.text).toBe('已新建客户 宁德时代');
    const row = await customer('宁德时代');
    expect(row).toMatchObject({ industry: '新能源', tier: 'A', ownerId: ids.rep1, matchKey: '宁德时代' });
    expect(fieldValue(reply, '负责人')).toBe('张伟');
    const audit = await app.db.auditLog.findFirstOrThrow({ where: { entity: 'customer', entityId: row.id } });
    expect(audit).toMatchObject({ action: 'create', userId: ids.rep1, label: '已新建客户 宁德时代' });
  });

  it('creates an English customer', async () => {
    const reply = only(await app.say('rep2', 'new customer Stark Industries, manufacturing, tier A'));
    expect(reply.text).toBe('Created customer Stark Industries');
    expect(await customer('Stark Industries')).toMatchObject({ industry: 'manufacturing', tier: 'A', ownerId: ids.rep2 });
  });

  it('never duplicates an existing customer', async () => {
    const before = await counts(app.db);
    expect(only(await app.say('rep1', '新客户：美团')).text).toBe('客户「美团」已经存在（负责人：张伟），没有重复新建。');
    expect(only(await app.say('rep2', 'new customer Acme Corp')).text)
      .toBe('Customer "Acme Corp" already exists (owner: 李娜); nothing was duplicated.');
    expect(await counts(app.db)).toEqual(before);
  });
});

describe('add_contact', () => {
  it('stores title, phone digits, email and birthday (Chinese)', async () => {
    const reply = only(await app.say('rep1', '添加联系人 华为云 王伟 采购总监 138-0013-8000 wangwei@huaweicloud.com 生日1985-07-19'));
    expect(reply.text).toBe('已添加联系人 王伟 · 华为云');
    const row = await app.db.contact.findFirstOrThrow({ where: { customerId: (await customer('华为云')).id, name: '王伟' } });
    expect(row).toMatchObject({ title: '采购总监', phone: '13800138000', email: 'wangwei@huaweicloud.com', birthday: '1985-07-19' });
  });

  it('"把比亚迪孙总的电话记一下 <number>" stores the phone on that contact, and logs no call', async () => {
    const byd = await customer('比亚迪');
    const calls = await app.db.activity.count({ where: { customerId: byd.id } });
    const reply = only(await app.say('rep1', '把比亚迪孙总的电话记一下 139 1234 5678'));
    expect(reply.text).toMatch(/^已(?:添加|更新)联系人 孙总 · 比亚迪$/);
    const row = await app.db.contact.findFirstOrThrow({ where: { customerId: byd.id, name: '孙总' } });
    expect(row.phone).toBe('13912345678');
    expect(await app.db.activity.count({ where: { customerId: byd.id } })).toBe(calls);
  });

  it('stores a contact typed in English', async () => {
    const reply = only(await app.say('rep2', 'add contact to Acme Corp: Jane Doe, CTO, Jane.Doe@Acme.com, 13912345678, birthday 1990-05-06'));
    expect(reply.text).toBe('Added contact Jane Doe at Acme Corp');
    const row = await app.db.contact.findFirstOrThrow({ where: { customerId: (await customer('Acme Corp')).id, name: 'Jane Doe' } });
    expect(row).toMatchObject({ title: 'CTO', phone: '13912345678', email: 'jane.doe@acme.com', birthday: '1990-05-06' });
  });

  it('accepts a leap-day birthday without a year', async () => {
    const reply = only(await app.click('rep1', { intent: 'add_contact', args: { customer: '美团', contact: '孙经理', birthday: '02-29' } }));
    expect(reply.text).toBe('已更新联系人 孙经理 · 美团');
    expect(await app.db.contact.findFirstOrThrow({ where: { customerId: (await customer('美团')).id, name: '孙经理' } }))
      .toMatchObject({ birthday: '02-29', title: '采购经理' });
  });

  it('fills in new facts on a contact of the same name instead of adding a second one', async () => {
    const cloud = await customer('华为云');
    const before = await app.db.contact.count({ where: { customerId: cloud.id } });
    expect(only(await app.say('rep1', '添加联系人 华为云 赵经理 13911029999')).text).toBe('已更新联系人 赵经理 · 华为云');
    expect(await app.db.contact.count({ where: { customerId: cloud.id } })).toBe(before);
    const row = await app.db.contact.findFirstOrThrow({ where: { customerId: cloud.id, name: '赵经理' } });
    expect(row).toMatchObject({ phone: '13911029999', title: '解决方案经理' });
  });
});

describe('log_activity', () => {
  it('logs a visit with deal facts, a stage change and a date-only follow-up at 09:00 local', async () => {
    const deal = await openDeal('华为云');
    expect(deal.stage).toBe('proposal');
    const before = await counts(app.db);
    // A close date ahead whatever today is: a past one is not an expected close (it is named as another date).
    const closeYear = today().y + 1;
    const reply = only(await app.say('rep1', `今天拜访了华为云的赵经理，意向金额80万，进入商务谈判，预计${closeYear}年1月20日签约，下周三再跟进`));
    expect(reply.text).toBe('已记录拜访 · 华为云');
    expect(fieldValue(reply, '金额')).toBe('80万');
    expect(fieldValue(reply, '阶段')).toBe('商务谈判');

    const activity = await app.db.activity.findFirstOrThrow({ where: { dealId: deal.id }, orderBy: { createdAt: 'desc' } });
    const zhao = await app.db.contact.findFirstOrThrow({ where: { customerId: deal.customerId, name: '赵经理' } });
    const followUp = localAt(nextWeek(3), 9);
    expect(activity).toMatchObject({ channel: 'visit', contactId: zhao.id, userId: ids.rep1, nextFollowUpAt: followUp });
    expect(activity.summary).toContain('意向金额80万');

    const after = await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } });
    expect(after.amount?.toNumber()).toBe(800_000);
    expect(after).toMatchObject({ stage: 'negotiation', probability: 70, expectedClose: new Date(`${closeYear}-01-20T00:00:00Z`), closedAt: null });
    const change = await app.db.stageChange.findFirstOrThrow({ where: { dealId: deal.id }, orderBy: { at: 'desc' } });
    expect(change).toMatchObject({ from: 'proposal', to: 'negotiation', actorId: ids.rep1 });

    const reminder = await app.db.reminder.findFirstOrThrow({ where: { activityId: activity.id } });
    expect(reminder).toMatchObject({ kind: 'follow_up', status: 'pending', dueAt: followUp, assigneeId: ids.rep1, dealId: deal.id });
    expect(await counts(app.db)).toEqual({
      ...before, activities: before.activities + 1, stageChanges: before.stageChanges + 1, reminders: before.reminders + 1,
      // deal update, stage change, activity, reminder (the contact already existed, unchanged)
      auditLogs: before.auditLogs + 4,
    });
  });

  it('logs a call with a follow-up at a time of day', async () => {
    const reply = only(await app.say('rep1', '今天给美团的孙经理打了电话，下周三下午3点再跟进'));
    expect(reply.text).toBe('已记录电话 · 美团');
    const meituan = await customer('美团');
    const activity = await app.db.activity.findFirstOrThrow({ where: { customerId: meituan.id }, orderBy: { createdAt: 'desc' } });
    expect(activity).toMatchObject({ channel: 'call', nextFollowUpAt: localAt(nextWeek(3), 15) });
    const reminder = await app.db.reminder.findFirstOrThrow({ where: { activityId: activity.id } });
    expect(reminder.dueAt).toEqual(localAt(nextWeek(3), 15));
  });

  it('logs an English call with amount, stage and follow-up', async () => {
    const deal = await openDeal('Acme Corp');
    const reply = only(await app.say('rep2', 'Called Acme Corp today, spoke with John Smith, budget 700k, moved to negotiation, follow up next Tuesday'));
    expect(reply.text).toBe('Logged Call with Acme Corp');
    expect(fieldValue(reply, 'Amount')).toBe('¥700k');
    const activity = await app.db.activity.findFirstOrThrow({ where: { dealId: deal.id }, orderBy: { createdAt: 'desc' } });
    const john = await app.db.contact.findFirstOrThrow({ where: { customerId: deal.customerId, name: 'John Smith' } });
    expect(activity).toMatchObject({ channel: 'call', contactId: john.id, userId: ids.rep2, nextFollowUpAt: localAt(nextWeek(2), 9) });
    const after = await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } });
    expect(after.amount?.toNumber()).toBe(700_000);
    expect(after.stage).toBe('negotiation');
    const change = await app.db.stageChange.findFirstOrThrow({ where: { dealId: deal.id }, orderBy: { at: 'desc' } });
    expect(change).toMatchObject({ from: 'proposal', to: 'negotiation', actorId: ids.rep2 });
    expect(await app.db.reminder.count({ where: { activityId: activity.id, status: 'pending', dueAt: localAt(nextWeek(2), 9) } })).toBe(1);
  });
});

describe('update_deal', () => {
  it('changes the amount (Chinese)', async () => {
    const deal = await openDeal('京东物流');
    const before = await counts(app.db);
    const reply = only(await app.say('rep2', '京东物流金额调整为80万'));
    expect(reply.text).toBe('已更新商机 · 京东物流');
    const after = await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } });
    expect(after.amount?.toNumber()).toBe(800_000);
    expect(after.stage).toBe(deal.stage);
    expect(await counts(app.db)).toEqual({ ...before, auditLogs: before.auditLogs + 1 });
  });

  it('marks a deal won: closedAt set, probability 100, stage change recorded', async () => {
    const deal = await openDeal('美团');
    const reply = only(await app.say('rep1', '美团签了！合同金额35万'));
    expect(reply.text).toBe('已更新商机 · 美团');
    const after = await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } });
    expect(after).toMatchObject({ stage: 'won', probability: 100 });
    expect(after.amount?.toNumber()).toBe(350_000);
    expect(after.closedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const change = await app.db.stageChange.findFirstOrThrow({ where: { dealId: deal.id }, orderBy: { at: 'desc' } });
    expect(change).toMatchObject({ from: deal.stage, to: 'won', actorId: ids.rep1 });
  });

  it('marks a deal lost with its reason (Chinese)', async () => {
    const deal = await openDeal('顺丰速运');
    expect(only(await app.say('rep1', '顺丰丢单了，原因是价格太高')).text.split('\n')[0]).toBe('已更新商机 · 顺丰速运');
    const after = await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } });
    expect(after).toMatchObject({ stage: 'lost', probability: 0, lostReason: '价格太高' });
    expect(after.closedAt).not.toBeNull();
    expect(await app.db.stageChange.count({ where: { dealId: deal.id, from: deal.stage, to: 'lost', actorId: ids.rep1 } })).toBe(1);
  });

  it('marks deals won and lost in English (customers named by alias)', async () => {
    const won = await openDeal('阿里巴巴');
    const reply = only(await app.say('rep2', 'Alibaba closed won, 3.2M'));
    expect(reply.text).toBe('Updated the deal with 阿里巴巴');
    expect(fieldValue(reply, 'Stage')).toBe('Won');
    const wonAfter = await app.db.deal.findUniqueOrThrow({ where: { id: won.id } });
    expect(wonAfter.stage).toBe('won');
    expect(wonAfter.amount?.toNumber()).toBe(3_200_000);
    expect(wonAfter.closedAt).not.toBeNull();

    const lost = await openDeal('永辉超市');
    expect(only(await app.say('rep2', 'Yonghui lost, reason: chose a competitor')).text.split('\n')[0]).toBe('Updated the deal with 永辉超市');
    expect(await app.db.deal.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({ stage: 'lost', lostReason: 'chose a competitor' });
  });
});

describe('update_deal with several open deals', () => {
  it('asks which deal, naming the customer, and the choice updates only that deal', async () => {
    const bee = await customer('杭州小蜜蜂电子商务有限公司');
    const first = await openDeal('杭州小蜜蜂电子商务有限公司');
    const second = await app.db.deal.create({
      data: { tenantId: 'demo', customerId: bee.id, ownerId: ids.rep1, title: '小蜜蜂仓储二期', amount: 50_000, stage: 'qualified', probability: 30 },
    });
    const before = await counts(app.db);
    const asked = await app.say('rep1', '小蜜蜂金额调整为12万');
    const reply = only(asked);
    expect(reply.text).toMatch(/^杭州小蜜蜂电子商务有限公司 有多个进行中的商机，是哪一个？\n/);
    expect(reply.card!.buttons!.map((b) => b.label)).toEqual(expect.arrayContaining(['小蜜蜂订单管理系统 · 线索 · 8万', '小蜜蜂仓储二期 · 需求确认 · 5万']));
    expect(await counts(app.db)).toEqual(before);

    expect(only(await app.click('rep1', button(asked, '小蜜蜂仓储二期'))).text).toBe('已更新商机 · 杭州小蜜蜂电子商务有限公司');
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: second.id } })).amount!.toNumber()).toBe(120_000);
    expect(await app.db.deal.findUniqueOrThrow({ where: { id: first.id } })).toEqual(first);
  });
});

describe('schedule_follow_up', () => {
  it('sets a reminder at a local time and moves no stage (Chinese)', async () => {
    const deal = await openDeal('招商银行');
    const before = await counts(app.db);
    const reply = only(await app.say('rep1', '提醒我明天上午10点给招商银行打电话'));
    const due = localAt(1, 10);
    expect(reply.text).toMatch(/^好的，\d+月\d+日 周. 10:00 提醒你跟进 招商银行$/);
    const reminder = await app.db.reminder.findFirstOrThrow({ where: { customerId: deal.customerId }, orderBy: { createdAt: 'desc' } });
    expect(reminder).toMatchObject({ kind: 'follow_up', status: 'pending', dueAt: due, assigneeId: ids.rep1, dealId: deal.id });
    expect(await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ stage: deal.stage });
    expect(await counts(app.db)).toEqual({ ...before, reminders: before.reminders + 1, auditLogs: before.auditLogs + 1 });
  });

  it('reads a date-only reminder as 09:00 local', async () => {
    only(await app.say('rep1', '提醒我周五跟进顺丰速运'));
    const sf = await customer('顺丰速运');
    const reminder = await app.db.reminder.findFirstOrThrow({ where: { customerId: sf.id }, orderBy: { createdAt: 'desc' } });
    expect(reminder.dueAt).toEqual(localAt(nextWeekday(5), 9));
  });

  it('sets a reminder in English', async () => {
    const reply = only(await app.say('rep2', 'remind me to call Globex Ltd tomorrow at 3pm'));
    expect(reply.text).toMatch(/^OK, I'll remind you to follow up with Globex Ltd on \w{3} \w{3} \d+, 15:00$/);
    const globex = await customer('Globex Ltd');
    const reminder = await app.db.reminder.findFirstOrThrow({ where: { customerId: globex.id }, orderBy: { createdAt: 'desc' } });
    expect(reminder).toMatchObject({ dueAt: localAt(1, 15), assigneeId: ids.rep2, dealId: null, status: 'pending' });
  });
});

describe('record_callback', () => {
  it('records category and satisfaction (Chinese, customer care)', async () => {
    const reply = only(await app.say('care', '回访了比亚迪，客户非常满意，打5分'));
    expect(reply.text).toBe('已记录回访 · 比亚迪');
    expect(fieldValue(reply, '满意度')).toBe('★★★★★ 5/5');
    const row = await app.db.callback.findFirstOrThrow({ where: { customerId: (await customer('比亚迪')).id }, orderBy: { createdAt: 'desc' } });
    expect(row).toMatchObject({ category: 'satisfaction', satisfaction: 5, userId: ids.care });
    expect(row.summary).toContain('非常满意');
  });

  it('a score out of ten (双十一的活动效果很好 9分) is kept, halved to the 1–5 scale, not dropped', async () => {
    const reply = only(await app.say('care', '回访了招商银行 双十一的活动效果很好 9分'));
    expect(reply.text).toBe('已记录回访 · 招商银行');
    expect(fieldValue(reply, '满意度')).toBe('★★★★★ 5/5');
    const row = await app.db.callback.findFirstOrThrow({ where: { customerId: (await customer('招商银行')).id }, orderBy: { createdAt: 'desc' } });
    expect(row).toMatchObject({ category: 'marketing', satisfaction: 5 });
  });

  it('records a renewal callback in English', async () => {
    const reply = only(await app.say('care', 'renewal callback with Acme Corp, customer satisfied, score 4'));
    expect(reply.text).toBe('Recorded the callback with Acme Corp');
    const row = await app.db.callback.findFirstOrThrow({ where: { customerId: (await customer('Acme Corp')).id }, orderBy: { createdAt: 'desc' } });
    expect(row).toMatchObject({ category: 'renewal', satisfaction: 4, userId: ids.care });
  });

  it('a scored callback said with 今天 or a round name is done: recorded, no reminder set (#11, blind batch 13)', async () => {
    const byd = await customer('比亚迪');
    const reminders = () => app.db.reminder.count({ where: { customerId: byd.id, status: 'pending', kind: { in: ['follow_up', 'callback'] } } });
    const before = await reminders();
    expect(only(await app.say('care', '今天回访比亚迪 客户投诉上门太慢 打了2分')).text).toBe('已记录回访 · 比亚迪，已通知客户负责人和主管'); // a low score alerts them
    expect(only(await app.say('care', '季度末满意度回访：比亚迪 4分')).text).toContain('比亚迪');
    const rows = await app.db.callback.findMany({ where: { customerId: byd.id }, orderBy: { createdAt: 'desc' }, take: 2 });
    expect(rows.map((r) => [r.category, r.satisfaction])).toEqual([['satisfaction', 4], ['satisfaction', 2]]);
    expect(await reminders()).toBe(before);
  });

  it('does not create a customer it cannot find', async () => {
    const before = await counts(app.db);
    expect(only(await app.say('care', '回访了宇宙飞船科技，客户满意')).text).toContain('没有找到客户');
    expect(await counts(app.db)).toEqual(before);
  });
});

/** The funnel's total line computed from the rows: "count · amount · 加权 weighted". */
async function pipelineTotal(ownerIds: string[], locale: 'zh' | 'en') {
  const deals = await app.db.deal.findMany({ where: { tenantId: 'demo', ownerId: { in: ownerIds }, stage: { in: [...OPEN] } } });
  const amount = deals.reduce((s, d) => s + (d.amount?.toNumber() ?? 0), 0);
  const weighted = deals.reduce((s, d) => s + ((d.amount?.toNumber() ?? 0) * PROBABILITY[d.stage as keyof typeof PROBABILITY]) / 100, 0);
  const word = locale === 'zh' ? '加权' : 'weighted';
  return `${deals.length} · ${formatAmount(amount, locale)} · ${word} ${formatAmount(weighted, locale)}`;
}

describe('query_pipeline', () => {
  it('sums the rep\'s own open deals (Chinese)', async () => {
    const before = await counts(app.db);
    const reply = only(await app.say('rep1', '我的销售漏斗'));
    expect(reply.text).toBe('我的销售漏斗');
    expect(fieldValue(reply, '合计')).toBe(await pipelineTotal([ids.rep1], 'zh'));
    const negotiation = await app.db.deal.count({ where: { tenantId: 'demo', ownerId: ids.rep1, stage: 'negotiation' } });
    expect(fieldValue(reply, '商务谈判')).toMatch(new RegExp(`^${negotiation} · `));
    expect(await counts(app.db)).toEqual(before);
  });

  it('answers in English', async () => {
    const reply = only(await app.say('rep2', 'my pipeline'));
    expect(reply.text).toBe('My pipeline');
    expect(fieldValue(reply, 'Total')).toBe(await pipelineTotal([ids.rep2], 'en'));
  });
});

describe('an activity with no way of contact said', () => {
  it('news heard from the customer is a note (跟进), not a visit; the history says so; a visit said stays a visit', async () => {
    const saic = await customer('上海汽车集团股份有限公司');
    const heard = only(await app.say('rep1', '上汽那边说预算批下来了，让我们准备合同'));
    expect(heard.text).toBe('已记录跟进 · 上海汽车集团股份有限公司');
    const note = await app.db.activity.findFirstOrThrow({ where: { customerId: saic.id }, orderBy: { createdAt: 'desc' } });
    expect([note.channel, note.summary]).toEqual(['note', '上汽那边说预算批下来了，让我们准备合同']);
    const history = only(await app.say('rep1', '上汽最近怎么样'));
    expect(fieldValue(history, '最近跟进')).toContain('跟进: 上汽那边说预算批下来了');

    const visited = only(await app.say('rep1', '下午去了趟上汽，聊了售后系统'));
    expect(visited.text).toBe('已记录拜访 · 上海汽车集团股份有限公司');
    const visit = await app.db.activity.findFirstOrThrow({ where: { customerId: saic.id }, orderBy: { createdAt: 'desc' } });
    expect(visit.channel).toBe('visit');
  });

  it('deal news with no field to put it in (上汽预算批下来了) is kept as a note, with how to change the deal; "update the deal" alone asks', async () => {
    const saic = await customer('上海汽车集团股份有限公司');
    const dealsBefore = await app.db.deal.findMany({ where: { customerId: saic.id }, orderBy: { id: 'asc' } });
    const reply = only(await app.say('rep1', '上汽预算批下来了'));
    expect(reply.text).toBe('已记录跟进 · 上海汽车集团股份有限公司\n要更新商机，可以说：「上海汽车集团股份有限公司 金额调整为50万」或「上海汽车集团股份有限公司 进入商务谈判」');
    const note = await app.db.activity.findFirstOrThrow({ where: { customerId: saic.id }, orderBy: { createdAt: 'desc' } });
    expect([note.channel, note.summary]).toEqual(['note', '上汽预算批下来了']);
    expect(await app.db.deal.findMany({ where: { customerId: saic.id }, orderBy: { id: 'asc' } })).toEqual(dealsBefore);

    const activities = await app.db.activity.count({ where: { tenantId: 'demo' } });
    const ask = only(await app.say('rep2', 'update the Acme Corp deal'));
    expect(ask.text).toBe('What changed for Acme Corp? e.g. "Acme Corp amount 500k" or "Acme Corp moved to negotiation"');
    expect(await app.db.activity.count({ where: { tenantId: 'demo' } })).toBe(activities);
  });

  it('in English: "Bob at Globex Ltd said…" with no deal fact is a note', async () => {
    const reply = only(await app.say('rep2', 'Bob at Globex Ltd said their CFO is back from holiday'));
    expect(reply.text).toBe('Logged Note with Globex Ltd');
    const row = await app.db.activity.findFirstOrThrow({ where: { customerId: (await customer('Globex Ltd')).id }, orderBy: { createdAt: 'desc' } });
    expect([row.channel, row.summary]).toEqual(['note', 'Bob at Globex Ltd said their CFO is back from holiday']);
  });
});

describe('query_customer', () => {
  it('shows owner, deals, contacts and recent activity (Chinese)', async () => {
    const reply = only(await app.say('rep1', '华为云现在什么进展'));
    expect(reply.text).toBe('华为云 的情况');
    expect(fieldValue(reply, '负责人')).toBe('张伟');
    expect(fieldValue(reply, '商机')).toContain('商务谈判 80万');
    expect(fieldValue(reply, '联系人')).toContain('赵经理 解决方案经理');
    expect(fieldValue(reply, '最近跟进')).toContain('拜访');
  });

  it('answers in English', async () => {
    const reply = only(await app.say('rep2', 'status of Acme Corp'));
    expect(reply.text).toBe('Status of Acme Corp');
    expect(fieldValue(reply, 'Owner')).toBe('李娜');
    expect(fieldValue(reply, 'Contacts')).toContain('John Smith IT Director');
  });
});

describe('query_kpi', () => {
  /** Won amount this month and the monthly target, straight from the rows. */
  async function monthFigures(ownerId: string) {
    const { start, end } = thisMonth();
    const won = await app.db.deal.findMany({ where: { tenantId: 'demo', ownerId, stage: 'won', closedAt: { gte: start, lt: end } } });
    const sum = won.reduce((s, d) => s + d.amount!.toNumber(), 0);
    // The month's key on the Shanghai calendar: its start is the evening before in UTC, which on
    // 1 January is still last year.
    const local = new Date(start.getTime() + 8 * 3_600_000);
    const period = `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
    const target = (await app.db.target.findFirstOrThrow({ where: { tenantId: 'demo', userId: ownerId, period } })).amount.toNumber();
    return { sum, count: won.length, target };
  }

  it('compares won amount with the target (Chinese)', async () => {
    const { sum, count, target } = await monthFigures(ids.rep1);
    expect(target).toBe(2_000_000);
    const reply = only(await app.say('rep1', '我这个月业绩'));
    expect(reply.text).toBe('我的本月业绩');
    expect(fieldValue(reply, '赢单金额')).toBe(`${formatAmount(sum, 'zh')} (${count})`);
    expect(fieldValue(reply, '目标')).toBe('200万');
    expect(fieldValue(reply, '完成率')).toBe(formatPercent(sum / target));
  });

  it('answers in English', async () => {
    const { sum, count, target } = await monthFigures(ids.rep2);
    const reply = only(await app.say('rep2', 'how is my month'));
    expect(reply.text).toBe('My KPI this month');
    expect(fieldValue(reply, 'Won')).toBe(`${formatAmount(sum, 'en')} (${count})`);
    expect(fieldValue(reply, 'Target')).toBe(formatAmount(target, 'en'));
  });
  it('sums a quarter\'s monthly targets', async () => {
    const { start, end, months } = thisQuarter();
    const won = await app.db.deal.findMany({ where: { tenantId: 'demo', ownerId: ids.rep1, stage: 'won', closedAt: { gte: start, lt: end } } });
    const sum = won.reduce((s, d) => s + d.amount!.toNumber(), 0);
    const targets = await app.db.target.findMany({ where: { tenantId: 'demo', userId: ids.rep1, period: { in: months } } });
    const target = targets.reduce((s, t) => s + t.amount.toNumber(), 0);
    expect(targets.length).toBeGreaterThanOrEqual(1);
    const reply = only(await app.say('rep1', '我这个季度的业绩'));
    expect(reply.text).toBe('我的本季度业绩');
    expect(fieldValue(reply, '赢单金额')).toBe(`${formatAmount(sum, 'zh')} (${won.length})`);
    expect(fieldValue(reply, '目标')).toBe(formatAmount(target, 'zh'));
  });
});

describe('query_tasks', () => {
  it('lists what is due by tonight, overdue first (Chinese)', async () => {
    const due = await app.db.reminder.findMany({
      where: { tenantId: 'demo', assigneeId: ids.rep1, status: { in: ['pending', 'sent'] }, dueAt: { lt: startOfDay(1) } },
    });
    const overdue = due.filter((r) => r.dueAt < new Date()).length;
    expect(overdue).toBeGreaterThanOrEqual(2);
    const reply = only(await app.say('rep1', '今天要跟进哪些客户'));
    expect(reply.text).toBe('今天待办');
    const labels = reply.card!.fields!.map((f) => f.label);
    expect(labels).toHaveLength(due.length);
    expect(labels.slice(0, overdue).every((l) => l.startsWith('⚠ 已逾期'))).toBe(true);
    expect(labels.slice(overdue).some((l) => l.includes('已逾期'))).toBe(false);
    const values = reply.card!.fields!.map((f) => f.value).join('\n');
    expect(values).toContain('比亚迪');
    expect(values).toContain('招商银行');
  });

  it('lists the week\'s follow-ups up to Sunday night', async () => {
    const endOfWeek = startOfDay(8 - today().weekday);
    const due = await app.db.reminder.count({
      where: { tenantId: 'demo', assigneeId: ids.rep1, status: { in: ['pending', 'sent'] }, dueAt: { lt: endOfWeek } },
    });
    const reply = only(await app.say('rep1', '本周要跟进哪些客户'));
    expect(reply.text).toBe('本周待办');
    expect(reply.card!.fields).toHaveLength(Math.min(due, 20));
  });

  it('answers in English', async () => {
    const reply = only(await app.say('rep2', 'my tasks today'));
    expect(reply.text).toBe('To do today');
    expect(reply.card!.fields![0]!.label).toMatch(/^⚠ overdue · /);
  });
});

describe('help and unknown', () => {
  it('helps in both languages with shortcut buttons, writing nothing', async () => {
    const before = await counts(app.db);
    const zh = only(await app.say('rep1', '帮助'));
    expect(zh.text).toMatch(/^salesbot 可以帮你记客户、跟进和商机\n直接说就行/);
    expect(zh.card!.buttons!.map((b) => b.action.intent)).toEqual(['query_pipeline', 'query_tasks', 'query_kpi']);
    expect(only(await app.say('rep1', 'help')).text).toMatch(/^salesbot keeps your CRM while you chat\nJust say it/);
    expect(await counts(app.db)).toEqual(before);
  });

  // Found by a tester using the web chat: help was the same for everyone, with nothing on callbacks or the team.
  it('help shows care the callbacks and a manager the team; a rep neither', async () => {
    expect(only(await app.say('care', '帮助')).text).toContain('回访列表');
    expect(only(await app.say('manager', '帮助')).text).toContain('提醒张伟明天下午跟进美团');
    const rep = only(await app.say('rep1', '帮助')).text;
    expect(rep).toContain('联系人说错了');
    expect(rep).not.toContain('回访列表');
    expect(rep).not.toContain('经理还可以');
  });

  it('says it did not understand, writing nothing', async () => {
    const before = await counts(app.db);
    // A greeting gets the welcome since #13 (tests/chat/native-answers.test.ts).
    expect(only(await app.say('rep1', '哈哈哈')).text).toMatch(/^我没太明白/);
    expect(only(await app.say('rep1', 'lorem ipsum')).text).toMatch(/^Sorry, I didn't get that/);
    expect(await counts(app.db)).toEqual(before);
  });
});

describe('card buttons', () => {
  it('a help shortcut and a card\'s View customer button answer like the typed question', async () => {
    const help = await app.say('rep1', '帮助');
    const pipeline = only(await app.click('rep1', button(help, '我的漏斗')));
    expect(pipeline.text).toBe('我的销售漏斗');
    expect(fieldValue(pipeline, '合计')).toBe(await pipelineTotal([ids.rep1], 'zh'));
    const logged = await app.say('rep1', '今天拜访了上汽的周总');
    const view = only(await app.click('rep1', button(logged, '查看客户')));
    expect(view.text).toBe('上海汽车集团股份有限公司 的情况');
    expect(fieldValue(view, '最近跟进')).toContain('今天拜访了上汽的周总');
  });
});

describe('slash commands', () => {
  it('/客户 shows a customer', async () => {
    const reply = only(await app.say('rep1', '/客户 华为云'));
    expect(reply.text).toBe('华为云 的情况');
    expect(fieldValue(reply, '负责人')).toBe('张伟');
  });

  it('/漏斗 and /pipeline show the funnel', async () => {
    const zh = only(await app.say('rep1', '/漏斗'));
    expect(zh.text).toBe('我的销售漏斗');
    expect(fieldValue(zh, '合计')).toBe(await pipelineTotal([ids.rep1], 'zh'));
    const en = only(await app.say('rep1', '/pipeline'));
    expect(en.text).toBe('My pipeline');
    expect(fieldValue(en, 'Total')).toBe(await pipelineTotal([ids.rep1], 'en'));
  });

  it('/help helps', async () => {
    expect(only(await app.say('rep1', '/help')).text).toMatch(/^salesbot keeps your CRM/);
  });

  it('/撤销 undoes the last change', async () => {
    only(await app.say('rep1', '新客户：小米科技'));
    expect(await app.db.customer.count({ where: { tenantId: 'demo', name: '小米科技' } })).toBe(1);
    expect(only(await app.say('rep1', '/撤销')).text).toBe('已撤销：已新建客户 小米科技');
    expect(await app.db.customer.count({ where: { tenantId: 'demo', name: '小米科技' } })).toBe(0);
  });
});
