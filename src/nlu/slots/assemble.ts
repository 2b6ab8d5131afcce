// Which slots each intent carries, as a table from intent to extractors. Slots belong to
// an intent: 电话 is a channel in a visit report but a phone number in add_contact, and 一般
// is tier B for a new customer but a 3 in a callback.
import type { Intent, Slots } from '../types.js';
import type { DateMention } from '../time/extract.js';
import { assignDates, followUpSpans, type DateSlots } from '../time/roles.js';
import type { Clock } from '../time/tense.js';
import { findVagueFollowUp } from '../time/vague.js';
import type { Amount } from './amount.js';
import { findChannel } from './channel.js';
import { listedCustomers } from './customer-list.js';
import { findContact, TITLE_THEN_NAME } from './contact.js';
import { TITLE_TAIL } from './lexicon.js';
import { findApposition } from './en-apposition.js';
import { findBirthday, findEmail, findEnglishRole, findInlineTitle, findTitleBefore, OWNER_WORD, findListedPerson, findNamedPerson, findPhone, findTitle, looksLikePerson } from './contact-info.js';
import { findCategory, findSatisfaction } from './callback.js';
import { withoutName } from './customer.js';
import { findAliases, findIndustry, withoutProfile, findTier } from './profile.js';
import { CUSTOMER_LIST, PAST } from '../intent/signals.js';
import { ask, clearClose, correction, idle, newDeal, period, rank, scope, subject, taskKind, taskPeriod, teamScope } from './extras.js';
import { findLostReason, type StageMatch } from './stage.js';
import { asSaid } from '../text/as-said.js';
import { segmentsOf } from './segments.js';
import { commitSlot, targetSlots } from './target.js';
import { rankOrder } from './rank-order.js';
import { paymentPlan, paymentQuery, paymentRecord } from './payments.js';
import { findKnown, type KnownNames } from './known-names.js';
import { claimedCustomer, poolFilters, releasedCustomer } from './pool.js';
import { transferSlots } from './transfer.js';
import type { JobChange } from './job-change.js';
import { contactEdit } from './contact-edit.js';

export interface SlotContext {
  text: string;
  /** The message as typed (corrections applied), for the summary. */
  said?: string;
  masked: string;
  dates: DateMention[];
  customer?: string;
  amount?: Amount;
  stage?: StageMatch;
  planning: boolean;
  /** The reference's local date, YYYY-MM-DD. */
  today: string;
  names?: KnownNames;
  clock: Clock;
  /** A contact who changed jobs: who, where now, as what. */
  job?: JobChange;
}

export type Extractor = (c: SlotContext) => Partial<Slots>;

const customer: Extractor = (c) => (c.customer ? { customer: c.customer } : {});
// "我的所有客户": a list of customers is about no one customer.
// "跑了三家 美的 格力 顺丰": the other customers of the same report.
const alsoCustomers: Extractor = (c) => {
  const listed = c.customer ? listedCustomers(c.text, c.names?.customers) : undefined;
  if (!listed || !c.customer || !listed.includes(c.customer)) return {};
  return { also_customers: listed.filter((n) => n !== c.customer) };
};
const customerUnlessList: Extractor = (c) => (CUSTOMER_LIST.test(c.text) ? {} : customer(c));
// "张伟的客户有哪些", "团队的客户": whose customers a list is of.
const listScope: Extractor = (c) => (CUSTOMER_LIST.test(c.text) ? teamScope(c) : {});
const listSubject: Extractor = (c) => (CUSTOMER_LIST.test(c.text) ? subject(c) : {});
const contact: Extractor = (c) => {
  const name = findKnown(c.text, c.names?.contacts)?.name ?? findContact(c.text, c.customer);
  // ("Acme Trading Ltd (ATL)": a word of the customer's name is nobody.)
  if (name && c.customer && /^[A-Za-z]+$/.test(name) && c.customer.split(/\s+/).includes(name)) return {};
  return name ? { contact: name } : {};
};

