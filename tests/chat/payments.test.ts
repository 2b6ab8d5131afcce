// Issue #15, contracts and 回款: payment plans said in chat (ratios, amounts, a win that names
// its instalments), shown before they are saved; payments matched to the plan (partial, named,
// over the plan, another currency), undone by 撤销; the three questions with their figures; and
// what a rep may see. Typed into the web chat, read back from Postgres. The demo seed's 上汽
// contract (200万: 签约 30% paid, 上线 40% due 8 days ago, 验收 30% due in 45 days) is the start.
import { beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';
import { only, today } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const customer = (name: string) => app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });
const deal = (title: string) => app.db.deal.findFirstOrThrow({ where: { tenantId: 'demo', title } });
const plan = async (title: string) => app.db.instalment.findMany({ where: { dealId: (await deal(title)).id }, orderBy: { seq: 'asc' } });
const amounts = async (title: string) => (await plan(title)).map((i) => [i.label, i.amount.toNumber(), i.paidAmount.toNumber()]);
const payments = async (title: string) => app.db.payment.findMany({ where: { dealId: (await deal(title)).id }, orderBy: { createdAt: 'asc' } });
const money = () => Promise.all([app.db.instalment.count(), app.db.payment.count(), app.db.auditLog.count()]);
/** The local date `days` from today, YYYY-MM-DD. */
const dayFromToday = (days: number) => {
  const { y, m, d } = today();
  return new Date(Date.UTC(y, m, d + days)).toISOString().slice(0, 10);
};

describe('the seeded contract', () => {
  it('哪些款逾期了: a manager sees the team\'s with their owner, a rep only their own', async () => {
    expect(only(await app.say('manager', '哪些款逾期了')).text)
      .toBe('逾期回款（1 笔）\n• 上海汽车集团股份有限公司 · 上线: 差 80万 · 逾期 8 天 · 张伟');
    expect(only(await app.say('rep1', '哪些款逾期了')).text).toBe('逾期回款（1 笔）\n• 上海汽车集团股份有限公司 · 上线: 差 80万 · 逾期 8 天');
    expect(only(await app.say('rep2', '哪些款逾期了')).text).toBe('没有逾期的回款。');
    expect(only(await app.say('manager', 'which payments are overdue')).text.split('\n')[0]).toBe('Overdue payments (1)');
  });

  it('上汽还有多少没回: each open instalment with its due date', async () => {
    const lines = only(await app.say('rep1', '上汽还有多少没回')).text.split('\n');
    expect(lines[0]).toBe('待回款 · 上海汽车集团股份有限公司：140万');
    expect(lines.slice(1).map((l) => l.replace(/ · \S+到期$/, ''))).toEqual([
      '• 上海汽车集团股份有限公司 · 上线: 还差 80万', '• 上海汽车集团股份有限公司 · 验收: 还差 60万',
    ]);
    // Another rep's customer is not shown, only named as someone else's.
    expect(only(await app.say('rep2', '上汽还有多少没回')).text).not.toContain('140万');
  });
});

