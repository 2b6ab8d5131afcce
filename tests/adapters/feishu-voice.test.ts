// Issue #13, Feishu voice messages, through the whole product: the real SDK downloads the audio
// message's file from the fake open API (an Ogg Opus file made with opusenc, tests/fixtures), the
// adapter decodes it to 16 kHz PCM and sends it to the fake speech-to-text, which checks the
// request's shape; the words are read like typed text, the answer showing "我听到的是：…". Every
// failure (a refusal, too long, not audio) is answered "请发文字" with a log line, nothing written.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feishuFromEnv } from '../../adapters/feishu/index.js';
import { PCM_BYTES_PER_SECOND } from '../../adapters/feishu/ogg-opus.js';
import type { Db } from '../../src/db.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import type { FeishuSend } from './fakes/feishu-api.js';
import { feishuRig, messageEvent, signedRequest } from './fakes/feishu-rig.js';

const VOICE = readFileSync(new URL('../fixtures/feishu-voice-visit.opus', import.meta.url));
/** The fixture's length, as Feishu puts it in the message content (milliseconds). */
const VOICE_MS = 6689;
const HEARD = '今天拜访了华为的张总 下周三再跟进';

const until = async (check: () => boolean, ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return;
  throw new Error('timed out waiting');
};

const lines: Record<string, unknown>[] = [];
const log = pino({ level: 'info' }, new Writable({ write(chunk, _e, done) { lines.push(JSON.parse(String(chunk)) as Record<string, unknown>); done(); } }));
const notHeard = (messageId: string) => lines.find((l) => l.msg === 'feishu voice message not transcribed; asking for text' && l.messageId === messageId);

let db: Db;
let rig: Awaited<ReturnType<typeof feishuRig>>;
let product: ReturnType<typeof assemble>;
let workers: { close(): Promise<void> };
beforeAll(async () => {
  ({ db } = await testDb());
  const { redis, prefix } = testRedis();
  rig = await feishuRig({ speech: true, log });
  product = assemble({ db, redis, log: createLogger('silent'), keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined, messengers: () => [rig.adapter] });
  workers = await product.startWorkers();
});
afterAll(async () => { await workers?.close(); await product?.closeQueues(); await rig?.close(); });

const post = async (payload: object) => expect((await product.app.request(signedRequest(payload))).status).toBe(200);
const cardText = (s: FeishuSend) => JSON.stringify(s.content);

/** A message from `userId`; resolves with the bot's answer to it. */
async function say(userId: string, o: { text?: string; audio?: { file_key: string; duration: number } }): Promise<{ answer: string; messageId: string }> {
  const eventId = randomUUID();
  const from = rig.api.sends.length;
  await post(messageEvent({ eventId, userId, text: o.text ?? '', ...(o.audio && { messageType: 'audio', content: o.audio }) }));
  await until(() => rig.api.sends.slice(from).some((s) => s.replyTo === `om_${eventId}`));
  return { answer: cardText(rig.api.sends.slice(from).find((s) => s.replyTo === `om_${eventId}`)!), messageId: `om_${eventId}` };
}

/** A voice message whose file the fake serves. */
async function voice(userId: string, file: Buffer = VOICE, duration = VOICE_MS) {
  const fileKey = `file_v3_${randomUUID()}`;
  rig.api.resources.set(fileKey, file);
  return { fileKey, ...(await say(userId, { audio: { file_key: fileKey, duration } })) };
}

const activities = () => db.activity.count();

