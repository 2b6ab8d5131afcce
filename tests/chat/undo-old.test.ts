// #12.11: a third 撤销 took back a lost deal from the day before, silently. Typed undo takes back
// the user's changes latest first; when the next one is older than OLD_AFTER_MINUTES it is named,
// with its time, and waits for a confirmation (a button, or 是) instead.
import { beforeAll, describe, expect, it } from 'vitest';
import { OLD_AFTER_MINUTES } from '../../src/domain/undo.js';
import { button, testApp } from '../support/app.js';
import { counts, only } from './support.js';

let app: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  app = await testApp();
});

const OPEN = ['lead', 'qualified', 'proposal', 'negotiation'];
const dealOf = async (name: string, stages = OPEN) => {
  const customer = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });
  return app.db.deal.findFirstOrThrow({ where: { customerId: customer.id, stage: { in: stages as never } }, orderBy: { updatedAt: 'desc' } });
};

/** Moves every change `user` made back by `minutes`, as if made that long ago. */
async function age(user: string, minutes: number): Promise<void> {
  const userId = await app.userId(user);
  await app.db.$executeRaw`UPDATE "AuditLog" SET "createdAt" = "createdAt" - make_interval(mins => ${minutes}) WHERE "userId" = ${userId}`;
}

describe('undo reaching an old change', () => {
  it('OLD_AFTER_MINUTES is the README\'s 30 minutes', () => {
    expect(OLD_AFTER_MINUTES).toBe(30);
  });

  it('takes back the recent changes in order, then names the old one and asks before undoing it', async () => {
    const lost = await dealOf('顺丰速运');
    expect(only(await app.say('rep1', '顺丰速运的单子丢了，对方选了竞品')).text).toMatch(/顺丰速运/);
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: lost.id } })).stage).toBe('lost');
    await age('rep1', 24 * 60);

    only(await app.say('rep1', '新客户：小鹏汽车'));
    only(await app.say('rep1', '比亚迪金额调整为80万'));
    expect(only(await app.say('rep1', '撤销')).text).toBe('已撤销：已更新商机 · 比亚迪');
    expect(only(await app.say('rep1', '撤销')).text).toBe('已撤销：已新建客户 小鹏汽车');

    const rowsBefore = await counts(app.db);
    const asked = await app.say('rep1', '撤销');
    const question = only(asked);
    expect(question.card?.title).toMatch(/^下一条可撤销的是 .+ 的「.*顺丰速运.*」，已超过 30 分钟。确定要撤销它吗？$/);
    expect(await counts(app.db)).toEqual(rowsBefore);
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: lost.id } })).stage).toBe('lost');

    expect(only(await app.click('rep1', button(asked, '撤销这条'))).text).toMatch(/^已撤销：.*顺丰速运/);
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: lost.id } })).stage).toBe(lost.stage);
    expect(only(await app.say('rep1', '撤销')).text).toBe('没有可以撤销的操作。');
  });

  it('a typed 是 confirms, 取消 keeps the change; English asks in English', async () => {
    only(await app.say('rep2', '新客户：零跑汽车'));
    await age('rep2', OLD_AFTER_MINUTES + 1);
    expect(only(await app.say('rep2', 'undo')).card?.title).toMatch(/^The next change to undo is ".*零跑汽车" from .+, more than 30 minutes ago\. Undo it\?$/);
    only(await app.say('rep2', '取消'));
    expect(await app.db.customer.count({ where: { tenantId: 'demo', name: '零跑汽车' } })).toBe(1);
    only(await app.say('rep2', '撤销'));
    expect(only(await app.say('rep2', '是')).text).toMatch(/^已撤销：.*零跑汽车/);
    expect(await app.db.customer.count({ where: { tenantId: 'demo', name: '零跑汽车' } })).toBe(0);
  });

  it('a change just under the limit is undone at once', async () => {
    only(await app.say('manager', '新客户：极氪汽车'));
    await age('manager', OLD_AFTER_MINUTES - 1);
    expect(only(await app.say('manager', '撤销')).text).toBe('已撤销：已新建客户 极氪汽车');
  });
});
