// Intent from evidence: an ordered rule table, first match wins. Order encodes precedence:
// undo/help before anything, queries before the reports they resemble ("今天要跟进哪些客户"
// is a question, not a plan), callbacks before generic activity, plans before activity.
import { findVagueFollowUp } from '../time/vague.js';
import { findSatisfaction } from '../slots/callback.js';
import type { Intent } from '../types.js';
import * as S from './signals.js';
import { POOL_CLAIM, POOL_LIST, POOL_RELEASE } from './pool-signals.js';
import * as P from './payment-signals.js';
import * as T from './target-signals.js';
import { isTransfer } from './transfer-signals.js';
import { CONTACT_EDIT, CONTACT_SLIP } from '../slots/contact-edit.js';
import { CALLBACK_DONE } from '../slots/callback.js';
import { DONE_ASK, findIdleDays, findSubject } from '../slots/query-extra.js';
import { findBirthday } from '../slots/contact-info.js';

export interface Evidence {
  text: string;
  /** The text with dates, amounts, phones and e-mails masked as '|'. */
  masked: string;
  customer?: string;
  /** A team member the tenant named (parse's `names.people`) in the text. */
  person?: string;
  /** The customer is one the tenant knows (parse's `names.customers`). */
  knownCustomer?: boolean;
  hasStage: boolean;
  hasAmount: boolean;
  hasFutureDate: boolean;
  /** A date already behind `now` (a report, not a plan). */
  hasPastDate: boolean;
  /** A date said that is today (今天去…签了: a trip made today). */
  hasToday?: boolean;
  hasCloseDate: boolean;
  /** A contact who changed jobs (slots/job-change.ts). */
  jobChange?: boolean;
  /** Why a deal was lost, as the text says it: what the competitor did (送了, 开了家) is no contact of ours. */
  lostReason?: string;
  /** The message took back a value it said ("不是周四 是周五"): what is left is the value meant. */
  restated?: boolean;
}

const TERSE_SAID = /^\s*\S{2,20}\s+(?:电话|微信|拜访|上门|面谈|视频)\s+[^,，。;；]{0,16}?(?:说|反馈|表示|讲)/;
const NO_ANSWER = /没人接|没接(?:电话|听)?|未接|无人接听|打不通|没打通|关机|占线|不在服务区|\bno answer\b|didn'?t (?:pick up|answer)|went to voicemail/i;

interface Rule { intent: Intent; confidence: number; test: (e: Evidence) => boolean }

const short = (e: Evidence, n: number): boolean => e.text.length <= n;
const isQuestion = (e: Evidence): boolean => S.QUESTION.test(e.text);

// "和X开会，下周二再跟进": a contact already made, with the next one planned after it.
// Only the dated "再…" part goes (voice input has no commas: the report before it stays).
const AGAIN = /(?:\|[^,，。;；!！\s|]{0,6})?(?:再(?:跟进?|回访|拜访|过来|联系|聊|约|沟通|谈|打|碰|去|过去|同步|确认|问)|(?<![签续])约了|约好了|follow[-\s]?up|next steps?|check (?:back|in)|circle back|\b(?:call|email|ping|visit|meet) (?:\w+ )?again\b)[^,，。;；!！]*/gi;

// "寄了样品，下周三电话回访": a callback planned for a later date is a follow-up, not a callback.
// A dated "再…" ("…客户满意 下周一再回访") is the next contact: it goes, the report before it stays
// (voice input has no commas to split on); a dated clause in the past tense (今天回访了…) stays too.
// A clause with a score (今天回访海天 满意度5分) reports a callback made, whatever its date.
function withoutDatedClauses(masked: string): string {
  const again = masked.replace(/\|[^,，。;；!！|]*?(?:再|again|回访一下|回访下)[^,，。;；!！|]*/gi, ' ');
  return again.split(/[,，。;；!！]/).filter((clause) => !clause.includes('|') || /了|完|满意|投诉|客诉|抱怨|吐槽/.test(clause) || CALLBACK_DONE.test(clause)).join('，');
}

// "路上给浙一王老师打了个电话拜年 顺便问了下试剂那个单子": a rep's greeting that talks business is a contact made.
const GREETING_CUE = /拜年|拜个年|问候|祝福|慰问/;
const BUSINESS = /单子|报价|方案|项目|订单|合同|需求|试用|样品/;
function greetingWithBusiness(e: Evidence): boolean {
  const rest = e.text.replace(/拜年|拜个年|问候一?下?|祝福|慰问/g, '');
  return GREETING_CUE.test(e.text) && !S.CALLBACK.test(rest) && (e.hasAmount || e.hasStage || BUSINESS.test(rest));
}

/** A terse note of a contact made (宁德 陈总 微信 明早9点再聊, 美的 李总 电话 初步接触): a channel word
 * standing alone among three or more words, with a person, a stage or an amount. */
