// Issue #11, category 4: the bot remembers what its last reply waits for — a time after
// "什么时候提醒你？", how a done follow-up went after "结果如何？", the query a "比亚迪呢" /
// "李娜呢" repeats — in the clarification record in Redis, with the same expiry.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { counts, only, today } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
let rep1: string;
beforeAll(async () => {
  app = await testApp();
  rep1 = await app.userId('rep1');
});

const customer = (name: string) => app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });
const pendingKey = (userId: string) => `${app.prefix}:pending:demo:${userId}`;
/** What rep1's stored question offers and waits for. */
async function waiting() {
  const raw = await app.redis.get(pendingKey(rep1));
  const q = raw ? JSON.parse(raw) as { options: unknown[]; awaits?: { kind: string } } : undefined;
  return q && { options: q.options.length, awaits: q.awaits?.kind };
}

/** 1月4日 09:00 Shanghai: this year's unless it has passed. */
function jan4() {
  const { y, m, d } = today();
  const year = m === 0 && d < 4 ? y : y + 1;
  return new Date(Date.UTC(year, 0, 4, 9) - 8 * 3_600_000);
}

describe('a time asked for', () => {
  it('"什么时候提醒你？" answered "1月4号上午" sets the reminder', async () => {
    const asked = only(await app.say('rep1', '提醒我跟进顺丰'));
    expect(asked.text).toBe('什么时候提醒你？例如：「提醒我明天上午10点给华为打电话」');
    const ttl = await app.redis.ttl(pendingKey(rep1));
    expect(ttl).toBeGreaterThan(800); // the clarifications' 15 minutes
    expect(ttl).toBeLessThanOrEqual(900);

    const set = only(await app.say('rep1', '1月4号上午'));
    expect(set.text).toMatch(/^好的，1月4日 周. 09:00 提醒你跟进 顺丰速运$/);
    const sf = await customer('顺丰速运');
    expect(await app.db.reminder.count({ where: { customerId: sf.id, assigneeId: rep1, dueAt: jan4(), status: 'pending' } })).toBe(1);
    expect(await waiting()).toEqual({ options: 0, awaits: 'amend' }); // answered: only a correction is still taken
  });

  it('the vague follow-up\'s buttons can be answered with a typed time too', async () => {
    const asked = only(await app.click('rep1', { intent: 'log_activity', args: { customer: '招商银行', channel: 'visit', follow_up_vague: '元旦后', summary: '拜访招行，元旦后再约' } }));
    expect(asked.text).toContain('你说「元旦后」，具体什么时候提醒你跟进？');
    expect(only(await app.say('rep1', '1月4号上午')).text).toMatch(/^好的，1月4日 周. 09:00 提醒你跟进 招商银行$/);
    const cmb = await customer('招商银行');
    expect(await app.db.reminder.count({ where: { customerId: cmb.id, assigneeId: rep1, dueAt: jan4(), status: 'pending' } })).toBe(1);
  });

  it('a new message instead of a time is handled as itself, and the question is dropped', async () => {
    only(await app.say('rep1', '提醒我跟进顺丰'));
    const before = await counts(app.db);
    expect(only(await app.say('rep1', '给美团打了电话，聊了聊新需求')).text).toBe('已记录电话 · 美团');
    expect(await counts(app.db)).toMatchObject({ reminders: before.reminders, activities: before.activities + 1 });
    expect(await waiting()).toEqual({ options: 0, awaits: 'amend' });
  });

  it('expired: a time typed later is not taken as an answer', async () => {
    only(await app.say('rep1', '提醒我跟进顺丰'));
    await app.redis.del(pendingKey(rep1)); // what the expiry does after 15 minutes
    const before = await counts(app.db);
    only(await app.say('rep1', '1月4号上午'));
    expect((await counts(app.db)).reminders).toBe(before.reminders);
  });
});

