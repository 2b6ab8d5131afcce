// Every scheduled job, and the worker that runs them. Schedules are BullMQ job schedulers
// (upsertJobScheduler: registering them again at every start never duplicates them).
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { digestJobs } from './digests/index.js';
import { housekeepingJob } from './housekeeping/index.js';
import { poolJobs } from './pool/index.js';
import { ownershipNews } from './ownership/requests.job.js';
import { reminderJobs } from './reminders/index.js';
import type { JobContext, JobDefinition, RunOptions } from './types.js';
import { closeWorker, watched } from '../src/runtime/queue-worker.js';

export const JOBS_QUEUE = 'jobs';
export const JOBS: JobDefinition[] = [...reminderJobs, ...digestJobs, housekeepingJob, ...poolJobs, ownershipNews];

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}

export async function startJobs(ctx: JobContext, opts: { connection: ConnectionOptions; prefix: string }) {
  const queue = new Queue<RunOptions>(JOBS_QUEUE, opts);
  await registerSchedules(queue);
  // A Redis that restarted without its data lost the schedules with it: register them again
  // whenever the connection comes back. A new 'every' schedule runs at once, so the reminders
  // tick catches up on what fell due meanwhile; an intact one is left as it was.
  const client = await queue.client;
  const reregister = () => void registerSchedules(queue).catch((err: Error) => ctx.log.error({ err: err.message }, 'schedules not registered again'));
  client.on('ready', reregister);
  const worker = watched(new Worker<RunOptions>(JOBS_QUEUE, async (j) => {
    const job = findJob(j.name);
    if (!job) throw new Error(`no job called ${j.name}`);
    await job.run(ctx, j.data);
  }, { ...opts, concurrency: 2 }), ctx.log);
  worker.on('failed', (j, err) => {
    ctx.metrics?.jobFailures.inc({ queue: JOBS_QUEUE });
    ctx.log.error({ job: j?.name, err: err.message }, 'scheduled job failed');
  });
  const own = await Promise.all(JOBS.map((j) => j.start?.({ ...ctx, ...opts })));
  return {
    async close() {
      client.off('ready', reregister);
      await closeWorker(worker);
      await Promise.all(own.map((s) => s?.close()));
      await queue.close();
    },
  };
}

async function registerSchedules(queue: Queue<RunOptions>): Promise<void> {
  for (const job of JOBS) {
    if (!job.schedule) continue;
    const repeat = 'every' in job.schedule ? { every: job.schedule.every } : { pattern: job.schedule.pattern, tz: job.schedule.tz };
    await queue.upsertJobScheduler(job.name, repeat, { name: job.name, data: {} });
  }
}
