// The customer of a message: a name the tenant already knows wins; otherwise the Chinese or
// English reading of the surroundings (customer-zh.ts, customer-en.ts).
import type { Intent } from '../types.js';
import type { Command } from '../commands.js';
import { findCustomerZh } from './customer-zh.js';
import { BRANCH_CITIES, findCustomerEn, isEnglishStopWord } from './customer-en.js';
import { extendLatinName } from './latin-names.js';
import { findKnown, findShortForm, type KnownNames } from './known-names.js';

const CJK = /[\u4e00-\u9fff]/;
const LEADING_KEYWORD = /^(?:帮我|请|麻烦)?(?:(?:添加|新增|加|录入|新建|补充|补)(?:一下|一个|一位|个|位)?(?:新的?)?(?:联系人|对接人)|新(?:联系人|对接人)|联系人|对接人)(?:就是|是)?\s*[:：]?/;

// "帮我记一下云南白药新增一个联系人…": the request to note something is no part of a name.
const LEADING_ASK = /^(?:帮我|请|麻烦)?(?:记一下|记下|记录一下|录一下|登记一下|(?:客户)?投诉\s*[:：]|客户投诉(?=\s))\s*(?![\u4e00-\u9fff](?:总|经理|工|姐|哥|老师|主任|处|局|科)(?![\u4e00-\u9fff]{0,2}(?:公司|集团)))/;

// "月底了 更新一下 海曜智能 …", "跨年前最后记一下 湘达那边 …", "刚到家 …": when and why the note is
// written, said before it, is no part of a name (月底 comes masked as a date: ||了).
const META_HEAD = /^(?:\s*(?:\|+(?:前|了)(?=\s|[，,:：]|最后|先|再|顺便|赶紧|记|更新|补|冲)|\|+(?=\s?(?:最后|先|再|顺便|赶紧)?(?:记|更新|补|汇报))|(?:月底|月末|季度末|季末|年底|年末|周末|快下班|下班|到家|刚到家|回到家|跨年前|年前|节前|放假前|(?:下班|睡觉|睡|走|出门|临走)之?前|(?:五一|十一|国庆|春节|元旦|中秋|端午|清明|双十一|双11|618)前)了?(?=\s|[，,:：]|最后|先|再|顺便|赶紧|记|更新|补|冲)|\|?\s?(?:今天)?跑了[\d一二两三四五六七八九十几]+家(?=\s*(?:先说|先记|第))|(?:先说)?第[一二三四五六七八九十\d]家(?:就是)?(?:老客户|新客户)?|语音输入[^\s，,。]{0,12}|(?:最后|先|再|顺便|赶紧)?(?:记一下|记个事|记一笔|记下|更新一下|补一条|补记一下|汇报一下|冲一把|冲一下|冲业绩|冲刺)(?=\s|[，,:：])))+[，,:：]?/;

// "Slack recap: 农夫山泉 call done", "Quick one: video meeting with Contoso": a label, no name.
const EN_LABEL = /^\s*(?:(?:slack|teams|wechat|email|quick|daily|weekly|eod|field)\s+)?(?:recap|update|note|notes|summary|fyi|one|heads[- ]up|btw|log)\s*[:：\-—]\s*/i;

// "got off a Zoom w/ Hooli's CTO", "quick Teams call with Initech": the tool they met on, not who
// (回访了Zoom names a customer called Zoom: no article, no call or meeting after it).
const MEETING_TOOL = /\b(?:a|an|the|on|via|over|quick)\s+(?:zoom|teams|webex|skype|google meet|tencent meeting|voov)(?:\s+(?:call|meeting|chat))?\b|(?:腾讯|钉钉|飞书|企业微信|企微|华为云|zoom)(?:视频)?会议|^\s*(?:视频|电话|线上|远程)会议(?=\s)|(?:飞书|钉钉|腾讯|企微)视频|\b(?:zoom|teams|webex)(?=\s?[跟和与同])/gi;

