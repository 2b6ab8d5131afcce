// Feishu/Lark from the environment. Webhook mode (default) needs the Encrypt Key, which signs
// and encrypts every event, and the Verification Token; long-connection mode (FEISHU_MODE=ws)
// needs only the app's credentials — but Feishu sends card clicks only to a callback URL, so
// with FEISHU_ENCRYPT_KEY set the webhook is mounted too; without it buttons become numbered
// options the user types. Secrets are never logged.
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Adapter } from '../contract.js';
import { FeishuAdapter, type FeishuConfig } from './adapter.js';

export { FeishuAdapter, type FeishuConfig } from './adapter.js';

const required: Record<FeishuConfig['mode'], string[]> = {
  webhook: ['FEISHU_APP_ID', 'FEISHU_APP_SECRET', 'FEISHU_VERIFICATION_TOKEN', 'FEISHU_ENCRYPT_KEY'],
  ws: ['FEISHU_APP_ID', 'FEISHU_APP_SECRET'],
};

const modeSchema = z.enum(['webhook', 'ws']);

export function feishuFromEnv(env: NodeJS.ProcessEnv, deps: { log: Logger }): { adapter?: Adapter; missing: string[] } {
  const set = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const given = modeSchema.safeParse(set('FEISHU_MODE') ?? 'webhook');
  if (!given.success) deps.log.warn({ platform: 'feishu', FEISHU_MODE: env.FEISHU_MODE }, 'FEISHU_MODE is webhook or ws; using webhook');
  const mode = given.data ?? 'webhook';
  const missing = required[mode].filter((name) => !set(name));
  if (missing.length) return { missing };
  const cfg: FeishuConfig = {
    appId: set('FEISHU_APP_ID')!,
    appSecret: set('FEISHU_APP_SECRET')!,
    domain: (set('FEISHU_DOMAIN') ?? 'https://open.feishu.cn').replace(/\/+$/, ''),
    mode,
    encryptKey: set('FEISHU_ENCRYPT_KEY'),
    verificationToken: set('FEISHU_VERIFICATION_TOKEN'),
    tenantKey: set('FEISHU_TENANT_KEY'),
    // Voice messages through speech-to-text: only when the app was granted speech_to_text:speech.
    speech: /^(1|true|yes|on)$/i.test(set('FEISHU_SPEECH') ?? ''),
  };
  deps.log.info({ platform: 'feishu', mode, domain: cfg.domain, appId: cfg.appId, speech: cfg.speech }, 'feishu adapter configured');
  return { adapter: new FeishuAdapter(cfg, deps.log), missing: [] };
}
