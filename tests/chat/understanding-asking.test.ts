// Issue #11, queries said the way people ask them (web-chat trial and blind batch 15): a day's
// plan (我明天要干嘛), a customer's stage or history (三一重工现在啥阶段, 格力的跟进记录), a
// colleague's customer (刘洋手上那个X什么情况), the win rate (团队这个季度赢单率) and a lower-case
// English name (lenovo status?). Typed into the web chat; answers checked against the database.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { counts, fieldValue, localAt, only, thisMonth } from './support.js';
import { nameKeys } from '../../src/domain/names.js';
import { formatPercent } from '../../src/i18n/index.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
let rep1: string;
beforeAll(async () => {
  app = await testApp();
  rep1 = await app.userId('rep1');
});

const customer = (name: string) => app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });
/** A customer of rep1's with an open deal (the seed has several). */
async function mine() {
  const deal = await app.db.deal.findFirstOrThrow({ where: { tenantId: 'demo', ownerId: rep1, stage: { in: ['qualified', 'proposal', 'negotiation'] } }, orderBy: { createdAt: 'asc' } });
  return app.db.customer.findUniqueOrThrow({ where: { id: deal.customerId } });
}

describe('a day\'s plan, asked in passing', () => {
  it('我明天要干嘛: tomorrow\'s follow-ups, and nothing is written', async () => {
    const ali = await customer('阿里巴巴');
    await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', dueAt: localAt(1, 15), assigneeId: rep1, customerId: ali.id, note: '带样品过去' } });
    const before = await counts(app.db);
    const reply = only(await app.say('rep1', '我明天要干嘛'));
    expect(reply.text).toBe('明天待办');
    expect(reply.card!.fields!.some((f) => f.value.includes('带样品过去'))).toBe(true);
    expect(await counts(app.db)).toEqual(before);
  });
});

describe('one customer, asked about', () => {
  it('X现在啥阶段 answers with the customer\'s state and logs nothing (it used to log a note)', async () => {
    const { name } = await mine();
    const before = await app.db.activity.count({ where: { tenantId: 'demo' } });
    const reply = only(await app.say('rep1', `${name}现在啥阶段`));
    expect(reply.card?.title).toContain(name);
    expect(fieldValue(reply, '最近跟进')).toBeTruthy();
    expect(await app.db.activity.count({ where: { tenantId: 'demo' } })).toBe(before);
  });

  it('X的拜访记录 lists its recent activities instead of logging a visit', async () => {
    const own = await mine();
    await app.db.activity.create({ data: { tenantId: 'demo', customerId: own.id, userId: rep1, channel: 'visit', summary: '带着样品去园区', occurredAt: new Date(Date.now() - 3_600_000) } });
    const before = await app.db.activity.count({ where: { tenantId: 'demo' } });
    const reply = only(await app.say('rep1', `${own.name}的拜访记录`));
    expect(fieldValue(reply, '最近跟进')).toContain('带着样品去园区');
    expect(await app.db.activity.count({ where: { tenantId: 'demo' } })).toBe(before);
  });

  it('a colleague\'s customer (李娜手上那个X什么情况) is the customer, not the colleague', async () => {
    const { name } = await mine();
    const reply = only(await app.say('manager', `张伟手上那个${name}什么情况了`));
    expect(reply.card?.title).toContain(name);
    expect(fieldValue(reply, '最近跟进')).toBeTruthy();
  });

  it('a lower-case English name in a status question', async () => {
    await app.say('rep1', '新客户 Lenovo');
    const reply = only(await app.say('rep1', 'lenovo status?'));
    expect(reply.text).toContain('Lenovo');
  });
});

describe('the win rate', () => {
  it('团队这个季度赢单率: won of the deals closed this quarter, not a deal update', async () => {
    const { start } = thisMonth();
    const before = await counts(app.db);
    const reply = only(await app.say('manager', '我这个月赢单率多少'));
    const closed = await app.db.deal.groupBy({ by: ['stage'], where: { tenantId: 'demo', ownerId: (await app.userId('manager')), stage: { in: ['won', 'lost'] }, closedAt: { gte: start } }, _count: true });
    const won = closed.find((c) => c.stage === 'won')?._count ?? 0;
    const all = closed.reduce((n, c) => n + c._count, 0);
    expect(fieldValue(reply, '赢单率')).toBe(all ? `${formatPercent(won / all)} (${won}/${all})` : '—');
    const team = only(await app.say('manager', '团队这个季度赢单率'));
    expect(team.text).toContain('团队本季度业绩');
    expect(fieldValue(team, '赢单率')).toMatch(/^\d+% \(\d+\/\d+\)$|^—$/);
    expect(await counts(app.db)).toEqual(before);
  });
});

describe('deals gone quiet', () => {
  it('哪些单子超过两周没动了: the open deals with no activity for 14+ days, and only those', async () => {
    const mineDeal = await app.db.deal.findFirstOrThrow({ where: { tenantId: 'demo', ownerId: rep1, stage: { in: ['qualified', 'proposal', 'negotiation'] } }, orderBy: { createdAt: 'asc' } });
    const quiet = await app.db.customer.create({ data: { tenantId: 'demo', name: '静默测试客户', ownerId: rep1, ...nameKeys('静默测试客户') } });
    const old = new Date(Date.now() - 40 * 86_400_000);
    const deal = await app.db.deal.create({ data: { tenantId: 'demo', customerId: quiet.id, ownerId: rep1, stage: 'proposal', title: 'MES', amount: 123000, createdAt: old } });
    await app.db.activity.create({ data: { tenantId: 'demo', customerId: quiet.id, dealId: deal.id, userId: rep1, channel: 'call', summary: '很久以前', occurredAt: old } });
    // A deal touched today is not quiet.
    await app.db.activity.create({ data: { tenantId: 'demo', customerId: mineDeal.customerId, dealId: mineDeal.id, userId: rep1, channel: 'call', summary: '今天', occurredAt: new Date() } });
    const mineName = await app.db.customer.findUniqueOrThrow({ where: { id: mineDeal.customerId } });
    const before = await counts(app.db);
    const reply = only(await app.say('rep1', '我哪些单子超过两周没动了'));
    expect(reply.card?.title).toMatch(/^我的超过 14 天没有跟进的商机（\d+）$/);
    const quietLine = fieldValue(reply, '静默测试客户');
    expect(quietLine).toContain('40 天未跟进');
    expect(reply.card!.fields!.some((f) => f.label === mineName.name)).toBe(false);
    expect(await counts(app.db)).toEqual(before);
    const stale = only(await app.say('rep1', 'stale deals'));
    expect(stale.card?.fields?.some((f) => f.label === '静默测试客户')).toBe(true);
    // A manager with no quiet deals of their own is shown the team's, and told so.
    const team = only(await app.say('manager', '哪些单子超过两周没动了'));
    expect(team.text).toContain('你自己名下没有这样的商机，下面是团队的');
    expect(fieldValue(team, '静默测试客户')).toContain('张伟');
  });
});
