// The language-model fallback against a fake OpenAI-compatible server on loopback.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.js';
import { parseWithFallback } from '../../src/nlu/llm.js';

const NOW = '2026-11-23T10:00:00+08:00';
const WEAK = '那个事情搞一下吧'; // nothing the rules recognise: a weak guess

type Mode = 'valid' | 'invalid-json' | 'outside-contract' | 'slow' | 'error';
let mode: Mode = 'valid';
const requests: { auth?: string; body: { model?: string; messages?: { content: string }[] } }[] = [];

function completion(content: string): string {
  return JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] });
}

const ANSWERS: Record<Exclude<Mode, 'slow'>, (res: ServerResponse) => void> = {
  valid: (res) => res.end(completion(JSON.stringify({ intent: 'query_customer', slots: { customer: '华为' } }))),
  'invalid-json': (res) => res.end(completion('{"intent": "query_customer", "slots": {')),
  'outside-contract': (res) => res.end(completion(JSON.stringify({ intent: 'order_pizza', slots: { amount: 'lots' } }))),
  error: (res) => { res.statusCode = 500; res.end('{"error":"boom"}'); },
};

function handle(req: IncomingMessage, res: ServerResponse): void {
  let raw = '';
  req.on('data', (chunk: Buffer) => { raw += chunk.toString(); });
  req.on('end', () => {
    requests.push({ auth: req.headers.authorization, body: JSON.parse(raw) as (typeof requests)[number]['body'] });
    res.setHeader('content-type', 'application/json');
    if (mode === 'slow') {
      const late = setTimeout(() => ANSWERS.valid(res), 5_000);
      res.on('close', () => clearTimeout(late));
      return;
    }
    ANSWERS[mode](res);
  });
}

let server: Server;
let baseUrl = '';

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const config = (timeoutMs = 2000) => ({ baseUrl, apiKey: 'test-key', model: 'fake-model', timeoutMs });

describe('parseWithFallback', () => {
  it('uses a valid answer for a weak guess', async () => {
    mode = 'valid';
    const before = requests.length;
    const result = await parseWithFallback(WEAK, { now: NOW }, config());
    expect(result).toMatchObject({ intent: 'query_customer', slots: { customer: '华为' } });
    const request = requests[before];
    expect(request?.auth).toBe('Bearer test-key');
    expect(request?.body.model).toBe('fake-model');
    expect(request?.body.messages?.[0]?.content).toContain(`now = ${NOW}`);
  });

  it.each(['invalid-json', 'outside-contract', 'error'] as const)('falls back to the rules on %s', async (m) => {
    mode = m;
    expect(await parseWithFallback(WEAK, { now: NOW }, config())).toEqual(parse(WEAK, { now: NOW }));
  });

  it('returns the rules answer within the timeout when the server is slow', async () => {
    mode = 'slow';
    const timeoutMs = 300;
    const started = performance.now();
    const result = await parseWithFallback(WEAK, { now: NOW }, config(timeoutMs));
    const elapsed = performance.now() - started;
    expect(result).toEqual(parse(WEAK, { now: NOW }));
    expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 5);
    expect(elapsed).toBeLessThan(timeoutMs + 200);
  });

  it('bounds the wait even when fetch ignores its abort signal', async () => {
    const never = (() => new Promise<Response>(() => {})) as typeof fetch;
    const timeoutMs = 150;
    const started = performance.now();
    await parseWithFallback(WEAK, { now: NOW }, config(timeoutMs), never);
    expect(performance.now() - started).toBeLessThan(timeoutMs + 200);
  });

  it('does not call the model when the rules are confident, or without config', async () => {
    mode = 'valid';
    const before = requests.length;
    const confident = await parseWithFallback('提醒我明天跟进华为', { now: NOW }, config());
    expect(confident.intent).toBe('schedule_follow_up');
    expect((await parseWithFallback(WEAK, { now: NOW })).intent).toBe('unknown');
    expect(requests.length).toBe(before);
  });

  it('falls back when the server is unreachable', async () => {
    const result = await parseWithFallback(WEAK, { now: NOW }, { ...config(), baseUrl: 'http://127.0.0.1:1' });
    expect(result).toEqual(parse(WEAK, { now: NOW }));
  });
});