const MIXED_CJK = /(?:^|\b(?:call(?:ed)?|visit(?:ed)?|with|w\/|to|of|at|from|for|met|meet|email(?:ed)?|wechat(?:ted)?|ping(?:ed)?|contact|customer|account|client)\s*:?\s+)([\u4e00-\u9fff]{2,12})(?=\s|[,，:：]|的|['’]s\b|$)/i;
const OPENING_VERB_CJK = /^\s*(?:(?:quick )?note|fyi|update|btw)?\s*[:：-]?\s*(?:called|met(?: with)?|visited|emailed|pinged|wechatted|texted|rang|phoned|messaged|saw|(?:spoke|talked|chatted) (?:to|with)|caught up with|(?:lunch|coffee|dinner|meeting|call) with|call|meet|visit|email|ping|text|ring|phone|see)\s+([\u4e00-\u9fff]{2,12})(?=\s|[,，:：]|的|['’]s\b|$)/i;
const AT_CJK = /\b(?:at|from|@)\s*([\u4e00-\u9fff]{2,12})(?=\s|[,，:：]|的|['’]s\b|$)/i;
function mixedName(masked: string): string | undefined {
  const latin = masked.match(/[A-Za-z]+/g)?.join('').length ?? 0;
  const cjk = masked.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  if (latin < 8 || latin <= cjk * 2) return undefined;
  // "Add contact 张伟 at 华为": the name after at/from is the company, the one before it the person.
  const run = AT_CJK.exec(masked)?.[1] ?? MIXED_CJK.exec(masked)?.[1];
  return run ? findCustomerZh(run) : undefined;
}

export const TERSE_PERSON = /^\s*(?:电话|微信|拜访|上门|邮件|视频|会议|面谈|[Cc]all|[Ww]e[Cc]hat|[Vv]isit|[Ee]mail|[Mm]eeting)\s+([\u4e00-\u9fff]{2,16}|[A-Z][A-Za-z0-9&]{1,20})\s+([A-Z][a-z]{1,11})(?=\s+[\u4e00-\u9fff])/;

const LEADING_SOUND = /^\s*(?:[啊嗯呃哦噢诶哎额喂呀]+[\s,，。!！~～]+)+/;

// "比亚迪(BYD)", "华山医院（上海）": a bracket the name opens and does not close is an aside after it.
// (A name may hold a closed one: 腾讯科技（深圳）有限公司.)
const OPEN_ASIDE = /\s*[（(][^）)]*$/;

// "腾讯科技（深圳）有限公司": a legal name holds its city in brackets before the company suffix.
const INNER_PLACE = /(?<=[\u4e00-\u9fffA-Za-z0-9])[（(][\u4e00-\u9fff]{2,6}[）)](?=[\u4e00-\u9fff]{0,12}?(?:公司|集团|有限))/;

export function findCustomer(maskedText: string, names?: KnownNames): string | undefined {
  const inner = INNER_PLACE.exec(maskedText);
  if (inner) {
    // Found with the brackets left out, then given back as written when the name spans them.
    const copy = maskedText.slice(0, inner.index) + maskedText.slice(inner.index + inner[0].length);
    const found = customerIn(copy, names);
    const at = found ? copy.indexOf(found) : -1;
    if (found && at >= 0 && at < inner.index && at + found.length > inner.index) return maskedText.slice(at, at + found.length + inner[0].length);
  }
  const name = customerIn(maskedText, names);
  if (name && OPEN_ASIDE.test(name)) return name.replace(OPEN_ASIDE, '') || undefined;
  return (name && withoutKnownContact(name, names)) ?? name;
}

/** "给扬子江孙莉打了电话": a known contact glued after the start of a known customer's name
 * (扬子江 of 扬子江建设) is the person, not part of the customer's name. */
function withoutKnownContact(name: string, names?: KnownNames): string | undefined {
  if (!names?.contacts.length || name.length < 4 || !/^[\u4e00-\u9fff]+$/.test(name)) return undefined;
  for (let cut = name.length - 2; cut >= 2 && cut >= name.length - 3; cut--) {
    const head = name.slice(0, cut);
    if (names.contacts.includes(name.slice(cut)) && names.customers.some((c) => c.startsWith(head))) return head;
  }
  return undefined;
}

function customerIn(maskedText: string, names?: KnownNames): string | undefined {
  const known = findKnown(maskedText, names?.customers);
  if (known) return findShortForm(maskedText, names?.customers, known.index)?.name ?? known.name;
  // "添加联系人 华为 王伟": the leading keyword is not part of any name.
  // ("啊 傲基的Amy姐…": a sound said first is no part of anything.)
  const masked = maskedText.replace(LEADING_SOUND, '').replace(EN_LABEL, '').replace(META_HEAD, '').replace(LEADING_ASK, '').replace(LEADING_SOUND, '').replace(LEADING_KEYWORD, '|').replace(MEETING_TOOL, '|');
  // "Called 汇丰 嘅 IT vendor manager Jason", "remind me to call 潍柴 end of month": a Chinese name in an English message.
  // "Called 美团 Ella，…": an English verb opening the message, then a Chinese name.
  // "电话 GreenBowl Lisa 报价已发", "微信 极光数智 Kevin 1/15再约": a terse note — the way of contact,
  // the company, then the person by an English first name.
  const terse = TERSE_PERSON.exec(maskedText)?.[1];
  if (terse) return terse;
  const opening = OPENING_VERB_CJK.exec(masked)?.[1];
  const mixed = (opening && findCustomerZh(opening)) || mixedName(masked);
  if (mixed) return mixed;
  const zh = CJK.test(masked) ? findCustomerZh(masked) : undefined;
  const name = zh ?? (/[A-Za-z]{2}/.test(masked) ? findCustomerEn(masked) : undefined);
  // A known team member or contact is never the customer ("张伟的漏斗").
  if (name && (findKnown(name, names?.people)?.name === name || findKnown(name, names?.contacts)?.name === name)) return undefined;
  // A rule that reads one word ("huawei" of "huawei yun", "Acme" of "Acme Corp 情况") is extended.
  const extended = name ? extendLatinName(masked, name, isEnglishStopWord) : undefined;
  // ("Reliance Retail Mumbai office": not extended by the branch's city.)
  return extended && name && BRANCH_CITIES.has(extended.slice(name.length).trim()) ? name : extended;
}

// "/客户 huawei yun": after a command about one customer, the bare rest is its name.
const NAMES_A_CUSTOMER = new Set<Intent>(['query_customer', 'create_customer']);
const BARE_NAME = /^[\u4e00-\u9fffA-Za-z0-9&.'·\- ]{2,40}$/;

export function commandCustomer(command: Command | undefined): string | undefined {
  if (!command || !NAMES_A_CUSTOMER.has(command.intent)) return undefined;
  const first = command.rest.split(/[,，;；。]/)[0]?.trim() ?? '';
  return BARE_NAME.test(first) && !/^\d+$/.test(first) ? first : undefined;
}

/** `text` with the customer's name blanked (same length), so no cue word is read inside it. */
export function withoutName(text: string, name: string | undefined): string {
  return name ? text.split(name).join('＿'.repeat(name.length)) : text;
}
