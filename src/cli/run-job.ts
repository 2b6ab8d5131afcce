// `salesbot run-job <name> [--tenant <id>] [--date YYYY-MM-DD] [--print]`: runs a scheduled job
// now, with the same code and the same message keys as the schedule (so nothing the schedule
// already sent goes out again). --print sends nothing and changes nothing: each message is printed
// as one JSON line {"to", "text", "image"?, "key"}, and the job's database writes (reminders
// marked sent, prompts and nudges recorded, old rows deleted) are rolled back. Works with or without `npm start` running (openRuntime
// reuses the running servers or starts its own); web-chat messages are delivered here too.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'bullmq';
import pino from 'pino';
import { z } from 'zod';
import { webAdapter } from '../../adapters/web/adapter.js';
import { findJob, JOBS } from '../../jobs/index.js';
import { outboundQueueName } from '../../jobs/queues.js';
import type { JobContext } from '../../jobs/types.js';
import type { Address, Reply } from '../chat/index.js';
import { loadConfig } from '../config.js';
import type { Db } from '../db.js';
import { deliver } from '../delivery/deliver.js';
import { closeWorker, watched } from '../runtime/queue-worker.js';
import type { Notifier, Recipient } from '../delivery/outbox.js';
import { assemble } from '../runtime/assemble.js';
import { openRuntime, type Runtime } from '../runtime/open.js';
import { KEY_PREFIX } from '../runtime/paths.js';

const USAGE = 'usage: salesbot run-job <name> [--tenant <id>] [--date YYYY-MM-DD] [--print]';
const PREFIX = KEY_PREFIX;
const DELIVERY_WAIT_MS = 20_000;

const argsSchema = z.object({
  name: z.string().min(1),
  tenant: z.string().min(1).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a date').optional(),
  print: z.boolean(),
});

function parseArgs(argv: string[]) {
  const out: Record<string, unknown> = { print: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--print') out.print = true;
    else if (a === '--tenant' || a === '--date') out[a.slice(2)] = argv[++i];
    else if (!a.startsWith('--') && out.name === undefined) out.name = a;
    else return null;
  }
  const parsed = argsSchema.safeParse(out);
  return parsed.success ? parsed.data : null;
}

/** --print: writes each message as a JSON line instead of sending it. */
class Printer implements Notifier {
  constructor(private readonly db: Db) {}
  private line(to: unknown, reply: Reply, key: string) {
    process.stdout.write(`${JSON.stringify({ to, text: reply.text, ...(reply.image && { image: reply.image.path }), key })}\n`);
  }
  async notify(to: Recipient, reply: Reply, opts: { key: string }) {
    const user = await this.db.user.findFirstOrThrow({ where: { id: to.userId, tenantId: to.tenantId }, select: { handle: true } });
    this.line(user.handle, reply, opts.key);
  }
  async send(input: { address: Address; reply: Reply; key: string }) {
    this.line(input.address, input.reply, input.key);
  }
  async sendToRobot(input: { webhookUrl: string; reply: Reply; key: string }) {
    // The robot's key is a credential: print where it points, not the key itself.
    this.line({ wecomRobot: input.webhookUrl.replace(/key=[^&]+/, 'key=…') }, input.reply, input.key);
  }
}

async function waitForDeliveries(db: Db, keys: string[]): Promise<number> {
  const until = Date.now() + DELIVERY_WAIT_MS;
  for (;;) {
    const done = await db.delivery.count({ where: { id: { in: keys }, status: { in: ['sent', 'failed'] } } });
    if (done === keys.length || Date.now() > until) return done;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function sendForReal(rt: Runtime, base: Omit<JobContext, 'notifier'>, run: (ctx: JobContext) => Promise<void>, tenantId: string) {
  const product = assemble({ db: rt.db, redis: rt.redis, log: base.log, keyPrefix: PREFIX, tenantId, webChatToken: null });
  const keys: string[] = [];
  // Records the keys handed over, so the command can say when they have gone out.
  const notifier = {
    notify: async (to: Recipient, reply: Reply, opts: { key: string }) => { await product.outbox.notify(to, reply, opts); keys.push(opts.key); },
    send: async (input: Parameters<typeof product.outbox.send>[0]) => { await product.outbox.send(input); keys.push(input.key); },
  };
  const web = watched(new Worker(outboundQueueName('web'), (job) => deliver(job, { db: rt.db, adapter: webAdapter(product.inbox), log: base.log }),
    { connection: rt.redis, prefix: `${PREFIX}:bull` }), base.log);
  try {
    await run({ ...base, notifier });
    const done = keys.length ? await waitForDeliveries(rt.db, keys) : 0;
    process.stderr.write(`${keys.length} message(s) queued, ${done} delivered${done < keys.length ? ' (the rest go out when the app with their messenger runs)' : ''}\n`);
  } finally {
    await closeWorker(web);
    await product.closeQueues();
  }
}

class PreviewDone extends Error {}
const PREVIEW_TIMEOUT_MS = 10 * 60_000;

/**
 * --print: the job runs as scheduled, its messages printed, inside one transaction that is then
 * rolled back — a preview marks no reminder sent and records or deletes nothing, whatever the job
 * (with only its own key prefix, `reminders --print` marked real reminders sent: never delivered).
 * Its own Redis key prefix: it neither reads nor writes the schedule's "already sent" marks.
 */
async function preview(rt: Runtime, base: Omit<JobContext, 'notifier' | 'keyPrefix'>, run: (ctx: JobContext) => Promise<void>) {
  const keyPrefix = `${PREFIX}:print:${randomUUID()}`;
  // Charts are drawn under DATA_DIR, where a digest already sent has its image: the preview's go
  // to a folder of their own (printed, and left for the operator to open). This process ends
  // with the preview, so changing its environment touches nothing else.
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'salesbot-preview-'));
  try {
    await rt.db.$transaction(async (tx) => {
      // The jobs read and write through this client only; none opens a transaction of its own.
      await run({ ...base, db: tx as unknown as Db, keyPrefix, notifier: new Printer(rt.db) });
      throw new PreviewDone();
    }, { timeout: PREVIEW_TIMEOUT_MS, maxWait: 10_000 });
  } catch (err) {
    if (!(err instanceof PreviewDone)) throw err;
  } finally {
    const marks = await rt.redis.keys(`${keyPrefix}:*`);
    if (marks.length) await rt.redis.del(...marks);
  }
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const job = args && findJob(args.name);
  if (!args || !job) {
    process.stderr.write(`${USAGE}\njobs: ${JOBS.map((j) => j.name).join(', ')}\n`);
    return 2;
  }
  const config = loadConfig();
  // Logs go to stderr: stdout carries the printed messages.
  const log = pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, base: undefined }, pino.destination({ fd: 2, sync: true }));
  const rt = await openRuntime(config, log);
  const opts = { ...(args.tenant && { tenantId: args.tenant }), ...(args.date && { date: args.date }) };
  try {
    const base = { db: rt.db, redis: rt.redis, log, now: () => new Date(), keyPrefix: PREFIX };
    if (args.print) {
      await preview(rt, base, (ctx) => job.run(ctx, opts));
    } else {
      await sendForReal(rt, base, (ctx) => job.run(ctx, opts), args.tenant ?? config.DEFAULT_TENANT);
    }
    return 0;
  } finally {
    await rt.close();
  }
}
