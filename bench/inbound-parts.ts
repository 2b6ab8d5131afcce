// Where an inbound message's CPU goes: the same product, one message at a time, each part timed
// with process.cpuUsage() — the webhook (verify, decrypt, queue), the router (parse and the
// transaction), the outbox (Delivery row, outbound job) and the delivery (send to the fake
// Feishu API, Delivery bookkeeping). Printed by the inbound bench after its stages.
import { Queue } from 'bullmq';
import { inboundPayloadSchema, outboundPayloadSchema, outboundQueueName, type OutboundPayload } from '../jobs/queues.js';
import type { InboundEvent } from '../src/chat/index.js';
import { deliver } from '../src/delivery/deliver.js';
import { createLogger } from '../src/log.js';
import type { Runtime } from '../src/runtime/open.js';
import { signedRequest, messageEvent } from '../tests/adapters/fakes/feishu-rig.js';
import { benchProduct, type ProductAt } from './inbound-product.js';
import { sayings } from './inbound-protocol.js';
import type { BenchTenant } from './inbound-tenant.js';

export interface PartCost { part: string; cpuMs: number; wallMs: number }

async function timed(part: string, n: number, fn: (i: number) => Promise<unknown>): Promise<PartCost> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const used = process.cpuUsage(cpu);
  return { part, cpuMs: (used.user + used.system) / 1000 / n, wallMs: (performance.now() - wall) / n };
}

/** `n` messages through each part in turn; their rows stay in the bench tenant (dropped later). */
export async function measureParts(runtime: Runtime, tenant: BenchTenant, at: ProductAt, n: number): Promise<PartCost[]> {
  const product = benchProduct(runtime, at);
  const connection = { connection: runtime.redis, prefix: `${at.keyPrefix}:bull` };
  const inbound = new Queue('inbound', connection);
  const outbound = new Queue<OutboundPayload>(outboundQueueName('feishu'), connection);
  try {
    const request = (i: number) => {
      const user = tenant.users[i % tenant.users.length]!;
      const event = messageEvent({ eventId: `${at.keyPrefix}_${i}`, userId: user.openId, text: sayings(user.customers[0]!, i) });
      event.header.tenant_key = tenant.tenantKey;
      event.event.sender.tenant_key = tenant.tenantKey;
      return signedRequest(event);
    };
    const costs = [await timed('webhook (verify, decrypt, queue)', n, async (i) => {
      const res = await product.app.request(request(i));
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    })];
    const events: InboundEvent[] = (await inbound.getJobs(['waiting'], 0, -1, true)).map((j) => inboundPayloadSchema.parse(j.data).event);
    const handled: { event: InboundEvent; tenantId: string; userId: string; reply: NonNullable<Awaited<ReturnType<typeof product.router.handle>>['replies'][number]> }[] = [];
    costs.push(await timed('router (parse, transaction)', events.length, async (i) => {
      const r = await product.router.handle(events[i]!);
      handled.push({ event: events[i]!, tenantId: r.tenantId, userId: r.userId, reply: r.replies[0]! });
    }));
    costs.push(await timed('outbox (Delivery row, job)', handled.length, async (i) => {
      const { event, tenantId, userId, reply } = handled[i]!;
      await product.outbox.send({ tenantId, userId, address: event.address, reply, key: `${event.eventId}:reply0`, replyTo: event.messageId });
    }));
    const jobs = (await outbound.getJobs(['waiting'], 0, -1, true)).map((j) => outboundPayloadSchema.parse(j.data));
    const deps = { db: runtime.db, adapter: product.adapters.find((a) => a.platform === 'feishu')!, log: createLogger('warn'), jobs: product.outbox.jobsOf('feishu') };
    costs.push(await timed('delivery (send, Delivery rows)', jobs.length, (i) => deliver({ data: jobs[i]! }, deps)));
    return costs;
  } finally {
    await inbound.obliterate({ force: true }).catch(() => {});
    await outbound.obliterate({ force: true }).catch(() => {});
    await Promise.all([inbound.close(), outbound.close(), product.closeQueues(), product.metrics.close()]);
  }
}
