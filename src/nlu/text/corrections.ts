// Self-corrections of voice input: "下周二 不对 下周三再过去", "预算九十万 不对 九十五万",
// "周四下午给冯总打电话 不对 是周五下午". The value said after the correction word replaces the
// nearest value of the same kind said before it (a date for a date, an amount for an amount),
// and the correction word goes, so the rest of the parser reads the message as it was meant.
import type { DateMention } from '../time/extract.js';
import { findCustomerZh } from '../slots/customer-zh.js';
import { HONORIFICS, SURNAMES, TITLE_TAIL } from '../slots/lexicon.js';
import { CONTACT_SLIP } from '../slots/contact-edit.js';

interface Span { index: number; end: number }

// The correction word, and what may stand between it and the new value (是, 应该是, 改成…).
// "王总说不对" reports someone else's objection: after 说/觉得/认为 it is not a correction.
const MARKER = /(?:[,，、\s]*)(?<![说得为讲示])(?:(?:呃|哦|噢|啊)?\s*不对(?:不对)?|哦不|噢不|不不|说错了|更正一下|更正|(?<=[\s,，])不是(?=[\s,，]))[,，、\s]*(?:(?:应该|其实)?是|改成|改为)?[,，、\s]*/g;
// How far back (characters) the corrected value may be: "周四下午 给瑞幸的冯总打电话 不对 是周五下午".
const REACH = 24;

const AMOUNT = /(?:[¥$]|US\$|RMB|CNY|USD)\s?\d[\d,.]*\s?(?:千万|百万|万|亿|千|[wWkKmM])?|\d[\d,.]*\s?(?:千万|百万|万|亿|千|块钱|块|元|美元|美金|million|[wWkKmM](?![a-zA-Z]))/g;