// "新客户 碧桂园 房地产 A类", "…建筑施工 A类": the industry (房, 施 are family names) is nobody;
// "联系人 项目经理 陈海波": 项目 of the title is no name — the person after the title is.
// Read once per message: the profile, the contact and its facts all ask for it.
const NEW_CONTACTS = new WeakMap<SlotContext, Partial<Slots>>();
const TITLE_AT_START = new RegExp(`^(?:${TITLE_TAIL})`);
const newContact: Extractor = (c) => {
  const known = NEW_CONTACTS.get(c);
  if (known) return known;
  const found = contact(c);
  const name = found.contact;
  const at = name ? c.text.indexOf(name) : -1;
  const ofTitle = at >= 0 && TITLE_AT_START.test(c.text.slice(at + name!.length));
  const isIndustry = Boolean(name && findIndustry(c.masked, segmentsOf(c.masked), c.customer)?.includes(name));
  const titled = ofTitle || isIndustry ? TITLE_THEN_NAME.exec(c.text)?.[1] : undefined;
  const result = !ofTitle && !isIndustry ? found : titled && titled !== name ? { contact: titled } : {};
  NEW_CONTACTS.set(c, result);
  return result;
};
const THEIR_WORDS = /(?:说|反馈|表示|觉得|评价|夸|称赞|表扬|投诉|抱怨)[^,，。;；!！]*/g;
const channel: Extractor = (c) => channelOf(c, false);
const callbackChannel: Extractor = (c) => channelOf(c, true);
// A new customer's note names a contact already made ("昨天刚拜访过", "Met their COO today"), or
// only the one planned ("下周三拜访"): only the first is a way of contact.
// ("上周拜访的那家深圳客户叫云鲸智能": the visit names which customer; it is not being reported.)
const doneChannel: Extractor = (c) => (PAST.test(c.text) && !/(?:拜访|见|聊|谈|开会|去)过?的(?:那|这)(?:家|个)/.test(c.text) ? channelOf(c, false) : {});
// "新客户 「签约了」": no customer, so the stage word is the name that was refused, not news.
const namedStage: Extractor = (c) => (c.customer ? stage(c) : {});
function channelOf(c: SlotContext, theirsLeftOut: boolean): Slots {
  // In a report, "下周三电话回访" is how the *next* contact will happen, not how this one did:
  // the follow-up's date and the words after it are left out ("拜访了顺丰 下周再碰一次" was a visit).
  let text = c.text;
  if (!c.planning) for (const [from, to] of followUpSpans(c.text, c.dates, c.clock).reverse()) text = `${text.slice(0, from)} ${text.slice(to)}`;
  // A customer called Zoom or 微信支付 is not a channel; nor is what the customer said about us
  // in a callback ("说上门安装很及时" praises the installers: the callback was no visit).
  const named = c.customer ? text.replace(c.customer, '客户') : text;
  const done = theirsLeftOut ? named.replace(THEIR_WORDS, ' ') : named;
  const found = findChannel(done);
  return found ? { channel: found } : {};
}
const amount: Extractor = (c) =>
  c.amount ? { amount: c.amount.value, ...(c.amount.currency ? { currency: c.amount.currency } : {}) } : {};
