// Issue #11 (several facts in one message all land), found by a tester using the web chat: one
// message reporting on two customers in turn ("去了京东物流 … 然后去了隆基 …") landed everything on
// the first, 隆基's stage included, and dropped 隆基 without a word. Each part now lands on its
// own customer, in one transaction that one undo takes back.
import { beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';
import { customerNamed, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const REPORT = '上午先去了京东物流 跟罗经理聊了运输调度那块 他们说预算60万左右 需求确认阶段 然后下午去了隆基 隆基那个光伏运维平台基本定了 进入商务谈判';

async function state(name: string) {
  const { id } = await customerNamed(app.db, name);
  const activities = await app.db.activity.count({ where: { customerId: id } });
  const deals = await app.db.deal.findMany({ where: { customerId: id, stage: { notIn: ['won', 'lost'] } }, select: { stage: true, amount: true } });
  return { activities, stages: deals.map((d) => d.stage).sort() };
}

describe('one message about two customers', () => {
  it('logs each part on its own customer, with its own stage, and one undo takes both back', async () => {
    const before = { jd: await state('京东物流'), longi: await state('隆基绿能') };
    const answer = await app.say('rep2', REPORT);
    expect(answer.replies).toHaveLength(2);
    expect(answer.replies[0]!.text).toContain('京东物流');
    expect(answer.replies[1]!.text).toContain('隆基绿能');
    const jd = await state('京东物流');
    const longi = await state('隆基绿能');
    expect(jd.activities).toBe(before.jd.activities + 1);
    expect(longi.activities).toBe(before.longi.activities + 1);
    expect(jd.stages).toContain('qualified');
    expect(jd.stages).not.toContain('negotiation');
    expect(longi.stages).toContain('negotiation');
    // Nothing said about a date that is "neither follow-up nor close": 下午 is the second visit's time.
    expect(answer.replies.map((r) => r.text).join('\n')).not.toContain('不是跟进或签约时间');

    await app.click('rep2', button(answer, '撤销'));
    expect(await state('京东物流')).toEqual(before.jd);
    expect(await state('隆基绿能')).toEqual(before.longi);
  });

  it('a second mention of the same customer ("然后华为的张总说…") stays one record', async () => {
    const { id } = await customerNamed(app.db, '华为技术有限公司');
    const before = await app.db.activity.count({ where: { customerId: id } });
    const answer = await app.say('rep1', '拜访了华为技术 然后华为技术的张总说下周给答复');
    expect(answer.replies).toHaveLength(1);
    expect(await app.db.activity.count({ where: { customerId: id } })).toBe(before + 1);
  });

  it('"隆基那个丢了 华为云价格比我们低" is about 隆基 (a short name said first); the competitor 华为云 is left alone', async () => {
    const longi = await customerNamed(app.db, '隆基绿能');
    const cloud = await customerNamed(app.db, '华为云');
    const cloudDeals = await app.db.deal.findMany({ where: { customerId: cloud.id }, select: { stage: true, updatedAt: true } });
    const reply = only(await app.say('rep2', '隆基那个光伏运维平台丢了 华为云价格比我们低百分之二十'));
    expect(reply.text).toContain('隆基绿能');
    expect(await app.db.deal.count({ where: { customerId: longi.id, stage: 'lost', lostReason: { contains: '华为云' } } })).toBeGreaterThan(0);
    expect(await app.db.deal.findMany({ where: { customerId: cloud.id }, select: { stage: true, updatedAt: true } })).toEqual(cloudDeals);
  });
});
