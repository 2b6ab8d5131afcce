// parse(): one chat message → intent + slots (shared/nlu/CONTRACT.md). Pure and total: it
// never throws, and every scan is bounded by the normaliser's length cap.
import { INTENTS, slotsSchema, type Intent, type ParseResult, type Slots } from './types.js';
import { normalizeText } from './text/normalize.js';
import { normalizeNumerals } from './text/numerals.js';
import { fixEnglishTypos, fixPinyinTypos } from './text/typos.js';
import { fromMixedEnglish } from './text/mixed.js';
import { fromLabeledReport } from './text/labeled-report.js';
import { cleanSpoken } from './text/spoken.js';
import { fromCantonese, toSimplifiedScript } from './text/cantonese.js';
import { applyCorrections } from './text/corrections.js';
import { withoutColleagues } from './text/colleagues.js';
import { readCommand } from './commands.js';
import { readReference, type Reference } from './time/reference.js';
import { extractDates, type DateMention } from './time/extract.js';
import { formatDate } from './time/calendar.js';
import { dateRoles } from './time/roles.js';
import { tenseOf } from './time/tense.js';
import { extractAmount, type Amount } from './slots/amount.js';
import { maskKnownSpans } from './slots/mask.js';
import { commandCustomer, findCustomer, withoutName } from './slots/customer.js';
import { listedCustomers } from './slots/customer-list.js';
import { findKnown, type KnownNames } from './slots/known-names.js';
import { findAssignee } from './slots/assignee.js';
import { findLostReason, findStage, type StageMatch } from './slots/stage.js';
import { slotsFor } from './slots/assemble.js';
import { findJobChange } from './slots/job-change.js';
import { classify, isPlan, type Evidence } from './intent/classify.js';

export type { KnownNames };

export interface ParseOptions { now: string; hint?: Intent; names?: KnownNames }

const isIntent = (value: unknown): value is Intent => (INTENTS as readonly unknown[]).includes(value);

// The last guard: a slot a rule got wrong in shape (an over-long name from hostile input) is
// dropped rather than handed on, so every answer satisfies the contract's schema.
function withinContract(slots: Slots): Slots {
  const checked = slotsSchema.safeParse(slots);
  if (checked.success) return checked.data;
  const bad = new Set(checked.error.issues.map((issue) => String(issue.path[0])));
  return Object.fromEntries(Object.entries(slots).filter(([key]) => !bad.has(key))) as Slots;
}
const DEADLINE = /^\s*(?:之|以)?前/;
const SAID_WRONG = /^\s*(?:刚才|刚刚|之前|上一条)?(?:说错了|记错了|搞错了|写错了|打错了|录错了)/;

interface Found { amount?: Amount; stage?: StageMatch }

function evidenceOf(text: string, masked: string, dates: DateMention[], ref: Reference, found: Found, customer?: string, names?: KnownNames): Evidence {
  const person = findKnown(text, names?.people)?.name;
  // "华为云的商机有几个": a name the tenant knows as a customer is asked about as one.
  const knownCustomer = Boolean(customer && findKnown(customer, names?.customers)) && !person;
  const roles = dateRoles(text, dates, false, ref);
  // "月底前给报价", "季度末再跟进" said on that last day: today's deadline or follow-up is still ahead.
  const aheadToday = (d: DateMention, i: number) =>
    tenseOf(d, ref, '') === 'today' && (DEADLINE.test(text.slice(d.end)) || roles[i] === 'next_follow_up');
  return {
    ...(person ? { person } : {}),
    text,
    // ("刚才说错了 X是后天上午打电话": owning up to a slip is no past tense of what is corrected.)
    masked: masked.replace(SAID_WRONG, (m) => ' '.repeat(m.length)),
    ...(customer ? { customer } : {}),
    knownCustomer,
    hasStage: Boolean(found.stage),
    hasAmount: Boolean(found.amount),
    hasFutureDate: dates.some((d, i) => tenseOf(d, ref, '') === 'future' || aheadToday(d, i)),
    hasPastDate: dates.some((d) => tenseOf(d, ref, '') === 'past'),
    hasToday: dates.some((d) => tenseOf(d, ref, '') === 'today'),
    hasCloseDate: roles.includes('expected_close'),
  };
}