describe('a payment plan by chat', () => {
  it('by ratios: previewed without writing, saved on confirmation', async () => {
    const before = await money();
    const asked = await app.say('rep1', '比亚迪合同80万，分三期：签约30%，上线40%，验收30%');
    const preview = only(asked);
    expect(preview.text.split('\n')[0]).toBe('回款计划 · 比亚迪 · 合同80万');
    expect(preview.text).toContain('1. 签约: 24万 · 30% · 未定日期');
    expect(preview.text).toContain('2. 上线: 32万 · 40%');
    expect(await money()).toEqual(before);

    const saved = only(await app.click('rep1', button(asked, '保存回款计划')));
    expect(saved.text.split('\n')[0]).toBe('已保存回款计划 · 比亚迪（3 期）');
    expect(await amounts('比亚迪经销商管理系统')).toEqual([['签约', 240_000, 0], ['上线', 320_000, 0], ['验收', 240_000, 0]]);
    expect((await deal('比亚迪经销商管理系统')).contractAmount?.toNumber()).toBe(800_000);
    // The open 比亚迪 deal was left alone.
    expect(await plan('比亚迪电池产线数据采集平台')).toEqual([]);
  });

  it('撤销 takes a saved plan back; a deal that has a plan keeps it', async () => {
    expect(only(await app.say('rep1', '撤销')).text).toContain('已撤销');
    expect(await plan('比亚迪经销商管理系统')).toEqual([]);
    expect((await deal('比亚迪经销商管理系统')).contractAmount).toBeNull();
    const before = await money();
    const kept = only(await app.say('rep1', '上汽合同200万，分两期：签约50%，验收50%'));
    expect(kept.text).toBe('上海汽车集团股份有限公司 的这个商机已经有回款计划（3 期），没有改。说「上海汽车集团股份有限公司还有多少没回」可以查看。');
    expect(await money()).toEqual(before);
  });

  it('shares that do not make 100% are asked again and nothing is written', async () => {
    const before = await money();
    const reply = only(await app.say('rep2', '隆基绿能合同90万，分三期：签约30%，上线40%，验收20%'));
    expect(reply.text).toContain('加起来是 90%，不是 100%');
    expect(reply.card?.buttons ?? []).toEqual([]);
    expect(await money()).toEqual(before);
  });

  it('by amounts, with a due date said', async () => {
    const asked = await app.say('rep2', '隆基绿能合同90万：首付30万下个月15号前，尾款60万验收后');
    expect(only(asked).text).toContain('回款计划 · 隆基绿能 · 合同90万');
    only(await app.say('rep2', '是'));
    const rows = await plan('隆基能耗监测一期');
    expect(rows.map((i) => [i.label, i.amount.toNumber()])).toEqual([['首付', 300_000], ['尾款验收后', 600_000]]);
    const { y, m } = today();
    expect(rows[0]!.dueDate?.toISOString().slice(0, 10)).toBe(new Date(Date.UTC(y, m + 1, 15)).toISOString().slice(0, 10));
    expect(rows[1]!.dueDate).toBeNull();
  });

  it('in English, of the deal amount when no contract is said', async () => {
    const asked = await app.say('rep2', 'payment plan for Acme: 50% on signing, 50% in 60 days');
    expect(only(asked).text.split('\n').slice(0, 3)).toEqual([
      'Payment plan · Acme Corp · contract ¥120k', '1. on signing: ¥60k · 50% · no date', expect.stringMatching(/^2\. Instalment 2: ¥60k · 50% · /),
    ]);
    only(await app.click('rep2', button(asked, 'Save the plan')));
    const rows = await plan('Acme 年度维保');
    expect(rows.map((i) => [i.label, i.amount.toNumber(), i.dueDate?.toISOString().slice(0, 10) ?? null]))
      .toEqual([['on signing', 60_000, null], ['Instalment 2', 60_000, dayFromToday(60)]]);
  });

  it('a win that names its instalments lands, and its plan is asked, not dropped', async () => {
    const meituan = await app.db.deal.findFirstOrThrow({ where: { customerId: (await customer('美团')).id, stage: 'qualified' } });
    const asked = await app.say('rep1', '美团签了 合同80万 首付款下个月15号前 尾款验收后');
    const reply = only(asked);
    expect(reply.text.split('\n').slice(0, 2)).toEqual(['已更新商机 · 美团', '回款计划 · 美团 · 合同80万']);
    expect(reply.text).toContain('平分剩余金额');
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: meituan.id } })).stage).toBe('won');
    expect(await app.db.instalment.count({ where: { dealId: meituan.id } })).toBe(0);
    only(await app.click('rep1', button(asked, '保存回款计划')));
    expect(await amounts(meituan.title)).toEqual([['首付款', 400_000, 0], ['尾款验收后', 400_000, 0]]);
  });
});

