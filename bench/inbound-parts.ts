// Where an inbound message's CPU goes: the same product, one message at a time, each part timed
// with process.cpuUsage() — the webhook (verify, decrypt, queue), the router (parse and the
// transaction), the outbox (Delivery row, outbound job) and the delivery (send to the fake
// Feishu API, Delivery bookkeeping), one message at a time and, where the product has it
// (#16), in the outbound worker's rounds. The inbound worker's share is also measured whole — the
// chat's hold, the router and the outbox, as the worker runs them — one event at a time and,
// where the product has it, in the inbound worker's rounds. Each part also counts its SQL statements and Redis
// round trips per message (round-trips.ts). The reference: the parser and one prepared INSERT
// per message over a bare pg client, the least a stored message costs here.
// Printed by the inbound bench after its stages; `npm run bench -- parts` runs it alone.
import { appendFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import inspector from 'node:inspector/promises';
import path from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import { inboundPayloadSchema, outboundPayloadSchema, outboundQueueName, type OutboundPayload } from '../jobs/queues.js';
import type { InboundEvent } from '../src/chat/index.js';
import { deliver, type DeliverDeps } from '../src/delivery/deliver.js';
import { eventKey } from '../src/delivery/inbound.js';
import { createLogger } from '../src/log.js';
import { parse } from '../src/nlu/index.js';
import { isoInZone } from '../src/time.js';
import type { Runtime } from '../src/runtime/open.js';
import { signedRequest, messageEvent } from '../tests/adapters/fakes/feishu-rig.js';
import { benchProduct, type ProductAt } from './inbound-product.js';
import { sayings } from './inbound-protocol.js';
import type { BenchTenant } from './inbound-tenant.js';
import { postgresMs } from './process-cpu.js';
import { countRoundTrips } from './round-trips.js';

export interface PartCost {
  part: string; cpuMs: number; wallMs: number; sql: number; redis: number;
  /** The Postgres server's CPU (every backend, from /proc) while the part ran; NaN when Postgres runs elsewhere. */
  postgresCpuMs: number;
}

/** Postgres CPU so far (process-cpu.ts), set by measureParts for the database it measures. */
let postgresCpu: () => Promise<number> = async () => NaN;

/** Messages per round in the rounds part: a burst's rounds fill up to the worker's ROUND_MAX. */
const ROUND = 50;

async function timed(part: string, n: number, fn: (i: number) => Promise<unknown>, per = n): Promise<PartCost> {
  const trips = countRoundTrips();
  if (process.env.BENCH_SQL_LOG) appendFileSync(process.env.BENCH_SQL_LOG, `== ${part}\n`);
  const pgBefore = await postgresCpu();
  const before = trips();
  const profile = await profiler(part);
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const used = process.cpuUsage(cpu);
  await profile.stop();
  const after = trips();
  const pgUsed = (await postgresCpu()) - pgBefore;
  return {
    part, cpuMs: (used.user + used.system) / 1000 / per, wallMs: (performance.now() - wall) / per,
    sql: (after.sql - before.sql) / per, redis: (after.redis - before.redis) / per, postgresCpuMs: pgUsed / per,
  };
}

/** BENCH_PROFILE_DIR=<dir>: a V8 CPU profile of each part, `<dir>/<part>.cpuprofile` (open it in
 * Chrome's DevTools). Off by default: profiling costs CPU itself. */
async function profiler(part: string): Promise<{ stop(): Promise<void> }> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return { stop: async () => {} };
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${part.split(' (')[0]!.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** The outbound worker's round (src/delivery/deliver-batch.ts), when this checkout has it. */
type RoundFn = (entries: { job: { data: OutboundPayload }; done(): void; fail(err: unknown): void }[], deps: DeliverDeps) => Promise<void>;
async function roundsOf(): Promise<RoundFn | undefined> {
  const file = '../src/delivery/deliver-batch.js';
  return import(file).then((m: { deliverRound?: RoundFn }) => m.deliverRound, () => undefined);
}

/** One event as the inbound worker handled it before rounds (src/delivery/workers.ts): its
 * chat's hold around the router, then each reply through the outbox. */
async function inboundAlone(product: ReturnType<typeof benchProduct>, { id, event }: { id: string; event: InboundEvent }): Promise<void> {
  const job = { id, moveToDelayed: async () => {} };
  const { replies, tenantId, userId } = await product.turns.run(event.address, job, undefined, () => product.router.handle(event));
  for (const [i, reply] of replies.entries()) {
    await product.outbox.send({ tenantId, userId, address: event.address, reply, key: `${eventKey(event)}:reply${i}`, replyTo: event.messageId });
  }
}

/** The inbound worker's round (src/delivery/inbound-rounds.ts), when this checkout has it. */
type InboundRoundFn = (entries: { job: { id: string; data: { event: InboundEvent } }; done(): void; fail(err: unknown): void }[],
  deps: { router: unknown; outbox: unknown; turns: unknown; log: unknown }) => Promise<void>;
async function inboundRoundsOf(): Promise<InboundRoundFn | undefined> {
  const file = '../src/delivery/inbound-rounds.js';
  return import(file).then((m: { handleRound?: InboundRoundFn }) => m.handleRound, () => undefined);
}

/** The reference: parse the text, one prepared INSERT (a bare pg client, a temporary table). */
async function bare(databaseUrl: string, texts: string[]): Promise<PartCost> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE TEMP TABLE bench_bare (id text PRIMARY KEY, intent text, body text)');
    return await timed('reference: parse + one prepared INSERT (bare pg)', texts.length, async (i) => {
      const parsed = parse(texts[i]!, { now: isoInZone(new Date(), 'Asia/Shanghai') });
      await client.query({ name: 'bench_bare', text: 'INSERT INTO bench_bare VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', values: [`m${i}`, parsed.intent, texts[i]] });
    });
  } finally {
    await client.end();
  }
}