/** `asTyped`: the message in the script and numerals it was typed in, kept as its summary (a Traditional note stays Traditional). */
function understand(normalized: string, options: ParseOptions, asTyped?: string): ParseResult {
  const command = readCommand(normalized);
  const ref = readReference(options.now);
  // "【拜访记录】客户：…；联系人：…；方式：…": a report in labelled fields reads as one in prose.
  const labeled = fromLabeledReport(command ? command.rest : normalized);
  const said = normalizeNumerals(labeled.text);
  // "下周二 不对 下周三": the corrected value replaces the one it corrects.
  const corrected = applyCorrections(said, () => extractDates(said, ref));
  const text = withoutColleagues(corrected);
  const dates = extractDates(text, ref);
  const masked = maskKnownSpans(text, dates);
  const amount = extractAmount(text);
  // "李娜跳槽了…现在是快手的商务总监": the customer is where a contact who moved is now.
  const job = findJobChange(masked);
  // "提醒张伟明天跟进瑞金": the colleague handed the task is no customer.
  const assignee = findAssignee(masked, options.names?.people);
  const forNames = assignee ? `${masked.slice(0, assignee.start)}|${masked.slice(assignee.end)}` : masked;
  const customer = job?.customer ?? labeled.customer ?? findCustomer(forNames, options.names) ?? commandCustomer(command) ?? listedCustomers(masked, options.names?.customers)?.[0];
  // A cue inside the name ("海天智能签了" is not "能签") is no cue.
  const found = findStage(withoutName(text, customer));
  const lostReason = found?.stage === 'lost' ? findLostReason(text, found, customer) : undefined;
  const evidence = {
    ...evidenceOf(text, masked, dates, ref, { ...(amount ? { amount } : {}), ...(found ? { stage: found } : {}) }, customer, options.names),
    jobChange: Boolean(job), ...(lostReason ? { lostReason } : {}), restated: corrected !== said,
  };
  const forced = command?.intent ?? (isIntent(options.hint) ? options.hint : undefined);
  const { intent, confidence } = forced ? { intent: forced, confidence: 1 } : classify(evidence);
  const stage = intent === 'schedule_follow_up' ? undefined : found;
  const slots: Slots = slotsFor(intent, {
    text, said: asTyped && corrected === said && !command ? asTyped : corrected, masked, dates, planning: intent === 'schedule_follow_up' || isPlan(evidence), today: formatDate(ref.today),
    clock: ref,
    ...(options.names ? { names: options.names } : {}),
    ...(job ? { job } : {}),
    ...(evidence.customer ? { customer: evidence.customer } : {}),
    ...(amount ? { amount } : {}),
    ...(stage ? { stage } : {}),
  });
  if (assignee && intent === 'schedule_follow_up') slots.subject = assignee.name;
  return { intent, slots: withinContract(slots), confidence };
}

const CJK_RUN = /[\u4e00-\u9fff]{2}/;

// Whether a name spells a CRM keyword in pinyin, remembered per name (bounded): the pinyin pass
// is the costliest step, and a tenant's customer names repeat.
const SPELLS = new Map<string, boolean>();

function spellsKeyword(name: string | undefined): boolean {
  // A long name holding a homophone of a keyword (深圳职业技术学院: 业技 ~ 业绩) is still a name.
  if (!name || !CJK_RUN.test(name) || name.length > 5) return false;
  let spells = SPELLS.get(name);
  if (spells === undefined) {
    if (SPELLS.size >= 1000) SPELLS.clear();
    // "提型我", "拜方华为": the keyword opens the name; 招商积余 (商积 ~ 商机) is a name holding a homophone.
    const fixed = fixPinyinTypos(name);
    spells = fixed !== name && (name.length <= 3 || fixed.slice(0, 2) !== name.slice(0, 2));
    SPELLS.set(name, spells);
  }
  return spells;
}

