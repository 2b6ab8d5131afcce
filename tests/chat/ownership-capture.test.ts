// 查重 at capture (issue #14): a customer another rep owns — by name, alias, pinyin, a contact's
// phone or company email domain — is never created again; the rep is told it has an owner (their
// team, nothing private) and offered a transfer or collaboration; a manager or admin outside the
// team is told the owner's name; a pooled customer is offered to claim. Typing part of it in a
// query or an activity says no more.
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/domain/import/index.js';
import { xlsx } from '../import/fixtures.js';
import { testApp } from '../support/app.js';
import { counts, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
const TAKEN = (name: string, owner: string) => `「${name}」已有负责人（${owner}），不能重复创建；可以申请协作或转给我`;

beforeAll(async () => {
  app = await testApp();
  // A second team: its manager and rep see none of 华东销售一组's customers.
  const team = await app.db.team.create({ data: { tenantId: 'demo', name: '华南销售组' } });
  const m2 = await app.db.user.create({ data: { tenantId: 'demo', handle: 'manager2', name: '赵敏', role: 'manager', teamId: team.id } });
  await app.db.team.update({ where: { id: team.id }, data: { managerId: m2.id } });
  await app.db.user.create({ data: { tenantId: 'demo', handle: 'rep3', name: '周杰', role: 'rep', teamId: team.id } });
});

const labels = (r: { card?: { buttons?: { label: string }[] } }) => r.card?.buttons?.map((b) => b.label);

describe('a rep creating another rep\'s customer', () => {
  it.each([
    ['by name', '新客户：美团', '美团'],
    ['by alias', '新客户：美团点评', '美团'],
    ['by pinyin', '新客户 biyadi', '比亚迪'],
    ['by a contact\'s phone', '新客户 宁德新能源 联系人 王伟 13701230006', '美团'],
    ['by a contact\'s company email domain', '新客户 星辰科技，联系人王伟 wangwei@byd.example.com', '比亚迪'],
  ])('%s: told it has an owner (the team), offered 申请转给我 / 申请协作 / 取消, nothing created', async (_how, text, name) => {
    const before = await counts(app.db);
    const reply = only(await app.say('rep2', text));
    expect(reply.card?.title).toBe(TAKEN(name, '华东销售一组'));
    expect(labels(reply)).toEqual(['申请转给我', '申请协作', '取消']);
    expect(reply.card?.fields ?? []).toEqual([]);
    expect(await counts(app.db)).toEqual(before);
  });

  it('in English too', async () => {
    const reply = only(await app.say('rep2', 'new customer Meituan'));
    expect(reply.card?.title).toBe('"美团" already has an owner (华东销售一组), so it cannot be created again; you can ask to collaborate or for a transfer to you');
    expect(labels(reply)).toEqual(['Ask for a transfer to me', 'Ask to collaborate', 'Cancel']);
  });

  it('a free-mail domain is no match: the customer is created', async () => {
    const reply = only(await app.say('rep2', '新客户 晨光文具，联系人王伟 wangwei@qq.com'));
    expect(reply.text).toContain('已新建客户 晨光文具');
  });

  it('a rep of another team is told the team; its manager the owner\'s name', async () => {
    expect(only(await app.say('rep3', '新客户：美团')).card?.title).toBe(TAKEN('美团', '华东销售一组'));
    expect(only(await app.say('manager2', '新客户：美团')).card?.title).toBe(TAKEN('美团', '张伟'));
    // The owner's own manager sees it: the plain 已存在 with its owner.
    expect(only(await app.say('manager', '新客户：美团')).text).toBe('客户「美团」已经存在（负责人：张伟），没有重复新建。');
  });

  it('the 新建 button (confirmNew) cannot create it either', async () => {
    const before = await counts(app.db);
    const reply = only(await app.click('rep2', { intent: 'create_customer', args: { customer: '美团', confirmNew: true } }));
    expect(reply.card?.title).toBe(TAKEN('美团', '华东销售一组'));
    expect(await counts(app.db)).toEqual(before);
  });

  it('a customer in the pool is offered to claim', async () => {
    await app.db.customer.updateMany({ where: { tenantId: 'demo', name: '顺丰速运' }, data: { pooledAt: new Date() } });
    const reply = only(await app.say('rep2', '新客户：顺丰'));
    expect(reply.card?.title).toBe('「顺丰速运」在公海中，可以领取');
    expect(labels(reply)).toEqual(['领取 顺丰速运', '取消']);
  });
});

describe('a rep naming another rep\'s customer sees no more than that', () => {
  it.each([
    ['a status query', '美团现在什么进展'],
    ['its contacts', '帮我查下美团的联系人电话'],
    ['logging a visit', '今天拜访了美团的孙经理，意向金额50万'],
  ])('%s', async (_what, text) => {
    const before = await counts(app.db);
    const reply = only(await app.say('rep2', text));
    expect(reply.card?.title).toBe(`「美团」是别人负责的客户（华东销售一组），你看不到也改不了它的记录；可以申请协作或转给我`);
    expect(JSON.stringify(reply)).not.toMatch(/张伟|孙经理|1370123|万/);
    expect(await counts(app.db)).toEqual(before);
  });
});

describe('the Excel import', () => {
  it('reports a rep\'s rows naming another owner\'s customer (name, pinyin, phone) as duplicates, not created', async () => {
    const file = await xlsx('dup.xlsx', [
      ['客户名称', '联系人', '电话', '负责人'],
      ['美团点评', '黄渤', '', '李娜'],
      ['Bi Ya Di', '', '', '李娜'],
      ['宁德新能源', '王五', '13701230006', '李娜'],
      ['长江存储', '', '', '李娜'],
      ['华为云', '', '', '张伟'],
    ]);
    const before = await app.db.customer.count({ where: { tenantId: 'demo' } });
    const r = await importFile(app.db, file, { tenantId: 'demo' });
    if (!r.ok) throw new Error(r.code);
    expect(r).toMatchObject({ created: 1, duplicates: 3 });
    expect(r.rejected.map((x) => [x.row, x.reasons])).toEqual([2, 3, 4].map((row) => [row, ['duplicate_of_another_owner']]));
    expect(await app.db.customer.count({ where: { tenantId: 'demo' } })).toBe(before + 1);
    expect(await app.db.contact.count({ where: { tenantId: 'demo', name: { in: ['黄渤', '王五'] } } })).toBe(0);
  });
});
