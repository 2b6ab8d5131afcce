import pino, { type Logger } from 'pino';

export type { Logger };

// Phones and emails never reach the logs (issue #7's data protection applies from day one).
const redact = ['*.phone', '*.email', '*.password', 'phone', 'email'];

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, redact, base: undefined });
}
