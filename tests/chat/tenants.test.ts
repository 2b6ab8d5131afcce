// Tenant isolation: a second tenant driven through the same router never sees, finds or writes
// the demo tenant's rows — not by name, not by a button carrying a demo id.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionPayload, InboundEvent } from '../../src/chat/index.js';
import { nameKeys } from '../../src/domain/names.js';
import { testApp } from '../support/app.js';
import { counts, fieldValue } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
const TENANT = 'acme-b';

let app: App;
let bob: string;
let demo: { cloudId: string; cloudDealId: string; bydId: string };
beforeAll(async () => {
  app = await testApp();
  await app.db.tenant.create({ data: { id: TENANT, name: 'Acme B' } });
  bob = (await app.db.user.create({ data: { tenantId: TENANT, handle: 'bob', name: 'Bob', role: 'rep' } })).id;
  // acme-b has its own 美团 (so a name both tenants use resolves to the caller's own row).
  const own = await app.db.customer.create({ data: { tenantId: TENANT, name: '美团', ownerId: bob, ...nameKeys('美团') } });
  await app.db.deal.create({ data: { tenantId: TENANT, customerId: own.id, ownerId: bob, title: 'B 美团', amount: 10_000, stage: 'proposal', probability: 50 } });
  const cloud = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '华为云' } });
  const cloudDeal = await app.db.deal.findFirstOrThrow({ where: { customerId: cloud.id, stage: 'proposal' } });
  const byd = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '比亚迪' } });
  demo = { cloudId: cloud.id, cloudDealId: cloudDeal.id, bydId: byd.id };
});

function event(user: string, body: { text: string } | { action: ActionPayload }, eventId: string = randomUUID()): InboundEvent {
  const base = {
    eventId, at: new Date(),
    from: { platform: 'web' as const, platformTenant: TENANT, userId: user },
    address: { platform: 'web' as const, platformTenant: TENANT, conversationId: user, kind: 'direct' as const },
  };
  return 'text' in body ? { ...base, type: 'text', text: body.text } : { ...base, type: 'action', action: body.action };
}
const say = async (text: string, eventId: string = randomUUID()) => (await app.router.handle(event('bob', { text }, eventId))).replies;
const click = async (action: ActionPayload) => (await app.router.handle(event('bob', { action }))).replies;
const both = async () => ({ demo: await counts(app.db, 'demo'), b: await counts(app.db, TENANT) });

