// Who sees what: a rep their own customers and deals, a manager the team's, customer care all.
// A rep asking about a colleague's customer is told it has an owner (their team, issue #14's
// 查重 message, with the request buttons), and nothing is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatAmount, formatPercent } from '../../src/i18n/index.js';
import { testApp } from '../support/app.js';
import { counts, fieldValue, only, thisMonth } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
const OPEN = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
const PROBABILITY = { lead: 10, qualified: 30, proposal: 50, negotiation: 70 } as const;
const TAKEN = (name: string) => `「${name}」已有负责人（华东销售一组），不能重复创建；可以申请协作或转给我`;
/** Named in any message but a new customer: the rep cannot see or change it. */
const THEIRS = (name: string) => `「${name}」是别人负责的客户（华东销售一组），你看不到也改不了它的记录；可以申请协作或转给我`;
const REQUEST_BUTTONS = ['申请转给我', '申请协作', '取消'];

let app: App;
let ids: Record<'rep1' | 'rep2' | 'manager', string>;
beforeAll(async () => {
  app = await testApp();
  ids = { rep1: await app.userId('rep1'), rep2: await app.userId('rep2'), manager: await app.userId('manager') };
});

const customer = (name: string) => app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });

/** "count · amount · 加权 weighted" over the open deals of these owners. */
async function funnelTotal(ownerIds: string[]) {
  const deals = await app.db.deal.findMany({ where: { tenantId: 'demo', ownerId: { in: ownerIds }, stage: { in: [...OPEN] } } });
  const amount = deals.reduce((s, d) => s + d.amount!.toNumber(), 0);
  const weighted = deals.reduce((s, d) => s + (d.amount!.toNumber() * PROBABILITY[d.stage as keyof typeof PROBABILITY]) / 100, 0);
  return `${deals.length} · ${formatAmount(amount, 'zh')} · 加权 ${formatAmount(weighted, 'zh')}`;
}

describe('a rep and a colleague\'s customer', () => {
  it.each([
    ['asking about it', '华为云现在什么进展', '华为云', '张伟'],
    ['logging a visit', '今天拜访了美团的孙经理，意向金额50万', '美团', '张伟'],
    ['changing the deal', '比亚迪签了！合同金额1亿', '比亚迪', '张伟'],
    ['adding a contact', '添加联系人 美团 王伟 采购总监 13800138000', '美团', '张伟'],
    ['setting a reminder', '提醒我明天上午10点给招商银行打电话', '招商银行', '张伟'],
    ['an ambiguous name, all the colleague\'s', '华为现在什么进展', '华为', '张伟'],
  ])('%s: told it has an owner, nothing private, nothing written', async (_name, text, name, owner) => {
    const before = await counts(app.db);
    const reply = only(await app.say('rep2', text));
    if (name === '华为') expect(reply.card?.title).toMatch(/^「华为.+」是别人负责的客户（华东销售一组）/);
    else expect(reply.card?.title).toBe(THEIRS(name));
    expect(reply.text).not.toContain(owner);
    expect(reply.card?.fields).toBeUndefined();
    expect(reply.card?.buttons?.map((b) => b.label)).toEqual(REQUEST_BUTTONS);
    expect(await counts(app.db)).toEqual(before);
  });

  it('works the other way round too (English)', async () => {
    const before = await counts(app.db);
    expect(only(await app.say('rep1', 'status of Acme Corp')).card?.title)
      .toBe('"Acme Corp" is someone else\'s customer (华东销售一组): you cannot see or change its records; you can ask to collaborate or for a transfer to you');
    expect(await counts(app.db)).toEqual(before);
  });

  it('refuses a button carrying the colleague\'s customer or deal id, writing nothing', async () => {
    const meituan = await customer('美团');
    const deal = await app.db.deal.findFirstOrThrow({ where: { customerId: meituan.id, stage: { in: [...OPEN] } } });
    const own = await customer('Acme Corp');
    const before = await counts(app.db);
    for (const action of [
      { intent: 'query_customer', args: { customerId: meituan.id } },
      { intent: 'log_activity', args: { customerId: meituan.id, summary: '拜访' } },
      { intent: 'update_deal', args: { customerId: meituan.id, amount: 1 } },
      { intent: 'update_deal', args: { customerId: own.id, dealId: deal.id, amount: 1 } },
    ]) {
      expect(only(await app.click('rep2', action)).text, JSON.stringify(action)).toBe('你没有权限做这个操作。');
    }
    expect(await counts(app.db)).toEqual(before);
    expect(await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).toEqual(deal);
  });

  it('does not duplicate the colleague\'s customer and offers no way into it', async () => {
    const before = await counts(app.db);
    const reply = only(await app.say('rep2', '新客户：美团'));
    expect(reply.card?.title).toBe(TAKEN('美团'));
    expect(reply.card?.buttons?.map((b) => b.label)).toEqual(REQUEST_BUTTONS);
    expect(await counts(app.db)).toEqual(before);
  });

  it('does not let the colleague\'s customers leak into a question\'s options', async () => {
    const reply = only(await app.say('rep2', '今天拜访了华为云计算公司的赵经理'));
    const labels = (reply.card?.buttons ?? []).map((b) => b.label).join(' ');
    expect(reply.text).not.toContain('华为技术');
    expect(labels).not.toMatch(/华为技术|华为云$/);
    await app.say('rep2', '取消');
  });
});

