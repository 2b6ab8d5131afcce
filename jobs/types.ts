// What a scheduled job is. Processors take their dependencies (clock, notifier) as arguments,
// so a test can run a day of schedules in seconds and the CLI can run any job now.
import type { ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Db } from '../src/db.js';
import type { Notifier } from '../src/delivery/outbox.js';
import type { Metrics } from '../src/http/metrics.js';

export interface JobContext {
  db: Db;
  /** Where messages go: the outbox in production, a printer for `run-job --print`, a recorder in tests. */
  notifier: Notifier;
  now: () => Date;
  log: Logger;
  redis: Redis;
  keyPrefix: string;
  /** Prometheus metrics (#7): reminder lateness, job failures. */
  metrics?: Pick<Metrics, 'reminderLateness' | 'jobFailures'>;
}

export interface RunOptions {
  /** Only this tenant (default: every tenant). */
  tenantId?: string;
  /** The local day the run is for, YYYY-MM-DD (default: today in each tenant's zone). */
  date?: string;
}

export interface JobDefinition {
  /** Also the name for `run-job <name>`: 'daily-digest', 'anniversaries', 'stale-deals', 'callbacks', … */
  name: string;
  /** When the scheduler triggers it (a BullMQ job scheduler; re-registering never duplicates). */
  schedule?: { pattern: string; tz?: string } | { every: number };
  /** One run; idempotent (deterministic message keys), so running it twice sends nothing twice. */
  run(ctx: JobContext, opts: RunOptions): Promise<void>;
  /** For jobs with their own queue (reminders as delayed jobs): start its worker; or work to do once when a worker starts. */
  start?(ctx: JobContext & { connection: ConnectionOptions; prefix: string }): Promise<{ close(): Promise<void> }>;
}
