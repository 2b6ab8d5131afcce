// Through assemble() as `npm start` wires it: the workers count into the app's registry (they
// take the router's metrics), so a refused message shows as a failed send and a job failure.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { PlatformError, type Adapter } from '../../adapters/contract.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { value } from './exposition.js';

const log = createLogger('silent');
const until = async (check: () => Promise<boolean>, ms = 10_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out waiting');
};

describe('job failures and messages out, end to end', () => {
  let t: { product: ReturnType<typeof assemble>; workers: { close(): Promise<void> } };
  beforeAll(async () => {
    const { db } = await testDb();
    const { redis, prefix } = testRedis();
    await seedDemo(db);
    const refusing: Adapter = { platform: 'slack', async send() { throw new PlatformError('target_gone', 'channel_not_found'); } };
    const product = assemble({ db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: undefined, messengers: () => [refusing] });
    t = { product, workers: product.startWorkers() };
  });
  afterAll(async () => { await t.workers.close(); await t.product.closeQueues(); await t.product.metrics.close(); });

  it('counts a refused message as failed and its job as a failure of its queue', async () => {
    await t.product.outbox.send({
      tenantId: 'demo', key: `test:${randomUUID()}`, reply: { text: 'hi' },
      address: { platform: 'slack', platformTenant: 'T1', conversationId: 'C1', kind: 'group' },
    });
    let text = '';
    await until(async () => {
      text = await (await t.product.app.request('/metrics')).text();
      return value(text, 'salesbot_job_failures_total', { queue: 'outbound-slack' }) === 1;
    });
    expect(value(text, 'salesbot_messages_out_total', { platform: 'slack', result: 'failed' })).toBe(1);
    expect(value(text, 'salesbot_messages_out_total', { platform: 'slack', result: 'sent' })).toBeUndefined();
    expect(value(text, 'salesbot_queue_jobs', { queue: 'outbound-slack', state: 'failed' })).toBe(1);
  });
});
