// The fault tests' view of the whole product: every inbound HTTP surface (Feishu, Slack, WeCom
// webhooks, the token-guarded web chat, the admin API) mounted by assemble() over this file's
// database and Redis prefix, no workers running — so whatever a request queued stays countable —
// and a snapshot of everything a refused request must not have written. Issue #6.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { FeishuAdapter } from '../../adapters/feishu/adapter.js';
import { WecomCrypto } from '../../adapters/wecom/crypto.js';
import { toXml } from '../../adapters/wecom/xml.js';
import { slackAdapter } from '../../adapters/slack/adapter.js';
import { inboundQueue } from '../../jobs/queues.js';
import { seedDemo } from '../../prisma/seed.js';
import type { Db } from '../../src/db.js';
import { createLogger } from '../../src/log.js';
import { assemble } from '../../src/runtime/assemble.js';
import { APP_ID, ENCRYPT_KEY, TENANT, VERIFICATION_TOKEN } from '../adapters/fakes/feishu-rig.js';
import { FakeFeishuApi } from '../adapters/fakes/feishu-api.js';
import { FakeSlackApi, SIGNING_SECRET, TEAM } from '../adapters/fakes/slack-api.js';
import { RIG, wecomHarness } from '../adapters/fakes/wecom-rig.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';

export const WEB_TOKEN = 'fault-web-chat-token';
export const ADMIN_TOKEN = 'fault-admin-token';
export const SLACK_APP = 'A0TEST';

export async function surfaces() {
  const { db } = await testDb();
  const { redis, prefix } = testRedis();
  await seedDemo(db);
  const log = createLogger('silent');
  const feishuApi = await new FakeFeishuApi().start();
  const slackApi = await new FakeSlackApi().start();
  const feishu = new FeishuAdapter({
    appId: APP_ID, appSecret: 'test-app-secret', domain: feishuApi.url, mode: 'webhook', encryptKey: ENCRYPT_KEY,
    verificationToken: VERIFICATION_TOKEN, tenantKey: TENANT,
  }, log);
  const slack = slackAdapter({ botToken: 'xoxb-faults', signingSecret: SIGNING_SECRET, apiUrl: slackApi.url, log, appId: SLACK_APP, teamId: TEAM });
  const wecom = await wecomHarness(() => ({ redis, prefix })).start();
  const product = assemble({
    db, redis, log, keyPrefix: prefix, tenantId: 'demo', webChatToken: WEB_TOKEN, adminToken: ADMIN_TOKEN,
    messengers: () => [feishu, slack, wecom.adapter],
  });
  const inbound = inboundQueue({ connection: redis, prefix: `${prefix}:bull` });
  const close = async () => {
    await inbound.close();
    await product.closeQueues();
    await Promise.all([feishuApi.close(), slackApi.close(), wecom.close()]);
  };
  return { db, redis, prefix, app: product.app, adapters: { feishu, slack, wecom: wecom.adapter }, written: () => written(db, inbound), close };
}

/** Everything a request could have written: inbound jobs and the rows an event leads to. */
async function written(db: Db, inbound: ReturnType<typeof inboundQueue>) {
  const jobs = Object.values(await inbound.getJobCounts()).reduce((a, b) => a + b, 0);
  const [processedEvents, activities, users, chatAddresses, chatIdentities, tenants, customers, audit] = await Promise.all([
    db.processedEvent.count(), db.activity.count(), db.user.count(), db.chatAddress.count(),
    db.chatIdentity.count(), db.tenant.count(), db.customer.count(), db.auditLog.count(),
  ]);
  return { jobs, processedEvents, activities, users, chatAddresses, chatIdentities, tenants, customers, audit };
}

/** Sends `req` to `app`, expects `status`, and that nothing was queued or stored meanwhile. */
export async function refused(s: Awaited<ReturnType<typeof surfaces>>, req: Request, status: number): Promise<Response> {
  const before = await s.written();
  const res = await s.app.request(req);
  expect(res.status, `${req.method} ${new URL(req.url).pathname}: ${await res.clone().text()}`).toBe(status);
  expect(await s.written()).toEqual(before);
  return res;
}

/**
 * A POST whose body is `bytes` long, produced 64 KB at a time as it is read; `pulled()` says how
 * much of it the server read. `declared`: send a Content-Length header claiming the size.
 */
export function streamedPost(url: string, bytes: number, headers: Record<string, string> = {}, declared = false) {
  const chunk = 64 * 1024;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(ctrl) {
      if (pulled >= bytes) return ctrl.close();
      const n = Math.min(chunk, bytes - pulled);
      pulled += n;
      ctrl.enqueue(new Uint8Array(n).fill(0x61));
    },
  }, { highWaterMark: 0 });
  const request = new Request(url, {
    method: 'POST', body, duplex: 'half', headers: { ...headers, ...(declared && { 'content-length': String(bytes) }) },
  } as RequestInit);
  return { request, pulled: () => pulled, chunk };
}

// ---- WeCom callbacks, signed and sealed as WeCom does (see tests/adapters/fakes/wecom-rig.ts) ----

const now = () => Math.floor(Date.now() / 1000);

/** A callback POST; `sealFor` seals it for another corp, `to` sets the outer ToUserName. */
export function wecomCallback(fields: Record<string, string | number>, o: { age?: number; sealFor?: string; to?: string; raw?: string } = {}) {
  const crypto = new WecomCrypto(RIG.token, RIG.key, o.sealFor ?? RIG.corpId);
  const encrypt = crypto.encrypt(o.raw ?? toXml(fields));
  const timestamp = String(now() - (o.age ?? 0));
  const nonce = String(randomBytes(4).readUInt32BE());
  const q = new URLSearchParams({ msg_signature: crypto.sign(timestamp, nonce, encrypt), timestamp, nonce });
  return new Request(`http://localhost/webhooks/wecom?${q}`, { method: 'POST', body: toXml({ ToUserName: o.to ?? RIG.corpId, Encrypt: encrypt, AgentID: RIG.agentId }) });
}

/** The GET URL check with an echostr sealed for `sealFor` (default: our corp). */
export function wecomUrlCheck(o: { forge?: boolean; age?: number; sealFor?: string } = {}) {
  const crypto = new WecomCrypto(RIG.token, RIG.key, o.sealFor ?? RIG.corpId);
  const echostr = crypto.encrypt('echo-1234567890');
  const timestamp = String(now() - (o.age ?? 0));
  const nonce = '42';
  const signature = crypto.sign(timestamp, nonce, o.forge ? `${echostr}x` : echostr);
  return new Request(`http://localhost/webhooks/wecom?${new URLSearchParams({ msg_signature: signature, timestamp, nonce, echostr })}`);
}

export const wecomText = (user: string, text: string, msgId: string, extra: Record<string, string> = {}) => ({
  ToUserName: RIG.corpId, FromUserName: user, CreateTime: now(), MsgType: 'text', Content: text, MsgId: msgId, AgentID: RIG.agentId, ...extra,
});
