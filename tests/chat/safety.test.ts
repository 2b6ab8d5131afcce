// What must never go wrong whatever arrives: a redelivered event is applied once; bad input gets
// a clear answer and writes nothing; the API is locked by its token, or off.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type ChatAnswer } from '../support/app.js';
import { counts, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;

let app: App;
beforeAll(async () => {
  app = await testApp();
});

const meituanActivities = async () =>
  app.db.activity.count({ where: { customerId: (await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '美团' } })).id } });

describe('idempotency', () => {
  it('applies an event id once: the redelivery is answered as a duplicate', async () => {
    const before = await meituanActivities();
    const first = await app.say('rep1', '今天拜访了美团的孙经理', 'evt-visit-1');
    expect(only(first).text).toBe('已记录拜访 · 美团');
    const again = await app.say('rep1', '今天拜访了美团的孙经理', 'evt-visit-1');
    expect(again).toEqual({ status: 200, replies: [], duplicate: true });
    expect(await meituanActivities()).toBe(before + 1);
    const activity = await app.db.activity.findFirstOrThrow({ where: { sourceMessageId: 'web:demo:evt-visit-1' } });
    expect(activity.channel).toBe('visit');
  });

  it('applies two simultaneous deliveries of one event once', async () => {
    const before = await meituanActivities();
    const answers = await Promise.all([
      app.say('rep1', '给美团的孙经理打了电话', 'evt-race-1'),
      app.say('rep1', '给美团的孙经理打了电话', 'evt-race-1'),
    ]);
    expect(answers.filter((a) => a.duplicate)).toHaveLength(1);
    expect(answers.find((a) => !a.duplicate)!.replies[0]!.text).toBe('已记录电话 · 美团');
    expect(await meituanActivities()).toBe(before + 1);
  });

  it('applies a redelivered button click once', async () => {
    const deal = await app.db.deal.findFirstOrThrow({ where: { tenantId: 'demo', title: '美团商户SaaS采购' } });
    const action = { intent: 'update_deal', args: { customerId: deal.customerId, dealId: deal.id, amount: 320_000 } };
    const first = await app.post({ user: 'rep1', action, eventId: 'evt-click-1' });
    expect(only(first).text).toBe('已更新商机 · 美团');
    const auditBefore = await app.db.auditLog.count({ where: { entityId: deal.id } });
    expect(await app.post({ user: 'rep1', action: { ...action, args: { ...action.args, amount: 1 } }, eventId: 'evt-click-1' }))
      .toMatchObject({ duplicate: true, replies: [] });
    expect((await app.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).amount!.toNumber()).toBe(320_000);
    expect(await app.db.auditLog.count({ where: { entityId: deal.id } })).toBe(auditBefore);
  });

  it('answers a redelivered click on a question\'s button as a duplicate, not as expired', async () => {
    const asked = await app.say('rep1', '今天拜访了蔚来汽车的李总');
    const create = asked.replies[0]!.card!.buttons![0]!.action;
    expect(only(await app.post({ user: 'rep1', action: create, eventId: 'evt-choose-1' })).text).toBe('已记录拜访 · 蔚来汽车');
    const before = await counts(app.db);
    expect(await app.post({ user: 'rep1', action: create, eventId: 'evt-choose-1' })).toEqual({ status: 200, replies: [], duplicate: true });
    expect(await counts(app.db)).toEqual(before);
  });

  it('treats different event ids as different messages', async () => {
    const before = await meituanActivities();
    await app.say('rep1', '今天拜访了美团的孙经理', 'evt-visit-2');
    await app.say('rep1', '今天拜访了美团的孙经理', 'evt-visit-3');
    expect(await meituanActivities()).toBe(before + 2);
  });
});