describe('after a reminder is done', () => {
  it('"结果如何？" — the next sentence is logged against that reminder\'s customer', async () => {
    const cmb = await customer('招商银行');
    const reminder = await app.db.reminder.create({
      data: { tenantId: 'demo', kind: 'follow_up', dueAt: new Date(), status: 'sent', assigneeId: rep1, customerId: cmb.id, note: '跟进招行方案' },
    });
    const done = only(await app.click('rep1', { intent: 'reminder_done', args: { reminderId: reminder.id } }));
    expect(done.text).toMatch(/^已完成 · 招商银行。结果如何？/);

    const logged = only(await app.say('rep1', '谈得不错，对方同意下周签约'));
    // No way of contact said: a note, not a visit the rep never mentioned.
    expect(logged.text).toBe('已记录跟进 · 招商银行');
    const activity = await app.db.activity.findFirstOrThrow({ where: { customerId: cmb.id, summary: '谈得不错，对方同意下周签约' } });
    expect(activity.channel).toBe('note');
    const deal = await app.db.deal.findUniqueOrThrow({ where: { id: activity.dealId! } });
    expect(deal.expectedClose).not.toBeNull();
  });

  it('a sentence naming another customer is about that one', async () => {
    const cmb = await customer('招商银行');
    const reminder = await app.db.reminder.create({
      data: { tenantId: 'demo', kind: 'follow_up', dueAt: new Date(), status: 'sent', assigneeId: rep1, customerId: cmb.id },
    });
    only(await app.click('rep1', { intent: 'reminder_done', args: { reminderId: reminder.id } }));
    expect(only(await app.say('rep1', '给美团打了电话，对方要报价')).text).toBe('已记录电话 · 美团');
  });
});

describe('"X呢" after a query', () => {
  it('"比亚迪呢" after a customer\'s status asks the same about 比亚迪', async () => {
    expect(only(await app.say('rep1', '美团现在什么进展')).text).toBe('美团 的情况');
    expect(only(await app.say('rep1', '那比亚迪呢？')).text).toBe('比亚迪 的情况');
  });

  it('"李娜呢" after the manager\'s KPI asks for 李娜\'s', async () => {
    expect(only(await app.say('manager', '我这个月业绩怎么样')).text).toBe('我的本月业绩');
    expect(only(await app.say('manager', '李娜呢')).text).toBe('李娜的本月业绩');
    expect(only(await app.say('manager', '张伟呢')).text).toBe('张伟的本月业绩');
  });

  it('"上个月呢" after 李娜\'s KPI is 李娜\'s last month, never a customer called 上个月', async () => {
    expect(only(await app.say('manager', '李娜的业绩')).text).toBe('李娜的本月业绩');
    expect(only(await app.say('manager', '上个月呢')).text).toBe('李娜的上个月业绩');
    expect(only(await app.say('manager', '张伟呢')).text).toBe('张伟的上个月业绩');
  });

  it('a rep asking "李娜呢" after their own KPI is politely refused', async () => {
    only(await app.say('rep1', '我这个月业绩怎么样'));
    expect(only(await app.say('rep1', '李娜呢')).text).toBe('抱歉，李娜的数据只有其经理和管理员能看。可以问你自己的，例如「我的业绩」「我的漏斗」。');
  });
});

describe('a correction without a customer', () => {
  it('right after a card, "金额说错了 是35万" corrects that customer\'s deal — no new deal, no question', async () => {
    const bee = await customer('杭州小蜜蜂电子商务有限公司');
    expect(only(await app.say('rep1', '小蜜蜂林总微信说预算30万 下周三再聊')).text).toBe('已记录微信 · 杭州小蜜蜂电子商务有限公司');
    const deals = await app.db.deal.count({ where: { customerId: bee.id } });
    const fixed = only(await app.say('rep1', '刚才金额说错了 是35万'));
    expect(fixed.text).toBe('已更新商机 · 杭州小蜜蜂电子商务有限公司');
    expect(await app.db.deal.count({ where: { customerId: bee.id } })).toBe(deals);
    const amounts = (await app.db.deal.findMany({ where: { customerId: bee.id, stage: { notIn: ['won', 'lost'] } } })).map((d) => Number(d.amount));
    expect(amounts).toEqual([350000]);
  });

  it('without a card before it, the same sentence still asks which customer', async () => {
    await app.redis.del(pendingKey(rep1));
    expect(only(await app.say('rep1', '刚才金额说错了 是35万')).text).not.toMatch(/^已更新/);
  });

  it('typed while a question waits, it changes the question\'s answers, and the answer carries it', async () => {
    const asked = only(await app.say('rep1', '给华为打了个电话 赵经理说预算改到80万'));
    expect(asked.text).toMatch(/^「华为」匹配到多个客户，是哪一个？/);
    const before = await counts(app.db);
    expect(only(await app.say('rep1', '对了刚才那个金额不是80万是85万')).text)
      .toBe('好的，已改为：金额 85万。上面的问题还在等你回答：回复编号或点按钮。');
    expect(await counts(app.db)).toEqual(before); // nothing written until it is answered
    const cloud = asked.card!.buttons!.findIndex((b) => b.label === '华为云');
    expect(only(await app.say('rep1', String(cloud + 1))).text).toBe('已记录电话 · 华为云');
    const deal = await app.db.deal.findFirstOrThrow({ where: { customerId: (await customer('华为云')).id, stage: { notIn: ['won', 'lost'] } } });
    expect(Number(deal.amount)).toBe(850000);
  });
});
