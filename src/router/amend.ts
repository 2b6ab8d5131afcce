// A correction typed while a question waits ("对了金额不是60万是65万" under "退回到「方案报价」吗？"):
// the deal facts it states replace those in every option, the buttons keep working, and the
// reply says what changed — the question is still the one to answer (issue #11, nothing lost).
import type { ActionPayload } from '../chat/index.js';
import { formatAmount, formatCalendarDate, t, type Locale } from '../i18n/index.js';
import type { ParseResult } from '../nlu/index.js';
import { calendarDate } from '../time.js';

/** What a correction without a customer can change (after a card: awaits.ts; under a question: understand.ts). */
const DEAL_FACTS = ['amount', 'currency', 'stage', 'expected_close', 'clear_close'] as const;
type Facts = Partial<Record<(typeof DEAL_FACTS)[number], unknown>>;
const NOT_WRITES = new Set(['cancel', 'help', 'choose']);

/** The deal facts of a correction said without a customer, or `undefined`. */
export function correctionFacts(parsed: ParseResult): Facts | undefined {
  const { intent, slots } = parsed;
  if (intent !== 'update_deal' || slots.customer) return undefined;
  const facts = Object.fromEntries(DEAL_FACTS.flatMap((k) => (slots[k] === undefined ? [] : [[k, slots[k]]])));
  return Object.keys(facts).length ? facts : undefined;
}

/** Every option that writes takes the facts; the others (cancel, help) stay as they were. */
export function amendOptions(options: ActionPayload[], facts: Facts): ActionPayload[] {
  return options.map((o) => (NOT_WRITES.has(o.intent) || o.intent.startsWith('query_') ? o : { ...o, args: { ...o.args, ...facts } }));
}

export function describeFacts(facts: Facts, locale: Locale): string {
  const parts: string[] = [];
  if (typeof facts.amount === 'number') parts.push(`${t(locale, 'field.amount')} ${formatAmount(facts.amount, locale, typeof facts.currency === 'string' ? facts.currency : undefined)}`);
  if (typeof facts.stage === 'string') parts.push(`${t(locale, 'field.stage')} ${t(locale, `stage.${facts.stage}` as never)}`);
  if (typeof facts.expected_close === 'string') parts.push(`${t(locale, 'field.expectedClose')} ${formatCalendarDate(calendarDate(facts.expected_close), locale)}`);
  else if (facts.clear_close === true) parts.push(`${t(locale, 'field.expectedClose')} ${locale === 'zh' ? '清空' : 'cleared'}`);
  return parts.join(locale === 'zh' ? '，' : ', ');
}