// Names said in Traditional characters are kept as written ("澳門國際銀行"): each is found in the
// Simplified form the rules read and taken back from the same place in what was typed.
const WRITTEN_SLOTS = ['customer', 'contact', 'title', 'industry', 'lost_reason', 'moved_from'] as const;
function asWritten(result: ParseResult, typed: string, simplified: string, mandarin = simplified): ParseResult {
  if (simplified === typed) return result;
  // By code point: a character outside the BMP (𠮶) is one, as the conversion counts it.
  const simple = Array.from(simplified);
  const written = Array.from(typed);
  if (simple.length !== written.length) return result;
  const flat = simple.join('');
  // "佢哋揀咗第二間" read as 他们拣了第二间: a value in Mandarin words maps back too, when the words kept their length.
  const spoken = Array.from(mandarin).length === written.length ? mandarin : flat;
  const back = (v: string) => {
    const source = flat.includes(v) ? flat : spoken;
    const at = source.indexOf(v);
    if (at < 0) return spanReading(v, written);
    const start = Array.from(source.slice(0, at)).length;
    return written.slice(start, start + Array.from(v).length).join('');
  };
  const slots: Slots = { ...result.slots };
  for (const key of WRITTEN_SLOTS) if (typeof slots[key] === 'string') slots[key] = back(slots[key]);
  if (slots.also_customers) slots.also_customers = slots.also_customers.map(back);
  return { ...result, slots };
}

// "佢哋話預算唔夠" read as 他们说预算不够 (冇 became 没有, so lengths differ): the span of what was
// typed that reads as the value. Only for a value not found by position; bounded by the message.
function spanReading(value: string, written: string[]): string {
  const n = Array.from(value).length;
  for (let i = 0; i < written.length; i++) {
    for (let len = Math.max(1, n - 4); len <= n + 4 && i + len <= written.length; len++) {
      const span = written.slice(i, i + len).join('');
      if (fromCantonese(toSimplifiedScript(span)) === value) return span;
    }
  }
  return value;
}

export function parse(text: string, options: ParseOptions): ParseResult {
  try {
    const typed = normalizeText(typeof text === 'string' ? text : '');
    // Converted once per message: the rules read Simplified Mandarin, names come back as typed.
    const simplified = toSimplifiedScript(typed);
    const mandarin = fromCantonese(simplified);
    const english = fixEnglishTypos(mandarin);
    const mixed = fromMixedEnglish(english);
    const normalized = cleanSpoken(mixed);
    // The summary keeps the words as typed: Traditional characters, and numerals (一年, not 1年).
    // (Typed in Simplified with no English word mapped, that is the normalised text itself.)
    const asTyped = mandarin === typed && mixed === english ? normalized : cleanSpoken(fixEnglishTypos(typed));
    const first = asWritten(understand(normalized, options ?? { now: '' }, asTyped), typed, simplified, mandarin);
    if (!CJK_RUN.test(normalized) || (first.confidence >= 0.5 && !spellsKeyword(first.slots.customer))) return first;
    // A weak guess, or a "customer" that spells a CRM word (提型我 for 提醒我): maybe the IME
    // picked a homophone (拜仿 for 拜访). Retry with keywords restored.
    const fixed = fixPinyinTypos(normalized);
    if (fixed === normalized) return first;
    const second = asWritten(understand(fixed, options ?? { now: '' }, asTyped), typed, simplified, mandarin);
    return second.confidence >= first.confidence ? second : first;
  } catch {
    // A bug in one rule must not take the chat down; an unknown answer asks the rep again.
    return { intent: 'unknown', slots: {}, confidence: 0 };
  }
}