describe('bad input writes nothing and says why', () => {
  const cases: [string, () => Promise<ChatAnswer>, RegExp | string][] = [
    ['empty text', () => app.say('rep1', ''), '消息是空的。请输入要记录或查询的内容，发「帮助」看例子。'],
    ['blank text', () => app.say('rep1', ' \n\t '), /^消息是空的/],
    ['20,000 characters', () => app.say('rep1', '拜访'.repeat(10_000)), '消息太长了（20000 字），最多 2000 字。请只写要点，或分成几条发送。'],
    ['2,001 characters, one over the limit', () => app.say('rep1', '访'.repeat(2001)), '消息太长了（2001 字），最多 2000 字。请只写要点，或分成几条发送。'],
    ['19,999 characters of English (the trailing space trimmed)', () => app.say('rep1', 'call Acme '.repeat(2_000)), /^That message is too long \(19999 characters; the limit is 2000\)/],
    // Keyboard noise is no language: the reply stays in the one the user last wrote in (English, just above).
    ['20,000 Latin letters of noise', () => app.say('rep1', 'x'.repeat(20_000)), /^That message is too long \(20000 characters/],
    // No language to go by: the reply keeps the one the user last wrote in (English, just above).
    ['emoji only', () => app.say('rep1', '😀🎉👍'), /^Sorry, I didn't get that\./],
    ['an amount "abc万"', () => app.say('rep1', 'abc万'), '金额「abc万」看不懂，什么都没有改。请写成数字，例如 50万、1.2亿 或 500000。'],
    ['a deal update with "abc万"', () => app.say('rep1', '美团金额调整为abc万'), /^金额「abc万」看不懂，什么都没有改/],
    ['an unknown intent', () => app.click('rep1', { intent: 'drop_tables', args: {} }), '这个操作的参数不对，什么都没有改。请直接用文字再说一次。'],
    ['an inherited property as intent', () => app.click('rep1', { intent: 'constructor', args: {} }), /^这个操作的参数不对/],
    ['an amount that is a string', () => app.click('rep1', { intent: 'update_deal', args: { customer: '美团', amount: 'lots' } }), /^这个操作的参数不对/],
    ['a negative amount', () => app.click('rep1', { intent: 'update_deal', args: { customer: '美团', amount: -1 } }), /^这个操作的参数不对/],
    ['an unknown stage', () => app.click('rep1', { intent: 'update_deal', args: { customer: '美团', stage: 'maybe' } }), /^这个操作的参数不对/],
    ['an unknown channel', () => app.click('rep1', { intent: 'log_activity', args: { customer: '美团', channel: 'fax' } }), /^这个操作的参数不对/],
    ['a batch id that is a number', () => app.click('rep1', { intent: 'undo', args: { batchId: 5 } }), /^这个操作的参数不对/],
    ['a satisfaction of 9', () => app.click('rep1', { intent: 'record_callback', args: { customer: '美团', satisfaction: 9 } }), /^这个操作的参数不对/],
    ['an impossible expected close date', () => app.click('rep1', { intent: 'log_activity', args: { customer: '美团', expected_close: '2026-02-30', amount: 5 } }), /^这个操作的参数不对/],
    ['an impossible follow-up date', () => app.click('rep1', { intent: 'log_activity', args: { customer: '美团', next_follow_up: '2026-13-45' } }), /^这个操作的参数不对/],
    ['an impossible follow-up time', () => app.click('rep1', { intent: 'schedule_follow_up', args: { customer: '美团', next_follow_up: '2027-01-05T25:99' } }), /^这个操作的参数不对/],
    ['an impossible birthday', () => app.click('rep1', { intent: 'add_contact', args: { customer: '美团', contact: '孙经理', birthday: '02-30' } }), /^这个操作的参数不对/],
    ['a customer name of punctuation only (button)', () => app.click('rep1', { intent: 'create_customer', args: { customer: '!!!' } }), /^这个操作的参数不对/],
    ['a customer name of punctuation only (typed)', () => app.say('rep1', '新客户：%%%'), /^是哪个客户？/],
    ['a choice with wrong types', () => app.click('rep1', { intent: 'choose', args: { token: 5, index: 'a' } }), '这个问题已经过期了，请重新发一次刚才的消息。'],
    ['a customer id that does not exist', () => app.click('rep1', { intent: 'update_deal', args: { customerId: 'nope', amount: 1 } }), '你没有权限做这个操作。'],
    ['a deal id that does not exist', () => app.click('rep1', { intent: 'update_deal', args: { customer: '美团', dealId: 'nope', amount: 1 } }), '你没有权限做这个操作。'],
    ['a batch id that does not exist', () => app.click('rep1', { intent: 'undo', args: { batchId: 'nope' } }), '没有可以撤销的操作。'],
  ];

  it.each(cases)('%s', async (_name, send, expected) => {
    const before = await counts(app.db);
    const reply = only(await send());
    if (typeof expected === 'string') expect(reply.text).toBe(expected);
    else expect(reply.text).toMatch(expected);
    expect(reply.card?.buttons?.some((b) => b.action.intent === 'undo') ?? false).toBe(false);
    expect(await counts(app.db)).toEqual(before);
  });

  it('takes a message of exactly 2,000 characters', async () => {
    expect(only(await app.say('rep1', '访'.repeat(2000))).text).toMatch(/^我没太明白/);
  });

  const raw = (body: string) => app.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it.each([
    ['malformed JSON', '{"user": "rep1", "text": '],
    ['not JSON at all', 'hello'],
    ['no user', JSON.stringify({ text: '撤销' })],
    ['a user with spaces', JSON.stringify({ user: 'rep 1', text: '撤销' })],
    ['neither text nor action', JSON.stringify({ user: 'rep1' })],
    ['text that is a number', JSON.stringify({ user: 'rep1', text: 5 })],
    ['action args that are a string', JSON.stringify({ user: 'rep1', action: { intent: 'help', args: 'x' } })],
    ['over 100,000 characters', JSON.stringify({ user: 'rep1', text: '撤'.repeat(100_001) })],
    ['null', 'null'],
  ])('a request with %s is a 400', async (_name, body) => {
    const before = await counts(app.db);
    const res = await raw(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^expected \{"user"/);
    expect(await counts(app.db)).toEqual(before);
  });
});

describe('the web chat token', () => {
  it('requires the bearer token when one is set', async () => {
    const token = 'x'.repeat(20);
    const locked = await testApp({ webChatToken: token });
    const body = { user: 'rep1', text: '我的销售漏斗' };
    expect((await locked.post(body)).status).toBe(401);
    expect((await locked.post(body, { authorization: `Bearer ${'y'.repeat(20)}` })).status).toBe(401);
    expect((await locked.post(body, { authorization: token })).status).toBe(401);
    expect((await locked.post(body, { authorization: `Bearer ${token}x` })).status).toBe(401);
    const inbox = await locked.app.request('/api/chat/inbox?user=rep1');
    expect(inbox.status).toBe(401);
    const ok = await locked.post(body, { authorization: `Bearer ${token}` });
    expect(only(ok).text).toBe('我的销售漏斗');
  });

  it('turns the API off when the token is null', async () => {
    const off = await testApp({ webChatToken: null, seed: false });
    const answer = await off.post({ user: 'rep1', text: '我的销售漏斗' }, { authorization: 'Bearer whatever' });
    expect(answer.status).toBe(404);
    expect(answer.error).toMatch(/web chat API is off/);
    expect((await off.app.request('/api/chat/inbox?user=rep1')).status).toBe(404);
  });
});
