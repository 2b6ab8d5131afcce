// SQL statements and Redis round trips made by this process, counted at the drivers (issue #16):
// every pg query (Prisma's too, through its pg adapter; BEGIN and COMMIT included), every ioredis
// command sent on its own, and every pipeline or MULTI as one round trip. For the per-part
// breakdown (inbound-parts.ts), which runs one part at a time with nothing else in the process.
import { appendFileSync } from 'node:fs';
import pg from 'pg';
import { Pipeline, Redis } from 'ioredis';

export interface Trips { sql: number; redis: number }

const counted: Trips = { sql: 0, redis: 0 };
let installed = false;

/** Starts counting (once per process); returns a reader of the counts so far. */
export function countRoundTrips(): () => Trips {
  if (!installed) {
    installed = true;
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      counted.sql++;
      if (process.env.BENCH_SQL_LOG) appendFileSync(process.env.BENCH_SQL_LOG, `${sqlText(args[0])}\n`);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    const send = Redis.prototype.sendCommand;
    // A command given a stream is one of a pipeline's, counted with its exec.
    Redis.prototype.sendCommand = function (this: Redis, ...args: Parameters<typeof send>) {
      if (!args[1]) counted.redis++;
      if (process.env.BENCH_SQL_LOG) appendFileSync(process.env.BENCH_SQL_LOG, `redis${args[1] ? ' (pipelined)' : ''}: ${args[0].name}\n`);
      return send.apply(this, args);
    };
    const exec = Pipeline.prototype.exec;
    // ioredis's MULTI calls the pipeline's exec twice (once to queue EXEC): one round trip.
    const execs = new WeakSet<Pipeline>();
    Pipeline.prototype.exec = function (this: Pipeline, ...args: Parameters<typeof exec>) {
      if (execs.has(this)) return exec.apply(this, args);
      execs.add(this);
      counted.redis++;
      if (process.env.BENCH_SQL_LOG) appendFileSync(process.env.BENCH_SQL_LOG, 'redis: exec\n');
      return exec.apply(this, args);
    };
  }
  return () => ({ ...counted });
}

const sqlText = (q: unknown) => (typeof q === 'string' ? q : (q as { text?: string } | undefined)?.text ?? '?').replace(/\s+/g, ' ').slice(0, 160);