function isTerseReport(e: Evidence): boolean {
  // "东方日升 杨总 明天下午2点 上门": the way of contact said after the time ahead books it.
  const way = S.TERSE_CONTACT.exec(e.masked);
  if (way && e.hasFutureDate && !e.hasPastDate && !e.hasToday && e.masked.indexOf('|') >= 0 && e.masked.indexOf('|') < way.index) return false;
  return S.TERSE_CONTACT.test(e.masked) && e.masked.trim().split(/\s+/).length >= 3 && !S.REMIND.test(e.text)
    && (e.hasStage || e.hasAmount || S.TERSE_PERSON.test(e.masked));
}

/** A plan: a future date or "要/准备…" with an action, and nothing reported as done. */
// "客户要求本周五前确认最终报价": a date the customer set is their deadline, not a plan of ours.
// ("他们希望下个月底前把框架协议签掉": the signing they hope for is the deal's close, no deadline of ours.)
const CUSTOMER_DEADLINE = /(?:客户|对方|他们|她们|他|她)(?:那边)?(?:要求|希望|让我们|要我们|催我们|催着)\s*\|(?!\s*(?:前|之前|以前)?\s*(?:能|可以|就|会|要)?\s*(?:把[^,，。;；]{0,8})?(?:签|拿下|成交|定下来|落地|下单))/;

const STATUS_FIRST = /^[^,，。;；]{2,20}?(?:什么进展|进展如何|进展怎么样|啥进展|怎么样了|什么情况|啥情况)了?[?？]?\s*(?:[,，。;；]|$)/;
const WHEN_CLOSE = /(?:啥时候|什么时候|何时|几时|哪天|多久)(?:能|会|可以|才能|才)?(?:签|成交|拿下|定|落地|下单)|\bwhen (?:will|do|does|can|are) (?:they|we|it|[A-Z]\w*) (?:sign|close)\b/i;
const REPORT_OPENING = /^\s*(?:拜访|见了|电话沟通|微信沟通|约见|上门)[^\s,，。|]{2,}\s/;
const QUOTA_TASK = /完成(?:任务|指标)|任务(?:完成|量|额|指标)/;
const TERMS_ARGUED = /negotiat|haggl|pushing back|push back|谈判|在谈|谈(?:一下|下)?(?:付款|回款)|压(?:付款|账期)/i;
const PLAN_FIGURES = /\d+(?:\.\d+)?\s*[%％]|分[\d一二两三四五六七八九十]+期|\binstal?lments?\b/i;
const BID_SCORE = /评分|得分|打分|技术分|商务分/;
const CALLBACK_WORD = /回访|回防|满意度|callback|satisfaction|survey/i;
const REASON_CLAUSE = /(?:原因|理由|because|reason)\s*[:：是为]?.*$/i;

// "他们放完假应该有结果了": a 了 guessed about the future reports nothing done.
// ("他们想月底前把合同签了": a signing wished for is nothing done either.)
// ("月底之前要去一趟钱潮医院把节点图确认了": what the trip is to get done is still to come.)
const GUESSED = /(?:要|去|得|准备)[^,，。;；!！\s|]{0,12}把[^,，。;；!！\s|]{1,12}(?:确认|定|搞定|落实|签|敲定|弄)了|(?:应该|估计|大概|可能|也许|到时候?|那时候?)[^,，。;；!！\s|]{0,8}了|(?:想|希望|打算)[^,，。;；!！\s]{0,12}签了/g;

// "…再联系三一重工吧，他们领导出差了": what they did is no report of ours.
// ("锦程人力 老板出差了 下个月初再跟进": a spoken pause sets their clause apart too.)
const THEIR_CLAUSE = /[,，。;；]\s*(?:他们|她们|对方|客户|人家|领导)[^,，。;；]*|(?<=[\u4e00-\u9fff])\s(?:他们|对方)?(?:老板|领导)(?!说)[^,，。;；\s]*/g;
// "下周一再去一趟紫金矿业 他们想月底签": a signing they wish for reports nothing said or done.
const THEIR_WISH = /(?:他们|她们|对方|客户)(?:本来|也|都)?(?:想|希望|打算|计划)(?=[^,，。;；!！\s]{0,12}(?:签|定下来|拿下|成交|落地))/g;
// "说错了，不是周四，是下周四…": the slip admitted is nothing done.
const SLIP = /(?:说|记|写|打)错了|取消了|没开成|没见成|就?不(?:打扰|去|联系|约|打)了/g;
// "等过完年再跟X联系", "忙完这阵子再约": a time to wait for, said as done, opens a plan.
// ("等他们开完会 再约…": what they wait for, then our contact.)
const WAIT_FOR = /^[|\s]*等?(?:过完|过了|忙完了?|放完)(?:年|节|假|春节|国庆|这阵子?|这段时间?|这周|手头的事)|^[|\s]*等(?:他们|对方|客户|[^,，。\s]{0,6})[^,，。]{0,10}(?:完|好|出来|下来|定了)[^,，。]{0,4}[,，\s]*(?:再|然后)(?:约|联系|跟进|跟|打|去|拜访|聊)/;
// "跟万科物业的周经理约了，后天晚上七点半一起吃饭": a meeting booked for a day ahead, with nothing else done.
const RESCHEDULED = /没开成|没见成|取消了|改到|改期|推迟到|推到|挪到/;
const BOOKED = /(?<!签)约(?:了|好了)/;

