// Issue #6: hostile chat input — huge, binary, control characters and NUL, lone surrogates,
// RTL marks, mixed scripts, SQL/HTML/markdown/mention injection in customer names — fuzzed
// with fast-check through the real router (web chat, testApp) and through the real queue and
// worker path (assemble + startWorkers). The bot answers politely, stores exactly what was
// typed (documented normalisation: NUL removed, an unpaired surrogate becomes U+FFFD — see
// src/chat/clean-text.ts — and names are trimmed), and no worker stops.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render as renderFeishu } from '../../adapters/feishu/outbound.js';
import { renderReply as renderSlack } from '../../adapters/slack/blocks.js';
import { robotMarkdown } from '../../adapters/wecom/group-robot.js';
import type { InboundEvent, Reply } from '../../src/chat/index.js';
import { cleanText } from '../../src/chat/clean-text.js';
import { argsSchema } from '../../src/intents/index.js';
import { initialsKey, matchKey, pinyinKey } from '../../src/domain/names.js';
import { inboundQueue } from '../../jobs/queues.js';
import { seedDemo } from '../../prisma/seed.js';
import { createLogger } from '../../src/log.js';
import { MAX_TEXT } from '../../src/router/understand.js';
import { assemble } from '../../src/runtime/assemble.js';
import { testApp, type ChatAnswer } from '../support/app.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { until } from '../adapters/contract-suite.js';

/** Strings an attacker (or a broken client) sends; each also appears inside random text. */
const INJECTIONS = [
  "'; DROP TABLE \"Customer\";--", "Robert'); DELETE FROM users; --", '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '**bold**', '__under__', '`code`', '[link](http://127.0.0.1/x)', '@all', '@所有人', '<at user_id="all">所有人</at>',
  '<at id=all></at>', '<@zhangsan>', '<!channel>', '<!here>', '<!everyone>', '<@U0BOT>', '<#C0GROUP>', '${process.env.SECRET}', '{{7*7}}',
  '%s%n%x', '\u202Eevil\u202C', '\u200F\u200E', '\u200B\uFEFF', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\udc00y',
  '\u0007\u001b[31mred', '\r\n\r\n', '\t', '🏳️‍🌈👨‍👩‍👧', 'Z̷͉̈a̸̡͝l̴g̵o', 'مرحبا עברית', 'Ελληνικά Кириллица', '../../etc/passwd',
];
const TEMPLATES: ((x: string) => string)[] = [
  (x) => x, (x) => `今天拜访了${x}的王总，意向金额50万`, (x) => `/新客户 ${x}`, (x) => `查一下${x}`, (x) => `${x}的商机赢单了`,
  (x) => `提醒我明天跟进${x}`, (x) => `/设置 ${x}`, (x) => `/角色 ${x} 经理`, (x) => `回访${x}，满意度5分`,
];

const piece = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\ud800', '\udbff', '\u202e', '\u200b', '华', 'é'), maxLength: 10 }),
);
const mixed = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
/** Typed text: mixed pieces in a phrase the parser knows, plain binary, or huge (over MAX_TEXT). */
const typed = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...TEMPLATES), mixed).map(([tpl, x]) => tpl(x)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: MAX_TEXT - 5, maxLength: 10_000 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...INJECTIONS), fc.integer({ min: 1_000, max: 5_000 })).map(([x, n]) => x.repeat(Math.ceil(n / x.length))) },
);
/** A customer name as someone might type it into a "create" button's args. */
const hostileName = fc.oneof(mixed, fc.constantFrom(...INJECTIONS).map((x) => `${x} 有限公司`), fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }));

/** Words that only show up in a reply when something broke (unless the user typed them). */
const BROKEN = ['Error', 'undefined', 'NaN', '[object Object]', 'null', 'TypeError', 'Prisma', 'invalid byte sequence'];
const STACK = /\n\s+at .+:\d+:\d+/;

