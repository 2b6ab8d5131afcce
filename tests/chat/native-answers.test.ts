// Issue #13 in the neutral model, through the router the adapters share (driven by the web chat
// API and router.handle): a click's answer says it replaces the clicked card (not when the click
// failed), an attachment without text gets a short answer, a transcript is answered like typed
// text with "我听到的是", and first contact is welcomed once.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../src/chat/index.js';
import { button, testApp } from '../support/app.js';

let app: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => { app = await testApp(); });

const source = { messageId: 'card-7' };
const web = (user: string) => ({
  eventId: randomUUID(), at: new Date(),
  from: { platform: 'web' as const, platformTenant: 'demo', userId: user },
  address: { platform: 'web' as const, platformTenant: 'demo', conversationId: user, kind: 'direct' as const },
});
const handle = (event: InboundEvent) => app.router.handle(event);

describe('a click replaces its card', () => {
  it('the answer to a click names the card it replaces', async () => {
    const asked = await app.say('rep1', '今天拜访了理想汽车的马总');
    const answer = await app.post({ user: 'rep1', action: button(asked, '理想汽车'), source });
    expect(answer.replies[0]).toMatchObject({ replaces: source });
    expect(answer.replies[0]!.text).toContain('理想汽车');
  });

  it('an expired question says so in the card\'s place', async () => {
    const answer = await app.post({ user: 'rep1', action: { intent: 'choose', args: { token: 'gone', index: 0 } }, source });
    expect(answer.replies[0]).toMatchObject({ replaces: source, text: expect.stringContaining('过期') });
  });

  it('a click that failed leaves the card as it was (nothing replaced)', async () => {
    const answer = await app.post({ user: 'rep1', action: { intent: 'admin', args: { op: 'list' } }, source });
    expect(answer.replies).toHaveLength(1);
    expect(answer.replies[0]!.replaces).toBeUndefined();
  });

  it('a click that failed inside (the write refused) leaves the card too', async () => {
    const asked = await app.say('rep1', '今天拜访了零跑汽车的朱总');
    // The next Activity insert fails with an error no retry fixes.
    await app.db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_activity() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      RAISE EXCEPTION 'activity insert refused by the test'; END $$`);
    await app.db.$executeRawUnsafe('CREATE TRIGGER refuse_activity BEFORE INSERT ON "Activity" FOR EACH ROW EXECUTE FUNCTION refuse_activity()');
    try {
      const answer = await app.post({ user: 'rep1', action: button(asked, '零跑汽车'), source });
      expect(answer.replies[0]!.text).toMatch(/出错/);
      expect(answer.replies[0]!.replaces).toBeUndefined();
    } finally {
      await app.db.$executeRawUnsafe('DROP TRIGGER IF EXISTS refuse_activity ON "Activity"');
    }
  });

  it('a typed message replaces nothing', async () => {
    expect((await app.say('rep1', '帮助')).replies[0]!.replaces).toBeUndefined();
  });
});

describe('every message type gets an answer', () => {
  it.each([
    ['image', '图片'], ['file', '文件'], ['sticker', '打字'], ['video', '视频'], ['location', '位置'], ['voice', '请发文字'],
  ] as const)('%s without text: says what the bot reads', async (attachment, words) => {
    const { replies } = await handle({ ...web('rep2'), type: 'text', text: '', attachment });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain(words);
  });

  it('rich text with an image keeps its text', async () => {
    const { replies } = await handle({ ...web('rep2'), type: 'text', text: '我的销售漏斗', attachment: 'image' });
    expect(replies[0]!.text).not.toContain('图片');
    expect(replies[0]!.card?.title ?? replies[0]!.text).toMatch(/漏斗|商机/);
  });

  it('a transcribed voice message is answered like typed text, showing what was heard', async () => {
    const { replies } = await handle({ ...web('rep2'), type: 'text', text: '我的销售漏斗', attachment: 'voice', transcribed: true });
    const shown = [replies[0]!.text, ...(replies[0]!.card?.fields ?? []).map((f) => `${f.label}：${f.value}`)].join('\n');
    expect(shown).toContain('我听到的是：我的销售漏斗');
  });
});

describe('first contact', () => {
  it('welcomes a person once when they open the bot, with three examples and buttons', async () => {
    const first = await handle({ ...web('newbie'), type: 'joined' });
    expect(first.replies).toHaveLength(1);
    expect(first.replies[0]!.text.split('\n').filter((l) => l.startsWith('·'))).toHaveLength(3);
    expect(first.replies[0]!.card?.buttons?.length).toBeGreaterThan(0);
    expect((await handle({ ...web('newbie'), type: 'joined' })).replies).toEqual([]);
  });

  it('answers a greeting with the welcome, in the language of the greeting', async () => {
    expect((await app.say('rep1', '你好')).replies[0]!.text).toContain('宁德时代');
    expect((await app.say('rep1', 'hi!')).replies[0]!.text).toContain('Stark Industries');
  });
});
