// Text or button → the intent and arguments to dispatch, or a reply right away (bad input, an
// answer to a question that expired). Free text goes through the parser (src/nlu); an answer
// to a pending question ("1", "是", "取消") picks one of its options.
import type { ActionPayload, InboundEvent } from '../chat/index.js';
import type { Actor } from '../domain/actor.js';
import type { Locale, MessageKey } from '../i18n/index.js';
import { argsSchema, isIntent, type Args, type IntentName } from '../intents/index.js';
import { parseWithFallback, type LlmConfig } from '../nlu/llm.js';
import { parse } from '../nlu/index.js';
import { matchKey } from '../domain/names.js';
import { splitReports } from '../nlu/split.js';
import { stripMarkup } from '../chat/clean-text.js';
import { isoInZone } from '../time.js';
import type { KnownNames } from '../nlu/index.js';
import type { Pending, PendingQuestions } from './pending.js';
import type { NamesCache } from './names.js';
import { answerAwaited, scoreFixed } from './awaits.js';
import { amendOptions, correctionFacts, describeFacts } from './amend.js';
import { extraCommands } from './commands.js';
import type { Metrics } from '../http/metrics.js';

export const MAX_TEXT = 2000;
const CALLBACK_REVIEW = /有没有(?:客户)?(?:投诉|差评|低分)|哪些(?:客户)?(?:投诉|差评|低分)|(?:记|做|录|打)了(?:哪些|什么|几个)回访|(?:看|查)(?:一下|下|看)?[^,，。]{0,6}的?回访(?:$|[?？]|记录|情况)|(?:满意度|评分|打分)?(?:低于|不到|小于|<)\s*[1-5一二三四五]\s*分|回访(?:列表|清单|明细)|(?:投诉|差评)(?:记录|列表|清单)|(?:投诉|差评|低分(?:回访)?|不满意的?(?:回访|客户)?)(?:有)?(?:哪些|多少|几[个条家])|回访了?(?:几家|多少(?:家|次|个))|(?:回访|满意度)[^,，。]{0,6}平均(?:分|多少)|平均(?:分|满意度)[^,，。]{0,4}(?:多少|几)|回访[^,，。]{0,6}平均(?:满意度|分)|(?:回访|满意度)(?:的)?(?:统计|汇总)|^\s*(?:(?:这|本|上|上上)(?:周|个?月|季度?)|今天|昨天|今年|去年|\d{1,2}月份?)的?回访(?:情况|记录|有哪些|怎么样)?\s*[?？]?\s*$|\b(?:any complaints|low scores?|average (?:score|satisfaction)|callbacks? (?:list|(?:this|last) (?:week|month|quarter)))\b/i;
const TASK_DONE = /(?:提醒|跟进|任务|待办)[^,，。;；]{0,6}?(?:已经)?(?:完成了|做完了|搞定了|处理完了|办完了|标记完成|完成)(?![^,，。;；]{0,4}(?:吗|没|\?|？))|标记(?:为)?完成|\bmark(?:ed)? (?:it |the follow-?up )?(?:as )?done\b/i;
// An edit of a score already given (改成, 应该是, 打错了), not a new callback that reports one.
const SCORE_EDIT = /(?:评分|分数|打分|满意度|分)[^,，。;；]{0,4}(?:改成|改为|更正为|应该是)|(?:打错|记错|写错|说错)了?|\b(?:change|correct|fix)\b[^,.;]{0,20}\bscore\b/i;
const REVIEW_WORD = /^(?:平均|满意度|统计|汇总|回访|投诉|差评|低分|情况|列表|清单|记录|明细|本月|上月|本周|上周)/;
const FLAGGED_ONLY = /投诉|差评|低分|不满|complain|low score/i;
const TARGET_ASK = /目标(?:是|定了|定的|定成|有)?(?:多少|几|啥|什么|多大)|(?:查看|看下|看一下|查一下|查下|查询)[^,，。]{0,8}目标|目标[?？]\s*$|(?:的|团队|我的|月|季度|年)(?:业绩|销售)?目标\s*$|\bwhat(?:'s| is| are) (?:my|our|the team'?s?|\w+'s) targets?\b|\bshow (?:me )?(?:the |my |our )?targets?\b/i;
const REPORTS: ReadonlySet<string> = new Set(['log_activity', 'update_deal', 'schedule_follow_up', 'record_callback']);
const DEAL_LIST = /商机(?:列表|清单|明细)|(?:所有|全部)(?:的)?(?:商机|单子)|列(?:一下|出|个)?[^,，。]{0,6}(?:商机|单子)|\b(?:deal list|list (?:of )?(?:my |our |all )?(?:open )?deals|all (?:my |our )?(?:open )?deals)\b/i;
/** Parses below this confidence are confirmed before anything is written. */
export const CONFIRM_BELOW = 0.5;

/** One intent to dispatch; a message reporting on several customers carries one per part. */
export interface Dispatch { intent: IntentName; args: Args; confidence: number }
export type Understood =
  | (Dispatch & { kind: 'intent'; parts?: Dispatch[] })
  | { kind: 'say'; key: MessageKey; params?: Record<string, string | number> };

const YES = /^(1|是|是的|好|好的|对|确认|嗯|行|可以|yes|y|ok|okay|sure)[!！。.]*$/i;
const NO = /^(不|不是|否|取消|算了|不用|no|n|cancel|nope)[!！。.]*$/i;
// Letters where a number should be, right before a Chinese unit: "abc万" — but not the
// surname 万 after a company name ("Acme Corp万总", "IBM万经理").
const BAD_AMOUNT = /(?:^|[^A-Za-z])([A-Za-z]{2,}\s*[万亿])(?![总经工先女老董姐哥])/;

export interface UnderstandDeps {
  pending: PendingQuestions;
  names: Pick<NamesCache, 'get'>;
  llm?: LlmConfig;
  metrics?: Pick<Metrics, 'parse'>;
}

export async function understand(event: InboundEvent, actor: Actor, deps: UnderstandDeps): Promise<Understood> {
  const { pending } = deps;
  if (event.type === 'action') return fromAction(event.action, actor, pending);
  if (event.type !== 'text') return { kind: 'say', key: 'error.empty' };
  const text = event.text.trim();
  if (!text) return { kind: 'say', key: 'error.empty' };
  const length = [...text].length; // characters, not UTF-16 units (an emoji is one)
  if (length > MAX_TEXT) return { kind: 'say', key: 'error.tooLong', params: { length, max: MAX_TEXT } };
  // Markup and mentions (<b>, <at …>, <@U…>) are not words: the rules read the plain text, the
  // summary keeps what was typed.
  const plain = stripMarkup(text);
  if (!plain) return { kind: 'say', key: 'error.empty' };
  return understandPlain(event, plain, text, actor, deps);
}

async function understandPlain(event: InboundEvent & { type: 'text' }, text: string, typed: string, actor: Actor, deps: UnderstandDeps): Promise<Understood> {
  const { pending } = deps;
  // Both reads in flight at once: one round trip to Redis, not two (the hot path, #6).
  const [question, names] = await Promise.all([pending.peek(actor.tenantId, actor.userId), deps.names.get(actor.tenantId)]);
  const answer = question && await answerToPending(text, question, actor, pending);
  if (answer) return answer;
  const bad = BAD_AMOUNT.exec(text);
  if (bad) return clearing(question, actor, pending, { kind: 'say', key: 'error.badAmount', params: { value: bad[1]! } });

  const command = extraCommands.find((c) => c.pattern.test(text));
  if (command && isIntent(command.intent)) {
    return clearing(question, actor, pending, { kind: 'intent', intent: command.intent, args: command.args(text), confidence: 1 });
  }
  const now = isoInZone(event.at, actor.timeZone);
  // The names ride along for the parser's dictionary (issue #11); a parser without it ignores them.
  const options = { now, names };
  const parsed = await parseWithFallback(text, options, deps.llm);
  const facts = question?.options.length ? correctionFacts(parsed) : undefined;
  if (question && facts) {
    await pending.revise(actor.tenantId, actor.userId, { ...question, options: amendOptions(question.options, facts) });
    return { kind: 'say', key: 'ask.amended', params: { facts: describeFacts(facts, actor.locale) } };
  }
  // "远大住工是新客户 你建一下 B类" typed while the bot asks whether to create 远大住工: the
  // create option, with the grade and industry said, so the first message's facts land too.
  const created = question?.options.length ? createOption(question, parsed) : undefined;
  if (question && created) {
    await pending.revise(actor.tenantId, actor.userId, { ...question, options: created.options });
    return fromAction({ intent: 'choose', args: { token: question.token, index: created.index } }, actor, pending);
  }
  const awaited = question?.awaits && answerAwaited(question.awaits, { text, parsed, now, names });
  if (awaited) return clearing(question, actor, pending, { kind: 'intent', intent: awaited.intent, args: keepValid(awaited.args), confidence: 1 });
  // "有没有客户投诉", "最近有哪些低分回访", "今天回访了几家 平均分多少": the callbacks reviewed.
  if (CALLBACK_REVIEW.test(text)) {
    const period = parse(text, { ...options, hint: 'query_kpi' }).slots;
    // "回访列表", "我今天记了哪些回访": every callback, not only the low and the complaints; "上汽的投诉记录": that customer's.
    const said = parse(text, { ...options, hint: 'query_customer' }).slots.customer;
    // ("上个月回访平均满意度多少": 平均 is no customer.)
    const whose = said && !REVIEW_WORD.test(said) ? said : undefined;
    const args = { ...keepValid({ period: period.period, period_offset: period.period_offset, customer: whose }), ...(!FLAGGED_ONLY.test(text) && { all: true }) };
    return clearing(question, actor, pending, { kind: 'intent', intent: 'query_callbacks', args, confidence: 1 });
  }
  // "李娜下个月目标多少", "查看目标", "团队的目标是多少": a target read back (beyond the contract).
  if (TARGET_ASK.test(text) && parsed.intent !== 'set_target') {
    const said = parse(text, { ...options, hint: 'set_target' }).slots;
    const args = keepValid({ target_period: said.target_period, subject: said.subject });
    return clearing(question, actor, pending, { kind: 'intent', intent: 'query_target', args, confidence: 1 });
  }
  // "比亚迪的提醒完成了", "那个跟进做完了 标记完成": a follow-up marked done (beyond the contract).
  const done = TASK_DONE.test(text) && !parsed.slots.next_follow_up ? parse(text, { ...options, hint: 'schedule_follow_up' }).slots.customer : undefined;
  if (typeof done === 'string') {
    return clearing(question, actor, pending, { kind: 'intent', intent: 'complete_follow_up', args: { customer: done, summary: typed }, confidence: 1 });
  }
  // "隆基绿能回访评分改成2分": the score of that customer's last callback corrected, no second callback.
  const rescored = parsed.intent === 'record_callback' && typeof parsed.slots.customer === 'string' && SCORE_EDIT.test(text) ? scoreFixed(text) : undefined;
  if (rescored !== undefined) {
    return clearing(question, actor, pending, { kind: 'intent', intent: 'amend_callback', args: { customer: parsed.slots.customer as string, satisfaction: rescored, summary: typed }, confidence: 1 });
  }
  const { intent, slots } = forRole(routed(parsed), parsed.slots, actor);
  deps.metrics?.parse.inc({ intent, confident: String(parsed.confidence >= CONFIRM_BELOW) });
  // "我的商机列表": the deals one by one (beyond the contract).
  if (intent === 'query_pipeline' && DEAL_LIST.test(text)) {
    return clearing(question, actor, pending, { kind: 'intent', intent, args: { ...keepValid(slots), list: true } as Args, confidence: parsed.confidence });
  }
  // Only a report can be several reports (the split parses each part again).
  const parts = text === typed && REPORTS.has(intent) ? reportParts(text, options) : undefined;
  if (parts) return clearing(question, actor, pending, { kind: 'intent', ...parts[0]!, parts });
  return clearing(question, actor, pending, { kind: 'intent', intent, args: { ...keepValid(slots), summary: typed }, confidence: parsed.confidence });
}

/** "去了京东物流 … 然后下午去了隆基 …": one dispatch per customer reported on (nlu/split.ts). */
function reportParts(text: string, options: { now: string; names: KnownNames }): Dispatch[] | undefined {
  const parts = splitReports(text, options);
  if (!parts?.every((p) => p.parsed.confidence >= CONFIRM_BELOW)) return undefined;
  return parts.map(({ text: said, parsed }) => ({ intent: routed(parsed), args: { ...keepValid(parsed.slots), summary: said }, confidence: parsed.confidence }));
}

/** Customer care's calls and messages with a customer are callbacks ("顺丰李主管又来电话 说报表卡死"
 * was logged as a sales call, its complaint unseen by the owner); a visit stays a visit. */
function forRole<S extends { channel?: unknown; category?: unknown }>(intent: IntentName, slots: S, actor: Actor): { intent: IntentName; slots: S } {
  if (actor.role !== 'care' || intent !== 'log_activity' || slots.channel === 'visit' || slots.channel === 'meeting') return { intent, slots };
  return { intent: 'record_callback', slots: { ...slots, category: slots.category ?? 'feedback' } };
}

/** A query for a list rather than one customer's state ("我的客户有哪些", "蔚来的联系人电话"). */
function routed(parsed: { intent: string; slots: { ask?: unknown } }): IntentName {
  const ask = parsed.slots.ask;
  if (ask === 'customers' && !('customer' in parsed.slots)) return 'query_customers';
  if (ask === 'contacts') return 'query_contacts';
  return isIntent(parsed.intent) ? parsed.intent : 'unknown';
}

/** Anything else than an answer is a new message: the question is dropped rather than left to surprise later. */
async function clearing(question: Pending | undefined, actor: Actor, pending: PendingQuestions, result: Understood): Promise<Understood> {
  if (question) await pending.clear(actor.tenantId, actor.userId);
  return result;
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

/** The question's "create X" option when the message asks to create that same customer, with
 * the profile it gives (industry, grade) added to the option's arguments. */
function createOption(question: Pending, parsed: { intent: string; slots: Record<string, unknown> }): { index: number; options: ActionPayload[] } | undefined {
  const name = parsed.intent === 'create_customer' && typeof parsed.slots.customer === 'string' ? matchKey(parsed.slots.customer) : '';
  if (!name) return undefined;
  const index = question.options.findIndex((o) => {
    const args = o.args as { confirmNew?: boolean; customer?: string } | undefined;
    return Boolean(args?.confirmNew) && matchKey(args?.customer ?? '') === name;
  });
  if (index < 0) return undefined;
  const profile = keepValid({ industry: parsed.slots.industry, tier: parsed.slots.tier });
  const options = question.options.map((o, i) => (i === index ? { ...o, args: { ...(o.args as object), ...profile } } : o));
  return { index, options };
}

/** A number, "是" or "取消" answering the question's buttons. */
async function answerToPending(text: string, question: Pending, actor: Actor, pending: PendingQuestions): Promise<Understood | undefined> {
  const count = question.options.length;
  if (count === 0) return undefined;
  const number = /^\d{1,2}$/.test(text) ? Number(text) : undefined;
  // The numbered list ends with Cancel (router ask()): its number cancels.
  if (number === count + 1 && !question.noCancel) return fromAction({ intent: 'cancel', args: {} }, actor, pending);
  const index = number !== undefined && number >= 1 && number <= count ? number - 1
    : YES.test(text) && question.yes !== undefined ? question.yes
      : NO.test(text) && question.no !== undefined ? question.no : undefined;
  const picked = index ?? labelTyped(text, question.labels) ?? newDealTyped(text, question.options);
  if (picked !== undefined) return fromAction({ intent: 'choose', args: { token: question.token, index: picked } }, actor, pending);
  if (NO.test(text)) return fromAction({ intent: 'cancel', args: {} }, actor, pending);
  // "撤销" while a question waits takes back the question, not a record saved earlier; said
  // again, it undoes the last record as always.
  if (UNDO_WORD.test(text)) {
    await pending.clear(actor.tenantId, actor.userId);
    return { kind: 'say', key: 'ask.cancelledNotUndone' };
  }
  return undefined;
}
const UNDO_WORD = /^(?:撤销|撤回|undo)[!！。.]*$/i;

/** "华为技术有限公司" typed while the bot asks which 华为 (or 瑞康医院 for 新建「瑞康医院」): the option whose label,
 * or the name quoted in it, is what was typed — and only one is. */
function labelTyped(text: string, labels: string[] | undefined): number | undefined {
  const bare = (s: string) => s.replace(/[\s。.!！?？]+/g, '').toLowerCase();
  const typed = bare(text);
  if (!labels || !typed) return undefined;
  const hits = labels.flatMap((label, i) => (bare(label) === typed || bare(/「(.+)」/.exec(label)?.[1] ?? '') === typed ? [i] : []));
  return hits.length === 1 ? hits[0] : undefined;
}

// "不是 这是个新的项目", "另一个单子": the option that adds a new deal, when the question has one.
const SAYS_NEW_DEAL = /新(?:的)?\s*(?:[A-Za-z]{2,10}\s*)?(?:项目|商机|单子?|需求)|都不是|是新的|(?:^|\s)新的(?:$|\s)|另(?:一|外)(?:一)?个?(?:项目|商机|单)|\b(?:a )?(?:new|another|separate|different) (?:deal|project|opportunity)\b/i;
function newDealTyped(text: string, options: ActionPayload[]): number | undefined {
  if (!SAYS_NEW_DEAL.test(text)) return undefined;
  const hits = options.flatMap((o, i) => ((o.args as { new_deal?: boolean } | undefined)?.new_deal ? [i] : []));
  return hits.length === 1 ? hits[0] : undefined;
}

/** Slots that pass the argument schema; an odd one (say, a malformed phone) is dropped, not fatal. */
function keepValid(slots: object): Args {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(slots)) {
    const field = argsSchema.shape[key as keyof typeof argsSchema.shape];
    // (An unsaid slot stays out: spread over other arguments, it would blank them.)
    if (value !== undefined && field?.safeParse(value).success) out[key] = value;
  }
  return out as Args;
}

export type { Locale };
