// Issue #11, found by using the web chat: the customer card shows an overdue follow-up as the next
// one (said overdue) and says when it lists only part of the contacts; "下个月预计能签哪些单" lists
// the open deals expected to close then; a manager with no deals of their own gets the team's;
// a lost deal's pending follow-ups stop, said so, and undo brings them back; a call made settles
// the follow-ups that were due by then, not later ones; a complaint's deadline is a task; a quote
// received is no money received.
import { beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';
import { customerNamed, fieldValue, localAt, monthEndDate, only, today } from './support.js';
import { endOfLocalDay } from '../../src/time.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

describe('the customer card', () => {
  it('shows an overdue follow-up as the next one, marked 已逾期', async () => {
    only(await app.say('rep1', '提醒我明天下午3点跟进美团'));
    const { id } = await customerNamed(app.db, '美团');
    // The reminder went out and nobody acted on it: it is overdue, not gone.
    await app.db.reminder.updateMany({ where: { customerId: id, kind: 'follow_up' }, data: { status: 'sent', dueAt: new Date(Date.now() - 86_400_000) } });
    const card = only(await app.say('rep1', '美团现在什么情况'));
    expect(fieldValue(card, '下次跟进')).toContain('已逾期');
  });

  it('lists 8 contacts, says how many more there are, and a tap shows them all', async () => {
    only(await app.say('rep1', '新客户 云杉九联科技 制造业 B类'));
    const { id, tenantId } = await customerNamed(app.db, '云杉九联科技');
    const names = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九', '陈十'];
    for (const name of names) await app.db.contact.create({ data: { tenantId, customerId: id, name } });
    const answer = await app.say('rep1', '云杉九联科技现在什么情况');
    const contacts = fieldValue(only(answer), '联系人');
    expect(contacts).toContain('另有 2 位');
    expect(contacts).not.toContain('陈十');
    const all = only(await app.click('rep1', button(answer, '全部联系人')));
    expect(JSON.stringify(all)).toContain('陈十');
    expect(JSON.stringify(all)).toContain('赵一');
  });
});

describe('deals expected to close in a period', () => {
  it('"下个月预计能签哪些单" lists the deal given a close date next month, with its stage', async () => {
    only(await app.say('rep1', '比亚迪那单预计下个月底签'));
    const deal = await app.db.deal.findFirstOrThrow({ where: { customerId: (await customerNamed(app.db, '比亚迪')).id }, orderBy: { updatedAt: 'desc' } });
    expect(deal.expectedClose?.toISOString().slice(0, 10)).toBe(monthEndDate(1));
    const list = only(await app.say('rep1', '下个月预计能签哪些单'));
    expect(list.text).toContain('下个月预计签约的商机');
    expect(list.text).toMatch(/比亚迪 · [^\n]*(?:线索|需求确认|方案报价|商务谈判)/);
    // Nothing of this month's: the deal moved to next month is not listed for this month.
    const thisMonth = only(await app.say('rep1', '这个月预计能签哪些单'));
    expect(thisMonth.text).not.toMatch(/^比亚迪 ·/m);
  });

  it('a manager with no deals of their own gets the team\'s, said so, with whose each is', async () => {
    const list = only(await app.say('manager', '下个月预计能签哪些单'));
    expect(list.text).toContain('你名下没有预计下个月签约的商机，下面是团队的');
    expect(list.text).toContain('团队下个月预计签约的商机');
    expect(list.text).toMatch(/比亚迪 · [^\n]*张伟/);
    const funnel = only(await app.say('manager', '我的漏斗'));
    expect(funnel.text).toContain('你名下没有进行中的商机，下面是团队的');
    expect(funnel.card?.fields?.length ?? 0).toBeGreaterThan(1);
  });
});

describe('a lost deal', () => {
  const followUps = async (status: 'pending' | 'cancelled') => {
    const { id } = await customerNamed(app.db, '顺丰速运');
    return app.db.reminder.count({ where: { customerId: id, kind: 'follow_up', status } });
  };

  it('"顺丰那单丢了" cancels its pending follow-ups, says how many, and undo restores them', async () => {
    only(await app.say('rep1', '提醒我后天上午10点跟进顺丰'));
    const pending = await followUps('pending');
    expect(pending).toBeGreaterThan(0);
    const lost = await app.say('rep1', '顺丰那单丢了 原因是价格太高');
    expect(only(lost).text).toContain(`已取消 ${pending} 个待跟进提醒`);
    expect(await followUps('pending')).toBe(0);
    only(await app.click('rep1', button(lost, '撤销')));
    expect(await followUps('pending')).toBe(pending);
  });

  it('a follow-up said with the loss is kept: "丢了 明年3月再联系" leaves that one pending', async () => {
    const said = only(await app.say('rep2', '京东物流那单丢了 选了别家 明年3月1号再联系'));
    expect(said.text).toMatch(/已取消 \d+ 个待跟进提醒/);
    const { id } = await customerNamed(app.db, '京东物流');
    const kept = await app.db.reminder.findMany({ where: { customerId: id, kind: 'follow_up', status: 'pending' } });
    expect(kept).toHaveLength(1);
    expect(kept.map((r) => r.dueAt.getTime())).toContain(new Date(`${today().y + 1}-03-01T01:00:00Z`).getTime());
  });
});

describe('a call or visit made', () => {
  it('settles the follow-ups with that customer due by today, not a later one; undo reopens them', async () => {
    const { id } = await customerNamed(app.db, '华为云');
    only(await app.say('rep1', '提醒我明天下午3点跟进华为云'));
    await app.db.reminder.updateMany({ where: { customerId: id, kind: 'follow_up' }, data: { status: 'sent', dueAt: new Date(Date.now() - 3_600_000) } });
    only(await app.say('rep1', '提醒我大后天上午10点跟进华为云'));
    const overdue = await app.db.reminder.count({ where: { customerId: id, kind: 'follow_up', status: 'sent' } });
    expect(overdue).toBeGreaterThan(0);
    const call = await app.say('rep1', '刚给华为云打了个电话 聊了续费的事');
    expect(fieldValue(only(call), '已完成的提醒')).toBe(`之前到期的 ${overdue} 个跟进提醒已标记完成`);
    expect(await app.db.reminder.count({ where: { customerId: id, kind: 'follow_up', status: 'sent' } })).toBe(0);
    expect(await app.db.reminder.count({ where: { customerId: id, kind: 'follow_up', status: 'pending', dueAt: { gt: new Date() } } })).toBeGreaterThan(0);
    only(await app.click('rep1', button(call, '撤销')));
    expect(await app.db.reminder.count({ where: { customerId: id, kind: 'follow_up', status: 'sent' } })).toBe(overdue);
  });

  it('news heard without a contact made ("华为云那边说…") settles nothing', async () => {
    const { id } = await customerNamed(app.db, '华为云');
    const before = await app.db.reminder.count({ where: { customerId: id, kind: 'follow_up', status: 'sent' } });
    only(await app.say('rep1', '华为云那边说预算批下来了'));
    expect(await app.db.reminder.count({ where: { customerId: id, kind: 'follow_up', status: 'sent' } })).toBe(before);
  });
});

describe('found by a tester using the web chat', () => {
  it('"他说报价单收到了 那个260万的单子" logs the call, and records no payment', async () => {
    const { id } = await customerNamed(app.db, '华为云');
    const payments = await app.db.payment.count({ where: { tenantId: 'demo' } });
    const reply = only(await app.say('rep1', '刚给华为云的孙总打了个电话 他说报价单收到了 那个260万的单子 下周一给答复'));
    expect(reply.text).toContain('已记录');
    expect(reply.text).not.toContain('回款');
    expect(await app.db.payment.count({ where: { tenantId: 'demo' } })).toBe(payments);
    expect(await app.db.activity.count({ where: { customerId: id, channel: 'call', summary: { contains: '报价单收到了' } } })).toBe(1);
  });

  it('a complaint naming the contact and a deadline (明天上午必须回复他) is a callback with a task, not a new contact only', async () => {
    const { id } = await customerNamed(app.db, '上海汽车集团股份有限公司');
    const callbacks = await app.db.callback.count({ where: { customerId: id } });
    const reply = only(await app.say('care', '上汽投诉 说我们上周上线的版本把审批流程搞乱了 对接人是信息部的钱工 很急 明天上午必须回复他'));
    expect(reply.text).not.toMatch(/^已添加联系人/);
    expect(await app.db.callback.count({ where: { customerId: id } })).toBe(callbacks + 1);
    const task = await app.db.reminder.findFirst({ where: { customerId: id, kind: 'follow_up', status: 'pending' }, orderBy: { createdAt: 'desc' } });
    expect(task?.dueAt.getTime()).toBe(localAt(1, 9).getTime());
  });
});

describe('task lists', () => {
  it('a week with more follow-ups than the list shows says how many more, never cuts silently', async () => {
    const rep2 = await app.userId('rep2');
    const { id: customerId, tenantId } = await customerNamed(app.db, '隆基绿能');
    for (let i = 0; i < 25; i++) {
      // Overdue, so "today" lists them whatever the time of day the test runs.
      await app.db.reminder.create({ data: { tenantId, kind: 'follow_up', assigneeId: rep2, customerId, dueAt: new Date(Date.now() - (i + 1) * 60_000), note: `第${i}条` } });
    }
    const total = await app.db.reminder.count({ where: { assigneeId: rep2, kind: { in: ['follow_up', 'low_score_alert'] }, status: { in: ['pending', 'sent'] }, dueAt: { lt: endOfLocalDay(new Date(), 'Asia/Shanghai') } } });
    const list = only(await app.say('rep2', '今天要跟进谁'));
    expect(list.card?.fields?.filter((f) => f.label !== '…')).toHaveLength(20);
    expect(list.text).toContain(`另有 ${total - 20} 条没有列出`);
  });

  it('customer care\'s own "后天再打" is in their "后天要回访谁"', async () => {
    only(await app.say('care', '永辉超市回访 电话没人接 后天再打'));
    const list = only(await app.say('care', '后天要回访谁'));
    expect(JSON.stringify(list)).toContain('永辉超市');
  });
});

describe('a follow-up marked done by chat', () => {
  it('"阿里巴巴的提醒完成了" marks the one due done, leaves a later one, and undo reopens it', async () => {
    const { id } = await customerNamed(app.db, '阿里巴巴');
    // One due an hour ago (whatever the time of day), one three days ahead.
    await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', assigneeId: await app.userId('rep2'), customerId: id, dueAt: new Date(Date.now() - 3_600_000) } });
    only(await app.say('rep2', '提醒我大后天上午10点跟进阿里巴巴'));
    const open = () => app.db.reminder.count({ where: { customerId: id, kind: 'follow_up', status: { in: ['pending', 'sent'] } } });
    const before = await open();
    const done = await app.say('rep2', '阿里巴巴的提醒完成了');
    expect(only(done).text).toMatch(/^已完成 阿里巴巴 的/);
    expect(only(done).text).toContain('以后的跟进提醒照常');
    expect(await open()).toBeLessThan(before);
    expect(await app.db.reminder.count({ where: { customerId: id, kind: 'follow_up', status: 'pending', dueAt: { gt: new Date(Date.now() + 86_400_000) } } })).toBeGreaterThan(0);
    only(await app.click('rep2', button(done, '撤销')));
    expect(await open()).toBe(before);
  });

  it('with no open follow-up it says so and writes nothing', async () => {
    only(await app.say('rep1', '新客户 蓝鲸星云科技 制造业 C类'));
    const reply = only(await app.say('rep1', '蓝鲸星云科技的跟进做完了 标记完成'));
    expect(reply.text).toBe('蓝鲸星云科技 没有待完成的跟进提醒。');
  });
});

describe('a callback score corrected right after', () => {
  it('"不对 是3分" changes the score just recorded; undo puts it back', async () => {
    const { id } = await customerNamed(app.db, '中国平安保险（集团）股份有限公司');
    only(await app.say('care', '中国平安回访 满意度5分 非常满意'));
    const fixed = await app.say('care', '不对 是3分');
    expect(only(fixed).text).toContain('评分从 5 改为 3/5');
    const last = await app.db.callback.findFirstOrThrow({ where: { customerId: id }, orderBy: { createdAt: 'desc' } });
    expect(last.satisfaction).toBe(3);
    only(await app.click('care', button(fixed, '撤销')));
    expect((await app.db.callback.findUniqueOrThrow({ where: { id: last.id } })).satisfaction).toBe(5);
  });

  it('after a visit card, a score said is no callback correction', async () => {
    only(await app.say('rep1', '今天拜访了美团的李总 聊了新方案'));
    const reply = only(await app.say('rep1', '不对 是3分'));
    expect(reply.text).not.toContain('评分从');
  });
});

describe('callbacks reviewed', () => {
  it('"有没有客户投诉" lists the low scores and complaints of the week, with how many and the average', async () => {
    only(await app.say('care', '回访顺丰 客户投诉送货慢 很不满意 打了1分'));
    only(await app.say('care', '美团满意度回访 打了5分'));
    const reply = only(await app.say('manager', '这周有没有客户投诉'));
    expect(reply.text).toMatch(/回访 \d+ 次（\d+ 家客户），平均 [\d.]+ 分；低分或投诉 [1-9]\d* 条/);
    expect(JSON.stringify(reply.card?.fields)).toContain('顺丰速运');
    expect(JSON.stringify(reply.card?.fields)).toContain('1/5');
  });

  it('a rep sees only their own customers\' callbacks', async () => {
    const reply = only(await app.say('rep2', '这周有没有客户投诉'));
    expect(JSON.stringify(reply)).not.toContain('顺丰速运');
  });
});

