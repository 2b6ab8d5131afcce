// The Slack SDKs' logger interface over pino: warnings and errors only (their debug output
// includes request bodies). The SDKs redact tokens from what they log.
import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import type { Logger } from 'pino';

export function slackLogger(log: Logger, component = 'slack-sdk'): SlackLogger {
  const child = log.child({ component });
  let level = LogLevel.WARN;
  return {
    debug: () => {},
    info: () => {},
    warn: (...msg) => child.warn(msg.map(String).join(' ')),
    error: (...msg) => child.error(msg.map(String).join(' ')),
    setLevel: (l) => { level = l; },
    getLevel: () => level,
    setName: () => {},
  };
}
