// Prometheus metrics: one Registry per app instance (not prom-client's global one, so two apps
// in one test run never share counts). Counters are incremented where things happen (router,
// parser, delivery, jobs); queue depths are read from BullMQ when Prometheus scrapes.
import { Hono } from 'hono';
import { Queue, type ConnectionOptions } from 'bullmq';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

export interface Metrics {
  registry: Registry;
  messagesIn: Counter<'platform' | 'outcome'>;
  messagesOut: Counter<'platform' | 'result'>;
  parse: Counter<'intent' | 'confident'>;
  jobFailures: Counter<'queue'>;
  reminderLateness: Histogram;
  /** Reports these BullMQ queues' depths and lag on every scrape. */
  watchQueues(opts: { connection: ConnectionOptions; prefix: string }, names: string[]): void;
  close(): Promise<void>;
}

export function createMetrics(opts: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaults !== false) collectDefaultMetrics({ register: registry });
  const queues = new Map<string, Queue>();
  const watched: { name: string; opts: { connection: ConnectionOptions; prefix: string } }[] = [];
  // Queues are opened on the first scrape, not at startup: an app never scraped opens nothing.
  const open = () => {
    for (const { name, opts: o } of watched.splice(0)) {
      const q = new Queue(name, o);
      q.on('error', () => {}); // a Redis outage shows in /readyz; the scrape itself then fails
      queues.set(name, q);
    }
    return queues;
  };
  const on = { registers: [registry] };
  new Gauge({
    name: 'salesbot_queue_jobs', help: 'Jobs per BullMQ queue and state', labelNames: ['queue', 'state'], ...on,
    async collect() {
      this.reset();
      for (const [name, q] of open()) {
        const counts = await q.getJobCounts(...STATES);
        for (const state of STATES) this.set({ queue: name, state }, counts[state] ?? 0);
      }
    },
  });
  new Gauge({
    name: 'salesbot_queue_oldest_waiting_seconds', help: 'Age of the oldest waiting job (0 when none)', labelNames: ['queue'], ...on,
    async collect() {
      this.reset();
      for (const [name, q] of open()) this.set({ queue: name }, await oldestWaitingSeconds(q));
    },
  });
  return {
    registry,
    messagesIn: new Counter({ name: 'salesbot_messages_in_total', help: 'Inbound messages by platform and outcome', labelNames: ['platform', 'outcome'], ...on }),
    messagesOut: new Counter({ name: 'salesbot_messages_out_total', help: 'Outbound send attempts by platform and result', labelNames: ['platform', 'result'], ...on }),
    parse: new Counter({ name: 'salesbot_parse_total', help: 'Parsed free-text messages by intent and confidence', labelNames: ['intent', 'confident'], ...on }),
    jobFailures: new Counter({ name: 'salesbot_job_failures_total', help: 'Failed job attempts by queue', labelNames: ['queue'], ...on }),
    reminderLateness: new Histogram({
      name: 'salesbot_reminder_lateness_seconds', help: 'How long after its due send time a reminder went out',
      buckets: [1, 5, 15, 60, 300, 900, 3600, 4 * 3600], ...on,
    }),
    watchQueues(queueOpts, names) {
      for (const name of names) if (!queues.has(name) && !watched.some((w) => w.name === name)) watched.push({ name, opts: queueOpts });
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
      queues.clear();
    },
  };
}

/** The wait list is oldest-first with asc=true; a delayed job counts from when it became due. */
async function oldestWaitingSeconds(q: Queue): Promise<number> {
  const [job] = await q.getJobs(['wait'], 0, 0, true);
  if (!job) return 0;
  return Math.max(0, (Date.now() - job.timestamp - (job.delay ?? 0)) / 1000);
}

export function metricsRoute(metrics: Metrics): Hono {
  return new Hono().get('/metrics', async (c) => {
    const body = await metrics.registry.metrics();
    return c.body(body, 200, { 'content-type': metrics.registry.contentType });
  });
}
