// Issue #15, the forecast: next month on the seeded org, every open deal's expected close cleared
// first so the figures are the ones made here, then checked against a hand computation.
// A rep marks a deal as commit by chat ("美团这单有把握"); 撤销 takes the mark back.
import { beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';
import { fieldValue, only, today } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
let rep1: string;
let rep2: string;
const { y, m } = today();
// Next month, as a calendar date on its 15th, and the month after it.
const next = new Date(Date.UTC(y, m + 1, 15));
const afterNext = new Date(Date.UTC(y, m + 2, 15));
const nextKey = `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;

const customer = (name: string) => app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });
const openDeal = async (name: string) => app.db.deal.findFirstOrThrow({ where: { customerId: (await customer(name)).id, stage: { in: ['lead', 'qualified', 'proposal', 'negotiation'] } } });

beforeAll(async () => {
  app = await testApp();
  [rep1, rep2] = await Promise.all([app.userId('rep1'), app.userId('rep2')]);
  await app.db.deal.updateMany({ where: { tenantId: 'demo' }, data: { expectedClose: null, commit: false } });
  const meituan = await openDeal('美团');
  await app.db.deal.update({ where: { id: meituan.id }, data: { stage: 'negotiation', amount: 1_000_000, expectedClose: next } });
  const yonghui = await openDeal('永辉超市');
  await app.db.deal.update({ where: { id: yonghui.id }, data: { stage: 'negotiation', amount: 600_000, expectedClose: next, commit: true } });
  const team = await app.db.team.findFirstOrThrow({ where: { tenantId: 'demo' } });
  await app.db.target.create({ data: { tenantId: 'demo', teamId: team.id, period: nextKey, amount: 5_000_000 } });
});

async function addDeal(ownerId: string, name: string, stage: 'lead' | 'qualified' | 'proposal' | 'lost', amount: number, expectedClose: Date) {
  const c = await customer(name);
  await app.db.deal.create({ data: { tenantId: 'demo', customerId: c.id, ownerId, title: `预测测试 ${stage}`, stage, amount, expectedClose } });
}

describe('commit by chat', () => {
  it('美团这单有把握: the open deal is marked commit; 撤销 takes it back; said again it holds', async () => {
    const deal = await openDeal('美团');
    // The period it counts in is its expected close's, said with the date (it said 计入本期 of a deal closing next month).
    const close = (await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).expectedClose!;
    const marked = only(await app.say('rep1', '美团这单有把握')).text;
    expect(marked).toMatch(/^已标记有把握：美团 · 美团商户SaaS采购，计入预计签约当期（.+）的承诺。$/);
    expect(marked).toContain(`${close.getUTCMonth() + 1}月${close.getUTCDate()}日`);
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).commit).toBe(true);
    only(await app.say('rep1', '撤销'));
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).commit).toBe(false);
    only(await app.say('rep1', 'commit Meituan'));
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).commit).toBe(true);
  });
});

describe('the deal card\'s commit button', () => {
  it('永辉超市进展 shows 取消把握 on its committed deal; the click takes it out of commit, and the answer offers it back', async () => {
    const deal = await openDeal('永辉超市');
    const card = await app.say('rep2', '永辉超市现在什么进展');
    only(card);
    const taken = only(await app.click('rep2', button(card, '取消把握')));
    expect(taken.text).toBe('已取消把握标记：永辉超市 · 永辉门店收银升级。');
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).commit).toBe(false);
    const again = only(await app.click('rep2', button({ status: 200, replies: [taken] }, '有把握（计入承诺）')));
    expect(again.text).toMatch(/^已标记有把握：永辉超市 · 永辉门店收银升级，计入预计签约当期（.+）的承诺。$/);
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).commit).toBe(true);
  });
});

describe('next month\'s forecast against a hand computation', () => {
  it('the team: weighted pipeline, commit, target and gap', async () => {
    await addDeal(rep1, '美团', 'proposal', 400_000, next);
    await addDeal(rep1, '美团', 'lead', 500_000, next);
    await addDeal(rep1, '美团', 'qualified', 300_000, afterNext); // closes the month after: not counted
    await addDeal(rep2, '永辉超市', 'lost', 900_000, next); // lost: not counted

    // Open deals expected to close next month, amount × stage probability:
    //   美团 negotiation 100万 × 70% = 70万 (commit)
    //   美团 proposal     40万 × 50% = 20万
    //   美团 lead         50万 × 10% =  5万
    //   永辉 negotiation  60万 × 70% = 42万 (commit)
    // weighted = 70 + 20 + 5 + 42 = 137万 of 250万 open; commit = 100 + 60 = 160万 (2 deals);
    // nothing won yet next month; target 500万 → gap = 500 − 0 − 160 = 340万.
    const reply = only(await app.say('manager', '下个月预测'));
    expect(reply.card!.title).toBe('团队下个月预测');
    expect(fieldValue(reply, '已赢单')).toBe('¥0');
    expect(fieldValue(reply, '承诺（2单）')).toBe('160万');
    expect(fieldValue(reply, '加权管道（4单')).toBe('137万 / 250万');
    expect(fieldValue(reply, '预计完成')).toBe('137万');
    expect(fieldValue(reply, '目标')).toBe('500万');
    expect(fieldValue(reply, '缺口')).toBe('340万');
  });

  it('one rep: their own deals only (张伟: weighted 95万 of 190万, commit 100万, no target)', async () => {
    const reply = only(await app.say('rep1', '下个月预测'));
    expect(reply.card!.title).toBe('我的下个月预测');
    expect(fieldValue(reply, '承诺（1单）')).toBe('100万');
    expect(fieldValue(reply, '加权管道（3单')).toBe('95万 / 190万');
    expect(fieldValue(reply, '目标')).toBe('未设目标');
  });
});