function bookedOnly(masked: string): boolean {
  const at = masked.search(BOOKED);
  // ("给阿里云的钟经理发微信，约了下周三演示": a contact made before the booking reports it.)
  return at >= 0 && !S.ACTIVITY.test(masked.slice(0, at)) && !S.PAST.test(masked.replace(BOOKED, ' ').replace(THEIR_CLAUSE, ' '));
}

export function isPlan(e: Evidence): boolean {
  if (CUSTOMER_DEADLINE.test(e.masked) && !S.REMIND.test(e.text)) return false;
  if (e.hasFutureDate && !e.hasPastDate && bookedOnly(e.masked)) return true;
  // 约了/约好了 with a date ahead books the plan rather than reporting it.
  // ("蓝月亮的单子定了": a deal settled is done, not a meeting booked.)
  const booked = e.hasFutureDate ? /(?<![签续])约了|约好了|(?<!单子?|项目|合同|生意)定了|安排了|别忘了|忘了/g : /别忘了|忘了/g;
  // (Their clause counts when today is named: "今天打电话给万华，他们看了报价" reports the call.)
  const theirs = e.hasToday ? e.masked : e.masked.replace(THEIR_CLAUSE, ' ');
  if (S.PAST.test(theirs.replace(WAIT_FOR, ' ').replace(booked, '').replace(GUESSED, '').replace(SLIP, ' ').replace(THEIR_WISH, ' '))) return false;
  // "锦湖 电话 没人接 明天再打": a call nobody answered was made; the retry is its follow-up.
  if (NO_ANSWER.test(e.masked) && !S.REMIND.test(e.text)) return false;
  // A terse note of a contact with its next date (宁德 陈总 微信 明早9点再聊) reports the contact.
  if (isTerseReport(e)) return false;
  // "续约回访 云杉科技 客户满意 预计下月底续签": a callback reported with its verdict is done.
  if (S.CALLBACK_DONE.test(e.masked) && !S.REMIND.test(e.text) && !/再回访|下次回访/.test(e.text)) return false;
  const withoutAgain = e.masked.replace(AGAIN, ' ');
  // ("明天就不去了 后天再去拜访": a trip called off is no trip made.)
  // ("等他们开完会 再约…": their meeting waited for is nothing we did.)
  const made = e.masked.replace(WAIT_FOR, ' ').replace(AGAIN, ' ').replace(SLIP, ' ');
  if (withoutAgain !== e.masked && (S.ACTIVITY.test(made) || S.CALLBACK_DONE.test(made))) return false;
  if (opensWithReport(e.masked)) return false;
  // "视频会，得物，产品总监Leo，需求确认，下周一出方案": a note that opens on a bare way of contact reports it.
  if (OPENS_WITH_CHANNEL.test(e.masked)) return false;
  // "拜访蓝月亮 需求分析 预算一百万 下周五前报价": a note opening on a contact, with deal facts, reports it.
  if (REPORT_OPENING.test(e.masked) && (e.hasStage || e.hasAmount) && !S.REMIND.test(e.text)) return false;
  // "今天上午的会没开成，改到明天上午10点半": a past date whose meeting was moved reports nothing done.
  if (!S.PLAN_ACTION.test(e.masked) || (e.hasPastDate && !RESCHEDULED.test(e.masked))) return false;
  // "预计1月10号签约" names a signing date: deal news, not a plan to contact anyone.
  // ("下周一再去一趟紫金矿业 他们想月底签", "going to Singtel again … close by 28 Feb": the trip is the plan.)
  if (e.hasCloseDate && !/跟进|联系|拜访|回访|确认|再跟|再去|再过去|再约|再打|再给|去一?趟|过去一?趟|跑一?趟|follow|\b(?:visit|visiting|again|plan(?:ning)? to|(?:going|heading|flying|driving)(?: back| over| out)? to|gonna|will (?:call|visit|meet|see))\b/i.test(e.masked)) return false;
  // ("华为 节后再联系", "黑土地合作社 秋收后再跟进": a vague time with its follow-up is a plan, asked about.)
  return e.hasFutureDate || S.PLAN_START.test(e.masked) || WAIT_FOR.test(e.masked) || Boolean(findVagueFollowUp(e.masked));
}

/** "和三只松鼠的运营总监电话沟通 … 我后天上午给她新报价": a contact told first, in a clause of its
 * own with no date, then the plan: the contact happened (voice input drops the 了). */
function opensWithReport(masked: string): boolean {
  const first = /^[\s,，。;；!！]*([^,，。;；!！\s]+)/.exec(masked)?.[1] ?? '';
  return first.length >= 8 && !first.includes('|') && masked.includes('|') && S.ACTIVITY.test(first) && !S.REMIND.test(first) && !/要|准备|打算|计划|想|得|去|再|约|定了|安排/.test(first);
}

/** "拜访了恒力石化 对接人是设备部吴部长 电话…": a visit reported, naming who it was with — the
 * visit is logged and the contact's facts land with it (an add_contact alone dropped the visit). */
