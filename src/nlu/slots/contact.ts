// The person at the customer: 张总 / 李经理 (family name + honorific), a full name after
// 对接人是 / 联系人, or Mr. Chen / a full English name after "contact".
import { TERSE_PERSON } from './customer.js';
import { isEnglishStopWord } from './customer-en.js';
import { HONORIFICS, NOT_PERSON, SURNAMES, TITLE_TAIL } from './lexicon.js';
import { isPinyinWord } from './latin-names.js';
import { PERSON_CONTEXT } from './customer-zh.js';
import { ADDRESSED_NAME, findApposition } from './en-apposition.js';
import { TITLED_OF } from './lower-names.js';

// 总 must not be the start of 总部 / 总价 / 总共 (和总部 is not Mr. He).
// 程 of 工程经理 / 课程顾问 is no family name; nor 和 of 考勤和工资条 ("and", after a word).
const NOT_SURNAME_HERE = '(?!(?<=[工课流过章规日疗议])程)(?!(?<=[\\u4e00-\\u9fff])(?<![跟找见的约给问陪])[和与及])';
const HONORIFIC_NAME = new RegExp(
  `${NOT_SURNAME_HERE}([${SURNAMES}](?:${HONORIFICS.join('|')}))(?<!总)|${NOT_SURNAME_HERE}([${SURNAMES}]总)(?!部|公司|价|额|共|体|结|计|量|包|算|之)`,
);
const HONORIFIC_NAMES = new RegExp(HONORIFIC_NAME.source, 'g');
const AFTER_ROLE = new RegExp(
  `(?:对接人|联系人|负责人|决策人|关键人|对口人|接口人|找的是|叫)(?:换成了?|变成了?|换了|变了|改为|改成了?)?[,，\\s]*(?:现在|目前)?(?:是|为|叫)?[:：\\s]*(?:[\\u4e00-\\u9fff]{1,6}(?:部|中心|处|科|室|组)的)?(?:[\\u4e00-\\u9fffA-Za-z]{0,6}?(?:经理|总监|主管|主任|部长|处长|负责人|副理|协理)(?=[${SURNAMES}]))?([A-Z][a-z]+(?:\\s[A-Z][a-z]+){0,3}|[老小][${SURNAMES}]|[${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)(?=[,，.。\\s;；、]|$|是|的|了|发(?=了|过|邮件|微信|消息)|[^\\u4e00-\\u9fff]|电话|手机|邮箱|微信|生日|(?:[\\u4e00-\\u9fff]{0,4}(?:经理|总监|主管|总|负责人|部)))`,
);
const FULL_AFTER_ADDRESS = new RegExp(`([${SURNAMES}])(?:总经理|总监|总|经理|主任|工|部长|处长|科长|老师|院长|行长|厂长|场长|店长|主管)[\\s,，、]+(\\1[\\u4e00-\\u9fff]{1,2}?)(?=$|[\\s,，。;；|、]|\\d|他|她|电话|手机|微信|邮箱|职位|是)`);
// "美团的Tony", "John from Acme": a first name owned by the customer.
// "理想汽车的产品总监Kevin": a title may stand between.
// ("傲基的Amy姐": 姐/哥 after an English name is part of how the rep calls her.)
const LATIN_OF_CUSTOMER = /的\s*(?:(?:[\u4e00-\u9fff]{0,5}?(?:总监|经理|负责人|主管|主任|工程师|总裁|总经理|董事长|副总)|GM|CEO|CTO|CFO|COO|CIO|VP|PM|HR)\s*)?([A-Z][a-z]{1,15}(?:\s[A-Z][a-z]{1,15}|[姐哥])?)(?![A-Za-z])/;
// "Jane Smith is the new CFO at Globex".
// "his name is paul", "her name's Grace": the person just described, as typed.
const EN_NAME_IS = /\b(?:[Hh]is|[Hh]er|[Tt]he contact'?s?|[Cc]ontact) name(?:\s+is|'s|’s)\s+((?!is\b)[A-Za-z][a-z]+(?:\s[A-Z][a-z]+)?)\b/;
// "Visited the plant manager at Foxconn": a sentence-opening verb is nobody's name.
// (A full name whose first word is also a bot word — "Mark Olsen" — is still a name.)
const nonVerb = (name: string | undefined): string | undefined =>
  (name && (!isEnglishStopWord(name.split(' ')[0] ?? '') || /^(?:Mark|Bill|Chase|Will|Grant|Lead)\s[A-Z][a-z]+$/.test(name)) ? name : undefined);
