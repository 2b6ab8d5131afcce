// WeCom from the environment. All five credentials or none: `missing` names what is absent or
// malformed (the caller warns when only some are set). Secrets are never logged.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Adapter } from '../contract.js';
import { wecomAdapter, type WecomConfig } from './adapter.js';

export { wecomAdapter, type WecomConfig } from './adapter.js';
export { sendToGroupRobot } from './group-robot.js';
export { WEBHOOK_PATH } from './routes.js';

export const DEFAULT_API_BASE = 'https://qyapi.weixin.qq.com';

const REQUIRED = {
  WECOM_CORP_ID: /^\S+$/,
  WECOM_AGENT_ID: /^\d{1,12}$/,
  WECOM_SECRET: /^\S+$/,
  WECOM_TOKEN: /^[A-Za-z0-9]{1,32}$/,
  WECOM_ENCODING_AES_KEY: /^[A-Za-z0-9]{43}$/,
} as const;
const RULES: Partial<Record<keyof typeof REQUIRED, string>> = {
  WECOM_AGENT_ID: 'must be the app\'s numeric AgentId',
  WECOM_TOKEN: 'must be up to 32 letters or digits',
  WECOM_ENCODING_AES_KEY: 'must be the 43-character EncodingAESKey',
};

export function wecomFromEnv(env: NodeJS.ProcessEnv, deps: { log: Logger; redis: Redis; keyPrefix: string }): { adapter?: Adapter; missing: string[] } {
  const value = (k: string) => env[k]?.trim() || undefined;
  const missing: string[] = [];
  for (const [name, rule] of Object.entries(REQUIRED) as [keyof typeof REQUIRED, RegExp][]) {
    const v = value(name);
    if (v === undefined) missing.push(name);
    else if (!rule.test(v)) missing.push(`${name} (${RULES[name] ?? 'malformed'})`);
  }
  const apiBase = value('WECOM_API_BASE') ?? DEFAULT_API_BASE;
  if (!/^https?:\/\//.test(apiBase)) missing.push('WECOM_API_BASE (must start with http:// or https://)');
  if (missing.length) return { missing };
  const config: WecomConfig = {
    corpId: value('WECOM_CORP_ID')!, agentId: value('WECOM_AGENT_ID')!, secret: value('WECOM_SECRET')!,
    token: value('WECOM_TOKEN')!, encodingAesKey: value('WECOM_ENCODING_AES_KEY')!, apiBase,
  };
  return { adapter: wecomAdapter(config, deps), missing };
}
