// Issue #11, found by using the web chat: the customer card shows an overdue follow-up as the next
// one (said overdue) and says when it lists only part of the contacts; "下个月预计能签哪些单" lists
// the open deals expected to close then; a manager with no deals of their own gets the team's.
import { beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';
import { customerNamed, fieldValue, monthEndDate, only } from './support.js';

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
