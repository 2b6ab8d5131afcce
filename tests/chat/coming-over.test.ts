// Issue #11, found by a tester using the web chat: "顺丰那边王经理说下周一过来公司看demo" was stored
// as a demo held today, and 下周一 only as a date "not a follow-up or close". The customer coming
// over on a day is the next meeting: the follow-up is set for it, and no demo is logged as held.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { customerNamed, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

describe('the customer coming over on a later day', () => {
  it('"顺丰那边吴经理说下周一过来公司看demo" sets the follow-up for that Monday; no demo is logged as held', async () => {
    const { id } = await customerNamed(app.db, '顺丰速运');
    const demos = () => app.db.activity.count({ where: { customerId: id, channel: 'demo' } });
    const before = await demos();
    const reply = only(await app.say('rep1', '顺丰那边吴经理说下周一过来公司看demo'));
    expect(reply.text).toContain('顺丰速运');
    expect(reply.text).not.toContain('不是跟进或签约时间');
    expect(await demos()).toBe(before);
    const next = await app.db.reminder.findMany({ where: { customerId: id, status: 'pending' }, select: { dueAt: true } });
    expect(next.length).toBeGreaterThan(0);
    // Monday of the next week, in the team's time zone (the follow-up's day, 09:00 local).
    const days = next.map((r) => new Date(r.dueAt.getTime() + 8 * 3600_000).getUTCDay());
    expect(days).toContain(1);
  });
});
