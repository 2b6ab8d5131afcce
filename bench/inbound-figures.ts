// The inbound bench's figures (issue #6, figure 1; #7's live /metrics) from the stage results.
import type { Figure } from './figures.js';
import type { MetricsSample } from './inbound-metrics.js';
import type { StageResult } from './inbound-protocol.js';
import type { Layout } from './inbound-scale.js';

export interface RowCounts {
  activities: number;
  distinctActivitySources: number;
  /** Acknowledged events with no activity (must be 0). */
  ackedNotStored: number;
  /** Stored events whose request got no 200 (a connection cut after the queue took it): allowed. */
  storedNotAcked: number;
  processedEvents: number;
  dealUpdates: number;
  deliveriesSent: number;
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

const stage = (results: StageResult[], name: string): StageResult => {
  const r = results.find((x) => x.name === name);
  if (!r) throw new Error(`no stage "${name}"`);
  return r;
};


export interface InboundRun {
  /** One process (npm start): warm-up, saturated, 250/s, 500/s, maybe 1000/s. */
  product: StageResult[];
  /** One web process and 1, 2, 4 worker processes (start:web + start:worker × n): warm-up,
   * saturated (and 500/s with one worker), the CPU of each process, the rows each left. */
  layouts: Layout[];
  ceiling: StageResult[];
  rows: RowCounts;
  /** /metrics of the one-process product, and what it had stored when scraped last. */
  metrics: MetricsSample[];
  storedBeforeSplit: number;
}

export function inboundFigures(input: InboundRun): Figure[] {
  const { product, layouts, ceiling, rows, metrics } = input;
  const split = layouts[0]!.results;
  // Saturated: replies/s at the fake Feishu API; the ceiling's acks/s (it stores before answering).
  const ceilingRate = stage(ceiling, 'saturated').windowRate;
  const rate = stage(product, 'saturated').windowRate;
  const at500 = stage(product, '500/s');
  const splitAt500 = stage(split, '500/s');
  const bareAt500 = stage(ceiling, '500/s');
  const ackP99 = percentile(at500.acks, 0.99);
  const splitAckP99 = percentile(splitAt500.acks, 0.99);

  const all = [...product, ...layouts.flatMap((l) => l.results)];
  const acked = all.reduce((n, r) => n + r.acked, 0);
  const replied = all.reduce((n, r) => n + r.replied, 0);
  const duplicateReplies = all.reduce((n, r) => n + r.duplicateReplies, 0);
  // Every acknowledged event: one activity, one processed-event row, one deal update, one reply.
  const stored = rows.distinctActivitySources;
  const exactlyOnce = rows.ackedNotStored === 0 && rows.activities === stored && rows.processedEvents === stored &&
    rows.dealUpdates === stored && rows.deliveriesSent === stored && replied === acked && duplicateReplies === 0;
  const last = metrics.at(-1);
  const rising = metrics.filter((m, i) => i > 0 && m.inHandled > metrics[i - 1]!.inHandled).length;
  const allReplied = (r: StageResult) => (r.replied === r.acked ? 'reported (all replied)' : `all replied (${r.acked - r.replied} missing)`);

  return [
    { name: 'inbound end to end, messages/s (saturated, npm start)', value: rate, unit: 'msg/s', goal: '>= 1000', met: rate >= 1000, ceiling: ceilingRate },
    { name: 'inbound end to end, share of the bare ceiling', value: (rate / ceilingRate) * 100, unit: '%', goal: '>= 50', met: rate >= ceilingRate / 2 },
    { name: 'inbound ack p50 at 500/s offered', value: percentile(at500.acks, 0.5), unit: 'ms', goal: 'reported', met: true, ceiling: percentile(bareAt500.acks, 0.5) },
    { name: 'inbound ack p99 at 500/s offered', value: ackP99, unit: 'ms', goal: '< 50', met: ackP99 < 50, ceiling: percentile(bareAt500.acks, 0.99) },
    { name: 'inbound end to end p50 at 500/s offered', value: percentile(at500.e2e, 0.5), unit: 'ms', goal: allReplied(at500), met: at500.replied === at500.acked },
    { name: 'inbound end to end p99 at 500/s offered', value: percentile(at500.e2e, 0.99), unit: 'ms', goal: allReplied(at500), met: at500.replied === at500.acked },
    ...layouts.flatMap((l) => layoutFigures(l, ceilingRate)),
    { name: 'inbound ack p99 at 500/s offered (web + 1 worker process)', value: splitAckP99, unit: 'ms', goal: '< 50', met: splitAckP99 < 50, ceiling: percentile(bareAt500.acks, 0.99) },
    {
      name: 'inbound events stored exactly once (activities; re-deliveries included)', value: rows.activities, unit: 'rows',
      goal: `each of ${acked} acked once, one reply each`, met: exactlyOnce,
    },
    {
      name: '/metrics messages_in handled at end (scraped live)', value: last?.inHandled ?? 0, unit: 'msgs',
      goal: `= ${input.storedBeforeSplit} stored, rising in >= 3 scrapes`, met: last?.inHandled === input.storedBeforeSplit && rising >= 3,
    },
  ];
}

const processes = (n: number) => `web + ${n} worker process${n > 1 ? 'es' : ''}`;

/** One split layout: saturated msg/s, exactly-once over its own events, and where the CPU went. */
function layoutFigures(l: Layout, ceilingRate: number): Figure[] {
  const rate = stage(l.results, 'saturated').windowRate;
  const acked = l.results.reduce((n, r) => n + r.acked, 0);
  const replied = l.results.reduce((n, r) => n + r.replied, 0);
  const duplicates = l.results.reduce((n, r) => n + r.duplicateReplies, 0);
  const delta = (k: keyof RowCounts) => l.after[k] - l.before[k];
  const stored = delta('distinctActivitySources');
  // Each of its acknowledged events: one activity, one processed-event row, one deal update, one reply.
  const once = l.after.ackedNotStored === 0 && stored >= acked && delta('activities') === stored && delta('processedEvents') === stored &&
    delta('dealUpdates') === stored && delta('deliveriesSent') === stored && replied === acked && duplicates === 0;
  const workersCpu = l.cpu.workers.reduce((a, b) => a + b, 0);
  const cpu = (part: string, value: number): Figure =>
    ({ name: `CPU at saturation, ${processes(l.workers)}: ${part}`, value, unit: '% of a core', goal: 'reported', met: true });
  return [
    { name: `inbound end to end, messages/s (saturated, ${processes(l.workers)})`, value: rate, unit: 'msg/s', goal: '>= 1000', met: rate >= 1000, ceiling: ceilingRate },
    { name: `inbound events stored exactly once (${processes(l.workers)})`, value: stored, unit: 'rows', goal: `each of ${acked} acked once, one reply each`, met: once },
    // Each worker's share, the web's and Redis's are in the bench's log line.
    cpu('worker processes together', workersCpu),
    cpu('Postgres', l.cpu.postgres),
    cpu('whole machine (100 per core)', l.cpu.machine),
  ];
}
