// The split layout's worker process (like `npm run start:worker`): the inbound and outbound
// queue workers of the bench's product, over the same Postgres and Redis as the bench process,
// which serves only the webhook; the bench runs 1, 2 or 4 of them (inbound-scale.ts). Driven
// over IPC; `cpu` answers the CPU this process has used so far.
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { warmUp } from '../src/nlu/index.js';
import { openRuntime } from '../src/runtime/open.js';
import { benchProduct, type ProductAt } from './inbound-product.js';

export type WorkerCommand = { type: 'start'; at: ProductAt } | { type: 'cpu' } | { type: 'stop' };
export type WorkerReply = { type: 'ready' } | { type: 'cpu'; ms: number } | { type: 'error'; message: string };

let close: (() => Promise<void>) | undefined;

async function start(at: ProductAt): Promise<void> {
  warmUp();
  const runtime = await openRuntime(loadConfig(), createLogger('warn'), { migrate: false });
  const product = benchProduct(runtime, at);
  const workers = product.startWorkers();
  await workers.ready;
  close = async () => {
    await workers.close();
    await product.closeQueues();
    await runtime.close();
  };
}

process.on('message', (cmd: WorkerCommand) => {
  const handle = async () => {
    if (cmd.type === 'start') {
      await start(cmd.at);
      process.send!({ type: 'ready' } satisfies WorkerReply);
    } else if (cmd.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send!({ type: 'cpu', ms: (user + system) / 1000 } satisfies WorkerReply);
    } else {
      await close?.();
      process.exit(0);
    }
  };
  handle().catch((err: Error) => {
    process.send!({ type: 'error', message: err.stack ?? err.message } satisfies WorkerReply);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
