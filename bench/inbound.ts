// `npm run bench -- inbound` (issue #6, figure 1): signed, encrypted Feishu
// im.message.receive_v1 events through the whole product — webhook verify → decrypt → queue →
// worker → parse → one Postgres transaction (activity + deal) → reply to a fake Feishu API on
// 127.0.0.1 — saturated, then at rising offered rates; first as `npm start` runs it (one
// process), then with the webhook in one process and the workers in 1, 2 and 4 others
// (start:web + start:worker × n, inbound-scale.ts).
// The ceiling, measured in the same run by the same load generator: a bare Hono endpoint doing
// the same signature check and decryption and one INSERT (inbound-ceiling.ts). The tenant, its
// rows, the Redis keys and the scratch table are throwaway: removed at the end, also on failure.
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { warmUp } from '../src/nlu/index.js';
import { openRuntime, type Runtime } from '../src/runtime/open.js';
import { ENCRYPT_KEY } from '../tests/adapters/fakes/feishu-rig.js';
import type { Figure } from './figures.js';
import { startCeiling } from './inbound-ceiling.js';
import { startLoad, type Load } from './inbound-driver.js';
import { inboundFigures, percentile } from './inbound-figures.js';
import { scrapeMetrics } from './inbound-metrics.js';
import { measureParts } from './inbound-parts.js';
import { serveProduct, type ProductAt } from './inbound-product.js';
import type { StageResult } from './inbound-protocol.js';
import { scaleOut, type Run, type Stage, type Undo } from './inbound-scale.js';
import { countRows, dropTenant, seedTenant } from './inbound-tenant.js';

const REPS = 500; // 5 sends/s per chat (adapters/feishu/limiter.ts): 500 chats allow 2,500/s
const CUSTOMERS_EACH = 4;

/** 1% of events are posted twice (a Feishu re-delivery): each must still be stored once. */
const DUP_EVERY = 100;
const SATURATED = { name: 'saturated', concurrency: 64, count: 9000, dupEvery: DUP_EVERY };
/** Open-loop rates after the saturated stage; each runs 1–4 s, and no longer than the product
 * drains in ~8 s at the rate it just sustained, so the whole bench stays within minutes. Rates
 * above 500/s (the goal's) run only when within 4x of that rate: far beyond, they would only
 * measure the backlog. */
const RATES = [250, 500, 1000];
const DRAIN_SECONDS = 8;

const say = (line: string) => process.stderr.write(`[inbound] ${line}\n`);

/** `scale` shrinks every stage (a quick look while working on the hot path; figures need 1). */
export async function benchInbound(scale = 1): Promise<Figure[]> {
  const log = createLogger('warn');
  warmUp(); // as npm start does: the parser's lazy dictionaries load before the first message
  const runtime = await openRuntime(loadConfig(), log);
  const tag = `bench${Date.now()}`;
  const undo: Undo = [];
  try {
    // Registered first (so run last), and before seeding: a seed that fails half-way is removed too.
    undo.push(['tenant rows', () => dropTenant(runtime.db, `feishu-${tag}`)]);
    const tenant = await seedTenant(runtime.db, tag, REPS, CUSTOMERS_EACH);
    const load = await startLoad(tenant);
    undo.push(['load generator', () => load.stop()]);
    undo.push(['redis keys', () => deleteKeys(runtime, `${tag}*`)]);
    const run = runner(load, tag, scale);

    const ceiling = await startCeiling(runtime.services.databaseUrl, ENCRYPT_KEY);
    undo.push(['ceiling', () => ceiling.close()]);
    const bare = [
      await run(ceiling.url, { name: 'warm-up 250/s', rate: 250, count: 250 }, 'ceiling', false),
      // More events than the product gets: the bare endpoint takes thousands a second.
      await run(ceiling.url, { ...SATURATED, count: 20_000, until: 'ack', maxSeconds: 8 }, 'ceiling', false),
      await run(ceiling.url, { name: '500/s', rate: 500, count: 2000, dupEvery: DUP_EVERY }, 'ceiling', false),
    ];
    say(`ceiling rows stored: ${await ceiling.rows()}`);
    await undo.pop()![1]();

    const at = { apiUrl: load.apiUrl, keyPrefix: tag, tenantId: tenant.tenantId };
    const one = await oneProcess(runtime, at, run, undo);
    const oneRows = await countRows(runtime.db, tenant, one.results.flatMap((r) => r.ackedIds));
    const layouts = await scaleOut({ runtime, tenant, at: { ...at, keyPrefix: `${tag}-split` }, run, undo, saturated: SATURATED, dupEvery: DUP_EVERY });
    const rows = await countRows(runtime.db, tenant, [...one.results, ...layouts.flatMap((l) => l.results)].flatMap((r) => r.ackedIds));
    say(`rows: ${JSON.stringify(rows)}`);
    for (const c of await measureParts(runtime, tenant, { ...at, keyPrefix: `${tag}-parts` }, Math.max(20, Math.round(200 * scale)))) {
      say(`CPU per message, one at a time — ${c.part}: ${c.cpuMs.toFixed(2)} ms + Postgres ${c.postgresCpuMs.toFixed(2)} ms (wall ${c.wallMs.toFixed(2)} ms), SQL ${c.sql.toFixed(2)}, Redis ${c.redis.toFixed(2)}`);
    }
    return inboundFigures({ product: one.results, layouts, ceiling: bare, rows, metrics: one.metrics, storedBeforeSplit: oneRows.distinctActivitySources });
  } finally {
    for (const [what, step] of undo.reverse()) {
      await withTimeout(step(), 30_000, what).catch((err: Error) => say(`cleanup of ${what} failed: ${err.message}`));
    }
    await runtime.close();
  }
}

