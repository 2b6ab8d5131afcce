// Issue #13 on Slack, through the whole product with the real WebClient against the fake Web API:
// a click's answer replaces its card (chat.update; response_url for an ephemeral card; a new
// message when Slack refuses the update; nothing replaced when the click failed), /crm answers
// ephemerally where it was typed (the DM when the bot is not in that channel) and only the
// configured command runs, a shared file gets an answer (its caption is read), and a welcome
// comes once when the bot is added to a channel. Payloads follow docs.slack.dev's examples.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackAdapter } from '../../adapters/slack/adapter.js';
import type { Block } from '../../adapters/slack/blocks.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { seedDemo } from '../../prisma/seed.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import {
  BOT_USER, clickRequest, commandRequest, directMessage, eventCallback, FakeSlackApi, SIGNING_SECRET, slackRequest, TEAM, type SlackCall,
} from './fakes/slack-api.js';

const log = createLogger('silent');
const until = async (check: () => boolean, ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return;
  throw new Error('timed out waiting');
};
const settle = () => new Promise((r) => setTimeout(r, 800));

const api = new FakeSlackApi();
let product: ReturnType<typeof assemble>;
let workers: { close(): Promise<void> };

beforeAll(async () => {
  await api.start();
  const { db } = await testDb();
  const { redis, prefix } = testRedis();
  await seedDemo(db);
  const slack = slackAdapter({ botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: api.url, log });
  product = assemble({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined, messengers: () => [slack] });
  workers = await product.startWorkers();
});
afterAll(async () => { await workers?.close(); await product?.closeQueues(); await api.close(); });
beforeEach(() => { api.calls.length = 0; });

const post = async (req: Request) => expect((await product.app.request(req)).status).toBe(200);
const say = (id: string, event: Record<string, unknown>) => post(slackRequest('/webhooks/slack/events', eventCallback(id, event), 'application/json'));
/** Waits for a call of `method`, then takes every call made meanwhile. */
const next = async (method: string): Promise<SlackCall[]> => {
  await until(() => api.calls.some((c) => c.method === method && !c.failed));
  await settle();
  return api.calls.splice(0);
};
const of = (calls: SlackCall[], method: string) => calls.filter((c) => c.method === method);
const blocks = (call: SlackCall) => JSON.parse(call.params.blocks ?? '[]') as Block[];
const buttonValue = (call: SlackCall, label: string) => blocks(call).filter((b) => b.type === 'actions')
  .flatMap((b) => b.elements as { value: string; text: { text: string } }[]).find((e) => e.text.text.includes(label))!.value;

/** A DM that asks whether to create `name`; the question's create-button value. */
async function askAbout(user: string, id: string, name: string): Promise<string> {
  await say(id, directMessage(user, `今天拜访了${name}的周总`));
  const [question] = of(await next('chat.postMessage'), 'chat.postMessage');
  return buttonValue(question!, name);
}

describe('a clicked card becomes its result', () => {
  it('chat.update replaces the card with the outcome: same channel and ts, the question\'s buttons gone, no new message', async () => {
    const value = await askAbout('U21', 'Ev-n-1', '长城汽车');
    await post(clickRequest('U21', value, 'trig-n-1', { ts: '1700000021.000100' }));
    const calls = await next('chat.update');
    const [update] = of(calls, 'chat.update');
    expect(update!.params).toMatchObject({ channel: 'D0DIRECT', ts: '1700000021.000100' });
    expect(update!.params.text).toContain('长城汽车');
    const labels = blocks(update!).filter((b) => b.type === 'actions').flatMap((b) => (b.elements as { text: { text: string } }[]).map((e) => e.text.text));
    expect(labels.some((l) => l.includes('长城汽车'))).toBe(false);
    expect(labels).toContain('撤销');
    expect(of(calls, 'chat.postMessage')).toEqual([]);
  });

  it('an expired question says so on the card itself', async () => {
    await post(clickRequest('U22', JSON.stringify({ intent: 'choose', args: { token: 'gone', index: 0 } }), 'trig-n-2'));
    const [update] = of(await next('chat.update'), 'chat.update');
    expect(update!.params.text).toMatch(/过期|expired/);
  });

  it('an ephemeral card is replaced through the click\'s response_url (replace_original), not chat.update', async () => {
    const responseUrl = `${api.url.replace(/\/api\/$/, '')}/actions/T0TEST/2/xyz`;
    await post(clickRequest('U23', JSON.stringify({ intent: 'help', args: {} }), 'trig-n-3', { channel: 'C0GROUP', ephemeral: true, responseUrl }));
    const calls = await next('response_url');
    expect(of(calls, 'response_url')[0]!.params).toMatchObject({ replace_original: true });
    expect(of(calls, 'chat.update')).toEqual([]);
    expect(of(calls, 'chat.postMessage')).toEqual([]);
  });

  it('an ephemeral card whose response_url is used up is answered ephemerally in its thread', async () => {
    const responseUrl = `${api.url.replace(/\/api\/$/, '')}/actions/T0TEST/3/old`;
    api.failMethodNext('response_url', { status: 404 });
    await post(clickRequest('U33', JSON.stringify({ intent: 'help', args: {} }), 'trig-n-6', { channel: 'C0GROUP', ephemeral: true, responseUrl, ts: '1700000033.000100' }));
    const [answer] = of(await next('chat.postEphemeral'), 'chat.postEphemeral');
    expect(answer!.params).toMatchObject({ channel: 'C0GROUP', user: 'U33', thread_ts: '1700000033.000100' });
  });

  it('posts a new message when Slack refuses the update (message gone)', async () => {
    api.failMethodNext('chat.update', { error: 'message_not_found' });
    await post(clickRequest('U24', JSON.stringify({ intent: 'help', args: {} }), 'trig-n-4'));
    const calls = await next('chat.postMessage');
    expect(of(calls, 'chat.update')).toHaveLength(1);
    expect(of(calls, 'chat.postMessage')[0]!.params.channel).toBe('D0DIRECT');
  });

  it('leaves the card alone when the click failed: the refusal comes as a new message', async () => {
    // A rep clicking an admin action: refused (error.notAllowed), so the card can be used again.
    await post(clickRequest('U25', JSON.stringify({ intent: 'admin', args: { op: 'list' } }), 'trig-n-5'));
    const calls = await next('chat.postMessage');
    expect(of(calls, 'chat.update')).toEqual([]);
    expect(of(calls, 'response_url')).toEqual([]);
  });
});

