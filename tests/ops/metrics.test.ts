// GET /metrics: the counters count what went through the app (values, not just presence), and
// the queue gauges read BullMQ's real counts on each scrape.
import { randomUUID } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError, type Adapter } from '../../adapters/contract.js';
import type { Address } from '../../src/chat/index.js';
import { deliver } from '../../src/delivery/deliver.js';
import { createLogger } from '../../src/log.js';
import { inboundQueue } from '../../jobs/queues.js';
import { testApp } from '../support/app.js';
import { samples, value } from './exposition.js';

const log = createLogger('silent');

describe('/metrics', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const scrape = async () => {
    const res = await t.app.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };
  beforeAll(async () => { t = await testApp(); });
  afterAll(async () => { await t.router.metrics!.close(); });

  it('counts messages in per platform and outcome, and parse outcomes', async () => {
    const id = randomUUID();
    expect((await t.say('rep1', '我的销售漏斗', id)).status).toBe(200);
    expect((await t.say('rep1', '我的销售漏斗', id)).duplicate).toBe(true);
    await t.say('rep1', '我的销售漏斗');
    const text = await scrape();
    expect(value(text, 'salesbot_messages_in_total', { platform: 'web', outcome: 'handled' })).toBe(2);
    expect(value(text, 'salesbot_messages_in_total', { platform: 'web', outcome: 'duplicate' })).toBe(1);
    // A repeated text is known as one inside its transaction (#16: the event id is inserted with
    // ON CONFLICT DO NOTHING), after it was parsed: three parses, two messages handled.
    const parses = samples(text).filter((s) => s.name === 'salesbot_parse_total');
    expect(parses.reduce((n, s) => n + s.value, 0)).toBe(3);
    expect(parses.every((s) => s.labels.confident === 'true' || s.labels.confident === 'false')).toBe(true);
  });

  it('counts messages out per platform and result', async () => {
    const address: Address = { platform: 'feishu', platformTenant: 't', conversationId: 'oc_1', kind: 'direct' };
    const job = (deliveryId: string) => ({ data: { deliveryId, tenantId: 'demo', address, reply: { text: 'hi' } } });
    const outcomes: (Error | null)[] = [new PlatformError('transient', '502'), null, new PlatformError('target_gone', 'removed')];
    const adapter: Adapter = { platform: 'feishu', async send() { const next = outcomes.shift(); if (next) throw next; } };
    const deps = { db: t.db, adapter, log, metrics: t.router.metrics };
    const first = randomUUID();
    await expect(deliver(job(first), deps)).rejects.toThrow('502');
    expect(await deliver(job(first), deps)).toBe('sent');
    expect(await deliver(job(first), deps)).toBe('already-sent');
    await expect(deliver(job(randomUUID()), deps)).rejects.toBeInstanceOf(UnrecoverableError);
    const text = await scrape();
    for (const [result, n] of [['retry', 1], ['sent', 1], ['already_sent', 1], ['failed', 1]] as const) {
      expect(value(text, 'salesbot_messages_out_total', { platform: 'feishu', result })).toBe(n);
    }
  });

  it('reports queue depths from BullMQ', async () => {
    const queue = inboundQueue({ connection: t.redis, prefix: `${t.prefix}:bull` });
    const event = (eventId: string) => ({
      type: 'text' as const, eventId, at: new Date(), text: 'hi',
      from: { platform: 'web' as const, platformTenant: 'demo', userId: 'rep1' },
      address: { platform: 'web' as const, platformTenant: 'demo', conversationId: 'rep1', kind: 'direct' as const },
    });
    await queue.add('event', { event: event('a') });
    await queue.add('event', { event: event('b') });
    await queue.add('event', { event: event('c') }, { delay: 3_600_000 });
    const text = await scrape();
    await queue.close();
    expect(value(text, 'salesbot_queue_jobs', { queue: 'inbound', state: 'waiting' })).toBe(2);
    expect(value(text, 'salesbot_queue_jobs', { queue: 'inbound', state: 'delayed' })).toBe(1);
    expect(value(text, 'salesbot_queue_jobs', { queue: 'inbound', state: 'active' })).toBe(0);
    expect(value(text, 'salesbot_queue_jobs', { queue: 'jobs', state: 'waiting' })).toBe(0);
    expect(value(text, 'salesbot_queue_oldest_waiting_seconds', { queue: 'inbound' })).toBeGreaterThanOrEqual(0);
    expect(value(text, 'salesbot_queue_oldest_waiting_seconds', { queue: 'jobs' })).toBe(0);
  });

  it('exposes default process metrics and each app has its own registry', async () => {
    const text = await scrape();
    expect(value(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    const other = await testApp({ seed: false });
    const otherText = await (await other.app.request('/metrics')).text();
    expect(value(otherText, 'salesbot_messages_in_total', { platform: 'web', outcome: 'handled' })).toBeUndefined();
    await other.router.metrics!.close();
  });
});
