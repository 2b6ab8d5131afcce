// Wechaty from the environment: on when WECHATY_PUPPET names a puppet (for WeCom, the WorkPro
// service: wechaty-puppet-service, with WECHATY_PUPPET_SERVICE_TOKEN read by the puppet
// itself). WECHATY_TENANT (default "wechaty") is the platform tenant of its users.
import type { Logger } from 'pino';
import type { Adapter } from '../contract.js';
import { wechatyAdapter, type WechatyAdapterOptions } from './adapter.js';

export { wechatyAdapter, type WechatyAdapterOptions } from './adapter.js';

export function wechatyFromEnv(
  env: NodeJS.ProcessEnv,
  deps: { log: Logger; puppet?: WechatyAdapterOptions['puppet'] },
): { adapter?: Adapter; missing: string[] } {
  const puppet = deps.puppet ?? (env.WECHATY_PUPPET?.trim() || undefined);
  if (!puppet) return { missing: ['WECHATY_PUPPET'] };
  const tenant = env.WECHATY_TENANT?.trim() || 'wechaty';
  return { adapter: wechatyAdapter({ puppet: puppet as WechatyAdapterOptions['puppet'], tenant, log: deps.log }), missing: [] };
}
