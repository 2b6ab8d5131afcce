// Issue #11, blind batches 38–41: every fact in a plan lands (the signing hoped for is the deal's
// close, the amount its value), a deliverable the customer asks for by a date is the next step, and
// a name taken back and said again is the one the records go to — from the message in to the
// records read back.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { customerNamed, localAt, monthEndDate, nextWeek, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const customer = (name: string) => customerNamed(app.db, name);
const openDeal = async (name: string) =>
  app.db.deal.findFirstOrThrow({ where: { customerId: (await customer(name)).id, stage: { notIn: ['won', 'lost'] } }, orderBy: { updatedAt: 'desc' } });

describe('a plan that also says how the deal stands', () => {
  it('下周一再去一趟比亚迪 他们想月底前把合同签了: the reminder is set, and the close and amount land on the deal (typed)', async () => {
    const reply = only(await app.say('rep1', '下周一再去一趟比亚迪 他们想月底前把合同签了 金额还是260万'));
    expect(reply.text).toMatch(/比亚迪/);
    const byd = await customer('比亚迪');
    expect(await app.db.reminder.count({ where: { customerId: byd.id, dueAt: localAt(nextWeek(1), 9), status: 'pending' } })).toBe(1);
    const deal = await openDeal('比亚迪');
    expect({ amount: deal.amount?.toNumber(), close: deal.expectedClose?.toISOString().slice(0, 10) }).toEqual({ amount: 2_600_000, close: monthEndDate() });
  });

  it('a reminder that leads, with the close the customer gave: both land (typed, English)', async () => {
    const before = await openDeal('Acme Corp');
    only(await app.say('rep2', 'remind me next Monday 10am to call Acme, they said close by end of month, deal is 150k'));
    const deal = await app.db.deal.findUniqueOrThrow({ where: { id: before.id } });
    expect({ amount: deal.amount?.toNumber(), close: deal.expectedClose?.toISOString().slice(0, 10) }).toEqual({ amount: 150_000, close: monthEndDate() });
    expect(await app.db.reminder.count({ where: { customerId: before.customerId, dueAt: localAt(nextWeek(1), 10), status: 'pending' } })).toBe(1);
  });

  it('what the customer asks of us by a date is the next follow-up (typed)', async () => {
    only(await app.say('rep1', '今天拜访了招行 对方要我们下周三之前出方案'));
    const cmb = await customer('招商银行');
    const visit = await app.db.activity.findFirstOrThrow({ where: { customerId: cmb.id }, orderBy: { createdAt: 'desc' } });
    expect(visit.channel).toBe('visit');
    expect(visit.nextFollowUpAt?.getTime()).toBe(localAt(nextWeek(3), 9).getTime());
  });
});

describe('a name taken back', () => {
  it('给比亚迪打了电话 哦不对 是美团: the call is logged on 美团, nothing on 比亚迪 (typed)', async () => {
    const [byd, meituan] = [await customer('比亚迪'), await customer('美团')];
    const count = (id: string) => app.db.activity.count({ where: { customerId: id } });
    const before = { byd: await count(byd.id), meituan: await count(meituan.id) };
    const reply = only(await app.say('rep1', '给比亚迪打了电话 哦不对 是美团 他们说预算批了'));
    expect(reply.text).toMatch(/^已记录电话 · 美团/);
    expect({ byd: await count(byd.id), meituan: await count(meituan.id) }).toEqual({ byd: before.byd, meituan: before.meituan + 1 });
  });
});