function runner(load: Load, tag: string, scale: number): Run {
  let seq = 0;
  return async (url, stage, who, expectReplies) => {
    const count = Math.max(1, Math.round(stage.count * scale));
    const maxSeconds = stage.maxSeconds && stage.maxSeconds * scale;
    const r = await load.stage({ ...stage, count, maxSeconds, url, runTag: tag, firstSeq: seq, expectReplies, drainTimeoutMs: 20_000 });
    seq += count;
    say(describe(who, r));
    return r;
  };
}

/** As `npm start` runs it: webhook and workers in one process; /metrics scraped meanwhile. */
async function oneProcess(runtime: Runtime, at: ProductAt, run: Run, undo: Undo) {
  const product = await serveProduct(runtime, at, { workers: true });
  undo.push(['product', () => product.close()]);
  const scraper = scrapeMetrics(`${product.url}/metrics`, 1000);
  undo.push(['scraper', async () => scraper.stop()]);
  const webhook = `${product.url}/webhooks/feishu`;
  const results = [await run(webhook, { name: 'warm-up 100/s', rate: 100, count: 300, dupEvery: DUP_EVERY }, 'product', true)];
  const saturated = await run(webhook, { ...SATURATED, until: 'reply', maxSeconds: 20 }, 'product', true);
  results.push(saturated);
  for (const rate of RATES.filter((r) => r <= 500 || r <= saturated.windowRate * 4)) {
    const count = Math.round(Math.min(rate * 4, Math.max(rate, saturated.windowRate * DRAIN_SECONDS)));
    results.push(await run(webhook, { name: `${rate}/s`, rate, count, dupEvery: DUP_EVERY }, 'product', true));
  }
  await scraper.sample();
  scraper.stop();
  const shown = scraper.samples.filter((_, i, all) => i % Math.ceil(all.length / 12) === 0 || i === all.length - 1);
  say(`/metrics during the run (messages in handled / out sent), ${scraper.samples.length} scrapes: ${shown.map((m) => `${m.inHandled}/${m.outSent}`).join(' ')}`);
  await undo.pop()![1]();
  await undo.pop()![1]();
  return { results, metrics: scraper.samples };
}

async function deleteKeys(runtime: Runtime, pattern: string): Promise<void> {
  const stream = runtime.redis.scanStream({ match: pattern, count: 1000 });
  for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await runtime.redis.unlink(...keys);
}

function describe(who: string, r: StageResult): string {
  const ms = (xs: number[]) => (xs.length ? `${percentile(xs, 0.5).toFixed(1)}/${percentile(xs, 0.99).toFixed(1)} ms` : '-');
  const e2e = r.replied ? `; ${r.replied} replies by ${r.replySeconds.toFixed(1)} s, e2e p50/p99 ${ms(r.e2e)}` : '';
  return `${who} ${r.name}: ${r.requests} requests (${r.distinct} events) in ${r.sendSeconds.toFixed(1)} s, ${r.windowRate.toFixed(0)}/s completed meanwhile, ` +
    `statuses ${JSON.stringify(r.statuses)}, ack p50/p99 ${ms(r.acks)}${e2e}, generator lag max ${r.maxLagMs.toFixed(0)} ms`;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms); }),
  ]);
}
