// The parser's language-model fallback through the router: a message the rules cannot place
// goes to an OpenAI-compatible endpoint (a fake one on 127.0.0.1) and its validated answer is
// what the bot acts on; without the endpoint, the rules' answer stands.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/log.js';
import { parse } from '../../src/nlu/index.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';

const MESSAGE = 'zzz 华为云 qqq';

describe('language-model fallback', () => {
  let server: http.Server;
  let baseUrl: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        seen.push(body);
        const answer = { intent: 'query_customer', slots: { customer: '华为云' } };
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ choices: [{ message: { content: JSON.stringify(answer) } }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  async function chat(llm?: { baseUrl: string; apiKey: string; model: string }) {
    const { db } = await testDb();
    const { redis, prefix } = testRedis();
    await seedDemo(db);
    const { router } = createApp({ db, redis, log: createLogger('silent'), keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined, llm });
    return router.handle({
      type: 'text', text: MESSAGE, eventId: randomUUID(), at: new Date(),
      from: { platform: 'web', platformTenant: 'demo', userId: 'rep1' },
      address: { platform: 'web', platformTenant: 'demo', conversationId: 'rep1', kind: 'direct' },
    });
  }

  it('the rules alone find nothing confident in the message', () => {
    expect(parse(MESSAGE, { now: '2026-11-23T10:00:00+08:00' }).confidence).toBeLessThan(0.5);
  });

  it('acts on the model answer when an endpoint is configured', async () => {
    const result = await chat({ baseUrl, apiKey: 'test-key', model: 'qwen-test' });
    expect(result.replies[0]?.card?.title).toBe('华为云 的情况');
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0]!)).toMatchObject({ model: 'qwen-test' });
  });

  it('keeps the rules answer without one', async () => {
    const before = seen.length;
    const result = await chat();
    expect(result.replies[0]?.card?.title).not.toBe('华为云 的情况');
    expect(seen).toHaveLength(before);
  });
});
