// Text or button → the intent and arguments to dispatch, or a reply right away (bad input, an
// answer to a question that expired). Free text goes through the parser (src/nlu); an answer
// to a pending question ("1", "是", "取消") picks one of its options.
import type { ActionPayload, InboundEvent } from '../chat/index.js';
import type { Actor } from '../domain/actor.js';
import type { Locale, MessageKey } from '../i18n/index.js';
import { argsSchema, isIntent, type Args, type IntentName } from '../intents/index.js';
import { parseWithFallback, type LlmConfig } from '../nlu/llm.js';
import { isoInZone } from '../time.js';
import type { PendingQuestions } from './pending.js';
import { extraCommands } from './commands.js';
import type { Metrics } from '../http/metrics.js';

export const MAX_TEXT = 2000;
/** Parses below this confidence are confirmed before anything is written. */
export const CONFIRM_BELOW = 0.5;

export type Understood =
  | { kind: 'intent'; intent: IntentName; args: Args; confidence: number }
  | { kind: 'say'; key: MessageKey; params?: Record<string, string | number> };

const YES = /^(1|是|是的|好|好的|对|确认|嗯|行|可以|yes|y|ok|okay|sure)[!！。.]*$/i;
const NO = /^(不|不是|否|取消|算了|不用|no|n|cancel|nope)[!！。.]*$/i;
// Letters where a number should be, right before a Chinese unit: "abc万" — but not the
// surname 万 after a company name ("Acme Corp万总", "IBM万经理").
const BAD_AMOUNT = /(?:^|[^A-Za-z])([A-Za-z]{2,}\s*[万亿])(?![总经工先女老董姐哥])/;

export async function understand(
  event: InboundEvent, actor: Actor, pending: PendingQuestions, llm?: LlmConfig, metrics?: Pick<Metrics, 'parse'>,
): Promise<Understood> {
  if (event.type === 'action') return fromAction(event.action, actor, pending);
  const text = event.text.trim();
  if (!text) return { kind: 'say', key: 'error.empty' };
  const length = [...text].length; // characters, not UTF-16 units (an emoji is one)
  if (length > MAX_TEXT) return { kind: 'say', key: 'error.tooLong', params: { length, max: MAX_TEXT } };
  const answer = await answerToPending(text, actor, pending);
  if (answer) return answer;
  const bad = BAD_AMOUNT.exec(text);
  if (bad) return { kind: 'say', key: 'error.badAmount', params: { value: bad[1]! } };

  const command = extraCommands.find((c) => c.pattern.test(text));
  if (command && isIntent(command.intent)) return { kind: 'intent', intent: command.intent, args: command.args(text), confidence: 1 };

  const parsed = await parseWithFallback(text, { now: isoInZone(event.at, actor.timeZone) }, llm);
  const intent: IntentName = isIntent(parsed.intent) ? parsed.intent : 'unknown';
  metrics?.parse.inc({ intent, confident: String(parsed.confidence >= CONFIRM_BELOW) });
  return { kind: 'intent', intent, args: { ...keepValid(parsed.slots), summary: text }, confidence: parsed.confidence };
}

async function fromAction(action: ActionPayload, actor: Actor, pending: PendingQuestions): Promise<Understood> {
  if (action.intent === 'choose') {
    const { token, index } = action.args as { token?: unknown; index?: unknown };
    const chosen = typeof token === 'string' && typeof index === 'number'
      ? await pending.take(actor.tenantId, actor.userId, token, index)
      : undefined;
    return chosen ? fromAction(chosen, actor, pending) : { kind: 'say', key: 'ask.expired' };
  }
  if (action.intent === 'cancel') {
    await pending.clear(actor.tenantId, actor.userId);
    return { kind: 'say', key: 'ask.cancelled' };
  }
  const args = argsSchema.safeParse(action.args);
  if (!isIntent(action.intent) || !args.success) return { kind: 'say', key: 'error.badArgs' };
  return { kind: 'intent', intent: action.intent, args: args.data, confidence: 1 };
}

async function answerToPending(text: string, actor: Actor, pending: PendingQuestions): Promise<Understood | undefined> {
  const question = await pending.peek(actor.tenantId, actor.userId);
  if (!question) return undefined;
  const number = /^\d{1,2}$/.test(text) ? Number(text) : undefined;
  // The numbered list ends with Cancel (router ask()): its number cancels.
  if (number === question.options.length + 1) return fromAction({ intent: 'cancel', args: {} }, actor, pending);
  const index = number !== undefined && number >= 1 && number <= question.options.length ? number - 1
    : YES.test(text) && question.yes !== undefined ? question.yes : undefined;
  if (index !== undefined) return fromAction({ intent: 'choose', args: { token: question.token, index } }, actor, pending);
  if (NO.test(text)) return fromAction({ intent: 'cancel', args: {} }, actor, pending);
  // Anything else is a new message: the question is dropped rather than left to surprise later.
  await pending.clear(actor.tenantId, actor.userId);
  return undefined;
}

/** Slots that pass the argument schema; an odd one (say, a malformed phone) is dropped, not fatal. */
function keepValid(slots: object): Args {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(slots)) {
    const field = argsSchema.shape[key as keyof typeof argsSchema.shape];
    if (field?.safeParse(value).success) out[key] = value;
  }
  return out as Args;
}

export type { Locale };
