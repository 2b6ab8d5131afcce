// Optional language-model fallback: when the rules' answer is a weak guess, ask an
// OpenAI-compatible chat endpoint. Everything that can go wrong (network error, bad JSON, an
// answer outside the contract, a slow server) falls back to the rules' answer, and the call
// never outlives its timeout. The only file of the parser that does network I/O.
import { z } from 'zod';
import { parse } from './parse.js';
import { buildMessages } from './llm-prompt.js';
import { INTENTS, slotsSchema, type Intent, type ParseResult } from './types.js';

export interface LlmConfig { baseUrl: string; apiKey: string; model: string; timeoutMs?: number }

/** Below this the rules' intent counts as a weak guess worth a second opinion. */
export const LOW_CONFIDENCE = 0.5;
const LLM_CONFIDENCE = 0.7;

const answerSchema = z.object({ intent: z.enum(INTENTS), slots: slotsSchema.omit({ summary: true }).strip() });
const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

function readAnswer(body: unknown): z.infer<typeof answerSchema> | undefined {
  const completion = completionSchema.safeParse(body);
  if (!completion.success) return undefined;
  const content = (completion.data.choices[0]?.message.content ?? '').replace(/^\s*```(?:json)?|```\s*$/g, '');
  try {
    const answer = answerSchema.safeParse(JSON.parse(content));
    return answer.success ? answer.data : undefined;
  } catch {
    return undefined;
  }
}

async function ask(text: string, now: string, config: LlmConfig, fetchImpl: typeof fetch, signal: AbortSignal): Promise<unknown> {
  const response = await fetchImpl(`${config.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${config.apiKey}` },
    body: JSON.stringify({
      model: config.model, temperature: 0, response_format: { type: 'json_object' }, messages: buildMessages(text, now),
    }),
    signal,
  });
  if (!response.ok) return undefined;
  return response.json();
}

export async function parseWithFallback(
  text: string,
  options: { now: string; hint?: Intent },
  config?: LlmConfig,
  fetchImpl: typeof fetch = fetch,
): Promise<ParseResult> {
  const rules = parse(text, options);
  if (!config || options.hint || rules.confidence >= LOW_CONFIDENCE) return rules;
  const timeoutMs = config.timeoutMs ?? 3000;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // The race, not only the abort signal, bounds the wait: a fetch that ignores its signal
  // still cannot hold the rep's message past the timeout.
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => { controller.abort(); resolve(undefined); }, timeoutMs);
  });
  try {
    const body = await Promise.race([ask(text, options.now, config, fetchImpl, controller.signal).catch(() => undefined), timeout]);
    const answer = body === undefined ? undefined : readAnswer(body);
    return answer ? { intent: answer.intent, slots: answer.slots, confidence: LLM_CONFIDENCE } : rules;
  } finally {
    clearTimeout(timer);
  }
}