describe('/crm', () => {
  it('answers ephemerally in the channel it was typed in', async () => {
    await post(commandRequest('U26', 'help', 'trig-c-1'));
    const [answer] = of(await next('chat.postEphemeral'), 'chat.postEphemeral');
    expect(answer!.params).toMatchObject({ channel: 'C0GROUP', user: 'U26' });
  });

  it('answers in the DM when the bot is not in that channel', async () => {
    api.failMethodNext('chat.postEphemeral', { error: 'not_in_channel' });
    await post(commandRequest('U27', 'help', 'trig-c-2'));
    const [answer] = of(await next('chat.postMessage'), 'chat.postMessage');
    expect(answer!.params.channel).toBe('U27');
  });

  it('refuses another command name and runs nothing', async () => {
    const res = await product.app.request(commandRequest('U28', 'help', 'trig-c-3', { command: '/other' }));
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/crm') });
    await settle();
    expect(api.calls).toEqual([]);
  });
});

describe('every message type gets an answer', () => {
  // A file_share message as Slack's Events API sends it (docs.slack.dev message/file_share).
  const fileShare = (user: string, text: string, mimetype: string, ts: string) => ({
    ...directMessage(user, text, ts), subtype: 'file_share', upload: true, display_as_bot: false,
    files: [{ id: 'F04EEHX1EES', name: 'photo', title: 'photo', mimetype, filetype: mimetype.split('/')[1], mode: 'hosted', size: 12 }],
  });

  it('an image or audio clip without a caption: what the bot reads and what to do', async () => {
    await say('Ev-f-1', fileShare('U29', '', 'image/png', '1700000029.000001'));
    const [image] = of(await next('chat.postMessage'), 'chat.postMessage');
    expect(image!.params.text).toContain('图片');
    await say('Ev-f-2', fileShare('U29', '', 'audio/webm', '1700000029.000002'));
    const [voice] = of(await next('chat.postMessage'), 'chat.postMessage');
    expect(voice!.params.text).toContain('请发文字');
  });

  it('a file with a caption: the caption is read like a typed message', async () => {
    await say('Ev-f-3', fileShare('U30', '帮助', 'application/pdf', '1700000030.000001'));
    const [answer] = of(await next('chat.postMessage'), 'chat.postMessage');
    expect(answer!.params.text).toContain('salesbot');
  });
});

describe('first contact', () => {
  // member_joined_channel for the bot itself (docs.slack.dev/reference/events/member_joined_channel).
  const joined = (id: string) => slackRequest('/webhooks/slack/events', eventCallback(id, {
    type: 'member_joined_channel', user: BOT_USER, channel: 'C0WELCOME', channel_type: 'C', team: TEAM, inviter: 'U31', event_ts: '1700000031.000100',
  }), 'application/json');

  it('welcomes a channel once when the bot is added, with examples and buttons', async () => {
    await post(joined('Ev-j-1'));
    const [welcome] = of(await next('chat.postMessage'), 'chat.postMessage');
    expect(welcome!.params.channel).toBe('C0WELCOME');
    expect(welcome!.params.text).toContain('宁德时代');
    expect(blocks(welcome!).some((b) => b.type === 'actions')).toBe(true);
    await post(joined('Ev-j-2')); // added again later: no second welcome
    await settle();
    await settle();
    expect(of(api.calls, 'chat.postMessage')).toEqual([]);
  });

  it('answers a greeting with the welcome', async () => {
    await say('Ev-j-3', directMessage('U32', 'hi', '1700000032.000001'));
    const [welcome] = of(await next('chat.postMessage'), 'chat.postMessage');
    expect(welcome!.params.text).toContain('Visited Acme Corp');
  });
});