// A reminder that also says "金额调到120万" or "re the inverter deal, ~2.5M": the deal's value is
// a fact of its own, applied too. Money we pay or collect (押金, 尾款, invoice) is not its value.
const MONEY_MOVED = '(?:回款|付款|打款|收款|催款|押金|定金|订金|尾款|首付|预付|报销|发票|差旅|费用|运费|deposit|invoice|payment|paid|pay|fee)';
const MOVED_BEFORE = new RegExp(`${MONEY_MOVED}[^,，。;；]{0,6}$`, 'i');
const MOVED_AFTER = new RegExp(`^[^,，。;；]{0,12}${MONEY_MOVED}`, 'i');
const statedAmount: Extractor = (c) => {
  if (!c.amount) return {};
  const at = c.amount.index;
  return MOVED_BEFORE.test(c.text.slice(Math.max(0, at - 10), at)) || MOVED_AFTER.test(c.text.slice(at)) ? {} : amount(c);
};
const stage: Extractor = (c) => {
  if (!c.stage) return {};
  const reason = c.stage.stage === 'lost' ? findLostReason(c.text, c.stage, c.customer) : undefined;
  // "竞品送了一年免费维护": the reason as typed, not as normalised (1年).
  return { stage: c.stage.stage, ...(reason ? { lost_reason: asSaid(reason, c.said) } : {}) };
};
// No date placed as the follow-up, yet one is promised vaguely: keep the words for a question.
function withVague(found: DateSlots, text: string): DateSlots {
  const vague = found.next_follow_up ? undefined : findVagueFollowUp(text);
  return vague ? { ...found, follow_up_vague: vague } : found;
}
const dates: Extractor = (c) => {
  const found = withVague(assignDates(c.text, c.dates, c.planning, c.clock), c.text);
  // A deal already won has closed: a date at or before today is when, not an expectation.
  if (c.stage?.stage === 'won' && found.expected_close && found.expected_close <= c.today) delete found.expected_close;
  return found;
};
// A contact's birthday is theirs, not one of the message's dates ("birthday Oct 1" is no other date).
const contactDates: Extractor = (c) => {
  const found: DateSlots = dates(c);
  const birthday = findBirthday(c.text)?.slice(-5);
  const others = birthday ? found.other_dates?.filter((d) => d.slice(5) !== birthday) : found.other_dates;
  const { other_dates: _all, ...rest } = found;
  return { ...rest, ...(others?.length ? { other_dates: others } : {}) };
};
const followUp: Extractor = (c) => {
  const { occurred_at: _done, ...plan } = assignDates(c.text, c.dates, true, c.clock);
  return withVague(plan, c.text);
};
const summary: Extractor = (c) => ({ summary: (c.said ?? c.text).slice(0, 2000) });