describe('pipelines and KPI by role', () => {
  it('a rep\'s pipeline has only their own deals', async () => {
    const reply = only(await app.say('rep1', '我的销售漏斗'));
    const own = await funnelTotal([ids.rep1]);
    expect(fieldValue(reply, '合计')).toBe(own);
    expect(own).not.toBe(await funnelTotal([ids.rep1, ids.rep2]));
  });

  it('a rep asking for the team gets their own numbers with a note', async () => {
    const reply = only(await app.say('rep2', '团队的销售漏斗'));
    expect(reply.text).toBe('团队数据只有经理能看，下面是你自己的。\n我的销售漏斗');
    expect(fieldValue(reply, '合计')).toBe(await funnelTotal([ids.rep2]));
    const kpi = only(await app.say('rep2', '团队本月业绩'));
    expect(kpi.text).toBe('团队数据只有经理能看，下面是你自己的。\n我的本月业绩');
    expect(fieldValue(kpi, '目标')).toBe('150万');
  });

  it('the manager\'s team pipeline has both reps\' deals', async () => {
    const reply = only(await app.say('manager', '团队的销售漏斗'));
    expect(reply.text).toBe('团队销售漏斗');
    expect(fieldValue(reply, '合计')).toBe(await funnelTotal([ids.rep1, ids.rep2, ids.manager]));
  });

  it('the manager\'s team KPI sums both reps against the team target', async () => {
    const { start, end } = thisMonth();
    const won = await app.db.deal.findMany({
      where: { tenantId: 'demo', ownerId: { in: [ids.rep1, ids.rep2, ids.manager] }, stage: 'won', closedAt: { gte: start, lt: end } },
    });
    expect(new Set(won.map((d) => d.ownerId))).toEqual(new Set([ids.rep1, ids.rep2]));
    const sum = won.reduce((s, d) => s + d.amount!.toNumber(), 0);
    const reply = only(await app.say('manager', '团队本月业绩'));
    expect(reply.text).toBe('团队本月业绩');
    expect(fieldValue(reply, '赢单金额')).toBe(`${formatAmount(sum, 'zh')} (${won.length})`);
    expect(fieldValue(reply, '目标')).toBe('350万');
    expect(fieldValue(reply, '完成率')).toBe(formatPercent(sum / 3_500_000));
  });

  it('the manager sees and changes a rep\'s customer, and the stage change records the manager', async () => {
    expect(fieldValue(only(await app.say('manager', 'status of Acme Corp')), 'Owner')).toBe('李娜');
    const deal = await app.db.deal.findFirstOrThrow({ where: { customerId: (await customer('隆基绿能')).id, stage: 'lead' } });
    expect(only(await app.say('manager', 'LONGi moved to proposal, amount 2M')).text).toBe('Updated the deal with 隆基绿能');
    expect(await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ stage: 'proposal', ownerId: ids.rep2 });
    expect(await app.db.stageChange.count({ where: { dealId: deal.id, from: 'lead', to: 'proposal', actorId: ids.manager } })).toBe(1);
  });

  it('customer care sees every customer', async () => {
    expect(fieldValue(only(await app.say('care', '华为云现在什么进展')), '负责人')).toBe('张伟');
    expect(fieldValue(only(await app.say('care', 'status of Acme Corp')), 'Owner')).toBe('李娜');
  });
});