function expectPolite(answer: ChatAnswer, typedText: string): void {
  expect(answer.status, JSON.stringify(answer)).toBe(200);
  expect(answer.replies.length).toBeGreaterThan(0);
  for (const reply of answer.replies) {
    expect(reply.text.trim()).not.toBe('');
    expect(reply.text).not.toMatch(STACK);
    for (const word of BROKEN) if (!typedText.includes(word)) expect(reply.text).not.toContain(word);
  }
}

/** The mrkdwn texts of a Slack message (plain_text — headers, button labels — parses no mentions). */
function mrkdwnTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(mrkdwnTexts);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'mrkdwn' && typeof o.text === 'string' ? [o.text] : [];
  return [...own, ...Object.values(o).flatMap(mrkdwnTexts)];
}

/** What a user reads is what the renderer sends: no mention that pings a chat, no live markup. */
function expectSafeRendering(reply: Reply): void {
  const slack = renderSlack(reply);
  // Slack reads <!channel>, <!here>, <@U…> and <#C…> in mrkdwn (and the fallback text) as mentions and links.
  for (const text of [slack.text, ...mrkdwnTexts(slack.blocks)]) expect(text).not.toMatch(/<[!@#]/);
  // Feishu text messages (a reply without a card, or a card Feishu refused) turn <at user_id="all"></at>
  // into an @everyone; cards are plain_text, which reads no tags.
  for (const r of [reply, { text: reply.text }]) {
    const feishu = renderFeishu(r, { kind: 'group', conversationId: 'oc_group' });
    if (feishu.msg_type === 'text') expect(String((JSON.parse(feishu.content) as { text: string }).text)).not.toMatch(/<\/?at\b/i);
  }
  // A WeCom group robot (team digests) reads <@userid> in markdown as a mention.
  expect(robotMarkdown(reply)).not.toContain('<@');
}

describe('through the router (web chat)', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(); });

  it('any typed text gets a polite, non-empty reply (no stack trace, no Error/undefined/NaN/[object Object], never a 500)', async () => {
    await fc.assert(fc.asyncProperty(typed, async (text) => {
      const answer = await t.say('rep1', text);
      expectPolite(answer, text);
      for (const reply of answer.replies) expectSafeRendering(reply);
    }), { numRuns: 60 });
  });

  it('text over the limit is answered with the limit, politely, and nothing is stored for it', async () => {
    const before = await t.db.activity.count();
    const answer = await t.say('rep2', `今天拜访了华为的王总${'很'.repeat(MAX_TEXT)}`);
    expectPolite(answer, '');
    expect(answer.replies[0]!.text).toContain(String(MAX_TEXT));
    expect(await t.db.activity.count()).toBe(before);
  });

  it('a customer created from a hostile name stores exactly that name and echoes it; rendering never pings anyone', async () => {
    let created = 0;
    await fc.assert(fc.asyncProperty(hostileName, async (raw) => {
      const name = cleanText(raw).trim();
      const before = await t.db.customer.count({ where: { tenantId: 'demo' } });
      const answer = await t.click('rep2', { intent: 'create_customer', args: { customer: raw, confirmNew: true } });
      expectPolite(answer, raw);
      for (const reply of answer.replies) expectSafeRendering(reply);
      if (!argsSchema.safeParse({ customer: name }).success) {
        // Blank, over 200 characters, or no letter or digit at all: refused, nothing stored.
        expect(await t.db.customer.count({ where: { tenantId: 'demo' } })).toBe(before);
        return;
      }
      const after = await t.db.customer.count({ where: { tenantId: 'demo' } });
      if (after === before) {
        // Not a new customer: one with the same folded name (matchKey) exists and is named instead.
        // The same name as the product compares names: folded, in pinyin, or as initials of two letters or more.
        const key = matchKey(name);
        const same = (await t.db.customer.findMany({ where: { tenantId: 'demo' }, select: { name: true } }))
          .filter((c) => matchKey(c.name) === key || pinyinKey(c.name) === pinyinKey(name) || (key.length >= 2 && initialsKey(c.name) === key));
        expect(same.length, `nothing stored for ${JSON.stringify(raw)}, and no customer of the same name`).toBeGreaterThan(0);
        expect(same.some((c) => answer.replies[0]!.text.includes(c.name)), answer.replies[0]!.text).toBe(true);
        return;
      }
      expect(after).toBe(before + 1);
      const stored = await t.db.customer.findFirstOrThrow({ where: { tenantId: 'demo' }, orderBy: { createdAt: 'desc' }, select: { name: true } });
      expect(stored.name, `stored for ${JSON.stringify(raw)}`).toBe(name);
      expect(answer.replies[0]!.text).toContain(name);
      created++;
    }), { numRuns: 60 });
    expect(created).toBeGreaterThan(10);
  });

  it('NUL is removed and unpaired surrogates become U+FFFD before anything is stored (Postgres takes neither)', async () => {
    const answer = await t.click('rep2', { intent: 'create_customer', args: { customer: 'Nul\u0000l \ud800Corp', confirmNew: true } });
    expectPolite(answer, '');
    expect(answer.replies[0]!.text).toContain('Null \uFFFDCorp');
    expect(await t.db.customer.count({ where: { tenantId: 'demo', name: 'Null \uFFFDCorp' } })).toBe(1);
    const visit = await t.say('rep2', '今天拜访了Null \u0000\uFFFDCorp的王总，聊了续约\u0000');
    expectPolite(visit, '');
    const activity = await t.db.activity.findFirst({ where: { tenantId: 'demo' }, orderBy: { createdAt: 'desc' }, select: { summary: true } });
    expect(activity?.summary).not.toContain('\u0000');
  });

  it('a web chat event id with NUL or a lone surrogate is answered, and still applied once', async () => {
    const eventId = `evt\u0000${randomUUID()}\ud800`;
    const first = await t.say('rep1', '我的销售漏斗', eventId);
    expectPolite(first, '');
    const again = await t.say('rep1', '我的销售漏斗', eventId);
    expect(again.status).toBe(200);
    expect(again.duplicate).toBe(true);
  });
});