function introducedInReport(e: Evidence): boolean {
  if (S.LABELED_REPORT.test(e.text) && Boolean(e.customer)) return true;
  // "回访了招商银行 对接人周经理 … 打个八分吧": a callback made, naming who took it, is the callback.
  if (Boolean(e.customer) && /回访(?:了|过|完)/.test(e.text) && findSatisfaction(e.text) !== undefined) return true;
  // "中国平安回访 对接人是周经理 满意度5分", "上汽投诉 … 对接人是信息部的钱工 … 明天上午必须回复他": the
  // person is who took the callback or raised the complaint; the callback is the news.
  // ("中国平安回访 对接人孙女士 很不满意 给了1分": with no 是 too, once the message is a callback with a score or complaint.)
  if (Boolean(e.customer) && /(?:对接人|联系人)(?:是|为)/.test(e.text) && (/回访|投诉|客诉/.test(e.text) || findSatisfaction(e.text) !== undefined)) return true;
  if (Boolean(e.customer) && /(?:对接人|联系人)/.test(e.text) && /回访|投诉|客诉/.test(e.text) && findSatisfaction(e.text) !== undefined) return true;
  return !S.NEW_CONTACT_STRONG.test(e.text) && S.ACTIVITY.test(e.masked) && S.ACTIVITY.test(e.text) && S.PAST.test(e.masked) && Boolean(e.customer);
}

// "电话，喜茶，采购经理Ivy，报价已发": a note of items that opens on a bare way of contact.
const OPENS_WITH_CHANNEL = /^\s*(?:视频会议?|电话会议?|线上会|开会|拜访|上门|电话|微信|面谈|邮件)\s*[,，]/;
// "天成模具,电话,在议价…", "精诚 电话 方老板 合同下周一签": a bare way of contact as one item of a terse note
// (not a phone number's label).
const ITEM_CHANNEL = /(?:^|[,，、|]|[\u4e00-\u9fffA-Za-z]\s)\s*(?:电话|微信|拜访|上门|面谈|视频会?)\s*(?=[,，、]|\s+(?![\d+]))/;
const FIGURE_FIXED = /^[\s,，。!！]*(?:(?:不对|错了|说错了|记错了|写错了|改一下|更正一下?|纠正一下?|刚才(?:说|记|写)错了)[\s,，。!！]*)+(?:金额|价格|总价|合同额)?(?:应该)?(?:是|为|改成|改为)?\s*\d/;
const FOLLOW_UP_FIXED = /^[\s,，]*(?:不对|错了|说错了|记错了)[\s,，!！]*(?:应该)?是|(?:跟进|回访|提醒|拜访|联系)(?:时间|日期)[^,，。]{0,4}(?:是|改成|改为|改到)|(?:不是|并非)(?:周|星期|礼拜|明天|后天|\d)[^,，。]{0,6}(?:是|而是)|(?:是|改成|改到)[^,，。]{1,8}不是/;
const withoutReason = (e: Evidence): string => (e.lostReason && e.lostReason.length >= 4 ? e.masked.replace(e.lostReason, ' ') : e.masked);

const VAGUE_CLOSE = /(?:年前|年后|年底前?|春节前|春节后|节前|节后|开春|明年|过完年)[^,，。;；]{0,6}(?:能|可以|就|会|要|争取)?(?:签|定(?:下来|了)|落地|搞定|拿下|成交|下单)/;

// ("帮我订一张明天去昆明的机票", "book me a hotel in Dubai": a travel or personal errand is no CRM work.)
const ERRAND = /(?:公司)?内部(?:培训|会议|例会|分享)|大家[^，,。]{0,8}(?:到|来)[^，,。]{0,6}会议室|^(?:晚上|中午|今晚|明晚|周末)?一起(?:吃饭|吃个饭|喝酒|喝一杯|撸串|打球)(?:不|吗|么|啊|呗|去)?|(?:订|买|定|抢|改签|退)(?:一|两|二|三)?[张间个份]?[^，,。]{0,16}(?:机票|车票|火车票|高铁票|动车票|船票|酒店|宾馆|房间|外卖|咖啡|奶茶)|(?:叫|打)(?:个|一辆|辆)?(?:车|滴滴|出租车)(?:去|到|回)|\bbook (?:me |us )?(?:a |an |the )?(?:flight|ticket|hotel|room|cab|taxi|table)/i;
const CRM_WORD = /拜访|跟进|回访|客户|签|合同|报价|方案|见[^，,。]{0,4}[总工经理]|\b(?:visit|meet|client|customer|deal|quote)/i;

// Said to the team or a colleague in a group chat, or a sigh: nothing for the bot to do
// ("老刘你下周一去趟华茂纺织", "今天大家的拜访记录都录了吗", "本周签了2单 累瘫了").
const NOT_FOR_BOT = /^(?:@\S+\s*)?(?:各位|同事们|兄弟们|伙伴们|小伙伴们)[\s,，]*(?=[^。]*(?:把|记得|赶紧|尽快|抓紧|都要|别忘))|^(?:老|小)[\u4e00-\u9fff][,，\s]*你(?![们好])|大家(?:的)?[^，,。]{0,12}(?:都|记得|赶紧|尽快)[^，,。]{0,12}(?:了吗|吗|一下|补上|更新)|签了[\d一两二三四五六七八九十几]+单(?![子的])[^，,。]{0,6}(?:累|爽|开心|躺平|庆祝)/;

