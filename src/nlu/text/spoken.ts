// How people type when they talk to a phone: voice input and the pinyin IME leave fillers
// (嗯, 那个, 就是), homophones of CRM words (拜方 for 拜访, 威信 for 微信, 在约 for 再约) and
// pasted markup. They are taken out before any rule runs, so a filler is never read as a
// customer and a typo'd cue word still counts. Only words with no other meaning in a sales
// note are listed; the full pinyin pass (typos.ts) stays the fallback for weak guesses.

// Pasted HTML/markdown: a tag or emphasis carries no meaning ("<b>华为</b>").
const MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^<>]{0,80})?\/?>|\*\*|__|~~|`/gi;

// Homophones the IME picks for CRM words, each unambiguous in a sales note.
import { HONORIFICS, SURNAMES } from '../slots/lexicon.js';

const HOMOPHONES: [RegExp, string][] = [
  [/拜方|拜仿|拜坊|败访|白访/g, '拜访'],
  [/回防|回仿|会访|汇访/g, '回访'],
  // "安排一下下周一": 一下 then 下周一, never 下下周一.
  [/一下(?=下(?:周|个?月|礼拜|星期))/g, '一下 '],
  // "记一下周五", "问一下周三": a verb's 一下 then a bare weekday, not 下周五.
  [/(?<=[\u4e00-\u9fff])一下(?=(?:周|星期|礼拜)[一二三四五六日天1-7])/g, '一下 '],
  // "回访一下周大福", "联系一下周总": a verb's 一下 then a name starting with 周, not 下周.
  [/(?<=[\u4e00-\u9fff])一下(?=周(?![一二三四五六日天末内后1-7]))/g, '一下 '],
  // Northern speech: 今儿(个) / 明儿 / 昨儿 / 后儿 are 今天 / 明天 / 昨天 / 后天.
  [/(?<![哪那这])今儿个?/g, '今天'], [/(?<![哪那这])明儿个?/g, '明天'], [/(?<![哪那这])昨儿个?/g, '昨天'], [/(?<![哪那这])(大?后)儿个?(?=[早上中下晚一\d\s,，]|$)/g, '$1天'],
  // 根 before a verb of contact is 跟 (根云杉家居确认).
  [/(?<=明天|今天|后天|再|先|要|得|记得)根(?=[\u4e00-\u9fff]{2,12}(?:确认|聊|谈|沟通|说|对|约|联系|见))/g, '跟'],
  [/根进|跟近|根近|跟尽|跟紧(?!点|些|一点)|更进(?!一步)/g, '跟进'],
  // Pinyin left in by the IME or typed for speed: 合tong, wx (微信), gj (跟进).
  // 八点钟 is 八点.
  [/(?<=[\d一二两三四五六七八九十]点)钟/g, ''],
  [/合tong/gi, '合同'], [/(?<![A-Za-z])wx(?![A-Za-z])/gi, '微信'], [/(?<![A-Za-z])gj(?=一下|下|[\u4e00-\u9fff]{2}|\s|$)/gi, '跟进'],
  // bf (拜访), dh (电话): a note's way of contact as a word of its own, between Chinese words or spaces.
  [/(?<=[\u4e00-\u9fff]\s?|^)bf(?=\s|$|[\u4e00-\u9fff])/g, '拜访'], [/(?<=[\u4e00-\u9fff]\s|^)dh(?=\s|$)/g, '电话'],
  // (拓维信息, 华为信息: 信息 ends a company's name.)
  [/(?:威信|为信|维信|薇信)(?!息|用|誉|托|达|科|技)/g, '微信'],
  [/电化(?!学)|店话|电活|(?<=打了?个?)点话/g, '电话'],
  // 大了电话 (打了电话): the IME's 大 before a call is 打.
  [/大(?=了?[个通一]?电话)/g, '打'],
  [/满义/g, '满意'],
  // 和同 (合同), 签月 (签约): the IME's homophones of a contract (和同事 / 和同学 stay).
  [/(?<![一])和同(?=了|的|已|走|签|在|还|快|发|盖|版|款|流程|阶段|金额|初稿|草稿|[\s,，。]|$)/g, '合同'], [/签月(?![份底初中末])/g, '签约'],
  // 有意象 / 有意乡 (有意向): no word of their own in a sales note.
  [/意象|意乡/g, '意向'],
  [/视屏/g, '视频'],
  // Taiwan usage: 联络人 is 联系人, the 窗口 named is the contact person (新窗口是…, 窗口换人了).
  [/联络人/g, '联系人'], [/(?:业务)?窗口(?=是|换|[:：]|为)/g, '对接人'], [/(?<=[单标])(?:掉了|没有?了)/g, '丢了'],
  // 签月 (签约), 谈盘 (谈判), 方按 (方案): no word of their own in a sales note.
  [/签月(?![份底初中末结])/g, '签约'], [/谈盘/g, '谈判'], [/方按/g, '方案'],
  // 下州二 / 这州五: 州 before a weekday is 周.
  [/(?<=[下上本这])州(?=[一二三四五六日天1-7末])/g, '周'],
  // 和同 (合同) after a contract verb: 和同事 / 和同学 stay.
  [/合通(?!道)/g, '合同'], [/(?<=[签走发拟改审盖看])合铜/g, '合同'], [/(?<=[签走发拟改审盖看])和同(?![事学行伴意样时类期乡龄等])/g, '合同'],
  [/报加|报家(?!门)|保价(?!期)|报介(?!绍)/g, '报价'],
  // ("在去明德装备的路上" is on the way there: 在 stays.)
  [/(?<![正现存所实内外好不我你他她们它])在(?=约|去|联系一|跟进一|拜访|过去|碰|同步|打|问问|沟通一|确认一|聊聊|谈谈)(?![去回][^,，。;；]{1,16}路上)/g, '再'],
  [/(?<=[下上本这])礼拜(?=[一二三四五六日天1-7])/g, '周'],
  [/(?<=[下上本这])个?礼拜(?![一二三四五六日天1-7])/g, '周'],
];

const BOT_MENTION = /^\s*@(?:salesbot|bot|机器人|小助手|销售助手)\b\s*/i;

// A greeting names no time ("早上好" is not this morning, "good evening" not tonight).
const GREETING = /(?:早上|上午|中午|下午|晚上)好(?![的看听用])|早安(?![排装全])|(?<![下中])午安(?!排)|晚安(?!排)|\bgood (?:morning|afternoon|evening|night)\b|^(?:morning|evening)\b/gi;

// Fillers of spoken Chinese: at the start, or standing alone between spaces/punctuation.
const FILLER_WORD = '(?:嗯+|呃+|额+(?![度外])|唉|哎(?!呀)|诶|喂|哦|啊|那个|那啥|那个啥|这个吧|就是说|就是|然后呢|然后|对了|话说|emmm*|um+|uh+)';
const LEADING_FILLERS = new RegExp(`^(?:${FILLER_WORD}(?![A-Za-z])[\\s,，、。.…~]*)+`, 'i');
const LOOSE_FILLER = new RegExp(`(?<=^|[\\s,，、。.…])${FILLER_WORD}(?=[\\s,，、。.…]|$)`, 'gi');
// 那个/就是 glued inside a sentence in front of a name or a time ("跟那个大疆的刘洋", "就是那个园区…").
const GLUED = /(?<=[天午晚上早])呢(?=[\u4e00-\u9fff])|(?<=[跟和给与把去在从到是说了下的\s])(?:嗯+)?(?:那个|就是说|就是)(?=[\u4e00-\u9fffA-Za-z0-9\s])|(?<=[\u4e00-\u9fff])(?:嗯+|呃+)(?=[\u4e00-\u9fff])/g;

const PAUSE_BEFORE_CONTACT = new RegExp(`(?<=[\\u4e00-\\u9fff]{2}的) +(?=[${SURNAMES}](?:${HONORIFICS.join('|')})(?:$|[\\s,，。]))`, 'g');

// "叫周斌，周末的周，文武斌", "天府的天，府是政府的府": how a name is spelt, said aloud, is no fact
// (周末 there is no weekend).
const SPELT = /(?<=^|[，,、。\s])(?:([\u4e00-\u9fff]{1,3})的([\u4e00-\u9fff])|([\u4e00-\u9fff])是([\u4e00-\u9fff]{1,3})的([\u4e00-\u9fff]))(?=[，,、。\s]|$)/g;
function withoutSpelling(text: string): string {
  return text.replace(SPELT, (m, word?: string, char?: string, c2?: string, word2?: string, c3?: string) =>
    (word && char && word.includes(char)) || (c2 && word2 && c3 === c2 && word2.includes(c2)) ? '' : m);
}

export function cleanSpoken(text: string): string {
  // "@salesbot help": the bot addressed at the start is no part of what is said.
  // "添加联系人 / 德赛西威 / 黄志明": a spaced slash separates items like a comma.
  // "视频会 | 得物 | 产品总监Leo": a spaced bar separates items too (a date mask is never spaced).
  let out = withoutSpelling(text).replace(/\s+[/|｜]\s+/g, '，').replace(BOT_MENTION, '').replace(MARKUP, ' ').replace(GREETING, ' ');
  for (const [re, word] of HOMOPHONES) out = out.replace(re, word);
  // ("记一下那个下周四": a glue taken out between 下 and 下 leaves a space, not 下下周 = the week after next.)
  out = out.replace(LEADING_FILLERS, '').replace(LOOSE_FILLER, ' ')
    .replace(GLUED, (m: string, at: number, all: string) => (all[at - 1] === '下' && /^[下上]/.test(all.slice(at + m.length)) ? ' ' : ''));
  // "met 小米 的 Lisa": a spaced 的 still joins owner and owned.
  // ("扬州润达的 周经理": a pause after 的, before a person named by title, too — 美的 格力 are two customers.)
  out = out.replace(/(?<=\S) +的 *(?=\S)/g, '的').replace(PAUSE_BEFORE_CONTACT, '');
  // "跟 农夫山泉的…", "叫福州海峡 物流 有限公司": a preposition or a company-form word spoken apart joins its neighbour.
  out = out.replace(/(?<=(?:^|[\s,，])(?:跟|和|与|给|陪|找|去|到|在|从))\s+(?=[\u4e00-\u9fff])/g, '')
    .replace(/(?<=[\u4e00-\u9fff])\s+(?=(?:有限公司|股份有限公司|有限责任公司|集团|分公司)(?:$|[\s,，。]))/g, '');
  return out.replace(/\s{2,}/g, ' ').replace(/^[\s,，、。.…!！~]+/, '').trim();
}
