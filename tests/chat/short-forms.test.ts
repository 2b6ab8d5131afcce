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

// Found by a tester using the web chat: a new customer said in one line got contacts named after
// its industry (房地产, 施工 of 建筑施工) or a piece of a title (项目 of 项目经理), and a title
// (采购经理) as its industry; an area (3万平) was stored as the deal's amount.
describe('a new customer said in one line', () => {
  const contactsOf = async (name: string) => {
    const [found] = await customers(name);
    return app.db.contact.findMany({ where: { customerId: found!.id }, select: { name: true, title: true, phone: true } });
  };

  it('"新客户 碧桂园 房地产 A类" has industry 房地产 and no contact', async () => {
    await app.say('rep1', '新客户 碧桂园 房地产 A类');
    expect(await contactsOf('碧桂园')).toEqual([]);
    expect((await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '碧桂园' } })).industry).toBe('房地产');
  });

  it('"…(华泰建工) 总包 联系人 项目经理 陈海波 139…" saves 陈海波 as 项目经理 with the phone', async () => {
    await app.say('rep1', '新客户深圳市华泰建工集团有限公司(华泰建工) 总包 联系人 项目经理 陈海波 13923456789');
    expect(await contactsOf('华泰建工')).toEqual([{ name: '陈海波', title: '项目经理', phone: '13923456789' }]);
  });

  it('"…（扬子江建设）建筑 B类 联系人 采购经理 孙丽" has industry 建筑, not 采购经理', async () => {
    await app.say('rep1', '新客户 南京扬子江建设发展有限公司（扬子江建设）建筑 B类 联系人 采购经理 孙丽 18951112233');
    expect((await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '南京扬子江建设发展有限公司' } })).industry).toBe('建筑');
  });

  it('"刚给扬子江孙丽打了电话" (the short form and the contact glued) is a call with 孙丽 at 扬子江建设', async () => {
    const reply = await app.say('rep1', '刚给扬子江孙丽打了电话 预算批下来了');
    expect(reply.replies[0]!.text).toContain('南京扬子江建设发展有限公司');
    const [yz] = await customers('扬子江');
    const call = await app.db.activity.findFirstOrThrow({ where: { customerId: yz!.id }, orderBy: { createdAt: 'desc' }, select: { contactId: true, channel: true } });
    expect(call.channel).toBe('call');
    expect((await app.db.contact.findUniqueOrThrow({ where: { id: call.contactId! } })).name).toBe('孙丽');
  });

  it('"需要SBS卷材3万平 意向金额120万": the deal is 120万, not the area', async () => {
    await app.say('rep1', '今天上午拜访了碧桂园的黄工 聊了地下室防水 大概需要SBS卷材3万平 意向金额120万');
    const [bgy] = await customers('碧桂园');
    const deals = await app.db.deal.findMany({ where: { customerId: bgy!.id }, select: { amount: true } });
    expect(deals.map((d) => Number(d.amount))).toEqual([1200000]);
  });
});

