// The inbound bench's figures (issue #6, figure 1; #7's live /metrics) from the stage results.
import type { Figure } from './figures.js';
import type { MetricsSample } from './inbound-metrics.js';
import type { StageResult } from './inbound-protocol.js';

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


export function inboundFigures(input: { product: StageResult[]; ceiling: StageResult[]; rows: RowCounts; metrics: MetricsSample[] }): Figure[] {
  const { product, ceiling, rows, metrics } = input;
  const saturated = stage(product, 'saturated');
  // Saturated: replies/s at the fake Feishu API; the ceiling's acks/s (it stores before answering).
  const ceilingRate = stage(ceiling, 'saturated').windowRate;
  const rate = saturated.windowRate;
  const at500 = stage(product, '500/s');
  const bareAt500 = stage(ceiling, '500/s');
  const ackP99 = percentile(at500.acks, 0.99);

  const acked = product.reduce((n, r) => n + r.acked, 0);
  const replied = product.reduce((n, r) => n + r.replied, 0);
  const duplicateReplies = product.reduce((n, r) => n + r.duplicateReplies, 0);
  // Every acknowledged event: one activity, one processed-event row, one deal update, one reply.
  const stored = rows.distinctActivitySources;
  const exactlyOnce = rows.ackedNotStored === 0 && rows.activities === stored && rows.processedEvents === stored &&
    rows.dealUpdates === stored && rows.deliveriesSent === stored && replied === acked && duplicateReplies === 0;
  const last = metrics.at(-1);
  const rising = metrics.filter((m, i) => i > 0 && m.inHandled > metrics[i - 1]!.inHandled).length;

  return [
    { name: 'inbound end to end, messages/s (saturated)', value: rate, unit: 'msg/s', goal: '>= 1000', met: rate >= 1000, ceiling: ceilingRate },
    { name: 'inbound end to end, share of the bare ceiling', value: (rate / ceilingRate) * 100, unit: '%', goal: '>= 50', met: rate >= ceilingRate / 2 },
    { name: 'inbound ack p50 at 500/s offered', value: percentile(at500.acks, 0.5), unit: 'ms', goal: 'reported', met: true, ceiling: percentile(bareAt500.acks, 0.5) },
    { name: 'inbound ack p99 at 500/s offered', value: ackP99, unit: 'ms', goal: '< 50', met: ackP99 < 50, ceiling: percentile(bareAt500.acks, 0.99) },
    { name: 'inbound end to end p50 at 500/s offered', value: percentile(at500.e2e, 0.5), unit: 'ms', goal: 'reported', met: at500.replied === at500.acked },
    { name: 'inbound end to end p99 at 500/s offered', value: percentile(at500.e2e, 0.99), unit: 'ms', goal: 'reported', met: at500.replied === at500.acked },
    {
      name: 'inbound events stored exactly once (activities; re-deliveries included)', value: rows.activities, unit: 'rows',
      goal: `each of ${acked} acked once, one reply each`, met: exactlyOnce,
    },
    {
      name: '/metrics messages_in handled at end (scraped live)', value: last?.inHandled ?? 0, unit: 'msgs',
      goal: `= ${stored} stored, rising in >= 3 scrapes`, met: last?.inHandled === stored && rising >= 3,
    },
  ];
}