// add_contact is often a bare list: 华为 王伟 采购总监 13800138000.
// "黄总全名叫黄志强 职务副总经理", "孙丽的电话改成…": the contact whose record changes, over the name read otherwise.
const edited: Extractor = (c) => {
  const edit = contactEdit(c.text);
  // ("刘总全名叫刘建国": no customer named — the words read as one were the edit's.)
  const swallowed = c.customer && (edit.contact_was && c.customer.includes(edit.contact_was) || edit.contact && c.customer.includes(edit.contact as string));
  // ("不是周主任 是孙科长": the name said is no title of its own.)
  const titleless = edit.contact_was && !edit.title && person(c).title === edit.contact ? { title: undefined } : {};
  return swallowed ? { ...edit, ...titleless, customer: undefined } : { ...edit, ...titleless };
};
const LISTED_DEPARTMENT = /^[\u4e00-\u9fff]{1,6}(?:科|部|处|室|中心|办)$/;
// The title a name said with one carries (周主任 → 主任).
const HONORIFIC_TITLE = /^[\u4e00-\u9fff](主任|经理|总监|主管|处长|科长|部长|院长|厂长|店长)$/;
const person: Extractor = (c) => {
  const segments = segmentsOf(c.masked);
  const named = c.job?.contact ?? findKnown(c.text, c.names?.contacts)?.name ?? findContact(c.text, c.customer) ?? findNamedPerson(c.masked);
  const positional = segments.find((s) => s !== c.customer && looksLikePerson(s));
  const name = named ?? positional ?? findListedPerson(c.masked, segments, c.customer);
  const app = findApposition(c.text);
  // "中海油信息部经理许文": the customer's name ends the title on the left.
  const unnamed = c.customer ? c.text.replace(c.customer, ' ') : c.text;
  // A title right before the name ("见了设备部长葛欣和她们的工程师") outranks one in another segment.
  const said = c.job?.title ?? (app?.contact === name ? app?.title : undefined) ?? findTitleBefore(unnamed, name) ?? findTitle(segments, name) ?? findInlineTitle(c.masked) ?? findEnglishRole(c.text);
  // "跟安踏的采购经理": the title is what follows the owner's 的.
  const rawTitle = (said?.includes('的') ? said.slice(said.lastIndexOf('的') + 1) || undefined : said)?.replace(OWNER_WORD, '') || undefined;
  // "京东采购负责人：刘明": the customer is not part of the title.
  const ownTitle = c.customer && rawTitle?.startsWith(c.customer) ? rawTitle.slice(c.customer.length).replace(OWNER_WORD, '') || undefined : rawTitle;
  // "对接人是宝钢的严处长": an honorific already in the name is no separate title.
  // ("新的是采购总监曾凡": 是 introduces the title; it is no part of it.)
  // ("顺达物流新调度叫小孟": 新 says they are new; the title is 调度.)
  const title = name && ownTitle?.includes(name) ? undefined : ownTitle?.replace(/^(?:对接人|联系人|负责人)(?:换成了?|变成了?|改成了?|换了)(?=.{2})/, '').replace(/^(?:kp|关键人|决策人)?(?:(?:他|她)(?:现在)?)?(?:是|为|任)(?=.{2})/i, '').replace(/^新(?:任|来的?)?(?=调度|经理|总监|主管|主任|负责人|采购|财务|厂长|店长|校长|院长|处长|科长|部长)/, '');
  const phone = findPhone(c.text);
  const email = findEmail(c.text);
  const birthday = findBirthday(c.text);
  // "加个联系人 瑞金医院 设备科 周主任", "物资部 刘建国 经理": the department listed right before
  // the person is part of their title (设备科主任, 物资部经理).
  const at = name ? segments.indexOf(name) : -1;
  const dept = at > 0 && LISTED_DEPARTMENT.test(segments[at - 1]!) && segments[at - 1] !== c.customer ? segments[at - 1] : undefined;
  const role = title ?? (name ? HONORIFIC_TITLE.exec(name)?.[1] : undefined);
  const full = dept && role && !role.startsWith(dept) ? `${dept}${role}` : title;
  return {
    ...(name ? { contact: name } : {}), ...(full ? { title: full } : {}), ...(phone ? { phone } : {}),
    ...(email ? { email } : {}), ...(birthday ? { birthday } : {}),
  };
};
// A contact who changed jobs: say so, and where from, so the old record can be marked as left.
const jobChange: Extractor = (c) => (c.job && !c.job.stays ? { job_change: true, ...(c.job.from ? { moved_from: c.job.from } : {}) } : {});
// "带我见了他们CFO", "对接的是财务经理": the verb, owner or 是 before a title is no part of it.
const BEFORE_TITLE = /^.*(?:了|他们|她们|对方|的|是)|^(?:和|跟|与|同)/;
const REPORTED_TITLE = /^[\u4e00-\u9fffA-Za-z ]{0,6}(?:总监|经理|主管|主任|负责人|工程师|处长|部长|院长|董事长|总经理|总裁|CEO|CTO|CFO|COO|CIO|VP)$/;
// A visit report that also gives the contact's title or phone: those facts land on the contact.
const BRACKETED_AFTER = /^\s*[（(]([^（）()]{2,16})[）)]/;
const factsOf = (contact: Extractor): Extractor => (c) => {
  const { contact: _name, title: said, ...facts } = person(c);
  const title = said?.replace(BEFORE_TITLE, '') || undefined;
  // A title alone ("met their CTO") is who was met, not a fact about a named contact; and in a
  // report only a plain title word counts (the report's other words are no title).
  const named = Boolean(contact(c).contact);
  // "met Dr. Müller, their Head of Procurement": an English title said beside the name is one.
  const beside = named && title && (findApposition(c.text)?.title === title || findEnglishRole(c.text) === title);
  if (named && title && (REPORTED_TITLE.test(title) || beside)) return { title, ...facts };
  // "见了KP陈总（财务总监）": the title in brackets right after the person.
  const who = contact(c).contact;
  const at = who ? c.text.indexOf(who) : -1;
  const bracketed = at >= 0 ? BRACKETED_AFTER.exec(c.text.slice(at + who!.length))?.[1]?.trim() : undefined;
  if (bracketed && REPORTED_TITLE.test(bracketed)) return { title: bracketed, ...facts };
  // "康师傅的采购总监林总": the title said right before the person.
  const before = findTitleBefore(c.customer ? c.text.replace(c.customer, ' ') : c.text, contact(c).contact)?.replace(BEFORE_TITLE, '') || undefined;
  return { ...(before ? { title: before } : {}), ...facts };
};
const contactFacts = factsOf(contact);
const newContactFacts = factsOf(newContact);
const profile: Extractor = (c) => {
  // ("…联系人 采购经理 孙丽": the person is no industry.)
  const who = newContact(c).contact;
  const industry = findIndustry(c.masked, segmentsOf(c.masked).filter((s) => s !== who), c.customer);
  const tier = findTier(c.text);
  const phone = findPhone(c.text);
  const email = findEmail(c.text);
  const name = c.customer ? withoutProfile(c.customer, industry) : undefined;
  const aliases = findAliases(c.text, name ?? c.customer);
  return { ...(name ? { customer: name } : {}), ...(aliases ? { aliases } : {}), ...(industry ? { industry } : {}), ...(tier ? { tier } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
};
const callback: Extractor = (c) => {
  // The customer's own name is no category word (Orion Dental Care).
  const text = withoutName(c.text, c.customer);
  // ("/callback 五常稻源家庭农场 3": a callback that is a name and a lone digit is scored by it.)
  const lone = /^\s*(?:\/\S+)?[\s|,，＿]*([1-5])\s*$/.exec(text)?.[1];
  const satisfaction = findSatisfaction(text) ?? (lone ? Number(lone) : undefined);
  // A score with no kind named is a satisfaction callback (contract: 满意度 = satisfaction).
  const category = findCategory(text) ?? (satisfaction ? 'satisfaction' : undefined);
  return { ...(category ? { category } : {}), ...(satisfaction ? { satisfaction } : {}) };
};
const SLOTS_BY_INTENT: Record<Intent, Extractor[]> = {
  log_activity: [customer, alsoCustomers, contact, contactFacts, channel, amount, stage, dates, clearClose, newDeal, summary],
  // "新客户 迈瑞医疗 … 对接人是陈主任 电话…": the first contact said with a new customer lands too.
  // Deal facts said with it ("…项目预计年底前签，金额约600万", "第一次接触") land too (intents/extras.ts),
  // and a contact already made with it (昨天刚拜访过) is logged.
  create_customer: [customer, profile, newContact, newContactFacts, doneChannel, statedAmount, namedStage, contactDates],
  add_contact: [customer, person, jobChange, edited, statedAmount, stage, contactDates],
  // A way of contact said with deal news (今天打电话给王经理…还在议价): the handler logs the conversation too.
  update_deal: [customer, contact, channel, amount, stage, dates, clearClose, newDeal, summary],
  schedule_follow_up: [customer, contact, channel, statedAmount, followUp, summary],
  record_callback: [customer, contact, contactFacts, callbackChannel, callback, statedAmount, dates, summary],
  query_pipeline: [scope, period, subject, stage, idle],
  query_customer: [customerUnlessList, ask, listScope, listSubject],
  query_kpi: [period, scope, subject, rank, rankOrder],
  query_tasks: [taskPeriod, teamScope, subject, taskKind],
  // "刚才那条不对 金额应该是三十八万": the corrected value comes with the undo.
  undo: [amount, stage],
  help: [],
  unknown: [],
  update_customer: [customer, correction],
  set_payment_plan: [customer, stage, paymentPlan, summary],
  record_payment: [customer, amount, paymentRecord, summary],
  query_payments: [customer, paymentQuery],
  set_target: [targetSlots],
  query_forecast: [period, scope, subject],
  commit_deal: [customer, commitSlot],
  query_pool: [poolFilters],
  claim_customer: [claimedCustomer],
  release_customer: [releasedCustomer],
  transfer_customer: [transferSlots],
};

export function slotsFor(intent: Intent, context: SlotContext): Slots {
  const slots: Slots = {};
  for (const extract of SLOTS_BY_INTENT[intent]) Object.assign(slots, extract(context));
  return slots;
}