describe('through the queue and the worker (assemble + startWorkers, web adapter)', () => {
  let product: ReturnType<typeof assemble>;
  let workers: { close(): Promise<void> };
  let queue: ReturnType<typeof inboundQueue>;
  beforeAll(async () => {
    const { db } = await testDb();
    const { redis, prefix } = testRedis();
    await seedDemo(db);
    product = assemble({ db, redis, log: createLogger('silent'), keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined });
    workers = await product.startWorkers();
    queue = inboundQueue({ connection: redis, prefix: `${prefix}:bull` });
  });
  afterAll(async () => {
    await workers?.close();
    await queue?.close();
    await product?.closeQueues();
  });

  const event = (user: string, text: string): InboundEvent => ({
    type: 'text', text, eventId: randomUUID(), at: new Date(),
    from: { platform: 'web', platformTenant: 'demo', userId: user },
    address: { platform: 'web', platformTenant: 'demo', conversationId: user, kind: 'direct' },
  });

  it('every hostile message is answered and the worker goes on to the next; no job fails', async () => {
    const texts = fc.sample(typed, { numRuns: 25, seed: 6 });
    texts.push('a\u0000b', '\ud800', `/新客户 <at user_id="all">x</at>\u0000`, 'x'.repeat(10_000));
    const user = 'fuzzworker';
    for (const text of texts) await product.sink.accept(event(user, text));
    // A platform event id is opaque: even one with NUL in it is answered (its reply keys are stored).
    await product.sink.accept({ ...event(user, '我的销售漏斗'), eventId: `om_\u0000${randomUUID()}\ud800`, messageId: 'm\u0000\udc00' });
    texts.push('我的销售漏斗');
    await product.sink.accept(event(user, '帮助'));
    const inbox: Reply[] = [];
    await until('the reply to the last message', async () => {
      inbox.push(...await product.inbox.drain('demo', user));
      return inbox.length >= texts.length + 1;
    }, 45_000);
    const counts = await queue.getJobCounts('failed', 'completed');
    expect(counts.failed).toBe(0);
    expect(counts.completed).toBe(texts.length + 1);
    for (const reply of inbox) expectPolite({ status: 200, replies: [reply] }, texts.join(''));
  });
});
