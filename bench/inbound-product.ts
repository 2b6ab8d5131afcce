// The product under the inbound bench, assembled as `npm start` does (src/runtime/boot.ts) with
// a real Feishu adapter in webhook mode whose open API is the load generator's fake. Either one
// process serving the webhook and running the workers (npm start), or the HTTP side only, the
// workers then running in another process (start:web + start:worker; see inbound-worker.ts).
import { FeishuAdapter } from '../adapters/feishu/adapter.js';
import { createLogger } from '../src/log.js';
import { assemble } from '../src/runtime/assemble.js';
import type { Runtime } from '../src/runtime/open.js';
import { APP_ID, ENCRYPT_KEY, VERIFICATION_TOKEN } from '../tests/adapters/fakes/feishu-rig.js';
import { closeServer, listen } from './inbound-ceiling.js';

/** No Feishu quota here: the fake API has none, and 50/s would be all this bench measured. */
const UNLIMITED_RATE = 1_000_000;

export interface ProductAt { apiUrl: string; keyPrefix: string; tenantId: string }

export function benchProduct(runtime: Runtime, at: ProductAt) {
  const log = createLogger('warn');
  const adapter = new FeishuAdapter({
    appId: APP_ID, appSecret: 'bench-app-secret', domain: at.apiUrl, mode: 'webhook',
    encryptKey: ENCRYPT_KEY, verificationToken: VERIFICATION_TOKEN, ratePerSecond: UNLIMITED_RATE,
  }, log);
  return assemble({ db: runtime.db, redis: runtime.redis, log, keyPrefix: at.keyPrefix, tenantId: at.tenantId, webChatToken: null, messengers: () => [adapter] });
}

/** Serves the product on a free loopback port, with its workers unless `workers` is false. */
export async function serveProduct(runtime: Runtime, at: ProductAt, opts: { workers: boolean }) {
  const product = benchProduct(runtime, at);
  const { server, port } = await listen(product.app.fetch);
  const workers = opts.workers ? product.startWorkers() : undefined;
  await workers?.ready;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await closeServer(server);
      await workers?.close();
      await product.closeQueues();
      await product.metrics.close();
    },
  };
}
