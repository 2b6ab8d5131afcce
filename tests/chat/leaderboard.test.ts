// Issue #15, managers drill down: the leaderboard card (won, 回款, attainment, activities, new
// customers) with ties explained, ranked from the bottom when asked (谁的跟进最少), attainment on
// the tenant's basis (/设置 考核 回款), and role scoping (a rep cannot ask about another rep).
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { fieldValue, only, thisMonth, today } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
let rep1: string;
let rep2: string;
const { y } = today();
// Last year: nothing seeded there, so the figures are the ones made here.
const lastYear = (month: number, day: number) => new Date(Date.UTC(y - 1, month - 1, day, 4));

beforeAll(async () => {
  app = await testApp();
  [rep1, rep2] = await Promise.all([app.userId('rep1'), app.userId('rep2')]);
});

async function wonDeal(ownerId: string, customer: string, amount: number, closedAt: Date) {
  const c = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: customer } });
  return app.db.deal.create({ data: { tenantId: 'demo', customerId: c.id, ownerId, title: `排名测试 ${customer}`, amount, stage: 'won', probability: 100, closedAt } });
}
const pay = (deal: { id: string; customerId: string; ownerId: string }, amount: number, receivedAt: Date) =>
  app.db.payment.create({ data: { tenantId: 'demo', dealId: deal.id, customerId: deal.customerId, userId: deal.ownerId, amount, receivedAt } });

describe('the leaderboard card', () => {
  it('ties: the same won amount is the same rank, and 回款 orders the tied (said on the card)', async () => {
    await wonDeal(rep1, '美团', 500_000, lastYear(6, 10));
    const d2 = await wonDeal(rep2, '永辉超市', 500_000, lastYear(6, 12));
    await pay(d2, 100_000, lastYear(7, 1));
    const reply = only(await app.say('manager', '去年每个人的业绩排名'));
    expect(reply.card!.title).toBe('去年业绩排名');
    const labels = reply.card!.fields!.map((f) => f.label);
    // Both at 50万 → rank 1; 李娜 first (回款 10万 against 0); 王强 (0) third, not second.
    expect(labels.slice(0, 3)).toEqual(['1. 李娜', '1. 张伟', '3. 王强']);
    const newCustomers = await app.db.customer.count({ where: { tenantId: 'demo', ownerId: rep2, importedAt: null, createdAt: { gte: new Date(Date.UTC(y - 1, 0, 1) - 8 * 3_600_000), lt: new Date(Date.UTC(y, 0, 1) - 8 * 3_600_000) } } });
    expect(fieldValue(reply, '1. 李娜')).toBe(`业绩 50万 (1) · 回款 10万 · 完成率 — · 跟进次数 0 · 新客户 ${newCustomers} · 完成的提醒 0`);
    expect(fieldValue(reply, '并列')).toBe('李娜、张伟 同为 50万，并列第1，按回款排先后');
  });

  it('this month: attainment against each rep\'s target, on won amount', async () => {
    const reply = only(await app.say('manager', '每个人的业绩排名'));
    const { start, end } = thisMonth();
    const won = (await app.db.deal.aggregate({ where: { ownerId: rep1, stage: 'won', closedAt: { gte: start, lt: end } }, _sum: { amount: true } }))._sum.amount?.toNumber() ?? 0;
    const target = await app.db.target.findFirstOrThrow({ where: { tenantId: 'demo', userId: rep1, period: `${y}-${String(today().m + 1).padStart(2, '0')}` } });
    const row = reply.card!.fields!.find((f) => f.label.endsWith('张伟'))!;
    expect(row.value).toContain(`完成率 ${Math.round((won / target.amount.toNumber()) * 1000) / 10}%`);
  });

  it('谁的跟进最少: the fewest activities first', async () => {
    const reply = only(await app.say('manager', '这个月谁的跟进最少'));
    const counts = reply.card!.fields!.filter((f) => /^\d+\./.test(f.label)).map((f) => Number(/跟进次数 (\d+)/.exec(f.value)![1]));
    expect(counts.length).toBe(3);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('/设置 考核 回款 (admin): attainment counts money collected; a manager may not change it', async () => {
    expect(only(await app.say('manager', '/设置 考核 回款')).text).toBe('只有管理员可以修改完成率口径。');
    expect(only(await app.say('admin', '/设置 考核 回款')).text).toBe('完成率改为按回款计算。');
    const month = `${y}-${String(today().m + 1).padStart(2, '0')}`;
    const deal = await app.db.deal.findFirstOrThrow({ where: { tenantId: 'demo', ownerId: rep1, stage: 'won' } });
    await pay(deal, 400_000, new Date(`${month}-01T00:00:00Z`));
    const target = (await app.db.target.findFirstOrThrow({ where: { tenantId: 'demo', userId: rep1, period: month } })).amount.toNumber();
    const reply = only(await app.say('manager', '每个人的业绩排名'));
    const row = reply.card!.fields!.find((f) => f.label.endsWith('张伟'))!;
    expect(row.value).toContain('回款 40万');
    expect(row.value).toContain(`完成率 ${Math.round((400_000 / target) * 1000) / 10}%`);
    const kpi = only(await app.say('rep1', '本月业绩'));
    expect(fieldValue(kpi, '完成率（按回款）')).toBe(`${Math.round((400_000 / target) * 1000) / 10}%`);
    expect(only(await app.say('admin', '/设置 考核 赢单')).text).toBe('完成率改为按赢单计算。');
  });
});

describe('drill-down is scoped by role', () => {
  it('the manager sees 张伟\'s funnel and 李娜\'s month', async () => {
    expect(only(await app.say('manager', '张伟的漏斗')).text).toBe('张伟的销售漏斗');
    expect(only(await app.say('manager', '李娜这个月业绩')).text).toBe('李娜的本月业绩');
  });

  it('a rep asking about another rep is refused, and shown nothing of theirs', async () => {
    const refusal = '抱歉，李娜的数据只有其经理和管理员能看。可以问你自己的，例如「我的业绩」「我的漏斗」。';
    for (const text of ['李娜这个月业绩', '李娜的漏斗', '李娜这个月预测']) {
      const reply = only(await app.say('rep1', text));
      expect(reply.text, text).toBe(refusal);
      expect(reply.card, text).toBeUndefined();
    }
  });

  it('a rep asking for the leaderboard gets their own numbers and why', async () => {
    expect(only(await app.say('rep2', '每个人的业绩排名')).text).toBe('排名只有经理和管理员能看，下面是你自己的业绩。\n我的本月业绩');
  });
});