describe('a Feishu voice message with speech-to-text on', () => {
  it('is read like typed text: the visit is logged, the answer says what was heard', async () => {
    await say('ou_v1', { text: '新客户：华为，通信行业' });
    rig.api.speechAnswers.push({ text: HEARD });
    const before = rig.api.recognitions.length;
    const { answer, messageId, fileKey } = await voice('ou_v1');

    expect(answer).toContain(`我听到的是`);
    expect(answer).toContain(HEARD);
    expect(answer).toContain('华为');
    const huawei = await db.customer.findFirstOrThrow({ where: { name: '华为' } });
    const visits = await db.activity.findMany({ where: { customerId: huawei.id } });
    expect(visits).toHaveLength(1);
    expect(visits[0]!.nextFollowUpAt).not.toBeNull(); // 下周三再跟进
    // The download: the message's own resource, as a file.
    expect(rig.api.resourceRequests.at(-1)).toEqual({ messageId, fileKey, type: 'file' });
    // One recognition, shaped as documented (the fake refuses any other shape): 16 kHz 16-bit
    // mono PCM is 32,000 bytes a second of the message's duration.
    const sent = rig.api.recognitions.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ format: 'pcm', engineType: '16k_auto', authorization: 'Bearer t-fake-token' });
    expect(sent[0]!.fileId).toMatch(/^[a-z0-9]{16}$/);
    expect(Math.abs(sent[0]!.pcmBytes - (VOICE_MS / 1000) * PCM_BYTES_PER_SECOND)).toBeLessThan(PCM_BYTES_PER_SECOND / 50);
  });

  it('a refusal from speech-to-text (no scope): "请发文字", a log line naming the code, nothing written', async () => {
    rig.api.speechAnswers.push({ status: 400, code: 99991672, msg: 'Access denied. One of the following scopes is required: [speech_to_text:speech].' });
    const written = [await activities(), await db.customer.count()];
    const { answer, messageId } = await voice('ou_v2');
    expect(answer).toContain('请发文字');
    expect(answer).not.toContain('我听到的是');
    expect([await activities(), await db.customer.count()]).toEqual(written);
    expect(String(notHeard(messageId)?.reason)).toContain('99991672');
  });

  it('an error code in a 200 answer, or nothing heard: "请发文字"', async () => {
    rig.api.speechAnswers.push({ status: 200, code: 2200001, msg: 'internal error (fake)' }, { text: '  ' });
    for (const code of ['2200001', 'nothing recognised']) {
      const { answer, messageId } = await voice('ou_v3');
      expect(answer).toContain('请发文字');
      expect(JSON.stringify(notHeard(messageId))).toContain(code);
    }
  });

  it('longer than the 60 s speech-to-text takes: not even downloaded, "请发文字"', async () => {
    const recognitions = rig.api.recognitions.length;
    const { answer, messageId } = await voice('ou_v4', VOICE, 61_000);
    expect(answer).toContain('请发文字');
    expect(rig.api.resourceRequests.some((r) => r.messageId === messageId)).toBe(false);
    expect(rig.api.recognitions.length).toBe(recognitions);
    expect(notHeard(messageId)).toMatchObject({ reason: 'longer than 60 s', durationMs: 61_000 });
  });

  it('a file that is not Ogg Opus, or one Feishu will not serve: "请发文字", nothing sent for recognition', async () => {
    const recognitions = rig.api.recognitions.length;
    const garbled = await voice('ou_v5', Buffer.from('ID3\u0003 an mp3, not an ogg'));
    expect(garbled.answer).toContain('请发文字');
    expect(String(notHeard(garbled.messageId)?.reason)).toContain('no Opus audio');
    const gone = await say('ou_v5', { audio: { file_key: 'file_v3_never_uploaded', duration: 2000 } });
    expect(gone.answer).toContain('请发文字');
    expect(String(notHeard(gone.messageId)?.reason)).toContain('HTTP 400');
    expect(rig.api.recognitions.length).toBe(recognitions);
  });
});

describe('FEISHU_SPEECH', () => {
  const env = { FEISHU_APP_ID: 'cli_a1b2c3d4e5f6a7b8', FEISHU_APP_SECRET: 's', FEISHU_VERIFICATION_TOKEN: 't', FEISHU_ENCRYPT_KEY: 'k' };
  const configured = (extra: Record<string, string>) => {
    const seen: Record<string, unknown>[] = [];
    const capture = pino({ level: 'info' }, new Writable({ write(chunk, _e, done) { seen.push(JSON.parse(String(chunk)) as Record<string, unknown>); done(); } }));
    feishuFromEnv({ ...env, ...extra }, { log: capture });
    return seen.find((l) => l.msg === 'feishu adapter configured')?.speech;
  };

  it('turns speech-to-text on with 1 (or true); off when unset or anything else', () => {
    expect([configured({ FEISHU_SPEECH: '1' }), configured({ FEISHU_SPEECH: 'true' }), configured({}), configured({ FEISHU_SPEECH: '0' })]).toEqual([true, true, false, false]);
  });

  it('off: the adapter hears nothing and never fetches the audio (feishu-native.test.ts: the answer is "请发文字")', async () => {
    const off = await feishuRig();
    try {
      off.api.resources.set('file_v3_off', VOICE);
      const heard = await off.adapter.transcribe({
        type: 'text', eventId: 'e1', at: new Date(), text: '', attachment: 'voice', messageId: 'om_off', audio: { key: 'file_v3_off', durationMs: VOICE_MS },
        from: { platform: 'feishu', platformTenant: 't', userId: 'ou_x' }, address: { platform: 'feishu', platformTenant: 't', conversationId: 'oc_x', kind: 'direct' },
      });
      expect(heard).toBeUndefined();
      expect(off.api.resourceRequests).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
