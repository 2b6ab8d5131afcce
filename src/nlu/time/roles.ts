// Which role a date plays. A date about signing is the expected close; one about the next
// contact is the follow-up; a time already behind `now` (or today's, said in the past tense)
// is when the reported activity happened; anything else (a trial ending, a reply the customer
// promised) is another date. The words deciding it sit right around the date: first those
// after it up to the next date ("月底签 下周二再过去" = close, then follow-up), then those before.
import type { DateMention } from './extract.js';
import { isLastBareDay, notAhead, tenseOf, weekBefore, type Clock } from './tense.js';
import { compareDates } from './calendar.js';
import { findVagueFollowUp } from './vague.js';
import { CALLBACK_DONE } from '../slots/callback.js';

/** 'other': about something else (a trial, the customer's promise); 'none': nothing said. */
export type DateRole = 'expected_close' | 'next_follow_up' | 'occurred_at' | 'other' | 'none';

const CLOSE = /\bto sign\b|\btarget close\b|\bclose date\b|\bsign (?:in|by|on)\b|签|盖章|成交|拿下|搞定|成单|落单|落地|走合同|走完合同|(?:能|要|会|可以)定(?![^,，。;；]{0,2}(?:方案|时间|价|下次))|下单|(?:能|要|会)?定(?:下来|了|下)|拍板|(?:^|前|之前|以前)\s*(?:就|能|要|会|可以)?定(?:下来|了)?(?=$|[\s,，。;；!！]|供应商|合同|单)|\b(?:renewal|po|deal|contract|order)\b[^,.;]{0,24}\bexpected\b|\bclos(?:e|es|ing|ure)\b|\btarget(?:ing|ed)?\b|\bdecisions?\b|\bdecid(?:e|es|ing)\b|\bsign|\bpo\b|purchase order/i;
export const FOLLOW = /跟进|找(?:我们|我|咱们)(?:谈|聊|签|面谈|对|商量|碰)|\bI (?:go|come|visit|call|meet|see|drop by|pop by)\b(?! (?:to|with|at) (?:the|a)\b)|\b(?:go|head|come|fly|drive) (?:onsite|on-site|over|back|out)\b|再\s*(?:sync|call|meet|chat|follow)|\bsync\b|touchpoint|跟(?:一下|下)?(?=\s|$|[,，。])|催|联系|再(?![加降涨减少多高低便])[\u4e00-\u9fff]|回访|回电|回个?电话|回复|答复|回话|回音|给消息|碰一下|碰个头|下次|(?<![签续])约了|约好|约在|约个|提醒|follow[-\s]?up|\brevisit\b|\btry again\b|touch base|check (?:in|back)|reach out|circle back|circling back|\bchas(?:e|ing)\b|\bnudge\b|following up|next steps?|\bnext (?:meeting|call|visit|demo|sync|session|check-?in|catch-?up|touch(?:point|base)?|step)\b|^\s*继续(?:聊|谈|沟通|跟进|对接)?|\bping\b|call back|get back|catch up|reconnect|\b(?:call|email|ping|visit|meet|see|try) (?:\w+ )?again\b|\bcall (?:\w+ ){0,2}back\b/i;
// Dates that are about something else: a trial, a deadline on the customer's side.
const OTHER = /试用|到期|结束|截止|出结果|结果|评估|审批|放假|上线|go[-\s]live|kick-?off|交付|发货|寄到|送到|到货|评估完|\bends?\b|\bexpires?\b|\btrial\b|\bdue\b|deadline|\bresults?\b/i;
// "对方说下周五之前给答复": a reply the customer promised is their date, not our follow-up.
const THEIR_PROMISE_BEFORE = /(?:对方|他们|她们|客户|他|她|they|he|she)[^,，。;；]{0,8}$|(?<!我|我们|咱|咱们)(?:说|表示|答应|承诺)|\b(?:said|promised)\b/i;
// "我说明天上午给他回复": a reply we give them is our follow-up, not their promise.
const OUR_COMMIT_EN = /\b(?:i'?ll|i will|we'?ll|we will|i owe (?:them|him|her|[A-Z]\w+)|i need to|i have to|i'?m going to|i'?m gonna|gonna)\b[^,.;!?]{0,40}$/i;
// ("明天上午必须回复他": we answer them; "要求这周五前给个解决方案": what the customer demands of us.)
const OUR_REPLY = /^[^,，。;；]{0,3}(?:给|回(?:复|电话|个电话|电)?)(?:他|她|他们|她们|对方|客户|人家)/;
const DEMANDED = /(?:要求|催(?:我们|咱们)?|让我们|限(?:我们)?)[^,，。;；]{0,4}$/;
// "they'll get back to us by Friday": the customer's own promise, in English.
const BRING_OVER = /^\s*(?:带|拿|送)[^,，。;；]{0,8}(?:过去|过来|上门)/;
const DEADLINE_SET = /(?:(?:对方|客户|他们?|她们?)(?:那边|这边)?(?:要|让|要求|希望|请|催)(?:我们|我方|咱们)?|(?:^|[^我])(?:要|让|请|希望|要求)(?:我们|我方|咱们)(?:能|尽快|最好)?)\s*$/;
const THEIR_PROMISE_EN = /\b(?:they|he|she)(?:'ll|'d| will| would| said they'?d| promised to| want to| plan to)\s+(?:get back|reply|respond|confirm|revert|let us know|come back|revisit|review|reconsider|look at|regroup)\b[^,.;]*$/i;
const REPLY_BY = /^\s*(?:之|以)?前?\s*给(?:个|我们|咱们)?(?:答复|回复|准信|结论|答案)/;
const THEIR_PROMISE_AFTER = /^[^,，。;；]{0,6}(?:(?:给|回)[^,，。;；]{0,3})?(?:答复|回复|结果|消息|反馈|回话|准信|结论|决定|意见|答案)|^\s*(?:再|才)(?:定|决定|拍板)|^\s*(?:定下来|拍板)|^\s*(?:之|以)?前?\s*(?:会|能|要)?给(?!他|她|对方|客户)(?:个|我们|咱们)?[^,，。;；]{0,4}(?:预算|报价|范围|数|名单|需求|资料|清单)/;
// An action of ours right after a future date: 周一发合同, 月底前给报价, 下周三去现场.
const ACTION_AFTER = /^\s*(?:前|之前|以前|before)?\s*(?:(?:我们?|咱们?|再|就|要|得|会|先|找个?时间|抽空|找机会|I'?ll|we'?ll|to)\s*){0,3}(?:安排|把[^,，。;；]{0,8}(?:发|给|送|寄|带|拿|催|做|改|写|准备|整理)|(?:改|做|写|准备|整理|弄)(?:好|完|出来)|提交|交(?=方案|报价|标书|合同)|报个?价|出(?:一版|个|份)?(?:正式|最终|新的?|初版|修改后的)?(?:方案|报价|标书|合同)|发(?!布|展|生|现)|给|去|打|约|问|见|聊|碰|同步|确认|过去|回|送(?!到|达)|寄(?!到|达)|带(?=[^,，。;；]{0,8}(?:过去|过来|上门|去))|拜访|上门|演示|催|开(?:个|一?次)?会|对齐|面谈|细聊|电话|微信|沟通|联系|跟进|碰头|\b(?:send|call|visit|meet|email|ping|demo|check)\b|\b(?:going|go|heading|head|flying|fly|driving|drive)(?: back| over| out)? to\b(?! (?:sign|close))|\bstop(?:ping)? by\b)/i;

const CONTACT_AGAIN = /^\s*(?:前|之前|以后|之后|后)?\s*(?:再|重新)?(?:联系|沟通|聊|谈|约|跟进|来|过来|找|打电话|打给|打过去|打个电话|电话|回访|拜访|过去|见|碰)/;

// "下周去签", "周五给他们签"": the action is the signing itself.
const SIGNING_FIRST = /^\s*(?:前|之前|以前)?\s*(?:我们?|咱们?|再|就|要|得|会|先)?\s*(?:去|过去|给[^,，。;；\s]{0,4})?\s*(?:签|\bsign)/i;

// "send proposal by Friday", "call them on Monday": in English the action comes first.
const ACTION_BEFORE = /\b(?:send|call|email|visit|meet|ping|demo|follow up|check in|circle back|reach out|sending|calling|emailing|visiting|meeting|sharing|(?:going|heading|flying|driving)(?: back| over| out)? to)\b(?:[^,.;]|\.\d){0,30}\b(?:by|on|before|next|this|in)?\s*$|\b(?:proposal|quote|deck|pricing|sow|samples?|draft)\b[^,.;]{0,24}?\s(?:is\s+|will be\s+)?(?:due\s+)?(?:by|before|on)\s*$/i;
// ("proposal by next wed": what we owe them by a date is the follow-up too.)

const HARD_BREAK = /[,，。;；!！?？\n]/;

// An English full stop ends a sentence when a space follows it ("…on Dec 3rd. Close targeted…");
// "3.5M" and "Dec. 3" keep theirs.
const breaksAt = (text: string, i: number): boolean =>
  HARD_BREAK.test(text[i] ?? '') || (text[i] === '.' && /\s/.test(text[i + 1] ?? '') && /[a-z0-9]/i.test(text[i - 1] ?? '')
    && !/\b(?:Mr|Mrs|Ms|Dr|St|No|vs|approx|est)$/i.test(text.slice(Math.max(0, i - 6), i))
    && !(/\b(?:Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov)$/i.test(text.slice(Math.max(0, i - 6), i)) && /^\.\s*\d/.test(text.slice(i))));

interface Windows { before: string; after: string }

function windowsOf(text: string, mentions: DateMention[], i: number): Windows {
  const mention = mentions[i] as DateMention;
  const floor = mentions[i - 1]?.end ?? 0;
  const ceiling = mentions[i + 1]?.index ?? text.length;
  let start = mention.index;
  while (start > floor && !breaksAt(text, start - 1)) start--;
  let end = mention.end;
  // "…end of Dec. Follow-up visit…": a mention that took the sentence's full stop ends its clause.
  const closed = text[end - 1] === '.' && /\s/.test(text[end] ?? '') && !/^\s*\d/.test(text.slice(end));
  while (!closed && end < ceiling && !breaksAt(text, end)) end++;
  // Voice input has no commas: 然后 ("and then") starts a new clause all the same.
  const before = text.slice(start, mention.index);
  const cut = before.lastIndexOf('然后');
  const after = text.slice(mention.end, end);
  const stop = after.indexOf('然后');
  return { before: cut >= 0 ? before.slice(cut + 2) : before, after: stop >= 0 ? after.slice(0, stop) : after };
}

/** `planning`: the whole message is a plan (schedule_follow_up), so a date defaults to the follow-up. */
// The words right after a date that say what it is for: up to the first pause, 12 characters at most.
// English reads a word further ("Dec 20 to sign").
const nearAfter = (after: string): string => (/^\s*\S*(?:\s+[A-Za-z]+)?/.exec(after)?.[0] ?? '').slice(0, 12);

// "这单季度末签不了了，推到6月": a date the deal is pushed to is its new close, when the message is about signing.
const PUSHED_TO = /(?:推|延|推迟|延期|延后|拖|顺延|改)到\s*$|\bpushed (?:back )?to\s*$|\bslipp?(?:ed|s) to\s*$/i;

// "季度末签不了了": a date the deal will not close by is not its close.
const NOT_CLOSING = /^[^,，。;；]{0,3}(?:签不[了下成来]|不签|(?:拿|搞)不下|won'?t (?:close|sign)|(?:not|never) (?:close|sign))/i;

// "二季度那批熟料", "上个月那单": a date naming a batch or a deal is no time to act on.
// "下个月的新品发布会", "下个月开始实施": a date that names an event or a start of work is no follow-up or close.
// "集采平台要下个月才开标": a tender step on their side is no time for us to act.
const NAMES_A_THING = /^\s*(?:才|就|会|要|将|才会|才能)\s*(?:开标|评标|招标|发标|定标|挂网|立项)|^\s*(?:那批|那单|那个单子|那次|那笔|的那批|的那单|的[^,，。;；\s]{0,6}(?:发布会|(?<!进)展(?![开示])会?|博览会|交易会|订货会|研讨会|论坛|沙龙|会议|活动|培训|年会|大会|招标|投标|开标|评标|峰会|庆典)|(?:开始|正式)?(?:实施|部署|上线|启动|开工|进场|交付|验收|安装))/;

// "回款下个月底前到", "下周回款", "款月底到账": when money comes is neither a close nor a follow-up.
const PAYMENT_BEFORE = /(?:回款|到账|付款|打款|尾款|首付款?|首款|余款|款项?)\s*(?:会|能|要|在|大概|预计)?\s*$/;
const PAYMENT_AFTER = /^\s*(?:前|之前|以前)?\s*(?:能|会|就|要)?\s*(?:回款|到账|付款|打款|付清|结清|款到|把款)/;

const HOPED = /(?:想|希望|争取|预计|估计|有望|力争|计划|打算|可能|大概|应该)[^,，。;；]{0,3}$/;
const SIGNED_AFTER = /^\s*(?:前|之前|以前|左右|底)?\s*(?:能|可以|就|会|要|才|一定要|必须)?\s*(?:把[^,，。;；]{0,6})?(?:签|定下来|拿下|成交|落地|下单|拍板)/;

const COMES_OVER = /^\s*(?:会|要|再|就|可能|应该)?\s*(?:过来|来)(?:我们|我司|咱们|公司|厂里|工厂|展厅|总部|这边|现场|一趟)?(?:的)?(?:公司|这边|展厅|厂里|工厂|总部)?\s*(?:看|参观|考察|交流|演示|试用|验厂|面谈|聊|谈|签|demo)/i;

function roleOf(w: Windows, planning: boolean, whole = ''): DateRole {
  // "从3月10号推到4月底", "shifted from Dec 31 to Jan 20": the date moved away from is no longer the deal's.
  if (/(?:从|由|\bfrom)\s*$/i.test(w.before) && /^\s*(?:\S{0,3}\s*)?(?:推|延|改|挪|顺延|调|到|to\b)/i.test(w.after)) return 'other';
  // "明天元旦就不打扰了 后天给…打个电话": a day said not to contact is no follow-up.
  if (/^[^,，。;；\s]{0,6}(?:就|先)?不(?:打扰|去|联系|约|打)了/.test(w.after)) return 'other';
  // ("2月15号开工再聊": the day work starts, with our next contact right after it, is the follow-up.)
  if (NAMES_A_THING.test(w.after) && !/^\s*(?:开工|上班|复工)(?:后|以后|之后)?(?:再|就)(?:聊|约|联系|跟进|沟通|打|碰|见|去|过去)/.test(w.after)) return 'other';
  if (PAYMENT_BEFORE.test(w.before) || PAYMENT_AFTER.test(w.after)) return 'other';
  const around = `${w.before} ${w.after}`;
  const next = nearAfter(w.after);
  // In a plan the date is when to follow up, even "提醒我月底前跟华为签合同".
  // Only the words right at the date: "明天下午给X打电话问下试用情况 试用2月15号结束" — the trial is the second date's.
  // "…close end of Feb. f/u this Thursday": in a plan, a date said right after 'close' is still the close.
  if (planning && /\bclos(?:e|ing)\b(?:\s+(?:by|on|in|around|before|date|eta|target(?:ed)?|expected|probably|hopefully|maybe))*\s*$/i.test(w.before) && !FOLLOW.test(w.before) && !/remind|提醒|记得/i.test(w.before)) return 'expected_close';
  // "他们想月底前把合同签了，我下周一再去一趟华为", "争取年底签": in a plan, the signing hoped or aimed
  // for is the expected close; the reminder's own date ("提醒我月底前跟华为签合同") stays the follow-up.
  if (planning && HOPED.test(w.before) && SIGNED_AFTER.test(w.after) && !/提醒|记得|别忘|remind/i.test(w.before) && !FOLLOW.test(next)) return 'expected_close';
  if (planning) return OTHER.test(`${w.before.slice(-6)} ${w.after.trimStart().slice(0, 4)}`) && !FOLLOW.test(around) ? 'other' : 'next_follow_up';
  if (NOT_CLOSING.test(next)) return 'other';
  if (DEMANDED.test(w.before) && /^[^,，。;；]{0,6}(?:给|回|出|提供)/.test(w.after)) return 'next_follow_up';
  // "王经理说下周一过来公司看demo": the customer coming over is a meeting of ours on that day.
  if (COMES_OVER.test(w.after)) return 'next_follow_up';
  if ((THEIR_PROMISE_BEFORE.test(w.before) && THEIR_PROMISE_AFTER.test(w.after) && !OUR_REPLY.test(w.after)) || THEIR_PROMISE_EN.test(w.before)) return 'other';
  // "报价已经发了，月底前给答复": an answer given by a date, with no one of ours giving it, is the customer's.
  if (REPLY_BY.test(w.after) && !/我|咱/.test(w.before)) return 'other';
  // "她要我们这周五前出方案", "客户要求下周三前把方案交过去": the customer's deadline, not our follow-up.
  // "让我们九月份再联系": when the customer wants to be contacted again is the follow-up.
  // ("让我们下周一带方案过去": what they ask us to do on a day is our next contact.)
  // ("他们希望下个月底前签": the signing they hope for is the expected close.)
  // ("对方要我们下周五之前出方案": what they ask of us by a date is our next step — every labelled set
  // reads it so — unless it is something of theirs.)
  if (DEADLINE_SET.test(w.before)) return SIGNING_FIRST.test(w.after) ? 'expected_close' : THEIR_PROMISE_AFTER.test(w.after) && !OUR_REPLY.test(w.after) ? 'other' : 'next_follow_up';
  // "target close is Aug 31 follow up with Priya next wednesday": said right after the signing
  // words in English, the date is the close; a follow-up word after it is the next clause's.
  if (EN_SIGNING_BEFORE.test(w.before.slice(-28))) return 'expected_close';
  // "I'll send the deck EOD", "I owe them a case study by Mon": what we commit to is the follow-up.
  if (OUR_COMMIT_EN.test(w.before)) return 'next_follow_up';
  // "合同盖章中 预计下周三回来": the day the stamped contract comes back is the close.
  if (/盖章|签字|用印|审批/.test(w.before.slice(-12)) && /^\s*(?:能|会|就|可以)?(?:回来|寄回|返回|盖好|签好|批下来|下来)/.test(w.after)) return 'expected_close';
  // "明天把合同发过去走合同": something we send or bring first is the follow-up, whatever it leads to.
  if (ACTION_AFTER.test(w.after) && !SIGNING_FIRST.test(w.after) && !CLOSE.test(w.before.slice(-4))) return 'next_follow_up';
  if (CLOSE.test(next) && !FOLLOW.test(next)) return 'expected_close';
  if (PUSHED_TO.test(w.before) && (CLOSE.test(whole) || /\bdeal\b|单|项目|商机|定不|签不|预算|采购|合同/i.test(whole)) && !FOLLOW.test(next)) return 'expected_close';
  if (FOLLOW.test(next)) return 'next_follow_up';
  if (OTHER.test(w.after)) return 'other';
  // An action of ours right after the date outranks the words before it (…1月20号左右签然后
  // 下周一我去他们那一趟: the 签 belongs to the date before).
  if (ACTION_AFTER.test(w.after)) return 'next_follow_up';
  // The words nearest the date first: "跟 上汽 … 签不了 就 10月底吧" is about signing, whatever came earlier.
  const nearBefore = w.before.slice(/[A-Za-z]\s*$/.test(w.before) ? -14 : -8);
  if (CLOSE.test(nearBefore) && !FOLLOW.test(nearBefore)) return 'expected_close';
  if (CLOSE.test(w.before) && !FOLLOW.test(w.before)) return 'expected_close';
  if (FOLLOW.test(w.before)) return 'next_follow_up';
  if (OTHER.test(w.before)) return 'other';
  return ACTION_AFTER.test(w.after) || ACTION_BEFORE.test(w.before) ? 'next_follow_up' : 'none';
}

/** Where the words about the next contact are: each follow-up date and the words after it. */
export function followUpSpans(text: string, mentions: DateMention[], clock: Clock): [number, number][] {
  return dateRoles(text, mentions, false, clock).flatMap((role, i) => {
    if (role !== 'next_follow_up') return [];
    const mention = mentions[i] as DateMention;
    return [[mention.index, mention.end + windowsOf(text, mentions, i).after.length] as [number, number]];
  });
}

/** The role of each mention, in order. A past or same-moment time is never a follow-up. */
// "closure shifted from Dec 31 to Jan 20": the date moved to, after a close date moved from.
const MOVED_FROM_CLOSE = /(?:\bclos(?:e|ing|ure)|\bsign(?:ing|ed)?|\btarget(?:ed)?|签约?(?:时间|日期)?)[^,.;，。；]{0,24}(?:\bfrom|从)\s*$/i;

const CALLBACK_TALK = /回访|关怀|满意度|调查|打分|评分|callback|survey|csat|nps|rated|scored|[1-5一二三四五]\s*分(?!钟)/i;

export function dateRoles(text: string, mentions: DateMention[], planning: boolean, clock: Clock): DateRole[] {
  return mentions.map((mention, i) => {
    const w = windowsOf(text, mentions, i);
    const prev = mentions[i - 1];
    if (prev && /^\s*(?:to|到|推到|改到|延到|挪到|调到)\s*$/i.test(w.before) && MOVED_FROM_CLOSE.test(text.slice(0, prev.index))) return 'expected_close';
    // A reminder asked for keeps its date even when it has passed (contract: 这周五 said on
    // Sunday); the router can say so.
    if (planning) return roleOf(w, true);
    const clause = `${w.before}${mention.text}${w.after}`;
    const tense = tenseOf(mention, clock, clause);
    // English puts the verb a few words before the day ("demo'd to Massive Dynamic on fri").
    const near = /[A-Za-z]/.test(mention.text) ? `${w.before} ${w.after}` : `${w.before.split(/\s/).pop() ?? ''} ${w.after}`;
    // "…确认了需求然后周五之前我们要把报价发给他": an action of ours after a bare weekday makes it the coming one.
    if (tense === 'past' || isLastBareDay(mention, near, FOLLOW.test(near) || (ACTION_AFTER.test(w.after) && !/(?<!约|约好|定|安排)了|过(?!去|来)|完/.test(w.after)))) return 'occurred_at';
    const role = roleOf(w, false, text);
    // "今天回访海天 满意度5分", "季度末满意度回访：恒力石化 3分": a callback already scored is done;
    // its date is when it happened, or the name of its round.
    // ("见了刘总 … 他们挺满意 月底前把报价发过去": pleased, in a visit, is no callback.)
    if (role === 'next_follow_up' && CALLBACK_DONE.test(clause) && CALLBACK_TALK.test(text) && !/再|again|下次|next time/i.test(w.after) && !DEMANDED.test(w.before) && !OUR_REPLY.test(w.after)) return compareDates(mention.date, clock.today) > 0 ? 'other' : 'occurred_at';
    if (tense === 'future' && compareDates(mention.date, clock.today) > 0) return role;
    // Today, in a report: a follow-up only when a follow-up word says so ("今天拜访华为" is
    // when it happened, "下午去海康上门拜访，确认了需求" too); otherwise the day it happened.
    if (role === 'next_follow_up') return FOLLOW.test(`${w.before} ${w.after}`) || OUR_COMMIT_EN.test(w.before) ? role : 'occurred_at';
    return role === 'none' ? 'occurred_at' : role;
  });
}

/** "今天… 那个下午…": a time of the same day said later makes the activity's time precise. */
const refines = (had: string, value: string): boolean => !had.includes('T') && value.startsWith(`${had}T`);

/** The date is the last word of a Chinese note, standing apart (…有意向 下周一). */
const endsTerseNote = (text: string, m: DateMention): boolean =>
  !text.slice(m.end).trim() && /[\u4e00-\u9fff]\s+$/.test(text.slice(0, m.index));

const ON_THE_WAY = /^\s?(?:在|正在)?(?:去|回|开车去)[^,，。;；]{1,16}路上|^\s?(?:在|正在)(?:路上|开车)/;

export interface DateSlots { expected_close?: string; next_follow_up?: string; occurred_at?: string; other_dates?: string[]; follow_up_vague?: string }

const REMINDED = /(?:提醒我?|记得|别忘了?|remind me(?: to)?|改到|改成|推到|挪到|改期到|推迟到)\s*(?:在|于|on)?\s*$/i;

const PUT_OFF = /^\s*(?:再说|再看|再议)/;
const BY_DEADLINE = /^\s*(?:前|之前|以前|before)/i;

// "明年一月份才签 预计1月20号": a day in the month said before is the close made precise; "下周走合同
// 下个月底签": the signing itself outranks a step towards it (走合同, 走流程).
const SIGNING_AFTER = /^[^,，。;；]{0,4}(?:签|\bsign)/i;
function refinesClose(slots: DateSlots, earlier: DateMention | undefined, text: string, later: DateMention): 'refines' | 'replaces' | false {
  if (!earlier) return false;
  const value = later.value.slice(0, 10);
  const sameMonth = slots.expected_close?.slice(0, 7) === value.slice(0, 7) && /-(?:28|29|30|31)$/.test(slots.expected_close ?? '');
  const stepBefore = !SIGNING_AFTER.test(text.slice(earlier.end)) && SIGNING_AFTER.test(text.slice(later.end));
  return sameMonth ? 'refines' : stepBefore ? 'replaces' : false;
}

const SIGNING_BEFORE = /(?:\b(?:close|closing|closure|sign|signed|signing|sign-?off|po|contract)\b(?:\s+(?:is|be|by|on|before|in|around|expected|targeted|date|eta|it|probably|maybe|hopefully))*|(?:签约|签合同|签|拍板|下单|成交)(?:时间|日期)?(?:在|是|定在|预计|大概|可能|估计)*)\s*$/i;

const EN_SIGNING_BEFORE = /\b(?:(?:expects?|expected|plan(?:s|ning)?|hope|hoping|likely|want|wants) to (?:sign|close)|target(?:ed)? close(?: date)?(?: is)?|close date(?: is)?|closing|sign(?:ing)?(?: the contract)?) (?:by|on|before|in|around|is|date is)?\s*(?:the\s+)?$/i;

/** A date said of the signing: 月底前签, 一月底之前要签下来, 'close by Jan 8', 'sign before Oct 31'. */
function aboutSigning(w: Windows): boolean {
  const next = nearAfter(w.after);
  if (FOLLOW.test(next) || ACTION_AFTER.test(w.after) && !SIGNING_FIRST.test(w.after)) return false;
  return SIGNED_AFTER.test(w.after)
    || (CLOSE.test(next) && !OTHER.test(next)) || SIGNING_BEFORE.test(w.before.slice(-24));
}

const ROUGH = /元旦后|国庆后|十一后|节后|过[几两]天|月[初中]|[上中下]旬|^下周$|next week|early|mid/i;

const isDeadline = (text: string, m: DateMention): boolean =>
  /\b(?:by|before)\s*$/i.test(text.slice(Math.max(0, m.index - 8), m.index)) || BY_DEADLINE.test(text.slice(m.end));

const theirEvent = (text: string, m: DateMention): boolean => /(?:他们|她们|对方|客户|人家)(?:那边)?(?:[^,，。;；\s]{0,3})$/.test(text.slice(Math.max(0, m.index - 8), m.index));

const ourVisit = (text: string, m: DateMention): boolean =>
  /(?:我|我们|咱们|咱)\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index)) && /^[^,，。;；]{0,4}?(?:过去|去|拜访|上门|打|发|见|约|联系|跟进)/.test(text.slice(m.end));

