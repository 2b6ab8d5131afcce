// Issue #13 on WeCom, through the whole product with callbacks built from WeCom's documented
// samples and the fake WeCom API: a click's answer updates the clicked card (update_template_card
// with the click's ResponseCode; a new message when WeCom refuses the code; no update when the
// click failed), every message type gets an answer (a voice's Recognition is read as typed text),
// enter_agent welcomes once, and cards neither repeat the question nor cut long text.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../adapters/contract.js';
import { wecomFromEnv } from '../../adapters/wecom/index.js';
import type { TemplateCard } from '../../adapters/wecom/outbound.js';
import type { Address } from '../../src/chat/index.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { FakeWecomApi, type WecomSend } from './fakes/wecom-api.js';
import { CB, CB_ENV, cardClick, enterAgent, image, location, text, video, voice, wecomCallback } from './fakes/wecom-callbacks.js';

const log = createLogger('silent');
const until = async (check: () => boolean, ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return;
  throw new Error('timed out waiting');
};
const settle = () => new Promise((r) => setTimeout(r, 800));

const fake = new FakeWecomApi();
let adapter: Adapter;
let product: ReturnType<typeof assemble>;
let workers: { close(): Promise<void> };
beforeAll(async () => {
  const { db } = await testDb();
  const { redis, prefix } = testRedis();
  await fake.start();
  adapter = wecomFromEnv({ ...CB_ENV, WECOM_API_BASE: fake.url }, { log, redis, keyPrefix: prefix }).adapter!;
  product = assemble({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined, messengers: () => [adapter] });
  workers = await product.startWorkers();
});
afterAll(async () => { await workers?.close(); await product?.closeQueues(); await fake.close(); });

const post = async (fields: Record<string, string | number>) => expect((await product.app.fetch(wecomCallback(fields))).status).toBe(200);
const sendsTo = (user: string) => fake.sends.filter((s) => s.body.touser === user);
const updatesOf = (code: string) => fake.cardUpdates.filter((u) => u.response_code === code);
const shown = (s: WecomSend) => JSON.stringify(s.body);
const cardOf = (s: WecomSend) => (s.body as { template_card: TemplateCard }).template_card;

/** The user's next message(s) once they arrive. */
async function answersTo(user: string, after: number): Promise<WecomSend[]> {
  await until(() => sendsTo(user).length > after);
  await settle();
  return sendsTo(user).slice(after);
}

describe('a clicked card becomes its result', () => {
  it('updates the clicked card with its ResponseCode: the outcome with Undo, the question\'s buttons gone', async () => {
    await post(text('zhaolei', '今天拜访了蔚来汽车的秦总', randomUUID()));
    const [question] = await answersTo('zhaolei', 0);
    const create = cardOf(question!).button_list.find((b) => b.text.includes('蔚来汽车'))!;
    await post(cardClick('zhaolei', create.key, 'code-1'));
    await until(() => updatesOf('code-1').length > 0);
    await settle();
    const [update] = updatesOf('code-1');
    expect(update).toMatchObject({ userids: ['zhaolei'], agentid: Number(CB.agentId), template_card: { card_type: 'button_interaction' } });
    const card = update!.template_card as TemplateCard;
    expect(JSON.stringify(card)).toContain('蔚来汽车');
    expect(card.button_list.map((b) => b.text)).toContain('撤销');
    expect(card.button_list.some((b) => b.text.includes('新建'))).toBe(false);
    expect(sendsTo('zhaolei')).toHaveLength(1);
  });

  it('an expired question says so on the card', async () => {
    await post(cardClick('sunli', JSON.stringify({ intent: 'choose', args: { token: 'gone', index: 0 } }), 'code-2'));
    await until(() => updatesOf('code-2').length > 0);
    expect(JSON.stringify(updatesOf('code-2')[0])).toContain('过期');
  });

  it('does not touch the card when the click failed: the refusal comes as a message', async () => {
    await post(cardClick('zhoujie', JSON.stringify({ intent: 'admin', args: { op: 'list' } }), 'code-3'));
    await answersTo('zhoujie', 0);
    expect(updatesOf('code-3')).toEqual([]);
  });

  it('sends a new message when WeCom refuses the ResponseCode (used or expired)', async () => {
    const to: Address = { platform: 'wecom', platformTenant: CB.corpId, conversationId: 'wuhao', kind: 'direct' };
    await adapter.send(to, { text: '已取消', replaces: { token: 'code-4' } }, { idempotencyKey: randomUUID() });
    expect(updatesOf('code-4')).toHaveLength(1);
    expect(sendsTo('wuhao')).toHaveLength(0);
    await adapter.send(to, { text: '已取消', replaces: { token: 'code-4' } }, { idempotencyKey: randomUUID() });
    expect(sendsTo('wuhao').map(shown)).toEqual([expect.stringContaining('已取消')]);
  });
});

describe('every message type gets an answer', () => {
  it.each([
    ['an image', image, '图片'], ['a video', video, '视频'], ['a location', location, '位置'], ['a voice without recognition', voice, '请发文字'],
  ] as const)('%s: what the bot reads and what to do', async (_, build, words) => {
    const user = `u${randomUUID().slice(0, 8)}`;
    await post(build(user, randomUUID()));
    const [answer] = await answersTo(user, 0);
    expect(shown(answer!)).toContain(words);
  });

  it('a voice with WeCom\'s Recognition is read like typed text, showing what was heard', async () => {
    await post(voice('qianyu', randomUUID(), '帮助'));
    const all = (await answersTo('qianyu', 0)).map(shown).join('\n');
    expect(all).toMatch(/我听到的是[^帮]*帮助/);
  });
});

describe('first contact', () => {
  it('welcomes on enter_agent once, with examples and buttons', async () => {
    await post(enterAgent('fengyu', 1_700_000_000));
    const [welcome] = await answersTo('fengyu', 0);
    expect(welcome!.body.msgtype).toBe('template_card');
    expect(shown(welcome!)).toContain('宁德时代');
    await post(enterAgent('fengyu', 1_700_000_100));
    await settle();
    expect(sendsTo('fengyu')).toHaveLength(1);
  });
});

describe('cards read cleanly', () => {
  it('a question card shows the question once and no numbered list beside its buttons', async () => {
    await post(text('hanmei', '今天拜访了小米的雷总', randomUUID()));
    const [question] = await answersTo('hanmei', 0);
    const card = cardOf(question!);
    expect(card.main_title.title).toContain('小米');
    expect(card.sub_title_text ?? '').not.toMatch(/^\d\. /m);
    expect(card.sub_title_text ?? '').not.toContain(card.main_title.title!.replace('…', ''));
  });

  it('a body longer than the card\'s 112 characters goes whole as markdown, then the card', async () => {
    const to: Address = { platform: 'wecom', platformTenant: CB.corpId, conversationId: 'longtext', kind: 'direct' };
    const body = '跟进记录：'.concat('客户关注交付周期和售后响应，'.repeat(12));
    await adapter.send(to, { text: `确认保存？\n${body}`, card: { title: '确认保存？', buttons: [{ label: '保存', action: { intent: 'help', args: {} } }] } }, { idempotencyKey: randomUUID() });
    const [first, second] = sendsTo('longtext');
    expect(first!.body).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining(body) } });
    expect(second!.body).toMatchObject({ msgtype: 'template_card', template_card: { main_title: { title: '确认保存？' } } });
  });
});
