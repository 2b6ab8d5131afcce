// Issue #11, found by a blind batch: a new customer said with its short form in brackets or after
// 简称 ("渝新职业学院（渝新职院）") was created as "渝新职业学院（渝新职院" and the short form was lost,
// so the next report typed with the short form found no customer. The short form is now kept as an
// alias; a legal name holding its city in brackets (腾讯科技（深圳）有限公司) is one name.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const customers = (name: string) => app.db.customer.findMany({ where: { tenantId: 'demo', name: { contains: name } }, select: { id: true, name: true, aliases: true, tier: true } });

describe('short forms of a new customer', () => {
  it('"新客户 渝新职业学院（渝新职院）" keeps the short form, and a report typed with it lands there', async () => {
    const created = await app.say('rep2', '加个新客户 渝新职业学院（渝新职院），职业教育');
    expect(created.replies[0]!.text).toContain('已新建客户 渝新职业学院');
    expect(created.replies[0]!.card?.fields).toContainEqual({ label: '简称', value: '渝新职院' });
    const [school, ...more] = await customers('渝新');
    expect(more).toEqual([]);
    expect(school).toMatchObject({ name: '渝新职业学院', aliases: ['渝新职院'] });

    const visit = await app.say('rep2', '今天去渝新职院见了教务处李处 聊了排课系统 下周三再跟进');
    expect(visit.replies[0]!.text).toContain('渝新职业学院');
    expect(await app.db.activity.count({ where: { customerId: school!.id } })).toBe(1);
    expect(await customers('渝新')).toHaveLength(1);
  });

  it('"简称恒锐" and a Latin short form in brackets are kept too', async () => {
    await app.say('rep2', '新客户：恒锐新能源科技有限公司，简称恒锐，储能');
    await app.say('rep2', '新客户 Straits Electronics Pte Ltd (SEPL), B tier');
    expect((await customers('恒锐'))[0]).toMatchObject({ name: '恒锐新能源科技有限公司', aliases: ['恒锐'] });
    expect((await customers('Straits'))[0]).toMatchObject({ name: 'Straits Electronics Pte Ltd', aliases: ['SEPL'] });
    const call = await app.say('rep2', '给SEPL打了电话 他们要报价');
    expect(call.replies[0]!.text).toContain('Straits Electronics');
  });

  it('a legal name with its city in brackets is one customer, written as typed', async () => {
    const created = await app.say('rep1', '新客户 腾讯科技（深圳）有限公司 互联网');
    expect(created.replies[0]!.text).toContain('已新建客户 腾讯科技（深圳）有限公司');
    const visit = await app.say('rep1', '拜访了腾讯科技（深圳）有限公司的马总 聊了企业微信对接');
    expect(visit.replies[0]!.text).toContain('腾讯科技（深圳）有限公司');
    const [tencent] = await customers('腾讯');
    expect(await app.db.activity.count({ where: { customerId: tencent!.id } })).toBe(1);
  });
});

// Found by a tester using the web chat: the grade said as a lone letter was dropped.
describe('a new customer\'s grade said as a lone letter', () => {
  it('"新客户 中山医院 医疗 A" and "New customer: …, healthcare, B" keep the grade', async () => {
    await app.say('rep2', '新客户 中山医院 医疗 A');
    await app.say('rep2', 'New customer: Shanghai United Family Hospital, healthcare, B');
    expect((await customers('中山医院'))[0]).toMatchObject({ tier: 'A' });
    expect((await customers('United Family'))[0]).toMatchObject({ tier: 'B' });
  });
});

// Found by a tester using the web chat: right after "新客户 湘雅二院", "湘雅二院监护仪项目 80万" asked
// whether to create 「湘雅二院监护仪」 — the tenant's names were reloaded at most every 10 s.
describe('a customer just created is known at the next message', () => {
  it('"湘雅二院监护仪项目 80万 线索阶段" right after creating 湘雅二院 is its deal', async () => {
    await app.say('rep1', '新客户湘雅二院 长沙 医疗 A类');
    const deal = await app.say('rep1', '湘雅二院监护仪项目 80万 线索阶段');
    expect(deal.replies[0]!.text).toContain('湘雅二院');
    expect(deal.replies[0]!.text).not.toContain('没有找到');
    const [hospital, ...more] = await customers('湘雅二院');
    expect(more).toEqual([]);
    const deals = await app.db.deal.findMany({ where: { customerId: hospital!.id }, select: { amount: true, stage: true } });
    expect(deals.map((d) => [Number(d.amount), d.stage])).toEqual([[800000, 'lead']]);
  });
});