const promisesContact = (text: string, m: DateMention): boolean =>
  FOLLOW.test(text.slice(m.end, m.end + 10).split(HARD_BREAK)[0] ?? '') || FOLLOW.test(text.slice(Math.max(0, m.index - 6), m.index))
  || /\b(?:call|ring|visit|meet|ping|email|see)\s+(?:him|her|them|\w+)?\s*(?:on\s+)?$/i.test(text.slice(Math.max(0, m.index - 16), m.index));

// "月底了 更新一下…", "季度末了 …": the moment the note is written, said at its head, is no date of it.
const NOW_REMARK = /^[\s嗯呃啊哦那个]*$/;
const isNowRemark = (text: string, m: DateMention) => NOW_REMARK.test(text.slice(0, m.index)) && /^了(?=[\s,，。!！]|$)/.test(text.slice(m.end));

export function assignDates(text: string, said: DateMention[], planning: boolean, clock: Clock): DateSlots {
  const mentions = said.filter((m) => !m.absorbed && !isNowRemark(text, m));
  const slots: DateSlots = {};
  const leftover: DateMention[] = [];
  const free: DateMention[] = [];
  // "他说下个月再说吧 那就4月15号再打一个": a follow-up put off (再说/再看) gives way to a firm one.
  let putOff: DateMention | undefined;
  let closeAt: DateMention | undefined;
  let followAt: DateMention | undefined;
  // "柳工的项目下周要上会 提醒我周三去一趟": the date the reminder is asked for is the follow-up.
  // ("明天早上记得把合同发过去": the date right before 记得 is the one asked for too.)
  const asked = planning ? mentions.findIndex((m) => REMINDED.test(text.slice(Math.max(0, m.index - 8), m.index)) || /^\s*(?:记得|提醒我|别忘了)/.test(text.slice(m.end))) : -1;
  const roles = dateRoles(text, mentions, planning, clock);
  const planned = asked >= 0 ? asked : roles.indexOf('next_follow_up');
  roles.map((r, i) => {
    if (r !== 'next_follow_up' || planned < 0 || i === planned) return r;
    // "提醒我下周一上午给比亚迪打电话 他们说月底前签": in a plan, a later date said of the signing is the
    // deal's close, not a second follow-up.
    if (aboutSigning(windowsOf(text, mentions, i))) return 'expected_close';
    return asked > 0 ? 'other' : r;
  }).forEach((role, i) => {
    const mention = mentions[i] as DateMention;
    const closer = role === 'expected_close' && slots.expected_close ? refinesClose(slots, closeAt, text, mention) : false;
    if (role === 'expected_close' && (!slots.expected_close || closer)) {
      if (closer === 'replaces') leftover.push(closeAt!);
      slots.expected_close = mention.value.slice(0, 10);
      closeAt = mention;
    }
    else if (role === 'next_follow_up' && PUT_OFF.test(text.slice(mention.end)) && !putOff) putOff = mention;
    else if (role === 'next_follow_up' && !slots.next_follow_up) { slots.next_follow_up = mention.value; followAt = mention; }
    // "老王元旦后去实施，明天下午再跟她对一下": the contact promised (再跟她…) outranks an earlier action with no contact word.
    else if (role === 'next_follow_up' && followAt && !promisesContact(text, followAt) && promisesContact(text, mention)) {
      leftover.push(followAt);
      slots.next_follow_up = mention.value;
      followAt = mention;
    }
    // "元旦后 1月5号上午去拜访": a day our rule made of a vague time, made precise right after it.
    else if (role === 'next_follow_up' && followAt && ROUGH.test(followAt.text) && !ROUGH.test(mention.text) && mention.index - followAt.end <= 4) {
      slots.next_follow_up = mention.value;
      followAt = mention;
    }
    // "They want the proposal by next Wed … Will call him Mon 10am": a firm contact said after a
    // deadline outranks the deadline.
    // "他们一月四号开会定供应商 我一月五号过去一趟": their own event gives way to our visit too.
    else if (role === 'next_follow_up' && followAt && ((isDeadline(text, followAt) && promisesContact(text, mention)) || (theirEvent(text, followAt) && ourVisit(text, mention))) && !isDeadline(text, mention)) {
      leftover.push(followAt);
      slots.next_follow_up = mention.value;
      followAt = mention;
    }
    // "下周二前给 我这边周一就发": the day we will act, said after the deadline it meets, is the follow-up.
    else if (role === 'next_follow_up' && followAt && BY_DEADLINE.test(text.slice(followAt.end)) && mention.value.slice(0, 10) <= slots.next_follow_up!.slice(0, 10)) {
      leftover.push(followAt);
      slots.next_follow_up = mention.value;
      followAt = mention;
    }
    // "早上在去明德装备的路上 … 上周五跟他们电话聊过": when the note is written, not when it happened.
    else if (role === 'occurred_at' && ON_THE_WAY.test(text.slice(mention.end, mention.end + 24))) { /* no role */ }
    else if (role === 'occurred_at' && (!slots.occurred_at || refines(slots.occurred_at, mention.value))) {
      slots.occurred_at = compareDates(mention.date, clock.today) > 0 ? weekBefore(mention.value) : notAhead(mention.value, mention.text, clock);
    }
    else leftover.push(mention);
    if (role === 'none' && tenseOf(mention, clock, '') === 'future') free.push(mention);
  });
  if (putOff && !slots.next_follow_up) slots.next_follow_up = putOff.value;
  else if (putOff) leftover.push(putOff);
  // "他们下周四有空，到时候再跟进": the follow-up word sits in a later clause; a single future
  // date left over takes it when the message promises a follow-up after it.
  const last = free[0];
  // "海尔 王总 电话 有意向 下周一": a note ending on a future date says when to pick it up again.
  // ("明年一季度有预算 … 年后再约": the follow-up promised is the vague one, asked about; the budget's date is no follow-up.)
  if (!slots.next_follow_up && last && free.length === 1 && !findVagueFollowUp(text.slice(last.end)) && (FOLLOW.test(text.slice(last.end)) || endsTerseNote(text, last))) {
    slots.next_follow_up = last.value;
    leftover.splice(leftover.indexOf(last), 1);
  }
  const others = leftover.map((m) => m.value.slice(0, 10));
  if (others.length) slots.other_dates = [...new Set(others)].slice(0, 10);
  return slots;
}
