// The HTTP app: health, the web chat (page + API); messenger webhooks mount here too (#4).
import { Hono } from 'hono';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { webChatApi } from '../../adapters/web/routes.js';
import { WebInbox } from '../../adapters/web/inbox.js';
import type { Db } from '../db.js';
import { Router } from '../router/index.js';
import { webChatPage } from './web-chat/routes.js';
import type { Adapter } from '../../adapters/contract.js';
import type { TextMessage } from '../chat/index.js';
import type { InboundSink } from '../delivery/inbound.js';
import type { LlmConfig } from '../nlu/llm.js';
import { health } from './health.js';
import { ADMIN_BASE, adminApi } from './admin/index.js';
import { peopleChanged } from '../router/actors.js';
import { INBOUND, outboundQueueName } from '../../jobs/queues.js';
import { createMetrics, metricsRoute, type Metrics } from './metrics.js';
import { ready } from './ready.js';
import { loggingSink, requestIds } from './request-id.js';
import { limitBodies } from './body-limit.js';

export interface AppDeps {
  db: Db;
  redis: Redis;
  log: Logger;
  keyPrefix: string;
  tenantId: string;
  /** See WebChatOptions.token. */
  webChatToken: string | undefined | null;
  /** Where webhooks put verified events (the inbound queue); needed when adapters have routes. */
  sink?: InboundSink;
  adapters?: (inbox: WebInbox) => Adapter[];
  /** The parser's optional language-model fallback. */
  llm?: LlmConfig;
  /** ADMIN_TOKEN: the admin API under /api/admin; unset → not mounted (404). */
  adminToken?: string;
  /** Prometheus metrics (#7); one is made per app when not given. */
  metrics?: Metrics;
}

export function createApp(deps: AppDeps) {
  const metrics = deps.metrics ?? createMetrics();
  const inbox = new WebInbox(deps.redis, deps.keyPrefix);
  const adapters = deps.adapters?.(inbox) ?? [];
  // A voice message's words come from the adapter of its platform (Feishu speech-to-text).
  const transcribe = (event: TextMessage) => adapters.find((a) => a.platform === event.from.platform)?.transcribe?.(event) ?? Promise.resolve(undefined);
  const router = new Router({ ...deps, metrics, transcribe });
  const app = new Hono();
  app.use(requestIds(deps.log));
  app.use(limitBodies());
  app.route('/', health(deps));
  app.route('/', ready(deps));
  app.route('/', metricsRoute(metrics));
  app.route('/', webChatApi({ router, inbox, tenantId: deps.tenantId, token: deps.webChatToken }));
  if (deps.webChatToken !== null) app.route('/', webChatPage);
  if (deps.adminToken) {
    const changed = (tenantId: string) => peopleChanged(deps.redis, deps.keyPrefix, tenantId);
    app.route(ADMIN_BASE, adminApi({ db: deps.db, token: deps.adminToken, changed }));
  }
  for (const adapter of adapters) {
    if (adapter.routes && deps.sink) app.route('/', adapter.routes(loggingSink(deps.sink, deps.log)));
  }
  // Same names and prefix as assemble's queues and the job scheduler ('jobs', jobs/index.ts).
  metrics.watchQueues({ connection: deps.redis, prefix: `${deps.keyPrefix}:bull` },
    [INBOUND, 'jobs', ...new Set(adapters.map((a) => outboundQueueName(a.platform)))]);
  app.onError((err, c) => {
    (c.get('log') ?? deps.log).error({ err, path: c.req.path }, 'request failed');
    return c.json({ error: 'internal error' }, 500);
  });
  return { app, router, inbox, adapters, metrics };
}
