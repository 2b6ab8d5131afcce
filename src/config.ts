// Configuration from the environment, validated once at start: a bad value stops the process
// with a message naming the variable, instead of failing later somewhere else.
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = (protocols: string[]) =>
  z.string().trim().min(1).optional().refine(
    (v) => v === undefined || protocols.some((p) => v.startsWith(p)),
    { message: `must start with ${protocols.join(' or ')}` },
  );

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().trim().min(1).default('localhost'),
  DATABASE_URL: optionalUrl(['postgres://', 'postgresql://']),
  REDIS_URL: optionalUrl(['redis://', 'rediss://']),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // The local web chat's API: on in development; in production only with a token.
  WEB_CHAT_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // `start:worker` has no web server: it serves GET /metrics and /healthz on this port instead.
  METRICS_PORT: port.default(9464),
  DATA_DIR: z.string().min(1).default('.data'),
  DEFAULT_TENANT: z.string().min(1).default('demo'),
  // Optional language-model fallback for messages the rules parse with low confidence: any
  // OpenAI-compatible endpoint (a self-hosted Qwen or DeepSeek, …). All three, or none.
  LLM_BASE_URL: optionalUrl(['http://', 'https://']),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
  // The admin JSON API under /api/admin: off (404) unless a token is set.
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
}).refine((c) => [c.LLM_BASE_URL, c.LLM_API_KEY, c.LLM_MODEL].every((v) => v === undefined) ||
  [c.LLM_BASE_URL, c.LLM_API_KEY, c.LLM_MODEL].every((v) => v !== undefined), {
  path: ['LLM_BASE_URL'], message: 'set LLM_BASE_URL, LLM_API_KEY and LLM_MODEL together (or none)',
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set": shells and .env files often leave them empty.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}

export function llmConfig(config: Config) {
  return config.LLM_BASE_URL && config.LLM_API_KEY && config.LLM_MODEL
    ? { baseUrl: config.LLM_BASE_URL, apiKey: config.LLM_API_KEY, model: config.LLM_MODEL, timeoutMs: config.LLM_TIMEOUT_MS }
    : undefined;
}

export const webChatEnabled = (config: Config): boolean =>
  config.NODE_ENV !== 'production' || config.WEB_CHAT_TOKEN !== undefined;
