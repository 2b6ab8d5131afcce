import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

// Phones and emails never reach the logs (issue #7's data protection): fields named so are
// redacted, and any other string — an error message quoting a failed write, a platform's answer
// — has phone numbers and email addresses masked before the line is written.
const redact = ['*.phone', '*.email', '*.password', 'phone', 'email'];

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Mainland mobiles (with or without +86 / 86) and other long digit runs in phone shapes — but
// not an ISO date with an expanded year ("+058895-11-19", what a wrong timestamp unit yields).
const ISO_DATE_AHEAD = String.raw`(?!\d{4,6}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d))`;
const PHONE = new RegExp(String.raw`(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)|(?<![\d.])\+${ISO_DATE_AHEAD}\d[\d\s-]{7,16}\d(?!\d)`, 'g');

export function maskPersonal(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonal(value);
  // A Date has no own fields: copied field by field it would be logged as {}.
  if (depth > 4 || value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (value instanceof Error) {
    // Same prototype, so pino's err serializer still names the error's class.
    const copy = Object.create(Object.getPrototypeOf(value) as object) as Error;
    Object.assign(copy, scrub({ ...value }, depth + 1));
    copy.message = maskPersonal(value.message);
    if (value.stack) copy.stack = maskPersonal(value.stack);
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  return pino({
    level, redact, base: undefined,
    formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskPersonal(a) : a)) as Parameters<typeof method>);
      },
    },
  }, destination);
}