const PLANNED_CALLBACK = /(?:再|还要|要|得|准备|安排|计划)(?:去|打个?电话)?回访(?:一次|一下|一遍|下)?/;
const ADD_ASKED = /(?:帮我|麻烦)?(?:加一下|加上|添加一下|添加|加进去|录一下|录入|存一下)\s*[。.!！]?\s*$/;
// "碧桂园那个400万的单子现在谁在跟 什么情况": an amount that names the deal asked about.
const AMOUNT_NAMES_DEAL = /(?:那个|这个|那笔|这笔|那单|这单)\s*[\d.]+\s*(?:万|千|亿|w|W|k|K)?的?(?:单子?|项目|商机)/;
const ASKED_ABOUT = /什么情况|啥情况|怎么样了?|进展(?:如何|怎样)?|谁在跟|谁跟的|谁负责|到哪一?步了/;

const RULES: Rule[] = [
  { intent: 'unknown', confidence: 0.9, test: (e) => NOT_FOR_BOT.test(e.text) },
  { intent: 'query_customer', confidence: 0.85, test: (e) => Boolean(e.customer) && AMOUNT_NAMES_DEAL.test(e.text) && ASKED_ABOUT.test(e.text) && !e.hasStage },
  { intent: 'unknown', confidence: 0.9, test: (e) => ERRAND.test(e.text) && !CRM_WORD.test(e.text) },
  // "联系人说错了 不是周主任 是孙科长": the contact's name was a slip — the contact is corrected, nothing undone.
  { intent: 'add_contact', confidence: 0.85, test: (e) => CONTACT_SLIP.test(e.text) },
  // ("刚才录错了 金额是15万不是50万": a wrong value said with the right one is a correction, not an undo;
  // "刚才那条记错了 金额应该是…" takes back the record and offers the value.)
  // ("怎么撤销上一条？" asks how: help.)
  { intent: 'undo', confidence: 0.95, test: (e) => short(e, 40) && !/怎么|如何|\bhow (?:do|can|to)\b/i.test(e.text) && !(e.hasAmount && /是|改成|改为|应该/.test(e.text) && !/[那这]条|上一?条/.test(e.text)) && (S.UNDO.test(e.text) || (short(e, 12) && /撤销|撤回|删掉|删除|作废|记错了|\bundo\b/i.test(e.text))) },
  // "undo that last one, wrong customer": the reason after it makes it longer, not something else.
  { intent: 'undo', confidence: 0.9, test: (e) => short(e, 48) && /^\s*(?:pls |please )?(?:undo|revert|scratch)\b(?! (?:the |my )?(?:stage|amount|deal stage))|[,，.;]\s*(?:pls |please )?(?:undo|revert)(?: (?:it|that|this|pls|please))*\s*[.!]?\s*$/i.test(e.text) },
  { intent: 'help', confidence: 0.9, test: (e) => short(e, 30) && S.HELP.test(e.text) },
  { intent: 'help', confidence: 0.85, test: (e) => short(e, 60) && S.HOW_TO.test(e.text) && !e.customer },
  // A manager's transfer (issue #14): a hand-over verb and the colleague named last.
  { intent: 'transfer_customer', confidence: 0.9, test: (e) => short(e, 80) && isTransfer(e.text) },
  // The public pool (issue #14): a return names 公海/the pool; a claim starts with its verb.
  { intent: 'release_customer', confidence: 0.9, test: (e) => short(e, 60) && POOL_RELEASE.test(e.text) },
  { intent: 'claim_customer', confidence: 0.9, test: (e) => short(e, 50) && POOL_CLAIM.test(e.text) },
  { intent: 'query_pool', confidence: 0.85, test: (e) => POOL_LIST.test(e.text) },
  // Contracts and 回款 (issue #15; payment-signals.ts orders them).
  { intent: 'query_payments', confidence: 0.85, test: (e) => P.PAY_OVERDUE_Q.test(e.text) || P.PAY_OUTSTANDING_Q.test(e.text) || (P.PAY_COLLECTED_Q.test(e.text) && isQuestion(e)) },
  // "they're negotiating hard on payment terms": terms still argued over are the deal's news, not a plan given.
  { intent: 'set_payment_plan', confidence: 0.85, test: (e) => P.PLAN_STRONG.test(e.text) && !(TERMS_ARGUED.test(e.text) && !PLAN_FIGURES.test(e.text)) },
  // "合同签下来了 280万 回款下个月底前到": the win is the news; money only promised is no payment.
  { intent: 'record_payment', confidence: 0.85, test: (e) => e.hasAmount && P.PAY_RECEIVED.test(e.text) && !isQuestion(e) && !(e.hasStage && P.PLAN_CONTEXT.test(e.text) && P.PROMISED(e.text, e.hasFutureDate)) },
  { intent: 'set_payment_plan', confidence: 0.8, test: (e) => P.PLAN_WEAK.test(e.text) && P.PLAN_CONTEXT.test(e.text) },
  // Targets, forecast and commit (issue #15; target-signals.ts).
  // A guessed "customer" that swallowed the cue (张伟定, 明年每人每季度, 这个月预测) is no customer.
  { intent: 'set_target', confidence: 0.85, test: (e) => e.hasAmount && T.SET_TARGET.test(e.text) && !T.NOT_SETTING.test(e.text) && (!e.customer || T.STRONG_TARGET.test(e.text)) },
  { intent: 'query_forecast', confidence: 0.85, test: (e) => T.FORECAST.test(e.text) && !e.hasAmount && (!e.customer || T.FORECAST_OR_PERIOD.test(e.customer)) },
  // ("今晚跟X的赵总喝了点酒 那个项目基本稳了": a contact reported with its confidence is the report.)
  { intent: 'commit_deal', confidence: 0.85, test: (e) => Boolean(e.customer) && T.COMMIT.test(e.text) && !isQuestion(e) && !(S.ACTIVITY.test(e.masked) && S.PAST.test(e.masked)) },
  // "小陈上周跟进了哪些客户": the customers worked on, listed (task_kind done), not a count of them.
  { intent: 'query_tasks', confidence: 0.85, test: (e) => DONE_ASK.test(e.text) && (!e.customer || e.customer.startsWith(findSubject(e.text, undefined) ?? '\u0000')) },
  { intent: 'query_kpi', confidence: 0.85, test: (e) => S.RANK.test(e.text) && (!S.PAST.test(e.masked) || /谁|\bwho\b/i.test(e.text)) },
  { intent: 'query_customer', confidence: 0.85, test: (e) => S.CUSTOMER_LIST.test(e.text) },
  // "how is Wang Wei doing", "张伟最近怎么样" about a known team member: their numbers.
  { intent: 'query_kpi', confidence: 0.8, test: (e) => Boolean(e.person) && !e.customer && S.CUSTOMER_STATUS.test(e.text) && !S.ACTIVITY.test(e.masked) },
  // "哪些单子超过两周没动了", "stale deals": deals gone quiet (before tasks: 没跟进 is no to-do list here).
  { intent: 'query_pipeline', confidence: 0.85, test: (e) => !e.customer && S.DEALS_WORD.test(e.text) && findIdleDays(e.text) !== undefined && (isQuestion(e) || short(e, 24)) },
  { intent: 'query_customer', confidence: 0.85, test: (e) => Boolean(e.customer) && S.WHO_WORKS.test(e.text) && isQuestion(e) && !e.hasAmount && !e.hasStage },
  { intent: 'query_customer', confidence: 0.85, test: (e) => Boolean(e.customer) && S.CUSTOMER_DEALS.test(e.text) && !e.person },
  // "三一重工那单预计啥时候能签": asking when, not telling.
  { intent: 'query_customer', confidence: 0.85, test: (e) => Boolean(e.customer) && WHEN_CLOSE.test(e.text) && !e.hasAmount },
  // "中国电信什么进展了，上次说要报价": a status question first; what follows is context, not news.
  { intent: 'query_customer', confidence: 0.85, test: (e) => Boolean(e.customer) && STATUS_FIRST.test(e.text) && !e.hasAmount },
  { intent: 'query_customer', confidence: 0.85, test: (e) => Boolean(e.customer) && S.ASKED_IF_DONE.test(e.text) && !e.hasAmount && !e.hasStage },
  { intent: 'query_customer', confidence: 0.85, test: (e) => Boolean(e.customer) && !e.person && S.HISTORY.test(e.text) && !e.hasAmount && !e.hasStage && !S.PAST.test(e.masked) },
  // "我今年能完成任务吗": 任务 as the year's quota is KPI, not a to-do list.
  // "todo: demo for Dunder Mifflin on Jan 28", "帮我建个跟进任务": a task to add, not a list to see.
  { intent: 'schedule_follow_up', confidence: 0.85, test: (e) => Boolean(e.customer) && /^\s*(?:todo|to-do|待办)\s*[:：]|(?:建|加|创建|新建|添加)(?:一)?个?(?:跟进)?任务/i.test(e.text) },
  { intent: 'query_tasks', confidence: 0.85, test: (e) => S.TASKS.test(e.text) && (isQuestion(e) || S.TASKS_STRONG.test(e.text) || (short(e, 14) && !e.customer)) && !QUOTA_TASK.test(e.text) },
  { intent: 'query_kpi', confidence: 0.85, test: (e) => S.KPI_COUNT.test(e.text) || (S.KPI.test(e.text) && !S.ACTIVITY.test(e.text)) },
  // "华为云的商机有几个", "查一下上汽": about a customer the tenant knows.
  { intent: 'query_customer', confidence: 0.8, test: (e) => Boolean(e.knownCustomer) && (S.PIPELINE.test(e.text) || S.LOOK_UP.test(e.text)) && isQuestion(e) && !S.ACTIVITY.test(e.masked) && !e.hasAmount },
  { intent: 'query_pipeline', confidence: 0.85, test: (e) => S.PIPELINE.test(e.text) && (isQuestion(e) || short(e, 16) || S.PIPELINE_STRONG.test(e.text) || S.STAGE_FILTER.test(e.text)) && !S.ACTIVITY.test(e.text) && (!e.hasStage || S.STAGE_FILTER.test(e.text)) && !e.hasAmount && !(e.customer && S.CUSTOMER_STATUS.test(e.text)) && !(e.customer && e.hasStage && !isQuestion(e) && !S.STAGE_FILTER.test(e.text)) },
  { intent: 'query_customer', confidence: 0.8, test: (e) => Boolean(e.customer) && S.CONTACT_ASK.test(e.text) && !S.NEW_CONTACT.test(e.text) && !S.CONTACT_FACTS.test(e.text) && !/\d{7}/.test(e.text) },
  { intent: 'query_customer', confidence: 0.8, test: (e) => Boolean(e.customer) && (S.CUSTOMER_STATUS.test(e.text) || (S.LOOK_UP.test(e.text) && short(e, 20))) && !S.ACTIVITY.test(e.text) && !S.CALLBACK.test(e.text) && !e.hasStage && !e.hasAmount && !isPlan(e) && !(S.CONTACT_FACTS.test(e.text) && !isQuestion(e)) },
  { intent: 'update_customer', confidence: 0.85, test: (e) => Boolean(e.customer) && S.CUSTOMER_FIELD.test(e.text) && !S.ACTIVITY.test(e.masked) },
  // "周经理生日是9月12号 别忘了到时候送个祝福": the birthday is the fact (its reminder comes by itself), no plan of a date.
  { intent: 'add_contact', confidence: 0.85, test: (e) => S.REMIND.test(e.text) && !e.hasFutureDate && Boolean(e.person === undefined && findBirthday(e.text)) && !/^\s*(?:请|帮我)?提醒/.test(e.text) },
  { intent: 'schedule_follow_up', confidence: 0.9, test: (e) => S.REMIND.test(e.text) },
  { intent: 'create_customer', confidence: 0.9, test: (e) => S.NEW_CUSTOMER.test(e.text) },
  // "李娜跳槽了，现在是快手的商务总监": where a contact works now is a contact's news.
  { intent: 'add_contact', confidence: 0.85, test: (e) => Boolean(e.jobChange) },
  // "平安的黄总全名叫黄志强", "孙丽的电话改成…": a contact's own record corrected.
  { intent: 'add_contact', confidence: 0.85, test: (e) => CONTACT_EDIT.test(e.text) },
  { intent: 'add_contact', confidence: 0.85, test: (e) => S.NEW_CONTACT.test(e.text) && !introducedInReport(e) },
  // "回访 禾众纺织 李工 电话没人接 明天上午再打": a callback tried is a callback made; the retry is its follow-up.
  { intent: 'record_callback', confidence: 0.8, test: (e) => S.CALLBACK.test(e.hasFutureDate ? withoutDatedClauses(e.masked) : e.text) && NO_ANSWER.test(e.text) && !S.REMIND.test(e.text) },
  // "锦湖 电话 没人接 明天再打": a call attempt is a call made, even with no other word of contact.
  { intent: 'log_activity', confidence: 0.8, test: (e) => Boolean(e.customer) && NO_ANSWER.test(e.masked) && !S.REMIND.test(e.text) },
  // "阿里巴巴 电话 钉钉事业部的吴总 说下个月再约": a terse note of a contact made, with what they said.
  { intent: 'log_activity', confidence: 0.8, test: (e) => Boolean(e.customer) && TERSE_SAID.test(e.text) && !S.REMIND.test(e.text) && !S.CALLBACK.test(e.text) },
  // Without a customer a "plan" is usually chat (老板说要冲刺年底目标).
  { intent: 'schedule_follow_up', confidence: 0.75, test: (e) => Boolean(e.customer) && isPlan(e) },
  // "永辉的投诉下周一再回访一次 看书面说明给了没有": a callback still to make is a plan.
  { intent: 'schedule_follow_up', confidence: 0.85, test: (e) => Boolean(e.customer) && e.hasFutureDate && PLANNED_CALLBACK.test(e.text) && !/回访(?:了|过|完)|做了[^,，。]{0,6}回访/.test(e.text) && findSatisfaction(e.text) === undefined },
  // "招商银行回访联系人是郑丽 电话… 帮我加一下": the contact to add is the news, no callback made.
  { intent: 'add_contact', confidence: 0.85, test: (e) => /(?:联系人|对接人)(?:是|为|叫)/.test(e.text) && ADD_ASKED.test(e.text) && findSatisfaction(e.text) === undefined },
  // "这单没拿下，原因：技术评分不够": a word in the reason a deal was lost is no callback.
  // "那个标丢了，本地化服务评分比东华低": a bid's score beside a stage is the deal's news, not a callback.
  // ("金石律所上次投诉的问题解决了吗": a question about a callback is no callback made.)
  { intent: 'record_callback', confidence: 0.85, test: (e) => !(/[吗呢][?？]?\s*$|[?？]\s*$/.test(e.text) && !S.CALLBACK_DONE.test(e.text)) && S.CALLBACK.test((e.hasFutureDate ? withoutDatedClauses(e.masked) : e.text).replace(REASON_CLAUSE, '')) && !(e.hasStage && BID_SCORE.test(e.text) && !CALLBACK_WORD.test(e.text)) && !greetingWithBusiness(e) },
  { intent: 'add_contact', confidence: 0.85, test: (e) => (S.NEW_CONTACT.test(e.text) && !introducedInReport(e)) || (S.CONTACT_FACTS.test(e.text) && !S.ACTIVITY.test(e.masked)) },
  { intent: 'log_activity', confidence: 0.85, test: (e) => S.ACTIVITY.test(withoutReason(e)) || isTerseReport(e) || S.LABELED_REPORT.test(e.text) || OPENS_WITH_CHANNEL.test(e.masked) || (Boolean(e.customer) && ITEM_CHANNEL.test(e.masked)) },
  // "今天去名创优品签了合同": a trip made today or before, with the deal's news, reports the visit.
  { intent: 'log_activity', confidence: 0.8, test: (e) => Boolean(e.customer) && e.hasStage && (e.hasPastDate || Boolean(e.hasToday)) && S.WENT_TO.test(e.masked) && /了/.test(e.masked) },
  { intent: 'update_deal', confidence: 0.8, test: (e) => e.hasStage || e.hasCloseDate || (e.hasAmount && S.DEAL.test(e.text)) || (Boolean(e.customer) && S.NEW_DEAL.test(e.text)) },
  // "今天上午去中铁建工投标答疑" said in the afternoon: a trip at a time already past is a visit made.
  { intent: 'log_activity', confidence: 0.8, test: (e) => Boolean(e.customer) && e.hasPastDate && S.WENT_TO.test(e.masked) },
  // News heard from the customer that names no deal fact (上汽那边说预算批下来了, 比亚迪那边反馈价格太高):
  // a conversation that happened. With a stage, amount or close date it is the deal's news (above).
  { intent: 'log_activity', confidence: 0.75, test: (e) => Boolean(e.customer) && !e.hasAmount && S.REPORTED_SPEECH.test(e.text) },
  // "三一那个项目年前能定下来": a signing said with a time no rule resolves is still deal news.
  { intent: 'update_deal', confidence: 0.75, test: (e) => Boolean(e.customer) && VAGUE_CLOSE.test(e.text) && !isQuestion(e) },
  { intent: 'update_deal', confidence: 0.5, test: (e) => Boolean(e.customer) && (e.hasAmount || S.DEAL.test(e.text)) },
  // "签约时间还没定 先别填", "招行的预计签约日期清空": the expected close taken off.
  { intent: 'update_deal', confidence: 0.75, test: (e) => S.CLEAR_CLOSE.test(e.text) && !isQuestion(e) },
  // "刚才说错了 京东物流是183万 不是138": a correction of a deal's figure.
  { intent: 'update_deal', confidence: 0.75, test: (e) => Boolean(e.customer) && e.hasAmount && /说错了|记错了|不对|更正|纠正|其实是|不是\s*\d/.test(e.text) },
  { intent: 'unknown', confidence: 0.9, test: (e) => short(e, 12) && S.GREETING.test(e.text) },
  // "不对 是38万", "改一下 金额是16.8万": a figure corrected with no customer named corrects the card just shown.
  { intent: 'update_deal', confidence: 0.7, test: (e) => !e.customer && e.hasAmount && FIGURE_FIXED.test(e.text) },
  // "改一下 刚才那个跟进时间是周四不是周三": the follow-up just set, moved.
  // ("不是周四 是周五" reaches here as 周五: a day restated alone.)
  { intent: 'schedule_follow_up', confidence: 0.7, test: (e) => e.hasFutureDate && (FOLLOW_UP_FIXED.test(e.text) || (Boolean(e.restated) && !e.customer && short(e, 12))) },
  // "浦辰置业", "华为？": a customer's name alone asks how that customer stands — when the tenant
  // knows the name, or it reads as a company (a short unknown word may be chat: 明白, 稍等).
  { intent: 'query_customer', confidence: 0.6, test: (e) => Boolean(e.customer) && e.text.trim().replace(/[?？。.!！\s]+$/, '') === e.customer && (e.knownCustomer || (e.customer!.length >= 4 && !CHAT_WORD.test(e.customer!))) },
];
// Words people say to the bot that clean() would let stand as a name.
const CHAT_WORD = /^(?:谢|多谢|感谢|辛苦|好的|收到|明白|知道|了解|没事|没问题|不客气|不好意思|晚安|早安|早上好|晚上好|下午好|拜拜|再见|加油|哈哈|嗯嗯|测试|试试)|[了吧啊呀哈呢吗嘛哦啦]/;

const RECORDS = new Set<Intent>(['log_activity', 'update_deal', 'record_callback']);

export function classify(e: Evidence): { intent: Intent; confidence: number } {
  const rule = RULES.find((r) => r.test(e));
  // A record about no customer at all is a shaky reading: say so, so a fallback may look.
  if (rule && RECORDS.has(rule.intent) && !e.customer) return { intent: rule.intent, confidence: Math.min(rule.confidence, 0.45) };
  if (rule) return { intent: rule.intent, confidence: rule.confidence };
  // Nothing recognisable: a weak guess, so a fallback may take over.
  return { intent: 'unknown', confidence: e.text.trim() ? 0.2 : 0.9 };
}
