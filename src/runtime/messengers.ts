// Which messenger adapters run: each is on when its environment variables are set. `npm start`
// logs every platform's state and, for the inactive ones, the variables missing — never values.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Adapter } from '../../adapters/contract.js';
import { feishuFromEnv } from '../../adapters/feishu/index.js';
import { slackFromEnv } from '../../adapters/slack/index.js';
import { wechatyFromEnv } from '../../adapters/wechaty/index.js';
import { wecomFromEnv } from '../../adapters/wecom/index.js';

type FromEnv = (env: NodeJS.ProcessEnv, deps: { log: Logger; redis: Redis; keyPrefix: string }) => { adapter?: Adapter; missing: string[] };

const PLATFORMS: [string, FromEnv][] = [
  ['feishu', feishuFromEnv],
  ['wecom', wecomFromEnv],
  ['wechaty', wechatyFromEnv],
  ['slack', slackFromEnv],
];

export function messengersFromEnv(env: NodeJS.ProcessEnv, deps: { log: Logger; redis: Redis; keyPrefix: string }): Adapter[] {
  const adapters: Adapter[] = [];
  for (const [name, fromEnv] of PLATFORMS) {
    const { adapter, missing } = fromEnv(env, deps);
    if (adapter) adapters.push(adapter);
    deps.log.info(
      adapter ? { platform: name, active: true } : { platform: name, active: false, missing },
      adapter ? `${name} adapter active` : `${name} adapter off (set ${missing.join(', ')})`,
    );
  }
  return adapters;
}