// "电话13900112233 不对 是13800112233": a phone said again replaces the one before it.
const MOBILE = /(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
function phoneSpans(text: string): Span[] {
  return [...text.matchAll(MOBILE)].map((m) => ({ index: m.index, end: m.index + m[0].length }));
}

function amountSpans(text: string): Span[] {
  return [...text.matchAll(AMOUNT)].map((m) => ({ index: m.index, end: m.index + m[0].length }));
}

/** The text with each self-correction applied; unchanged when there is none. */
// "不是18万，是21.5万": the amount said after 是 replaces the one taken back.
const AMOUNT_NOT_BUT = new RegExp(`不是\\s*(?:${AMOUNT.source})[,，、\\s]*(?:而)?是\\s*(${AMOUNT.source})`);

export function applyCorrections(text: string, dates: () => DateMention[]): string {
  // ("联系人说错了 不是周主任 是孙科长" corrects the contact's record: contact-edit.ts reads it as said.)
  if (CONTACT_SLIP.test(text)) return text;
  const renamed = replacedName(englishCorrection(text).replace(AMOUNT_NOT_BUT, '$1'));
  if (!/不对|哦不|噢不|不不|说错了|记错了|搞错了|更正|不是|就[^,，。\s]{1,10}吧|make it/i.test(renamed)) return renamed;
  let out = renamed;
  // One correction at a time, re-reading the spans of the corrected text (bounded: each pass removes a marker).
  for (let pass = 0; pass < 3; pass++) {
    const next = correctOnce(out, pass === 0 ? dates() : undefined);
    if (next === out) break;
    out = next;
  }
  // A name or word taken back that no date, amount or place rule placed.
  return replacedToken(out) ?? out;
}

// "更正一下 刚才说华为云那单50万 其实是65万": after a correction said first, 其实是 brings the new value.
const SAID_FIRST = /^[\s,，]*(?:更正(?:一下)?|说错了|记错了|搞错了)/;
const LATER_MARKER = /[,，、\s]*(?:其实|实际上?|应该)(?:是|为)\s*/g;

// "中石油的回访 不对 是拜访": a way of contact said again replaces the one said before it.
const CONTACT_WORD = /^(?:拜访|回访|电话|打电话|微信|邮件|视频会议?|开会|演示|见面|面谈)/;
const CONTACT_WORDS = /拜访|回访|打电话|电话|微信|邮件|视频会议?|开会|演示|见面|面谈/g;

function replacedContactWord(text: string, marker: number, after: number): string | undefined {
  const fresh = CONTACT_WORD.exec(text.slice(after))?.[0];
  if (!fresh) return undefined;
  const old = [...text.slice(0, marker).matchAll(CONTACT_WORDS)].at(-1);
  if (!old || marker - (old.index + old[0].length) > REACH) return undefined;
  return `${text.slice(0, old.index)}${fresh}${text.slice(old.index + old[0].length, marker)}${text.slice(after + fresh.length)}`;
}

// "下周签 就下周三吧", "11月中旬再来 呃就11月16号吧", "follow up this Friday, actually make it next Monday":
// a day said again more exactly (就…吧, make it …) replaces the one before it. Dates only.
const NARROWED = /[,，\s]+(?:呃|嗯|那)?\s*就(?=[^,，。\s]{1,10}吧)|,?\s*(?:actually,?\s*|sorry,?\s*|no,?\s*)?make it\s+/gi;

function correctOnce(text: string, known?: DateMention[]): string {
  const markers = [...text.matchAll(MARKER), ...(SAID_FIRST.test(text) ? text.matchAll(LATER_MARKER) : []), ...(known ? text.matchAll(NARROWED) : [])];
  for (const m of markers) {
    if (SAID_FIRST.test(m[0]) && m.index === 0) continue;
    const after = m.index + m[0].length;
    for (const spans of [known ?? [], amountSpans(text), phoneSpans(text)]) {
      const fresh = spans.find((s) => s.index === after);
      const old = spans.filter((s) => s.end <= m.index && m.index - s.end <= REACH).at(-1);
      if (!fresh || !old) continue;
      const between = text.slice(old.end, m.index);
      return `${text.slice(0, old.index)}${keptTime(text.slice(old.index, old.end), text.slice(fresh.index, fresh.end))}${between}${text.slice(fresh.end)}`;
    }
    // (A bare 不是 between pauses takes back a date, an amount or a phone only.)
    if (/^[,，、\s]*不是[,，、\s]*$/.test(m[0])) continue;
    const place = replacedPlace(text, m.index, after) ?? replacedContactWord(text, m.index, after);
    if (place !== undefined) return place;
  }
  return text;
}

// "刚从美团出来 不对 是从上汽出来": a place or person said again after the same preposition
// replaces what was said from that preposition on.
const PLACE_WORD = /^(?:从|去了?|在|跟|和|给|到|找|见了?)(?=[\u4e00-\u9fffA-Za-z])/;

function replacedPlace(text: string, marker: number, after: number): string | undefined {
  const word = PLACE_WORD.exec(text.slice(after))?.[0];
  if (!word) return undefined;
  const old = text.lastIndexOf(word, marker);
  if (old < 0 || marker - old > REACH) return undefined;
  return `${text.slice(0, old)}${text.slice(after)}`;
}

// "周四下午三点…哦不对 是周五": a new day alone keeps the time said with the old one.
const DAY_THEN_TIME = /^(.*?(?:周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|[号日]|今天|明天|后天))((?:早上|上午|中午|下午|晚上|傍晚)?\s*[\d一二两三四五六七八九十]{1,3}(?:[点:：][\d一二三四五六七八九十]{0,3}(?:分|半)?)?)$/;
function keptTime(old: string, fresh: string): string {
  const said = DAY_THEN_TIME.exec(old);
  return said?.[2] && !/\d|点|上午|下午|晚上|早上/.test(fresh) && /^(?:周|星期|礼拜|\d|今|明|后|下|这|本)/.test(fresh) ? `${fresh}${said[2]}` : fresh;
}

// "mr. zhou at CATL... i mean Envision", "budget 500k, sorry, 600k": in English a name or an
// amount said again after "i mean" / "sorry" / "no wait" replaces the one right before it. Both
// must look alike (capitalised or a number): "it went ok, i mean they liked it" is no correction.
const TOKEN = '(?:[A-Z][\\w&-]*(?:\\s[A-Z][\\w&-]*)?|[$¥]?\\d[\\d,.]*\\s?(?:[kKmMwW]|mil|万)?)';
// ("Tuesday, sorry, I mean Wednesday": the markers may come one after another.)
// ("Called Accenture — actually no, it was Deloitte".)
const EN_MEAN = new RegExp(`(${TOKEN})(?:\\.{2,}|…|,|\\s[—–-])?\\s*\\b(?:(?:[Ii] mean|[Ii] meant|[Ss]orry|[Nn]o wait|[Ww]ait no|[Cc]orrection:?|[Aa]ctually,? no|[Aa]ctually)(?:,?\\s+(?:it was|it's|it is|that was))?[,:\\s]+)+(${TOKEN})(?=$|[\\s,.;!?])`);
// "earlier I said 50k for Bluth, it's actually 65k": the amount said again as the actual one.
const ACTUALLY = /([$¥]?\d[\d,.]*\s?(?:[kKmM]|mil)?)\b([^.;!?]{0,40}?),?\s*(?:it'?s|it is|that'?s|that is)\s+actually\s+([$¥]?\d[\d,.]*\s?(?:[kKmM]|mil)?)(?=$|[\s,.;!?])/;
// "move my Globex call from 2pm to 4:30pm": the time moved to is the one that holds.
const MOVED_TIME = /\b(?:move|moved|moving|push|pushed|shift|shifted|reschedule|rescheduled)\b([^.;!?]{0,40}?)\bfrom\s+(\d{1,2}(?::\d{2})?\s?(?:am|pm))\s+to\s+(\d{1,2}(?::\d{2})?\s?(?:am|pm))/i;
function englishCorrection(text: string): string {
  const actually = ACTUALLY.exec(text);
  if (actually?.[1] && actually[3]) return `${text.slice(0, actually.index)}${actually[3]}${actually[2]}${text.slice(actually.index + actually[0].length)}`;
  const moved = MOVED_TIME.exec(text);
  if (moved?.[3]) return text.replace(moved[0], `${moved[0].split(/\bfrom\s/i)[0]}at ${moved[3]}`);
  const m = EN_MEAN.exec(text);
  if (!m?.[1] || !m[2] || /^\d/.test(m[1].replace(/^[$¥]/, '')) !== /^\d/.test(m[2].replace(/^[$¥]/, ''))) return text;
  // "Wayne Enterprises Tuesday, sorry, I mean Wednesday": one word said again replaces the last word only.
  const wrong = !/\s/.test(m[2]) && /\s/.test(m[1]) ? m[1].slice(m[1].lastIndexOf(' ') + 1) : m[1];
  const kept = m[1].slice(0, m[1].length - wrong.length);
  return `${text.slice(0, m.index)}${kept}${m[2]}${text.slice(m.index + m[0].length)}`;
}

// "宝钢的项目 呃 不是宝钢 是宝武": a name said again after 不是, then the right one after 是.
const NOT_BUT = /[,，\s]*不是([\u4e00-\u9fffA-Za-z0-9]{2,12}?)[,，\s]*(?:而)?是([\u4e00-\u9fffA-Za-z0-9]{2,12})(?=$|[,，。\s])/;
// "科大讯飞不是 是讯飞医疗": the name said first, taken back with 不是 and a pause, then the right one.
const SAID_NOT_BUT = /(?<=^|[,，。\s])(?!他们|她们|我们|这个|那个|这|那|也|都|就|但|可)([\u4e00-\u9fffA-Za-z0-9]{2,12}?)不是[,，\s]+(?:而)?是([\u4e00-\u9fffA-Za-z0-9]{2,12})(?=$|[,，。\s])/;
// "去了趟郑州宇通 不是 是宇通重工", "金吉鸟那边 哦不是 是威尔士健身", "见了张总监，哦不对，是章总监": the
// word said before the pause is taken back; the right one replaces as much of it as it is long.
// ("跟采购部的吴经理聊了一下 就是 那个 不对 是采购部的胡经理": fillers may stand before the pause, and
// the person said again may come with their department.)
const PAUSED_NOT_BUT = /(?<=^|[,，。\s])(?!就是|那个|这个|然后|嗯)([^\s,，。]{2,16}?)(?:[,，\s]+(?:就是|那个|这个|然后|嗯+|呃|啊))*[,，\s]+(?:哦|呃|噢|啊)?\s*(?:不是|不对)[,，\s]+(?:应该)?是(?:[\u4e00-\u9fff]{2,4}(?:部|科|处|室)的)?([\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?=$|[,，。\s]|的)/;
// What follows a name inside the word said: 刚从中国平安出来, 金吉鸟那边.
const AFTER_NAME = /(?:出来|回来|那边|这边|一趟|打了电话|打了个电话|通了电话|开了会|吃了饭|了|过)$/;
function replacedToken(text: string): string | undefined {
  const m = PAUSED_NOT_BUT.exec(text);
  const [said, right] = [m?.[1], m?.[2]];
  if (!m || !said || !right || /\d/.test(right)) return undefined;
  // "是汪经理通了电话": the person said again ends at their title; what they did follows it.
  const person = new RegExp(`^[\\u4e00-\\u9fffA-Za-z]{1,3}?(?:${HONORIFICS.join('|')})`).exec(right)?.[0];
  const fresh = person ?? right;
  return `${text.slice(0, m.index)}${withRight(said, fresh)}${right.slice(fresh.length)}${text.slice(m.index + m[0].length)}`;
}

/** The word said, with the part the right one takes back replaced: the person of the same title
 * (张总监 → 章总监), the customer found in it (给海康打了电话 → 给大华打了电话), or its end. */
function withRight(said: string, right: string): string {
  const suffix = new RegExp(`(?:${HONORIFICS.join('|')}|${TITLE_TAIL})$`).exec(right)?.[0];
  if (suffix) {
    const person = new RegExp(`[\\u4e00-\\u9fffA-Za-z]{${Math.max(1, right.length - suffix.length)}}${suffix}(?=[^${suffix[0]}]*$)`).exec(said);
    if (person) return `${said.slice(0, person.index)}${right}${said.slice(person.index + person[0].length)}`;
  }
  // "扬州润达的周经理 不对 是周建国": a person's full name takes back the person said, not the company.
  const titled = new RegExp(`[${SURNAMES}](?:${HONORIFICS.join('|')})$`).exec(said);
  if (titled && new RegExp(`^[${SURNAMES}][\\u4e00-\\u9fff]{1,2}$`).test(right)) return `${said.slice(0, titled.index)}${right}`;
  // "见了项目经理 不对 是总工": a bare title said again takes back the whole title said.
  const titleSaid = new RegExp(`(?:项目|采购|销售|技术|财务|市场|运营|工程|生产|行政|人事|设备|质量|物流|IT|HR)?(?:${TITLE_TAIL})$`).exec(said);
  if (titleSaid && new RegExp(`^(?:${TITLE_TAIL})$`).test(right)) return `${said.slice(0, titleSaid.index)}${right}`;
  const name = findCustomerZh(said);
  if (name && said.includes(name)) return said.replace(name, right);
  const tail = AFTER_NAME.exec(said)?.[0] ?? '';
  const core = said.slice(0, said.length - tail.length);
  return `${core.length > right.length ? core.slice(0, core.length - right.length) : ''}${right}${tail}`;
}

function replacedName(text: string): string {
  const said = SAID_NOT_BUT.exec(text);
  if (said?.[2]) return `${text.slice(0, said.index)}${said[2]}${text.slice(said.index + said[0].length)}`;
  const m = NOT_BUT.exec(text);
  const [wrong, right] = [m?.[1], m?.[2]];
  if (!m || !wrong || !right) return text;
  const before = text.slice(0, m.index);
  // "对接人不是孙总 是孙经理": the wrong one said only here — the right one takes its place.
  if (!before.includes(wrong)) return `${before}是${right} ${text.slice(m.index + m[0].length)}`.replace(/\s{2,}/g, ' ').trim();
  // "汇通自动化 不是汇通 是汇拓自动化": the rest of the name said with the wrong one is in the right one too.
  const at = before.lastIndexOf(wrong);
  const rest = before.slice(at + wrong.length);
  const shared = [...Array(right.length).keys()].map((n) => right.slice(right.length - n)).find((end) => end && rest.startsWith(end)) ?? '';
  const fixed = shared ? `${before.slice(0, at)}${right}${rest.slice(shared.length)}` : before.split(wrong).join(right);
  return `${fixed} ${text.slice(m.index + m[0].length)}`.replace(/\s{2,}/g, ' ').trim();
}
