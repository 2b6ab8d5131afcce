// A typed message read as the answer to what the bot's last reply waited for (issue #11):
// "1月4号上午" after "什么时候提醒你？", the outcome after a reminder's 完成, "比亚迪呢" after a
// query. `undefined`: it is a new message after all, parsed as usual.
import type { ActionPayload } from '../chat/index.js';
import type { Args, Awaiting, IntentName } from '../intents/index.js';
import { isIntent } from '../intents/index.js';
import { parse, type ParseResult } from '../nlu/index.js';
import type { KnownNames } from './names.js';
import { matchKey } from '../domain/names.js';
import { correctionFacts } from './amend.js';
import { findSatisfaction } from '../nlu/slots/callback.js';

const SCORE_FIX = /不对|错了|改成|改为|应该是|更正|其实是|\b(?:actually|sorry|make it)\b/i;
const SCORE_SAID = /[1-5一二三四五两]\s*(?:分|星|\/\s*5)|\b(?:score|rated?)\b/i;

/** "不对 是3分", "评分改成2分", "不是5分 是4分": the score a callback is corrected to. */
export function scoreFixed(text: string): number | undefined {
  return SCORE_FIX.test(text) && SCORE_SAID.test(text) ? findSatisfaction(text.replace(/不是\s*[1-5一二三四五两]\s*分/g, ' ')) : undefined;
}

// A figure corrected with how it came about (让了十万, 又降了5万): the stage word is the story, not a move.
const REASON_ONLY_STAGE = /(?:让|降|砍|压)了/;

export interface Reading {
  text: string;
  /** The parser's view of the whole message (with the tenant's names). */
  parsed: ParseResult;
  now: string;
  names: KnownNames;
}

type Answer = { intent: IntentName; args: Args };

// Only "…呢" and "what/how about …": "我这个月业绩怎么样" is a question of its own.
const ASKS_AGAIN = /^(?:那|那么|还有)?\s*([^，,。.\s]{1,20}?)\s*(?:的)?呢\s*[?？]*$|^(?:and\s+)?(?:what|how) about\s+(.{1,40}?)\s*\??$/i;
/** Too short or too plain to be a report ("好", "ok", "谢谢"). */
const NOT_A_REPORT = /^(?:好|好的|嗯|收到|谢谢|ok|okay|thanks|👌)[!！。.]*$/i;
const NOT_A_REASON = /^(?:取消|算了|不用了?|撤销|cancel|never ?mind|undo)[!！。.]*$/i;
const REPORTS: ReadonlySet<string> = new Set(['log_activity', 'update_deal', 'unknown']);

function withSlots(action: ActionPayload, slots: object): Answer | undefined {
  return isIntent(action.intent) ? { intent: action.intent, args: { ...(action.args as Args), ...slots } } : undefined;
}

