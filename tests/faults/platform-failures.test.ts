// Platform failures on the outbound path (#6), against real Redis and Postgres and the fake
// Feishu open API: what a message does while the platform refuses, fails or hangs.
import { randomUUID } from 'node:crypto';
import { Worker, type Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from '../../src/chat/index.js';
import { createDb } from '../../src/db.js';
import { deliver } from '../../src/delivery/deliver.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/log.js';
import { outboundQueue, outboundQueueName, type OutboundPayload } from '../../jobs/queues.js';
import { feishuRig } from '../adapters/fakes/feishu-rig.js';
import { testRedis } from '../support/redis.js';

const log = createLogger('silent');
const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out waiting');
};
const chat = (id: string): Address => ({ platform: 'feishu', platformTenant: 'tk_fake_tenant', conversationId: id, kind: 'direct' });

describe('a transient message (sent while Postgres is down)', () => {
  let rig: Awaited<ReturnType<typeof feishuRig>>;
  let queue: Queue<OutboundPayload>;
  let worker: Worker<OutboundPayload>;
  // A real Prisma client over a port nothing listens on: any query it is asked for fails.
  const downDb = createDb('postgresql://nobody:x@127.0.0.1:1/none', { max: 1 });
  beforeAll(async () => {
    const { redis, prefix } = testRedis();
    rig = await feishuRig();
    const opts = { connection: redis, prefix: `${prefix}:bull` };
    queue = outboundQueue('feishu', opts);
    worker = new Worker(outboundQueueName('feishu'), (job) => deliver(job, { db: downDb, adapter: rig.adapter, log }), opts);
  });
  afterAll(async () => { await worker.close(); await queue.close(); await rig.close(); await downDb.$disconnect(); });

  it('is queued and sent without Postgres, once per key', async () => {
    const outbox = new Outbox(downDb, () => queue);
    const key = `notice:${randomUUID()}`;
    const input = { tenantId: 'demo', address: chat('oc_down'), reply: { text: '数据库恢复后会保存您的消息' }, key, transient: true };
    await outbox.send(input);
    await outbox.send(input);
    await until(() => rig.api.sends.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(rig.api.sends.map((s) => [s.receiveId, (s.content as { text: string }).text])).toEqual([['oc_down', '数据库恢复后会保存您的消息']]);
    await expect(downDb.delivery.count()).rejects.toThrow();
  });
});