describe('a second tenant', () => {
  it('does not find the demo tenant\'s customers by name', async () => {
    const before = await both();
    const [cloud] = await say('华为云现在什么进展');
    expect(cloud!.text).toBe('没有找到客户「华为云」。可以说「新客户 华为云」来新建。');
    expect(cloud!.card).toBeUndefined();
    const [byd] = await say('比亚迪现在什么进展');
    expect(byd!.text).toBe('没有找到客户「比亚迪」。可以说「新客户 比亚迪」来新建。');
    const [alias] = await say('status of BYD');
    expect(alias!.text).toBe('No customer called "BYD". Say "new customer BYD" to add it.');
    expect(await both()).toEqual(before);
  });

  it('offers to create, not to reuse, a customer only the demo tenant has', async () => {
    const [asked] = await say('今天拜访了比亚迪的刘经理');
    expect(asked!.text).toMatch(/^没有找到客户「比亚迪」。要新建为客户吗？/);
    const labels = asked!.card!.buttons!.map((b) => b.label);
    expect(labels).toEqual(['新建「比亚迪」', '取消']);
    const [cancelled] = await say('取消');
    expect(cancelled!.text).toBe('好的，已取消，什么都没有改。');
  });

  it('resolves a name both tenants use to its own row', async () => {
    const [reply] = await say('美团现在什么进展');
    expect(reply!.text).toBe('美团 的情况');
    expect(fieldValue(reply!, '负责人')).toBe('Bob');
    expect(fieldValue(reply!, '商机')).toBe('方案报价 1万');
    expect(fieldValue(reply!, '联系人')).toBe('暂无');
  });

  it('sees only its own pipeline', async () => {
    const [reply] = await say('我的销售漏斗');
    expect(fieldValue(reply!, '合计')).toBe('1 · 1万 · 加权 ¥5,000');
    const [team] = await say('团队的销售漏斗');
    expect(team!.text).toBe('团队数据只有经理能看，下面是你自己的。\n我的销售漏斗');
    expect(fieldValue(team!, '合计')).toBe('1 · 1万 · 加权 ¥5,000');
  });

  it('an admin of the second tenant sees all of it and nothing of the demo tenant', async () => {
    await app.db.user.create({ data: { tenantId: TENANT, handle: 'root', name: 'Root', role: 'admin' } });
    const replies = (await app.router.handle(event('root', { text: '团队的销售漏斗' }))).replies;
    expect(replies[0]!.text).toBe('团队销售漏斗');
    expect(fieldValue(replies[0]!, '合计')).toBe('1 · 1万 · 加权 ¥5,000');
    const tasks = (await app.router.handle(event('root', { text: '今天要跟进哪些客户' }))).replies;
    expect(tasks[0]!.text).toBe('今天没有要跟进的客户，干得好！');
  });

  it.each([
    ['log an activity on', () => ({ intent: 'log_activity', args: { customerId: demo.cloudId, summary: '拜访' } })],
    ['update a deal of', () => ({ intent: 'update_deal', args: { customerId: demo.cloudId, amount: 1 } })],
    ['update a demo deal through its own customer', async () => {
      const own = await app.db.customer.findFirstOrThrow({ where: { tenantId: TENANT, name: '美团' } });
      return { intent: 'update_deal', args: { customerId: own.id, dealId: demo.cloudDealId, amount: 1 } };
    }],
    ['add a contact to', () => ({ intent: 'add_contact', args: { customerId: demo.bydId, contact: '间谍' } })],
    ['schedule a follow-up on', () => ({ intent: 'schedule_follow_up', args: { customerId: demo.bydId, next_follow_up: '2027-01-05' } })],
    ['record a callback on', () => ({ intent: 'record_callback', args: { customerId: demo.bydId, satisfaction: 1 } })],
    ['look at', () => ({ intent: 'query_customer', args: { customerId: demo.cloudId } })],
  ] as [string, () => ActionPayload | Promise<ActionPayload>][])('refuses a button to %s a demo customer, writing nothing', async (_name, action) => {
    const before = await both();
    const dealBefore = await app.db.deal.findUniqueOrThrow({ where: { id: demo.cloudDealId } });
    const [reply] = await click(await action());
    expect(reply!.text).toBe('你没有权限做这个操作。');
    expect(await both()).toEqual(before);
    expect(await app.db.deal.findUniqueOrThrow({ where: { id: demo.cloudDealId } })).toEqual(dealBefore);
  });

  it('cannot undo a demo user\'s batch by its id', async () => {
    const answer = await app.say('rep1', '华为云金额调整为70万');
    const batch = answer.replies[0]!.card!.buttons!.find((b) => b.action.intent === 'undo')!.action;
    const before = await both();
    const [reply] = await click(batch);
    expect(reply!.text).toBe('没有可以撤销的操作。');
    expect(await both()).toEqual(before);
    const deal = await app.db.deal.findUniqueOrThrow({ where: { id: demo.cloudDealId } });
    expect(deal.amount!.toNumber()).toBe(700_000);
  });

  it('keeps event ids apart per tenant', async () => {
    const demoBefore = await counts(app.db, 'demo');
    const bBefore = await counts(app.db, TENANT);
    expect((await app.say('rep1', '新客户：共享事件甲', 'shared-event-1')).replies[0]!.text).toBe('已新建客户 共享事件甲');
    expect((await say('新客户：共享事件乙', 'shared-event-1'))[0]!.text).toBe('已新建客户 共享事件乙');
    expect((await counts(app.db, 'demo')).customers).toBe(demoBefore.customers + 1);
    expect((await counts(app.db, TENANT)).customers).toBe(bBefore.customers + 1);
    const created = await app.db.customer.findFirstOrThrow({ where: { name: '共享事件乙' } });
    expect(created).toMatchObject({ tenantId: TENANT, ownerId: bob });
  });

  it('writes its new rows into its own tenant', async () => {
    const [reply] = await say('今天拜访了美团的小周，下周三再跟进');
    expect(reply!.text).toBe('已记录拜访 · 美团');
    const activity = await app.db.activity.findFirstOrThrow({ where: { userId: bob } });
    expect(activity.tenantId).toBe(TENANT);
    const rows = await app.db.auditLog.findMany({ where: { userId: bob } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.tenantId === TENANT)).toBe(true);
    expect(await app.db.reminder.count({ where: { assigneeId: bob, tenantId: TENANT } })).toBe(1);
  });
});
