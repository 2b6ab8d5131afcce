// The Wechaty adapter with the real Wechaty over wechaty-puppet-mock: mock contacts talk to the
// bot, events go through the real inbound queue, router and outbound worker, and the bot's
// `say` comes back to the mock contact or room.
import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileBox } from 'file-box';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { types } from 'wechaty';
import { PlatformError, type Adapter } from '../../adapters/contract.js';
import { wechatyFromEnv } from '../../adapters/wechaty/index.js';
import type { InboundEvent } from '../../src/chat/index.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';

const log = createLogger('silent');
const until = async (check: () => boolean, ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return;
  throw new Error('timed out waiting');
};
const settle = () => new Promise((r) => setTimeout(r, 700));

describe('wechaty', () => {
  const { redis, prefix } = testRedis();
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const bot = mocker.createContact({ name: 'salesbot' });
  const zhang = mocker.createContact({ name: '张伟' });
  const li = mocker.createContact({ name: '李娜' });
  const room = mocker.createRoom({ topic: '华东销售群', memberIdList: [bot.id, zhang.id, li.id] });
  /** What the bot said, per conversation id. */
  const heard = new Map<string, string[]>();
  const queued: InboundEvent[] = [];
  const said = (id: string) => heard.get(id) ?? [];
  let adapter: Adapter;

  beforeAll(async () => {
    const { db } = await testDb();
    adapter = wechatyFromEnv({ WECHATY_TENANT: 'acme' }, { log, puppet }).adapter!;
    // The workers start the adapter with the inbound queue; the wrapper records what it queues.
    const recording: Adapter = { ...adapter, start: (sink) => adapter.start!({ accept: async (e) => { queued.push(e); await sink.accept(e); } }) };
    const product = assemble({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined, messengers: () => [recording] });
    const workers = product.startWorkers();
    await workers.ready;
    const listen = (id: string) => (msg: { talker(): { id: string }; text(): string | undefined }) => {
      if (msg.talker().id === bot.id) heard.set(id, [...said(id), msg.text() ?? '']);
    };
    // The mocks are EventEmitters; their typed-emitter declarations do not resolve here.
    (zhang as unknown as EventEmitter).on('message', listen(zhang.id));
    (room as unknown as EventEmitter).on('message', listen(room.id));
    mocker.login(bot);
    afterAll(async () => { await adapter.stop!(); await workers.close(); await product.closeQueues(); });
  });

  it('answers a direct message with say', async () => {
    zhang.say('我的销售漏斗').to(bot);
    await until(() => said(zhang.id).length > 0);
    expect(said(zhang.id)).toEqual([expect.stringContaining('目前没有进行中的商机。')]);
    expect(queued.at(-1)).toMatchObject({
      type: 'text', text: '我的销售漏斗',
      from: { platform: 'wechaty', platformTenant: 'acme', userId: zhang.id, displayName: '张伟' },
      address: { platform: 'wechaty', platformTenant: 'acme', conversationId: zhang.id, kind: 'direct' },
    });
  });

  it('ignores a room message without a mention, and answers one that mentions the bot', async () => {
    const before = queued.length;
    li.say('我的销售漏斗').to(room);
    await settle();
    expect(queued.length).toBe(before);
    li.say('@salesbot 我的销售漏斗', [bot]).to(room);
    await until(() => said(room.id).length > 0);
    await settle();
    expect(said(room.id)).toEqual([expect.stringContaining('目前没有进行中的商机。')]);
    expect(queued.slice(before)).toEqual([expect.objectContaining({
      text: '我的销售漏斗', address: expect.objectContaining({ conversationId: room.id, kind: 'group' }),
    })]);
  });

  it('shows buttons as numbered options, and typing the number completes the question', async () => {
    const start = said(zhang.id).length;
    zhang.say('今天拜访了宁德时代的王总').to(bot);
    await until(() => said(zhang.id).length > start);
    expect(said(zhang.id)[start]).toMatch(/^没有找到客户「宁德时代」/);
    expect(said(zhang.id)[start]).toContain('1. 新建「宁德时代」');
    zhang.say('1').to(bot);
    await until(() => said(zhang.id).length > start + 1);
    expect(said(zhang.id)[start + 1]).toMatch(/^已记录拜访 · 宁德时代\n/);
    expect(said(zhang.id)[start + 1]).toContain('1. 撤销');
  });

  it('sends an image after the text, and classifies an unknown conversation as gone', async () => {
    const path = join(tmpdir(), `wechaty-${randomUUID()}.png`);
    await writeFile(path, Buffer.from('89504e470d0a1a0a', 'hex'));
    const files: string[] = [];
    (li as unknown as EventEmitter).on('message', (msg: { talker(): { id: string }; type(): number }) => {
      if (msg.talker().id === bot.id) files.push(String(msg.type()));
    });
    await adapter.send({ platform: 'wechaty', platformTenant: 'acme', conversationId: li.id, kind: 'direct' }, { text: '漏斗图', image: { path, alt: 'chart' } }, { idempotencyKey: 'k' });
    await until(() => files.length === 2);
    expect(files).toEqual([String(types.Message.Text), String(types.Message.Image)]);
    const gone = await adapter.send({ platform: 'wechaty', platformTenant: 'acme', conversationId: 'nobody', kind: 'direct' }, { text: 'x' }, { idempotencyKey: 'k2' }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(PlatformError);
    expect((gone as PlatformError).kind).toBe('target_gone');
  });

  it('answers a picture sent directly with what the bot reads (#13)', async () => {
    const start = said(zhang.id).length;
    zhang.say(FileBox.fromBase64(Buffer.from('89504e470d0a1a0a', 'hex').toString('base64'), 'visit.png')).to(bot);
    await until(() => said(zhang.id).length > start);
    expect(said(zhang.id)[start]).toContain('图片');
    expect(queued.at(-1)).toMatchObject({ type: 'text', text: '', attachment: 'image' });
  });

  it('stays off without WECHATY_PUPPET', () => {
    expect(wechatyFromEnv({}, { log })).toEqual({ missing: ['WECHATY_PUPPET'] });
  });
});
