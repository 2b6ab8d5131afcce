// Issue #11, found by using the web chat like a rep (and blind batches 53–54): a follow-up corrected
// right after it was set moves instead of doubling, a vague plan with a customer is asked about,
// and a terse callback scored by a lone digit lands with its score.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { customerNamed, localAt, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const pendingFollowUps = async (customer: string) => {
  const { id } = await customerNamed(app.db, customer);
  return app.db.reminder.findMany({ where: { customerId: id, kind: 'follow_up', status: 'pending' }, orderBy: { dueAt: 'asc' } });
};

describe('a follow-up corrected right after it was set', () => {
  it('"不是后天 是大后天上午10点" moves the one just set: one reminder, at the corrected time', async () => {
    const before = (await pendingFollowUps('美团')).length;
    const set = only(await app.say('rep1', '提醒我后天上午10点给美团打电话'));
    expect(set.text).toContain('美团');
    const moved = only(await app.say('rep1', '不是后天 是大后天上午10点'));
    expect(moved.text).toMatch(/美团 的跟进已改到/);
    const after = await pendingFollowUps('美团');
    expect(after).toHaveLength(before + 1);
    expect(after.some((r) => r.dueAt.getTime() === localAt(3, 10).getTime())).toBe(true);
    expect(after.some((r) => r.dueAt.getTime() === localAt(2, 10).getTime())).toBe(false);
  });

  it('"顺丰改成大后天上午9点再跟进" with the customer named moves its open follow-up too', async () => {
    only(await app.say('rep1', '提醒我明天下午3点跟进顺丰'));
    const before = (await pendingFollowUps('顺丰速运')).length;
    const moved = only(await app.say('rep1', '顺丰改成大后天上午9点再跟进'));
    expect(moved.text).toMatch(/跟进已改到/);
    const after = await pendingFollowUps('顺丰速运');
    expect(after).toHaveLength(before);
    expect(after.some((r) => r.dueAt.getTime() === localAt(3, 9).getTime())).toBe(true);
    expect(after.some((r) => r.dueAt.getTime() === localAt(1, 15).getTime())).toBe(false);
  });
});

describe('a vague plan said after the customer', () => {
  it('"比亚迪 节后再联系" asks when, with buttons, and sets nothing until answered', async () => {
    const before = (await pendingFollowUps('比亚迪')).length;
    const asked = only(await app.say('rep1', '比亚迪 节后再联系'));
    expect(asked.card?.buttons?.length ?? 0).toBeGreaterThan(1);
    expect((await pendingFollowUps('比亚迪')).length).toBe(before);
  });
});

describe('a terse callback command', () => {
  it('"/callback 招行 3" records a satisfaction callback scored 3', async () => {
    const { id } = await customerNamed(app.db, '招商银行');
    const before = await app.db.callback.count({ where: { customerId: id, satisfaction: 3 } });
    only(await app.say('care', '/callback 招行 3'));
    expect(await app.db.callback.count({ where: { customerId: id, satisfaction: 3, category: 'satisfaction' } })).toBe(before + 1);
  });
});

describe('a callback that names who took it', () => {
  it('"回访了招商银行 对接人周经理 … 打个八分吧" records the callback scored 4, not just a contact', async () => {
    const { id } = await customerNamed(app.db, '招商银行');
    const before = await app.db.callback.count({ where: { customerId: id, satisfaction: 4 } });
    const reply = only(await app.say('care', '回访了招商银行 对接人周经理 对系统整体还算满意 打个八分吧 就是希望报表导出快一点'));
    expect(reply.text).toMatch(/^已记录回访 · 招商银行/);
    expect(await app.db.callback.count({ where: { customerId: id, satisfaction: 4 } })).toBe(before + 1);
  });
});

describe('a manager asking who is behind', () => {
  it('"谁有逾期没跟进的客户" lists the team\'s overdue follow-ups with whose they are', async () => {
    const { id } = await customerNamed(app.db, '美团');
    const rep = await app.db.user.findFirstOrThrow({ where: { tenantId: 'demo', name: '张伟' } });
    await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', dueAt: localAt(-2, 10), assigneeId: rep.id, customerId: id, note: '逾期的跟进' } });
    const reply = only(await app.say('manager', '谁有逾期没跟进的客户'));
    const lines = (reply.card?.fields ?? []).map((f) => `${f.label} ${f.value}`);
    expect(lines.some((l) => l.includes('张伟') && l.includes('美团'))).toBe(true);
  });
});

describe('a stage that would move a deal backwards, said of a new project', () => {
  it('"不是 这是个新的项目" answers the question with a second deal, and the first keeps its stage', async () => {
    const { id } = await customerNamed(app.db, '比亚迪');
    const open = await app.db.deal.findMany({ where: { customerId: id, stage: { notIn: ['won', 'lost'] } } });
    await app.db.deal.updateMany({ where: { id: { in: open.map((d) => d.id) } }, data: { stage: 'negotiation' } });
    const before = await app.db.deal.count({ where: { customerId: id } });
    const asked = only(await app.say('rep1', '比亚迪 电池产线MES 三百八十万 现在到方案阶段了'));
    expect(asked.text).toContain('这是个新商机');
    const done = only(await app.say('rep1', '不是 这是个新的项目'));
    expect(done.text).toMatch(/比亚迪/);
    const deals = await app.db.deal.findMany({ where: { customerId: id }, orderBy: { createdAt: 'asc' } });
    expect(deals).toHaveLength(before + 1);
    expect(deals.at(-1)!.stage).toBe('proposal');
    expect(deals.at(-1)!.amount?.toNumber()).toBe(3_800_000);
    const first = await app.db.deal.findMany({ where: { id: { in: open.map((d) => d.id) } } });
    expect(first.map((d) => d.stage)).toEqual(open.map(() => 'negotiation'));
  });
});

describe('a complaint said in feelings, not a score', () => {
  it('"美团投诉 … 刘经理很不高兴" scores 1 and alerts the owner, like any low score', async () => {
    const { id } = await customerNamed(app.db, '美团');
    const alerts = () => app.db.reminder.count({ where: { customerId: id, kind: 'low_score_alert' } });
    const before = await alerts();
    const reply = only(await app.say('care', '美团投诉 说系统老卡 刘经理很不高兴 说再不解决就要找我们领导'));
    expect(reply.text).toContain('已通知客户负责人和主管');
    expect(await app.db.callback.count({ where: { customerId: id, satisfaction: 1 } })).toBeGreaterThan(0);
    expect(await alerts()).toBeGreaterThan(before);
  });
});
