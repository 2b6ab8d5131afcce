// Issue #11, category 6: deals as people talk about them — a second deal beside the first, a
// stage moving backwards asked first, a won deal without an expected close, customer fields
// corrected by chat. Typed into the web chat, read back from the database; a few paths the
// parser does not produce on its own (a correction read as a deal update) are sent as parsed.
import { beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';
import { counts, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const customer = (name: string) => app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });
const deals = async (name: string) => app.db.deal.findMany({ where: { customerId: (await customer(name)).id }, orderBy: { createdAt: 'asc' } });

describe('a second deal', () => {
  it('"比亚迪又有个新商机" adds a deal and leaves the first one as it was', async () => {
    const before = await deals('比亚迪');
    const reply = only(await app.say('rep1', '比亚迪又有个新商机，储能项目，金额300万'));
    expect(reply.text).toBe(`已新增商机 · 比亚迪（第 ${before.length + 1} 个）`);
    const after = await deals('比亚迪');
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.at(-1)!;
    // Named as the rep said it (储能项目), so a later "哪个商机" lists it by that name.
    expect(added).toMatchObject({ title: '比亚迪 储能项目', stage: 'lead' });
    expect(added.amount?.toNumber()).toBe(3_000_000);
  });

  it('a later fact about 比亚迪 then asks which deal', async () => {
    const asked = only(await app.say('rep1', '比亚迪金额调整为150万'));
    expect(asked.text).toMatch(/^比亚迪 有多个进行中的商机，是哪一个？\n1\. /);
  });
});

describe('a stage moving backwards', () => {
  it('asks first and changes nothing until confirmed', async () => {
    const [deal] = (await deals('招商银行')).filter((d) => d.stage === 'proposal');
    const before = await counts(app.db);
    const asked = only(await app.say('rep1', '招商银行退回需求确认阶段'));
    expect(asked.text).toBe('招商银行 的商机现在是「方案报价」，要退回到「需求确认」吗？\n1. 退回到「需求确认」\n2. 这是个新商机\n3. 取消');
    expect(await counts(app.db)).toEqual(before);
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: deal!.id } })).stage).toBe('proposal');

    const done = only(await app.click('rep1', button({ status: 200, replies: [asked] }, '退回到')));
    expect(done.text).toBe('已更新商机 · 招商银行');
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: deal!.id } })).stage).toBe('qualified');
    expect(await app.db.stageChange.count({ where: { dealId: deal!.id, from: 'proposal', to: 'qualified' } })).toBe(1);
  });

  it('"是" confirms, "取消" leaves it', async () => {
    const [deal] = (await deals('永辉超市')).filter((d) => d.stage === 'negotiation');
    only(await app.say('rep2', '永辉超市退回方案阶段'));
    expect(only(await app.say('rep2', '取消')).text).toBe('好的，已取消，什么都没有改。');
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: deal!.id } })).stage).toBe('negotiation');
    only(await app.say('rep2', '永辉超市退回方案阶段'));
    expect(only(await app.say('rep2', '是')).text).toBe('已更新商机 · 永辉超市');
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: deal!.id } })).stage).toBe('proposal');
  });

  it('a forward move does not ask', async () => {
    expect(only(await app.say('rep1', '顺丰进入商务谈判阶段')).text).toBe('已更新商机 · 顺丰速运');
  });
});

describe('a won deal', () => {
  it('shows no expected close any more (typed)', async () => {
    const [deal] = (await deals('阿里巴巴')).filter((d) => d.stage === 'qualified');
    expect(deal!.expectedClose).not.toBeNull();
    const reply = only(await app.say('rep2', '阿里巴巴签了！'));
    expect(reply.text).toBe('已更新商机 · 阿里巴巴');
    const labels = reply.card!.fields!.map((f) => f.label);
    expect(labels).toContain('阶段');
    expect(labels).not.toContain('预计签约');
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: deal!.id } })).stage).toBe('won');
  });
});

describe('customer fields corrected by chat', () => {
  it('海康的行业改成安防 (typed): the industry changes, undo takes it back', async () => {
    expect(only(await app.say('rep1', '新客户：杭州海康威视，制造业，B类客户')).text).toBe('已新建客户 杭州海康威视');
    const reply = only(await app.say('rep1', '海康的行业改成安防'));
    expect(reply.text).toBe('已更新客户 杭州海康威视\n行业: 安防');
    expect(await customer('杭州海康威视')).toMatchObject({ industry: '安防', tier: 'B' });
    expect(only(await app.click('rep1', button({ status: 200, replies: [reply] }, '撤销'))).text).toMatch(/^已撤销/);
    expect((await customer('杭州海康威视')).industry).toBe('制造业');
  });

  it('a correction the parser reads as a deal update still lands on the customer', async () => {
    const reply = only(await app.click('rep1', { intent: 'update_deal', args: { customer: '美团', tier: 'A', summary: '美团改成A类客户' } }));
    expect(reply.text).toBe('已更新客户 美团\n等级: A');
    expect((await customer('美团')).tier).toBe('A');
  });

  it('nothing to change: says what to type', async () => {
    expect(only(await app.click('rep1', { intent: 'update_customer', args: { customer: '美团' } })).text)
      .toBe('要改 美团 的什么？例如「美团的行业改成安防」或「美团改成A类客户」。');
  });

  it('in English (typed)', async () => {
    const reply = only(await app.say('rep2', 'change Globex Ltd industry to retail'));
    expect(reply.text).toBe('Updated customer Globex Ltd\nIndustry: retail');
  });
});
