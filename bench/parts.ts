// `npm run bench -- parts` (issue #16): the inbound bench's per-part breakdown alone — CPU, SQL
// statements and Redis round trips per message for each part of the path, in a minute instead of
// the whole inbound bench. 50 reps write 12 messages each (a rep's first message loads who they
// are; the rest find it cached, as in a working day), after a warm-up run (JIT, pools, caches).
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { warmUp } from '../src/nlu/index.js';
import { openRuntime } from '../src/runtime/open.js';
import type { Figure } from './figures.js';
import { startLoad } from './inbound-driver.js';
import { measureParts, type PartCost } from './inbound-parts.js';
import { dropTenant, seedTenant } from './inbound-tenant.js';

const REPS = 50;
const MESSAGES = 600;
const GOAL_MS = 1.5;

const say = (line: string) => process.stderr.write(`[parts] ${line}\n`);

export async function benchParts(): Promise<Figure[]> {
  const log = createLogger('warn');
  warmUp();
  const runtime = await openRuntime(loadConfig(), log);
  const tag = `parts${Date.now()}`;
  try {
    const tenant = await seedTenant(runtime.db, tag, REPS, 4);
    const load = await startLoad(tenant);
    try {
      const at = { apiUrl: load.apiUrl, keyPrefix: tag, tenantId: tenant.tenantId };
      await measureParts(runtime, tenant, { ...at, keyPrefix: `${tag}-warm` }, 150);
      const costs = await measureParts(runtime, tenant, { ...at, keyPrefix: `${tag}-measured` }, MESSAGES);
      for (const c of costs) say(`${c.part}: CPU ${c.cpuMs.toFixed(2)} ms + Postgres ${c.postgresCpuMs.toFixed(2)} ms (wall ${c.wallMs.toFixed(2)} ms), SQL ${c.sql.toFixed(2)}, Redis ${c.redis.toFixed(2)} per message`);
      return figures(costs);
    } finally {
      await load.stop();
    }
  } finally {
    await dropTenant(runtime.db, `feishu-${tag}`).catch((err: Error) => say(`cleanup: ${err.message}`));
    const keys = await runtime.redis.keys(`${tag}*`);
    if (keys.length) await runtime.redis.unlink(...keys);
    await runtime.close();
  }
}

function figures(costs: PartCost[]): Figure[] {
  const find = (start: string) => costs.find((c) => c.part.startsWith(start));
  const reference = find('reference')!;
  const single = find('delivery, one at a time')!;
  const delivery = find('delivery in rounds') ?? single;
  const inboundAlone = find('inbound, one at a time')!;
  const inbound = find('inbound in rounds') ?? inboundAlone;
  const path = [find('webhook')!, inbound, delivery];
  const sum = (k: 'cpuMs' | 'sql' | 'redis', parts = path) => parts.reduce((s, c) => s + c[k], 0);
  const info = (name: string, value: number, unit: string, ceiling?: number): Figure => ({ name, value, unit, goal: 'informational', met: true, ceiling });
  const how = `${inbound.part.split(' (')[0]}, ${delivery.part.split(' (')[0]}`;
  return [
    { name: `inbound CPU per message, end to end (${how}), ms`, value: sum('cpuMs'), unit: 'ms', goal: `<= ${GOAL_MS}`, met: sum('cpuMs') <= GOAL_MS, ceiling: reference.cpuMs },
    ...path.map((c) => info(`CPU per message — ${c.part}, ms`, c.cpuMs, 'ms')),
    ...['router', 'outbox'].map((p) => info(`CPU per message — ${find(p)!.part}, ms`, find(p)!.cpuMs, 'ms')),
    info('Postgres CPU per message, end to end, ms', path.reduce((s, c) => s + c.postgresCpuMs, 0), 'ms', reference.postgresCpuMs),
    info(`Postgres CPU per message — ${inbound.part}, ms`, inbound.postgresCpuMs, 'ms'),
    ...(inbound !== inboundAlone ? [info(`CPU per message — ${inboundAlone.part}, ms`, inboundAlone.cpuMs, 'ms')] : []),
    ...(delivery !== single ? [info(`CPU per message — ${single.part}, ms`, single.cpuMs, 'ms')] : []),
    info('SQL statements per message, end to end', sum('sql'), 'stmts', reference.sql),
    info('Redis round trips per message, end to end', sum('redis'), 'trips'),
    info(`SQL statements / Redis round trips per message — ${inbound.part}`, inbound.sql, `stmts / ${inbound.redis.toFixed(2)} trips`),
  ];
}
