// Puts the product together over a database and a Redis: the HTTP app (web chat, webhooks),
// the queues, the outbox and the workers. main.ts runs it; tests assemble the same way.
import type { Queue } from 'bullmq';
import type { Adapter } from '../../adapters/contract.js';
import { webAdapter } from '../../adapters/web/adapter.js';
import type { WebInbox } from '../../adapters/web/inbox.js';
import { inboundQueue, outboundQueue, type OutboundPayload } from '../../jobs/queues.js';
import type { Platform } from '../chat/index.js';
import { ChatTurns } from '../delivery/chat-turns.js';
import { queueSink } from '../delivery/inbound.js';
import { Outbox } from '../delivery/outbox.js';
import { startWorkers, type WorkerDeps } from '../delivery/workers.js';
import { createApp, type AppDeps } from '../http/app.js';

export interface AssembleOptions extends Omit<AppDeps, 'sink' | 'adapters'> {
  /** Messenger adapters to run besides the web chat (see adapters/). */
  messengers?: (inbox: WebInbox) => Adapter[];
}

export function assemble(opts: AssembleOptions) {
  const queueOpts = { connection: opts.redis, prefix: `${opts.keyPrefix}:bull` };
  const outboundQueues = new Map<Platform, Queue<OutboundPayload>>();
  const queueFor = (platform: Platform) => {
    let q = outboundQueues.get(platform);
    if (!q) outboundQueues.set(platform, (q = outboundQueue(platform, queueOpts)));
    return q;
  };
  const inbound = inboundQueue(queueOpts);
  const turns = new ChatTurns(opts.redis, queueOpts.prefix);
  const sink = queueSink(inbound, turns);
  const outbox = new Outbox(opts.db, queueFor);
  const built = createApp({ ...opts, sink, adapters: (inbox) => [webAdapter(inbox), ...(opts.messengers?.(inbox) ?? [])] });

  return {
    ...built,
    outbox,
    sink,
    /** The chats' lines and holds (chat-turns.ts), as the workers use them. */
    turns,
    startWorkers: (tuning: Pick<WorkerDeps, 'inboundRoundMax'> = {}) => startWorkers({ db: opts.db, log: opts.log, router: built.router, outbox, sink, adapters: built.adapters, redis: opts.redis, ...queueOpts, ...tuning }),
    async closeQueues() {
      await Promise.all([inbound.close(), ...[...outboundQueues.values()].map((q) => q.close())]);
    },
  };
}