const readers: { [K in Awaiting['kind']]: (a: Extract<Awaiting, { kind: K }>, r: Reading) => Answer | undefined } = {
  time(awaiting, r) {
    if (r.parsed.slots.customer) return undefined;
    const asTime = parse(r.text, { now: r.now, hint: 'schedule_follow_up' }).slots.next_follow_up;
    return asTime ? withSlots(awaiting.action, { next_follow_up: asTime }) : undefined;
  },
  // How the follow-up went is an activity, whatever deal news it carries ("对方同意下周签约").
  outcome(awaiting, r) {
    const { intent, slots } = r.parsed;
    if (slots.customer || !REPORTS.has(intent) || NOT_A_REPORT.test(r.text) || [...r.text].length < 4) return undefined;
    return { intent: 'log_activity', args: { ...slots, summary: r.text, customerId: awaiting.customerId } as Args };
  },
  // "说明原因" (issue #15): the reason is the next message as typed.
  note(awaiting, r) {
    const text = r.text.trim();
    // 取消 or a command is not a reason: it is read as itself.
    if (!text || text.startsWith('/') || NOT_A_REASON.test(text)) return undefined;
    return withSlots(awaiting.action, { note: [...text].slice(0, 500).join('') });
  },
  // "刚才金额说错了 是85万" right after a card about 华为: the same customer's deal.
  // "不是周四 是周五", "跟进时间改成周五" right after: that customer's follow-up moves.
  amend(awaiting, r) {
    const { intent, slots } = r.parsed;
    // "不对 是3分", "评分改成3分", "不是5分 是4分": the score of the callback just recorded.
    const score = awaiting.callback ? scoreFixed(r.text) : undefined;
    // ("不对 隆基那个是2分" after Acme's card: 隆基's callback, not Acme's.)
    const said = score === undefined ? undefined : parse(r.text, { now: r.now, hint: 'record_callback', names: r.names }).slots.customer;
    const named = said && !/[分星]|^(?:是|不|改|应该)/.test(said) ? said : undefined;
    if (score !== undefined) return { intent: 'amend_callback', args: (named ? { customer: named, satisfaction: score } : { customerId: awaiting.customerId, satisfaction: score }) as Args };
    // "刘总全名叫刘建国", "不对 电话是…" right after a card: that customer's contact.
    if (intent === 'add_contact' && !slots.customer && slots.contact) return { intent, args: { ...slots, customerId: awaiting.customerId } as Args };
    // A bare time ("周五再跟进") moves the follow-up just set; a task of its own, with whom and how
    // ("提醒我过两天给周涛打个电话"), is one more (a worded move, 改到周五, the handler sees itself).
    if (intent === 'schedule_follow_up' && !slots.customer && slots.next_follow_up) {
      return { intent, args: { ...slots, customerId: awaiting.customerId, ...(!(slots.contact || slots.channel) && { moves: true }) } as Args };
    }
    const facts = correctionFacts(r.parsed);
    if (!facts) return undefined;
    // "哦不对 最后签的是一百九十万" after a won deal's card: that deal's figure ("又让了十万" tells how, no stage).
    const fixed = awaiting.dealId && r.parsed.slots.amount !== undefined && REASON_ONLY_STAGE.test(r.text) ? { ...slots, stage: undefined } : slots;
    return { intent: 'update_deal', args: { ...fixed, customerId: awaiting.customerId, ...(awaiting.dealId && { dealId: awaiting.dealId }) } as Args };
  },
  query(awaiting, r) {
    const m = ASKS_AGAIN.exec(r.text.trim());
    const who = (m?.[1] ?? m?.[2])?.trim();
    if (!who) return undefined;
    const previous = { ...(awaiting.action.args as Args) };
    delete previous.customer; delete previous.customerId;
    if (awaiting.action.intent !== 'query_customer' && r.names.people.includes(who)) {
      return withSlots({ ...awaiting.action, args: { ...previous, subject: undefined } }, { subject: who });
    }
    // "李娜的业绩" then "上个月呢": still 李娜's, for last month.
    const period = parse(who, { now: r.now, hint: awaiting.action.intent as never }).slots;
    if (awaiting.action.intent !== 'query_customer' && period.period) {
      return withSlots({ ...awaiting.action, args: { ...previous, period: undefined, period_offset: undefined } }, pick(period, ['period', 'period_offset']));
    }
    // Only a name the tenant knows: "上个月呢" the parser cannot read is not a customer to look for.
    return knowsCustomer(r.names, who) ? { intent: 'query_customer', args: { customer: who } } : undefined;
  },
};

function knowsCustomer(names: KnownNames, typed: string): boolean {
  const key = matchKey(typed);
  return key.length > 0 && names.customers.some((name) => matchKey(name).includes(key));
}

function pick(slots: object, keys: string[]): object {
  return Object.fromEntries(Object.entries(slots).filter(([k]) => keys.includes(k)));
}

export function answerAwaited(awaiting: Awaiting, reading: Reading): Answer | undefined {
  return (readers[awaiting.kind] as (a: Awaiting, r: Reading) => Answer | undefined)(awaiting, reading);
}