// "Sent Kelly at Vance…", "Notes from today": a sentence-opening verb or label is no part of the name.
// ("Zoom with Mark from Flexport": alone before 'from', a first name that is also a verb is the name.)
const withoutVerb = (name: string | undefined): string | undefined => {
  const words = name?.split(' ') ?? [];
  if (words.length === 1 && /^(?:Mark|Will|Bill|Grant|Chase|Rob|Pat|Drew|Jack|Frank|Ray|Dean|Bob|Sam|Sue|Max|Mike|Joy|Hope|Faith|Gene|Lance|Nick)$/.test(words[0] ?? '')) return words[0];
  while (words.length && isEnglishStopWord(words[0] ?? '')) words.shift();
  return words.join(' ') || undefined;
};
const EN_IS_ROLE = /^([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+is\s+(?:the|our)\b/;
const EN_FROM = /(?:(?:\bw\/\s*|\b[Ff]or\s+)|\b(?:[Aa]dd|[Ss]ent|[Ff]rom|[Ww]ith|[Tt]o|[Mm]et|[Mm]eet|[Cc]alled|[Cc]all|[Ee]mailed|[Ee]mail|[Pp]inged|[Pp]ing|[Vv]isited|[Vv]isit|[Ss]ee)\s+|^(?!(?:Email|Call|Calls|Met|Sent|Notes|Recap|Called|Emailed|Lunch|Dinner|Coffee|Reply|Message|Update|Meeting)\b))([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,3})\s+(?:from|at|of)\s+[A-Za-z\u4e00-\u9fff]/;
// "met zhang wei at huawei": a lower-case pinyin full name before the company.
const PINYIN_FROM = /\b(?:with|to|met|called|emailed|pinged|visited)\s+([a-z]{1,12}\s[a-z]{1,12})\s+(?:from|at|of)\s+\S/i;
// "lunch w/ dana from hooli", "call bob at initech": a lower-case first name before the company.
const LOWER_FROM = /(?:\bw\/\s*|\b(?:with|to|met|meet|called|call|emailed|email|pinged|ping|visited|see)\s+)([a-z]{2,15})\s+(?:from|at|@|\()\s*[a-z]/i;
// "visited Harbor Gas today, met ken, …": a lower-case name after 'met' standing apart.
const MET_LOWER = /\bmet (?:with )?([a-z]{2,12})(?=\s*[,.;]|\s+(?:today|yesterday|there|and|again)\b)/;
// "called tom, the it manager from initech": a lower-case name with a title and company after it.
const LOWER_TITLED = new RegExp(`\\b(?:met|called|emailed|pinged|phoned|texted|with|w/)\\s*([a-z]{2,12})(?=${TITLED_OF.source.slice(1)})`, 'i');
const NOT_FIRST_NAME = /^(?:procurement|legal|finance|purchasing|engineering|sales|marketing|hr|ops|it|management|someone|somebody|everyone|folks|team|guys|people|us|them|him|her|the|a|an|our|their|his|my|lunch|dinner|coffee|drinks|breakfast)$/;
const lowerFrom = (text: string): string | undefined => {
  const name = LOWER_FROM.exec(text)?.[1] ?? MET_LOWER.exec(text)?.[1] ?? LOWER_TITLED.exec(text)?.[1];
  return name && !NOT_FIRST_NAME.test(name) && !isEnglishStopWord(name) ? name : undefined;
};
const pinyinFrom = (text: string): string | undefined => {
  const name = PINYIN_FROM.exec(text)?.[1];
  return name && name.split(' ').every(isPinyinWord) ? name : undefined;
};
// 老张 / 老王: a familiar form of a family name.
// "的小林", "跟小陈", "那个小陈": 小 + family name after a word that introduces a person (小米 opens no such phrase).
// ("科瑞斯 小宋 139…": 小X as an item of a terse note, before its phone.)
const FAMILIAR_YOUNG = new RegExp(`(?<=[\\s,，|])小[${SURNAMES}](?=\\s*(?:[,，]|$|\\+?\\d))|(?<=[的和跟给与找]|采购|财务|技术|运营|市场|经理|主管|总监|主任|部长|处长|科长|助理|专员|秘书|(?<![\\d一二两三四五六七八九十几半多])个)小[${SURNAMES}](?!时)(?![的\\u4e00-\\u9fff]{0,3}(?:的|公司|集团|科技|智行|电器|汽车|米|鹏))`);
// (老师 is a teacher, 老师们 the teachers: no Mr. Shi.)
// ("老K": a letter for the name.)
// ("德盛注塑的老板娘": the owner's wife who runs the shop is the contact.)
const FAMILIAR = new RegExp(`(?<=[的和跟给与])老板娘|(?:(?<![\\u4e00-\\u9fff])|(?<=[的和跟给与部科处]|见了|找了|约了|问了|陪))老[A-Z](?![A-Za-z])|(?<![\\u4e00-\\u9fff])老(?!师)[${SURNAMES}](?![记鸡家号铺店坊斋楼馆])(?![\\u4e00-\\u9fff]{0,3}(?:公司|集团|字号))|(?<=[的和跟给与]|(?<=[\\u4e00-\\u9fff]{2})[部科处]|见了|找了|约了|问了|陪|经理|总监|主管|主任|部长|处长|科长|厂长|院长|店长|助理|秘书)老(?!师)[${SURNAMES}](?![\\u4e00-\\u9fff]{0,3}(?:公司|集团|字号))`);
// "met mr. zhao": typed in lower case, kept as typed.
const EN_HONORIFIC_LOWER = /\b((?:mr|mrs|ms|miss|dr|prof)\.?\s+[a-z]{2,15})\b(?<!\b(?:mr|mrs|ms|miss|dr|prof)\.?\s+(?:and|or|from|at|of|the|to|is|was))/;
// "Mr. Lim Wei Jie", "Uncle Lim", "Mr. S. Ramasamy": a form of address and up to four words.
// ("给SAP的Mr. Mueller发了": Chinese around it is no part of it.)
const EN_HONORIFIC = new RegExp(String.raw`(?<![A-Za-z])(${ADDRESSED_NAME})(?![A-Za-z'’])`, 'u');
const EN_AFTER_ROLE = /\b(?:[Cc]ontact(?! at)|[Cc]ontact person|[Pp]oint of contact|poc|POC|[Rr]ang|[Rr]ing|[Pp]honed|[Ss]poke (?:with|to)|[Tt]alked (?:to|with)|[Cc]hatted with|[Ss]peaking (?:with|to)|[Mm]et with|[Mm]et|(?:[Ss]poke|[Tt]alked|[Mm]et|[Mm]eeting|[Cc]all|[Cc]hat|[Cc]heck(?:ed)? in|[Ss]ync|[Ll]unch|[Dd]inner|[Cc]offee) w(?:ith|\/))\s*(?:is|:)?\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?![A-Za-z'’])/;
// "Pepper Potts loved it", "Richard wants to see a demo": a person doing the talking (checked last,
// and only when it is not the customer).
const EN_SUBJECT = /(?:^|[,;.]\s*|\band\s+)(?!(?:They|We|He|She|It|Client|Customer|Everyone|Team)\b)([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:loved|liked|wants?|said|says|asked|confirmed|agreed|rated|gave|mentioned|promised|thinks|seemed|seems|needs?|is keen|was keen|was happy|was very|is interested|was interested)\b/;
// "Haier's CTO is David Liu".
const EN_TITLE_IS = /\b(?:CEO|CTO|CFO|COO|CIO|CMO|VP|GM|[A-Z][a-z]+ (?:Manager|Director|Lead|Head))\s+is\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)/;

// "华润万家 Amy 今天…", "见了Linda，", "Tony @ 深信服", "跟Sophia（上海…）": a capitalised first name in a
// Chinese message, where the words around it mark a person.
const LATIN_IN_ZH = /(?:(?:见了?|跟|和|与|找了?|约了?|拜访了?|接待我的是|那边|这边)\s*|(?:^|[\s，,。；;:：])(?=[A-Z][a-z]+\s*(?:@|\sat\s+[\u4e00-\u9fff]|（|\(|\s+(?:今天|上午|下午|昨天|昨晚|刚才|刚刚|早上|晚上|中午|邮件|微信|电话|视频|说|反馈|表示|那边)|[，,]?\s*(?:邮件|微信|电话)(?:回复|说|沟通|聊))))([A-Z][a-z]{1,14})(?![A-Za-z])(?!\s*的)/;
// "见了采购经理Kelly", "IT总监Kevin Xu", "行政总厨Marco", "category manager Winnie": an English name right after a title.
const TITLE_THEN_LATIN = new RegExp(`(?:${TITLE_TAIL}|总厨|主厨|店长|\\b(?:manager|director|head|lead|buyer))\\s*([A-Z][a-z]{1,14}(?:\\s[A-Z][a-z]{1,14})?)(?![A-Za-z])`);
const latinInZh = (text: string): string | undefined => (/[\u4e00-\u9fff]/.test(text) ? TITLE_THEN_LATIN.exec(text)?.[1] ?? LATIN_IN_ZH.exec(text)?.[1] : undefined);

// "拜访了比亚迪的王建国": a full name owned by the customer, ending where the sentence goes on.
const FULL_NAME_AFTER = `的([${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)(?=[,，。.!！?？;；\\s]|$|那边|再|视频|电话|微信|的(?:手机|电话|微信|邮箱|生日)|聊|谈|通|打|沟通|说|表示|反馈|觉得|约|开|发|吃|见|一起|面谈|喝|今天|昨天|刚|来|也|还|又|提|问|希望|想|要|同意|答应|对|和|与|跟|、|(?:线上|线下|远程|现场|当面)(?:演示|开|聊|沟通|对|过|讲|培训|确认))`;

// "大疆刘洋那边", "美团那个王磊": the name glued to the company, when what follows marks a person.
const GLUED_NAME_AFTER = `(?:那个|那边的|\\s+(?=[${SURNAMES}][\\u4e00-\\u9fff]{1,2}\\s))?(老[${SURNAMES}]|小[${SURNAMES}](?=打|说|电话|微信|[\\s,，]|$)|[${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)(?=${PERSON_CONTEXT}|[\\s,，]|$|打(?:了个?|个|过)?电话|换了?(?:手机|电话|号)|(?:微信|电话|视频|邮件)(?:里|上)?(?:聊|说|沟通|联系|确认))`;

// The two patterns per customer name, compiled once (a tenant's names repeat; the cache is bounded).
const COMPILED = new Map<string, [RegExp, RegExp, RegExp]>();

function patternsFor(customer: string): [RegExp, RegExp, RegExp] {
  const cached = COMPILED.get(customer);
  if (cached) return cached;
  if (COMPILED.size >= 500) COMPILED.clear();
  const escaped = customer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The third: a full name right after the name, no 的 (only read after 集团/公司/股份, fullNameOf).
  const made: [RegExp, RegExp, RegExp] = [new RegExp(`${escaped}${FULL_NAME_AFTER}`), new RegExp(`${escaped}${GLUED_NAME_AFTER}`), new RegExp(`${escaped}${FULL_NAME_AFTER.slice(1)}`)];
  COMPILED.set(customer, made);
  return made;
}

function fullNameOf(text: string, customer?: string): string | undefined {
  if (!customer || /^[A-Za-z]/.test(customer)) return undefined;
  const latin = text.slice(text.indexOf(customer) + customer.length);
  const english = /^\s?([A-Z][a-z]{1,14})(?![A-Za-z])/.exec(latin)?.[1];
  if (english && text.includes(customer) && !isEnglishStopWord(english)) return english;
  const [owned, glued, unowned] = patternsFor(customer);
  const own = owned.exec(text)?.[1];
  // "美团和招行": a conjunction joining two customers is no family name.
  const stuck = glued.exec(text)?.[1];
  // "给三花集团周丽发了微信": after a legal-form word a full name needs no 的.
  const formed = /(?:集团|公司|股份)$/.test(customer) ? unowned.exec(text)?.[1] : undefined;
  const name = own ?? (stuck && !/^[和与跟及同]/.test(stuck) ? stuck : undefined) ?? formed;
  return name && !NOT_PERSON.test(name) ? name : undefined;
}

// "见了李娜，", "采购部的陈静", "陈建国亲自接待", "用友 张伟 上午上门": a full name where the words around it
// mark a person (a company is no person: the customer's own name is never taken).
const FULL_END = `(?=[,，。;；、\\s]|$|亲自|接待|说|表示|反馈|同意|答应|提到|觉得|聊|谈|一起|介绍|确认|对接|负责)`;
const PERSON_SAID = [
  new RegExp(`(?:见了|见到了?|拜访了?|约了|找了|接待我们?的是)([${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)${FULL_END}`),
  new RegExp(`(?:部|科|处|室|中心|组)的([${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)${FULL_END}`),
  new RegExp(`(?:^|[,，。;；\\s])([${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)(?=亲自|接待了?我)`),
  // "…的项目部，王建军说钢材价格要调": a full name opening a clause and speaking.
  new RegExp(`[,，。;；]\\s*([${SURNAMES}][\\u4e00-\\u9fff]{1,2})(?=说|表示|反馈)`),
];
function personSaid(text: string, customer?: string): string | undefined {
  for (const re of PERSON_SAID) {
    const name = re.exec(text)?.[1];
    if (name && !(customer && (customer.includes(name) || name.includes(customer))) && !NOT_PERSON.test(name)) return name;
  }
  return undefined;
}

// "跟李建国吃了个饭": a full name right after 跟/和/约, doing something with the rep.
const PERSON_WITH = new RegExp(`(?:跟|和|与|同|约了?|见了?)([${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)(?=吃|聊|见|喝|打|通|开|视频|电话|沟通|面谈|说|一起|碰)`);

function personWith(text: string, customer?: string): string | undefined {
  const name = PERSON_WITH.exec(text)?.[1];
  return name && name !== customer && !customer?.includes(name) && !NOT_PERSON.test(name) ? name : undefined;
}

// Two-character family names: "欧阳经理" is Manager Ouyang, not Manager Yang.
const COMPOUND_SURNAME = /(?:欧阳|司马|诸葛|上官|东方|慕容|夏侯|皇甫|尉迟|公孙|长孙|宇文|司徒|端木|令狐|南宫|西门|独孤|轩辕|百里)$/;

export function findContact(text: string, customer?: string): string | undefined {
  // "电话 GreenBowl Lisa 报价已发": the first name after the company in a terse note.
  const terse = TERSE_PERSON.exec(text);
  if (terse?.[2] && terse[1] === customer) return terse[2];
  // "采购部陈经理 陈志刚", "见了黄总 黄志强": the full name said right after how the rep calls them.
  const full = FULL_AFTER_ADDRESS.exec(text)?.[2];
  if (full && full !== customer) return full;
  const name = contactIn(text, customer);
  if (!name || !/^[\u4e00-\u9fff]/.test(name)) return name;
  // "跟小王一起去拜访…": a colleague gone along with is no contact of the customer.
  // ("老刘手上的…", "小李报上来的…", "小刘负责的…": whose customer it is, a colleague; 老周那边 may be the customer's.)
  if (/^[老小][\u4e00-\u9fff]$/.test(name) && new RegExp(`${name}(?:一起|手上|手里|手头|负责|报上来)`).test(text)) return undefined;
  const at = text.indexOf(name);
  const before = at > 0 ? text.slice(Math.max(0, at - 1), at + 1) : '';
  return COMPOUND_SURNAME.test(before) && !customer?.endsWith(before[0]!) ? `${before[0]}${name}` : name;
}

// "他们采购总监孙国强", "CIO周鹏", "信息化部部长邓文斌": a full name right after a title.
// What may follow the name: punctuation, or a verb or time word that never ends a given name
// (…邓娟通了电话, …蒋晨主持, …周敏今天来, …孙涛牵头, …韩冰带队).
const NAME_END = '(?=$|[,，。.;；!！?？、\\s(（]|[打吃见聊说也在亲电手邮微的等来过约确表反对和跟一都还就刚开通喝今昨牵主接带看参陪提介负签回问让催给面挺视很非特想觉认讲整这那原]|发(?=了|过|邮件|微信|消息))';
// ("对接人是采购部副经理 宋涛 136…": a space may stand between the title and the name.)
export const TITLE_THEN_NAME = new RegExp(`${TITLE_TAIL}(?:\\s(?!周[一二三四五六日天末1-7]|星期|礼拜|[一二三四五六七八九十\\d]+[号日点]))?((?:(?![和与及])[${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)|[老小][${SURNAMES}])${NAME_END}`);

// "call with Greggs Tuesday at half 10": a day said after a name makes no person of it.
const WHEN_WORD = /\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day)?\b|\b(?:Today|Tomorrow|Tonight|Yesterday|January|February|March|April|June|July|August|September|October|November|December)\b/;

// "call 省人民 Director Zhou", "Manager Lu": a Chinese title said in English before a family name in pinyin.
const EN_TITLE_SURNAME = /\b(?:Director|Manager|President|Chairman|Professor|Dean|Chief|Engineer)\s+([A-Z][a-z]{1,6})(?![A-Za-z])(?!\s+[A-Z][a-z])/;
const titleSurname = (text: string): string | undefined => {
  const m = EN_TITLE_SURNAME.exec(text);
  return m?.[1] && isPinyinWord(m[1].toLowerCase()) ? m[0] : undefined;
};

function contactIn(text: string, customer?: string): string | undefined {
  const en = EN_NAME_IS.exec(text)?.[1] ?? nonVerb(findApposition(text)?.contact) ?? EN_HONORIFIC.exec(text)?.[1] ?? titleSurname(text) ?? EN_HONORIFIC_LOWER.exec(text)?.[1] ?? EN_TITLE_IS.exec(text)?.[1] ?? EN_IS_ROLE.exec(text)?.[1] ?? withoutVerb(EN_FROM.exec(text)?.[1]) ?? EN_AFTER_ROLE.exec(text)?.[1] ?? LATIN_OF_CUSTOMER.exec(text)?.[1] ?? latinInZh(text) ?? pinyinFrom(text) ?? lowerFrom(text);
  // ("Ms. Sun": after a form of address no word is a day.)
  if (en && en !== customer && !customer?.startsWith(en) && !(WHEN_WORD.test(en) && !/^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s/.test(en))) return en;
  const speaker = customer ? EN_SUBJECT.exec(text)?.[1] : undefined;
  if (speaker && customer && !customer.includes(speaker) && !speaker.includes(customer)) return speaker;
  const role = AFTER_ROLE.exec(text)?.[1];
  // ("加个联系人 金城城投的工程部 宋工": the start of the customer's name is no person.)
  if (role && role !== customer && !customer?.startsWith(role)) return role;
  const titled = TITLE_THEN_NAME.exec(text)?.[1];
  if (titled && !customer?.includes(titled) && !NOT_PERSON.test(titled)) return titled;
  // The first 张总 that is not part of the customer's name (徐工的孙总 → 孙总).
  for (const m of text.matchAll(HONORIFIC_NAMES)) {
    const honorific = m[1] ?? m[2];
    // "对方老板换人了": 对方 is "the other side", no Mr. Fang.
    if (honorific?.startsWith('方') && text[(m.index ?? 0) - 1] === '对') continue;
    if (honorific && !customer?.includes(honorific)) return honorific;
  }
  const young = FAMILIAR_YOUNG.exec(text)?.[0];
  return FAMILIAR.exec(text)?.[0] ?? (young && !customer?.includes(young) ? young : undefined) ?? fullNameOf(text, customer) ?? personWith(text, customer) ?? personSaid(text, customer);
}
