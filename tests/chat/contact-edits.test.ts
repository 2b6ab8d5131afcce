// Issue #11 (every fact lands; corrections), found by two testers using the web chat: a full name
// said after how the rep calls someone ("采购部陈经理 陈志刚") was dropped, and a contact's own record
// could not be corrected by chat ("黄总全名叫黄志强", "罗经理的电话改成…": "我没太明白").
import { beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';
import { customerNamed, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const contactsOf = async (name: string) => {
  const { id } = await customerNamed(app.db, name);
  return app.db.contact.findMany({ where: { customerId: id }, select: { name: true, title: true, phone: true } });
};

describe('a contact\'s full name', () => {
  it('"联系人采购部陈经理 陈志刚 135…" saves 陈志刚 with the phone', async () => {
    only(await app.say('rep1', '新客户 宁德新材 新能源 A类 联系人采购部陈经理 陈志刚 13500001111'));
    expect(await contactsOf('宁德新材')).toContainEqual(expect.objectContaining({ name: '陈志刚', phone: '13500001111' }));
  });
});

// Found by a tester using the web chat: the department listed before the person was dropped.
describe('a contact\'s department', () => {
  it('"加个联系人 顺丰 设备科 周主任 139…" saves 周主任 as 设备科主任', async () => {
    only(await app.say('rep1', '加个联系人 顺丰 设备科 周主任 13917761234'));
    expect(await contactsOf('顺丰速运')).toContainEqual(expect.objectContaining({ name: '周主任', title: '设备科主任', phone: '13917761234' }));
  });
});

describe('a contact corrected by chat', () => {
  it('"平安的黄总全名叫黄志强 职务副总经理" renames the contact and sets the title; undo puts it back', async () => {
    const PINGAN = '中国平安保险（集团）股份有限公司';
    only(await app.say('rep2', '添加联系人 中国平安 黄总 13901234567'));
    const before = await contactsOf(PINGAN);
    const fixed = await app.say('rep2', '平安的黄总全名叫黄志强 职务副总经理');
    expect(only(fixed).text).toContain('已更新联系人 黄志强');
    const after = await contactsOf(PINGAN);
    expect(after).toHaveLength(before.length);
    expect(after).toContainEqual(expect.objectContaining({ name: '黄志强', title: '副总经理', phone: '13901234567' }));
    expect(after.map((c) => c.name)).not.toContain('黄总');
    only(await app.click('rep2', button(fixed, '撤销')));
    expect((await contactsOf(PINGAN)).map((c) => c.name)).toContain('黄总');
  });

  it('"京东物流 罗经理的电话改成137…" changes the phone of the contact on record', async () => {
    const before = await contactsOf('京东物流');
    only(await app.say('rep2', '京东物流 罗经理的电话改成13788889990'));
    const after = await contactsOf('京东物流');
    expect(after).toHaveLength(before.length);
    expect(after).toContainEqual(expect.objectContaining({ name: '罗经理', phone: '13788889990' }));
  });

  it('"Acme的联系人Mike中文名叫李明 职位是CTO"', async () => {
    only(await app.say('rep2', '添加联系人 Acme Mike'));
    only(await app.say('rep2', 'Acme的联系人Mike中文名叫李明 职位是CTO'));
    const names = await contactsOf('Acme Corp');
    expect(names).toContainEqual(expect.objectContaining({ name: '李明', title: 'CTO' }));
    expect(names.map((c) => c.name)).not.toContain('Mike');
  });

  it('right after a card, "刘经理全名叫刘敏" renames that customer\'s 刘经理 (华为\'s stays)', async () => {
    only(await app.say('rep1', '今天拜访了比亚迪的刘经理 聊了产线的事'));
    only(await app.say('rep1', '刘经理全名叫刘敏'));
    expect((await contactsOf('比亚迪')).map((c) => c.name)).toContain('刘敏');
    expect((await contactsOf('华为技术有限公司')).map((c) => c.name)).toContain('刘经理');
  });

  // Found by a tester using the web chat: four tries, all "我没太明白".
  it('right after a call logged with a new contact, "联系人说错了 不是周主任 是孙科长" corrects the name; the call shows 孙科长', async () => {
    only(await app.say('rep2', '给京东物流周主任打了电话 聊了仓配方案'));
    const fixed = only(await app.say('rep2', '联系人说错了 不是周主任 是设备科的孙科长'));
    expect(fixed.text).toContain('孙科长');
    const names = (await contactsOf('京东物流')).map((c) => c.name);
    expect(names).toContain('孙科长');
    expect(names).not.toContain('周主任');
    const { id } = await customerNamed(app.db, '京东物流');
    const call = await app.db.activity.findFirstOrThrow({ where: { customerId: id }, orderBy: { createdAt: 'desc' }, select: { contactId: true } });
    expect((await app.db.contact.findUniqueOrThrow({ where: { id: call.contactId! } })).name).toBe('孙科长');
  });

  it('"顺丰联系人吴经理改名吴总" renames the contact', async () => {
    only(await app.say('rep1', '顺丰联系人吴经理改名吴总'));
    const names = (await contactsOf('顺丰速运')).map((c) => c.name);
    expect(names).toContain('吴总');
    expect(names).not.toContain('吴经理');
  });

  // Found by a tester using the web chat: "陈海波的电话是…" asked which customer, with one 陈海波 on file.
  it('"王建国的手机改成13600001111" with no customer said (no card just before) updates the one 王建国 the asker sees', async () => {
    const reply = only(await app.say('manager', '王建国的手机改成13600001111'));
    expect(reply.text).toContain('比亚迪');
    expect(await contactsOf('比亚迪')).toContainEqual(expect.objectContaining({ name: '王建国', phone: '13600001111' }));
  });
});
