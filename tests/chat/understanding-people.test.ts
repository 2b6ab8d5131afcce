// Issue #11, blind batches 23–24: who is who in a report, from the message in to the records read
// back — our own colleague who came along, a full name after a title, a contact who changed jobs.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { counts, customerNamed, localAt, nextWeek, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});

const customer = (name: string) => customerNamed(app.db, name);
const latestActivity = async (name: string) =>
  app.db.activity.findFirstOrThrow({ where: { customerId: (await customer(name)).id }, orderBy: { createdAt: 'desc' } });

describe('our own colleague is nobody at the customer', () => {
  it('和我们区域经理老周一起见了顺丰的刘总 logs a visit today with 刘总, and no contact 老周', async () => {
    const reply = only(await app.say('rep1', '和我们区域经理老周一起见了顺丰的刘总 聊得不错'));
    expect(reply.text.split('\n')[0]).toBe('已记录拜访 · 顺丰速运');
    const activity = await latestActivity('顺丰速运');
    expect(activity.channel).toBe('visit');
    const met = await app.db.contact.findFirstOrThrow({ where: { id: activity.contactId ?? '' } });
    expect(met.name).toBe('刘总');
    expect(await app.db.contact.count({ where: { tenantId: 'demo', name: { contains: '老周' } } })).toBe(0);
    // 老周一起 holds no Monday: the visit is today's.
    expect(activity.occurredAt >= localAt(0, 0) && activity.occurredAt < localAt(1, 0)).toBe(true);
  });
});

describe('a full name after a title', () => {
  it('去了趟招行，信息部经理方志远接待的 adds 方志远 with the title', async () => {
    const cmb = await customer('招商银行');
    const reply = only(await app.say('rep1', '去了趟招行，信息部经理方志远接待的，聊了系统升级'));
    expect(reply.text.split('\n')[0]).toBe('已记录拜访 · 招商银行');
    const added = await app.db.contact.findFirstOrThrow({ where: { customerId: cmb.id, name: '方志远' } });
    expect(added.title).toBe('信息部经理');
  });
});

describe('a contact who changed jobs', () => {
  it('is added at the new customer, marked as left at the old one, and undo puts both back', async () => {
    const meituan = await customer('美团');
    const sf = await customer('顺丰速运');
    only(await app.say('rep1', '添加联系人 美团 王静 运营经理 13700001111'));
    const before = await counts(app.db);

    const reply = only(await app.say('rep1', '王静跳槽了，从美团去了顺丰，现在是顺丰的采购总监，新手机 13912345678'));
    expect(reply.text.split('\n').slice(0, 2)).toEqual(['已添加联系人 王静 · 顺丰速运', '王静 在 美团 已标为离职']);
    const now = await app.db.contact.findFirstOrThrow({ where: { customerId: sf.id, name: '王静' } });
    expect([now.title, now.phone, now.leftAt]).toEqual(['采购总监', '13912345678', null]);
    const old = await app.db.contact.findFirstOrThrow({ where: { customerId: meituan.id, name: '王静' } });
    expect(old.leftAt).toBeInstanceOf(Date);
    expect((await counts(app.db)).contacts).toBe(before.contacts + 1);

    // Read back: listed at 美团 as left, after the people still there; gone from 美团's status card.
    const listed = only(await app.say('rep1', '美团的联系人'));
    expect(listed.card?.fields?.at(-1)?.label).toBe('王静（已离职） · 运营经理');
    const status = only(await app.say('rep1', '美团现在怎样'));
    expect(status.card?.fields?.find((f) => f.label === '联系人')?.value).not.toContain('王静');

    expect(only(await app.say('rep1', '撤销')).text).toMatch(/^已撤销：已添加联系人 王静 · 顺丰速运/);
    expect((await app.db.contact.findFirstOrThrow({ where: { id: old.id } })).leftAt).toBeNull();
    expect(await app.db.contact.count({ where: { customerId: sf.id, name: '王静' } })).toBe(0);
  });

  it('a namesake at a customer the message does not name is left alone', async () => {
    const cmb = await customer('招商银行');
    only(await app.say('rep1', '添加联系人 招行 王总 行长'));
    const reply = only(await app.say('rep1', '王总跳槽了，现在是顺丰的副总裁'));
    expect(reply.text.split('\n')).toHaveLength(1);
    expect((await app.db.contact.findFirstOrThrow({ where: { customerId: cmb.id, name: '王总' } })).leftAt).toBeNull();
  });
});

describe('questions about callbacks due', () => {
  it('今天该打哪些回访电话 and "which customers need a callback today" list the callback due, and write nothing', async () => {
    const care = await app.userId('care');
    const yonghui = await customer('永辉超市');
    await app.db.reminder.create({ data: { tenantId: 'demo', kind: 'callback', dueAt: localAt(-30, 10), assigneeId: care, customerId: yonghui.id, note: '回访电话测试' } });
    const before = await counts(app.db);
    const zh = only(await app.say('care', '今天该打哪些回访电话'));
    expect(zh.text).toBe('今天要回访的客户');
    expect(zh.card!.fields!.map((f) => f.value)).toContain('永辉超市 — 回访电话测试');
    const en = only(await app.say('care', 'which customers need a callback today'));
    expect(en.card!.fields!.map((f) => f.value)).toContain('永辉超市 — 回访电话测试');
    expect(await counts(app.db)).toEqual(before);
  });
});

describe('a vague follow-up said with deal news', () => {
  it('丢了…明年再约他们聊 records the loss and asks when, with buttons; 下周一 sets the reminder', async () => {
    const cmb = await customer('招商银行');
    const reply = only(await app.say('rep1', '招行那单丢了，他们选了别家。明年再约他们聊'));
    const lines = reply.text.split('\n');
    expect(lines[0]).toBe('已更新商机 · 招商银行');
    expect(lines.find((l) => l.startsWith('你说「'))).toMatch(/^你说「明年再约他们聊」，具体什么时候提醒你跟进？/);
    const lost = await app.db.deal.findFirstOrThrow({ where: { customerId: cmb.id, stage: 'lost' }, orderBy: { updatedAt: 'desc' } });
    expect(lost.lostReason).toBe('他们选了别家');
    const monday = reply.card?.buttons?.find((b) => b.label === '下周一');
    expect(monday).toBeDefined();
    const set = only(await app.click('rep1', monday!.action));
    expect(set.text).toMatch(/^好的，\d+月\d+日 周一 09:00 提醒你跟进 招商银行$/);
    expect(await app.db.reminder.count({ where: { customerId: cmb.id, dueAt: localAt(nextWeek(1), 9), status: 'pending' } })).toBe(1);
  });
});