describe('payments', () => {
  it('a partial payment goes to the earliest open instalment and leaves the rest open', async () => {
    const reply = only(await app.say('rep1', '上汽回款36万'));
    expect(reply.text.split('\n')[0]).toBe('已记录回款 · 上海汽车集团股份有限公司 36万');
    expect(reply.text).toContain('2. 上线: 收 36万，还差 44万');
    expect(reply.text).toContain('计划内未回: 104万');
    expect(await amounts('上汽经销商培训平台')).toEqual([['签约', 600_000, 600_000], ['上线', 800_000, 360_000], ['验收', 600_000, 0]]);
    const last = (await payments('上汽经销商培训平台')).at(-1)!;
    expect(last).toMatchObject({ currency: 'CNY', receivedAt: new Date(`${dayFromToday(0)}T00:00:00Z`) });
  });

  it('撤销 takes the payment back with what it paid', async () => {
    const before = (await payments('上汽经销商培训平台')).length;
    expect(only(await app.say('rep1', '撤销')).text).toContain('已撤销');
    expect((await payments('上汽经销商培训平台')).length).toBe(before - 1);
    expect(await amounts('上汽经销商培训平台')).toEqual([['签约', 600_000, 600_000], ['上线', 800_000, 0], ['验收', 600_000, 0]]);
  });

  it('the instalment named is paid first; yesterday is the day it arrived', async () => {
    const reply = only(await app.say('rep1', '昨天收到上汽尾款20万'));
    expect(reply.text).toContain('3. 验收: 收 20万，还差 40万');
    expect((await payments('上汽经销商培训平台')).at(-1)!.receivedAt).toEqual(new Date(`${dayFromToday(-1)}T00:00:00Z`));
  });

  it('an over-payment is recorded and said', async () => {
    const reply = only(await app.say('rep1', '上汽回款150万'));
    expect(reply.text).toContain('2. 上线: 收 80万，已收齐');
    expect(reply.text).toContain('3. 验收: 收 40万，已收齐');
    expect(reply.text).toContain('超出计划 30万');
    const rows = await payments('上汽经销商培训平台');
    expect(rows.slice(-3).map((p) => p.amount.toNumber())).toEqual([800_000, 400_000, 300_000]);
    expect(rows.at(-1)!.instalmentId).toBeNull();
  });

  it('another currency is stored as written, not converted nor matched', async () => {
    const reply = only(await app.say('rep2', 'Acme paid $20k today'));
    expect(reply.text).toContain('This payment is in USD and the contract in CNY: recorded as is, not converted');
    const p = (await payments('Acme 年度维保')).at(-1)!;
    expect([p.amount.toNumber(), p.currency, p.instalmentId]).toEqual([20_000, 'USD', null]);
    expect(await amounts('Acme 年度维保')).toEqual([['on signing', 60_000, 0], ['Instalment 2', 60_000, 0]]);
    only(await app.say('rep2', 'Acme paid 20k today'));
    expect(await amounts('Acme 年度维保')).toEqual([['on signing', 60_000, 20_000], ['Instalment 2', 60_000, 0]]);
  });

  it('several deals with money still open: asks which, then records on the one picked', async () => {
    const longi = await customer('隆基绿能');
    const second = await app.db.deal.create({ data: {
      tenantId: 'demo', customerId: longi.id, ownerId: longi.ownerId, title: '隆基储能二期', amount: 500_000, stage: 'won', probability: 100, closedAt: new Date(),
    } });
    await app.db.instalment.create({ data: { tenantId: 'demo', dealId: second.id, seq: 1, label: '首付', amount: 500_000 } });
    const before = await money();
    const asked = await app.say('rep2', '隆基回款10万');
    expect(only(asked).text).toMatch(/^隆基绿能 有多个商机，是哪一个？\n1\. 隆基储能二期 · 赢单 · 50万\n2\. 隆基能耗监测一期 · 赢单 · 90万/);
    expect(await money()).toEqual(before);
    const done = only(await app.click('rep2', button(asked, '隆基储能二期')));
    expect(done.text).toContain('1. 首付: 收 10万，还差 40万');
    expect((await plan('隆基储能二期'))[0]!.paidAmount.toNumber()).toBe(100_000);
  });

  it('money said to come later is not recorded, and the reply says so', async () => {
    const before = await money();
    const reply = only(await app.say('rep1', '招行说下周回款50万'));
    expect(reply.text).toMatch(/^招商银行 的 50万 还没到账（说的是.+），没有记录回款。/);
    expect(await money()).toEqual(before);
  });

  it('a win said with money still to come lands as a win; the promised day is said, no payment written', async () => {
    const before = await money();
    const open = await app.db.deal.findFirstOrThrow({ where: { customerId: (await customer('顺丰速运')).id, stage: 'qualified' } });
    const reply = only(await app.say('rep1', '顺丰的合同今天签下来了 九十五万 回款下个月底前到'));
    expect(reply.text.split('\n')[0]).toBe('已更新商机 · 顺丰速运');
    const won = await app.db.deal.findUniqueOrThrow({ where: { id: open.id } });
    expect([won.stage, won.amount?.toNumber()]).toEqual(['won', 950_000]);
    const { y, m } = today();
    const endOfNext = new Date(Date.UTC(y, m + 2, 0));
    expect(reply.text).toContain(`${endOfNext.getUTCMonth() + 1}月${endOfNext.getUTCDate()}日`);
    const [instalments, paid] = await money();
    expect([instalments, paid]).toEqual(before.slice(0, 2));
  });

  it('a payment without an amount asks for it and writes nothing', async () => {
    const before = await money();
    const reply = only(await app.click('rep1', { intent: 'record_payment', args: { customer: '招商银行' } }));
    expect(reply.text).toBe('收到多少？请带上金额，例如「招行回款36万」。');
    expect(await money()).toEqual(before);
  });
});

describe('questions about 回款', () => {
  it('本月回款多少: a rep their own, per currency', async () => {
    const reply = only(await app.say('rep2', '本月回款多少'));
    expect(reply.text.split('\n')[0]).toBe('我的本月回款: 12万 + $2万');
  });

  it('a manager the team', async () => {
    const reply = only(await app.say('manager', '本月回款多少'));
    // rep1: 20万 + 150万 on 上汽 (the undone 36万 is gone); rep2: 2万 + 10万 and $2万.
    // Yesterday's 20万 is last month's on the 1st.
    const yesterday = today().d > 1 ? 20 : 0;
    expect(reply.text.split('\n')[0]).toBe(`团队本月回款: ${162 + yesterday}万 + $2万`);
    expect(reply.text).toContain(`• 上海汽车集团股份有限公司: ${150 + yesterday}万`);
  });

  it('哪些款逾期了 and 还有多少没回, scoped to what the asker sees', async () => {
    const overdue = only(await app.say('manager', '哪些款逾期了'));
    // 上汽 is paid up now; nothing else is due yet.
    expect(overdue.text).toBe('没有逾期的回款。');
    const left = only(await app.say('rep1', '美团还有多少没回'));
    expect(left.text.split('\n')[0]).toBe('待回款 · 美团：80万');
    const refused = only(await app.say('rep2', '美团还有多少没回'));
    expect(refused.text).not.toContain('80万');
    const mine = only(await app.say('rep2', '还有多少没回'));
    expect(mine.text.split('\n')[0]).toBe('待回款：140万');
    expect(mine.text).not.toContain('美团');
  });
});
