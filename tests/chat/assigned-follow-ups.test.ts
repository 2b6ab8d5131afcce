// Issue #11, found by a tester using the web chat: the manager's "提醒张伟明天下午跟进瑞金医院的报价"
// set the reminder for the manager ("提醒你跟进"); 张伟 never saw it. A manager now hands the
// follow-up to the colleague named; a rep cannot, and is told so with nothing set.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { customerNamed, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const userId = async (handle: string) => (await app.db.user.findFirstOrThrow({ where: { tenantId: 'demo', handle } })).id;
const pending = async (customer: string) => {
  const { id } = await customerNamed(app.db, customer);
  return app.db.reminder.findMany({ where: { customerId: id, status: 'pending' }, select: { assigneeId: true, note: true } });
};

describe('a follow-up handed to a colleague', () => {
  it('the manager\'s "提醒张伟明天下午跟进比亚迪的报价" is 张伟\'s reminder, and in 张伟\'s to-do list', async () => {
    const before = (await pending('比亚迪')).length;
    const reply = only(await app.say('manager', '提醒张伟明天下午跟进比亚迪的报价'));
    expect(reply.text).toMatch(/提醒张伟跟进 比亚迪/);
    const reminders = await pending('比亚迪');
    expect(reminders).toHaveLength(before + 1);
    expect(reminders.find((r) => r.note?.includes('提醒张伟'))?.assigneeId).toBe(await userId('rep1'));
    const tasks = only(await app.say('rep1', '明天要跟进哪些客户'));
    expect(tasks.card?.fields?.map((f) => f.value)).toContainEqual(expect.stringContaining('比亚迪'));
    // Undo takes it back.
    only(await app.say('manager', '撤销'));
    expect(await pending('比亚迪')).toHaveLength(before);
  });

  it('"让李娜周五给京东物流打个电话" is 李娜\'s', async () => {
    only(await app.say('manager', '让李娜周五给京东物流打个电话'));
    expect((await pending('京东物流')).map((r) => r.assigneeId)).toContain(await userId('rep2'));
  });

  it('a rep cannot hand one to a colleague: told so, nothing set', async () => {
    const before = (await pending('顺丰速运')).length;
    const reply = only(await app.say('rep1', '提醒李娜明天跟进顺丰'));
    expect(reply.text).toContain('只有经理能给同事安排跟进');
    expect(await pending('顺丰速运')).toHaveLength(before);
  });
});