/** `n` messages through each part in turn; their rows stay in the bench tenant (dropped later). */
export async function measureParts(runtime: Runtime, tenant: BenchTenant, at: ProductAt, n: number): Promise<PartCost[]> {
  const product = benchProduct(runtime, at);
  postgresCpu = () => postgresMs(runtime.db).catch(() => NaN);
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
    const queued = (await inbound.getJobs(['waiting'], 0, -1, true)).map((j) => ({ id: j.id!, event: inboundPayloadSchema.parse(j.data).event }));
    // The webhook put each event in its chat's line (chat-turns.ts) in this order: the parts that
    // take chat holds go first, so each of their events is at its line's head when its turn comes.
    const third = Math.floor(queued.length / 3);
    const [alone, inRounds, rest] = [queued.slice(0, third), queued.slice(third, 2 * third), queued.slice(2 * third)];
    costs.push(await timed('inbound, one at a time (hold, router, outbox)', alone.length, (i) => inboundAlone(product, alone[i]!)));
    const inboundRound = await inboundRoundsOf();
    if (inboundRound) {
      const rounds = Math.ceil(inRounds.length / ROUND);
      costs.push(await timed(`inbound in rounds of ${ROUND} (hold, router, outbox)`, rounds, async (r) => {
        const failed: unknown[] = [];
        const round = inRounds.slice(r * ROUND, (r + 1) * ROUND).map(({ id, event }) => ({ job: { id, data: { event } }, done: () => undefined, fail: (err: unknown) => failed.push(err) }));
        await inboundRound(round, { router: product.router, outbox: product.outbox, turns: product.turns, log: createLogger('warn') });
        if (failed.length) throw new Error(`${failed.length} not handled: ${String(failed[0])}`);
      }, inRounds.length));
    }
    const events = rest.map((q) => q.event);
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
    const half = Math.floor(jobs.length / 2);
    costs.push(await timed('delivery, one at a time (send, Delivery rows)', half, (i) => deliver({ data: jobs[i]! }, deps)));
    const round = await roundsOf();
    if (round) {
      const rest = jobs.slice(half);
      const rounds = Math.ceil(rest.length / ROUND);
      costs.push(await timed(`delivery in rounds of ${ROUND} (send, Delivery rows)`, rounds, async (r) => {
        const failed: unknown[] = [];
        await round(rest.slice(r * ROUND, (r + 1) * ROUND).map((data) => ({ job: { data }, done: () => undefined, fail: (err) => failed.push(err) })), deps);
        if (failed.length) throw new Error(`${failed.length} not sent: ${String(failed[0])}`);
      }, rest.length));
    }
    costs.push(await bare(runtime.services.databaseUrl, handled.map((h) => (h.event.type === 'text' ? h.event.text : ''))));
    return costs;
  } finally {
    await inbound.obliterate({ force: true }).catch(() => {});
    await outbound.obliterate({ force: true }).catch(() => {});
    await Promise.all([inbound.close(), outbound.close(), product.closeQueues(), product.metrics.close()]);
  }
}
