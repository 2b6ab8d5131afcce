// Issue #11, found by a tester using the web chat: things said about a record that were stored as
// something else — care's "永辉的投诉下周一再回访一次" recorded a second (empty) complaint callback
// and alerted the owner; "招商银行回访联系人是…郑丽 … 帮我加一下" recorded an empty callback; the
// manager's "碧桂园那个400万的单子现在谁在跟 什么情况" updated the deal; "李娜那个…的单子 让她
// 周四前给我一个报价方案" set the manager's own reminder.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { customerNamed, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const callbacks = async (name: string) => app.db.callback.count({ where: { customerId: (await customerNamed(app.db, name)).id } });

describe('said about a record, not a record of its own', () => {
  it('care: "永辉超市的投诉下周一再回访一次" sets a follow-up and records no callback', async () => {
    const before = await callbacks('永辉超市');
    const reply = only(await app.say('care', '永辉超市的投诉下周一再回访一次 看书面说明给了没有'));
    expect(reply.text).toMatch(/提醒你跟进 永辉超市/);
    expect(await callbacks('永辉超市')).toBe(before);
  });

  it('care: "招商银行回访联系人是他们运营部的郑丽 电话… 帮我加一下" adds the contact and records no callback', async () => {
    const before = await callbacks('招商银行');
    only(await app.say('care', '招商银行回访联系人是他们运营部的郑丽 电话13588886666 帮我加一下'));
    const { id } = await customerNamed(app.db, '招商银行');
    expect(await app.db.contact.findFirst({ where: { customerId: id, name: '郑丽' }, select: { phone: true } })).toEqual({ phone: '13588886666' });
    expect(await callbacks('招商银行')).toBe(before);
  });

  it('the manager\'s "比亚迪那个1.2亿的单子现在谁在跟 什么情况" is answered and changes nothing', async () => {
    const audits = await app.db.auditLog.count();
    const reply = only(await app.say('manager', '比亚迪那个1.2亿的单子现在谁在跟 什么情况'));
    expect(reply.text).toContain('比亚迪 的情况');
    expect(await app.db.auditLog.count()).toBe(audits);
  });

  it('the manager\'s "李娜那个京东物流的单子 让她周四前给我一个报价方案" is 李娜\'s follow-up', async () => {
    const reply = only(await app.say('manager', '李娜那个京东物流的单子 让她周四前给我一个报价方案'));
    expect(reply.text).toMatch(/提醒李娜跟进 京东物流/);
    const rep2 = await app.db.user.findFirstOrThrow({ where: { tenantId: 'demo', handle: 'rep2' } });
    const { id } = await customerNamed(app.db, '京东物流');
    expect(await app.db.reminder.count({ where: { customerId: id, assigneeId: rep2.id, status: 'pending', note: { contains: '让她' } } })).toBe(1);
  });
});
