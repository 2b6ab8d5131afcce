// Facts about a contact: phone, e-mail, birthday and job title.
import { SURNAMES, TITLE_WORDS } from './lexicon.js';

// Mobile (+86 optional, dashes or spaces inside) or a landline with area code.
export const PHONE = /(?<![\d])(?:\+?86[\s-]?)?(1[3-9]\d[\s-]?\d{4}[\s-]?\d{4})(?!\d)|(?<![\d])(0\d{2,3}[\s-]?(?:\d{7,8}|\d{3,4}[\s-]\d{4}))(?!\d)|(?<![\d])(\+?\d{1,3}[\s-]\d{3}[\s-]\d{3}[\s-]\d{4})(?!\d)|(?<![\d-])(\d{3}[\s-]\d{3}[\s-]\d{4})(?!\d)|(?<![\d])(\+(?!86)\d{2,3}[\s-]?\d{4}[\s-]?\d{4})(?!\d)|(?<![\d(])(\(\d{3}\)\s?\d{3}[\s-]\d{4})(?!\d)|(?<![\d.,$¥])([5689]\d{3}\s\d{4})(?![\d.,%万wWkK])|(?<![\d])((?:\+?61[\s-]?|\+?886[\s-]?|0)[49]\d{2}[\s-]?\d{3}[\s-]?\d{3})(?!\d)|(?<![\d])((?:\+?91[\s-]?)?[6-9]\d{4}[\s-]\d{5})(?!\d)|(?<![\d])((?:\+?44[\s-]?|0)7\d{3}[\s-]?\d{6})(?!\d)|(?<![\d])(\+(?!86\b)\d{2,3}(?:[\s-]\d{2,4}){2,4})(?![\d])/;
// An Indian mobile written as ten bare digits, only after a word saying it is a phone (a bare
// ten-digit run is too often something else).
const SAID_MOBILE = /(?:\b(?:ph|phone|mob|mobile|cell|tel|no|number|whatsapp)\.?|电话|手机|号码|微信号?)[\s:：#.-]*(?:是|为|is)?[\s:：]*((?:\+?91)?[6-9]\d{9})(?!\d)/i;
export const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,120}\.[A-Za-z]{2,24}/;

export function findPhone(text: string): string | undefined {
  const m = PHONE.exec(text) ?? (/\d{10}/.test(text) ? SAID_MOBILE.exec(text) : null);
  // Mainland mobiles and landlines; US, HK/SG, Australian (04xx xxx xxx), Indian (98450 12345) and UK (07xxx xxxxxx) numbers.
  const raw = m?.slice(1).find((g) => g !== undefined);
  return raw ? raw.replace(/\D/g, '') : undefined;
}

export function findEmail(text: string): string | undefined {
  return EMAIL.exec(text)?.[0].toLowerCase();
}

const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const BIRTHDAY_ZH = /(?:生日|出生|生于|birthday|birth|born|bday|b-day|dob)\D{0,6}?(?:(\d{4})[年.\/-])?(\d{1,2})(?:月|[.\/-])(\d{1,2})[日号]?/i;
// "1982年4月5日生": the date first, then 生/出生.
const BORN_ON = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]?(?:出)?生(?!意|产|效)/;
const BIRTHDAY_EN = /\b(?:birthday|born|dob|b-?day)\b\D{0,12}?\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?/i;

const pad = (n: number): string => String(n).padStart(2, '0');

function birthday(year: string | undefined, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return year ? `${year}-${pad(month)}-${pad(day)}` : `${pad(month)}-${pad(day)}`;
}

// "birthday 5th Aug", "born 14 March 1988": the day before the month.
const BIRTHDAY_EN_DM = /\b(?:birthday|born|dob|b-?day)\b\D{0,12}?\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,?\s+(\d{4}))?/i;

export function findBirthday(text: string): string | undefined {
  const zh = BIRTHDAY_ZH.exec(text) ?? BORN_ON.exec(text);
  if (zh) return birthday(zh[1], Number(zh[2]), Number(zh[3]));
  const en = BIRTHDAY_EN.exec(text);
  if (en) return birthday(en[3], MONTHS_EN.indexOf((en[1] ?? '').toLowerCase()) + 1, Number(en[2]));
  const dm = BIRTHDAY_EN_DM.exec(text);
  if (dm) return birthday(dm[3], MONTHS_EN.indexOf((dm[2] ?? '').toLowerCase()) + 1, Number(dm[1]));
  return undefined;
}

const TITLE_TAIL = TITLE_WORDS.map((w) => w.replace(/[A-Z]/g, (c) => `[${c}${c.toLowerCase()}]`)).join('|');
const TITLE_TOKEN = new RegExp(`^(?:职位|职务|title|岗位)?[:：是为]?\\s*(?:新任?|新来的?)?([\\u4e00-\\u9fffA-Za-z& ]{0,12}?(?:${TITLE_TAIL}))$`, 'i');
const EN_TITLE = /\b((?:VP|Head|Director|Manager|Chief)\s+of\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?|(?:S?VP|EVP|Head)\s+(?!of\b)[A-Z][a-z]+(?=\s*(?:[,;.]|$))|(?:[A-Z][A-Za-z]+\s+)?(?:Manager|Director|Engineer|Buyer|Officer|Lead|Architect|Specialist)|CEO|CTO|CFO|COO|CIO|CMO|VP)\b/;
const PERSON_ZH = new RegExp(`^[${SURNAMES}][\\u4e00-\\u9fff]{1,2}$`);

/** The title is a segment of its own: 刘芳，市场部经理 / 王伟 采购总监 / title: CTO. */
export function findTitle(segments: string[], contact?: string): string | undefined {
  for (const segment of segments) {
    if (segment === contact) continue;
    const m = TITLE_TOKEN.exec(segment.trim());
    const title = m?.[1]?.trim();
    if (title && title !== contact && !PERSON_ZH.test(title)) return title;
  }
  // "Mary Jones Buyer": the contact's last name is not part of the title.
  // (An English title inside Chinese words, "供应链VP郭敏", is part of a longer title said there.)
  const en = segments.map((s) => (/[\u4e00-\u9fff]/.test(s) ? undefined : EN_TITLE.exec(contact ? s.replace(contact, ' | ') : s)?.[1])).find((t) => t && t !== contact);
  return en;
}

// "华为新来了个采购经理叫王强" / "李雷是技术总监": a title said next to the person.
const INLINE_TITLE = new RegExp(`([\\u4e00-\\u9fffA-Za-z]{0,6}?(?:${TITLE_TAIL}))(?=叫|名叫|是[${SURNAMES}])|(?:是|担任|任)([\\u4e00-\\u9fffA-Za-z]{0,6}?(?:${TITLE_TAIL}))`);

// "he is the category manager", "She's the new ops director", "见了他们的head of logistics": a role
// said in English words after he/she is, or a "head of …", as written.
const ROLE_WORD = '(?:manager|director|head|lead|officer|engineer|buyer|vp|president|owner|founder|partner|specialist|architect|analyst|coordinator|controller|executive|gm|md|ceo|cto|cfo|coo|cio|cmo)';
const EN_ROLE_SAID = new RegExp(`\\b(?:he|she)(?:'s|’s| is)\\s+(?:the|their|our|a|an)\\s+(?:new\\s+)?((?:[a-z]+\\s+){0,2}${ROLE_WORD})\\b|(?:的|\\bthe\\s|\\btheir\\s)\\s*(head of [a-z]+(?: [a-z]+)?)(?=\\s*(?:叫|是|,|，|\\s+[A-Z]|$))`, 'i');

export function findEnglishRole(text: string): string | undefined {
  const m = EN_ROLE_SAID.exec(text);
  return (m?.[1] ?? m?.[2])?.trim();
}

export function findInlineTitle(text: string): string | undefined {
  const m = INLINE_TITLE.exec(text);
  const title = (m?.[1] ?? m?.[2])?.replace(/^(?:新来的?|新任|来了|了|一个|一位|个|位)+/, '');
  return title && !PERSON_ZH.test(title) ? title : undefined;
}

// "腾讯的李雷是技术总监": a full name followed by 是/担任.
const NAME_BEFORE_ROLE = new RegExp(`(?:的|^|[,，:：\\s])([${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)(?=是|担任|任职|，|,)`);

export function findNamedPerson(text: string): string | undefined {
  return NAME_BEFORE_ROLE.exec(text)?.[1];
}

export function looksLikePerson(token: string): boolean {
  return PERSON_ZH.test(token) || /^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?$/.test(token);
}

// "add contact Acme Corp Jane Doe CTO" / "add contact to Acme Corp: john smith, CTO": with the
// customer taken out, a first-and-last-name pair left in a contact list is the person.
const EN_PAIR = /(?<![A-Za-z])([A-Z][a-z]+\s+[A-Z][a-z]+)(?![A-Za-z])/g;
const LOWER_PAIR = /^[a-z]{2,15}\s[a-z]{2,15}$/;
const NOT_A_NAME_WORD = new RegExp(`^(?:${TITLE_TAIL}|add|new|contact|to|for|at|of|the|sales|head|chief|senior|junior|vice)$`, 'i');

const isNamePair = (pair: string): boolean => pair.split(/\s+/).every((w) => !NOT_A_NAME_WORD.test(w));

export function findListedPerson(masked: string, segments: string[], customer?: string): string | undefined {
  const rest = customer ? masked.replace(customer, ' | ') : masked;
  for (const m of rest.matchAll(EN_PAIR)) if (m[1] && isNamePair(m[1])) return m[1];
  return segments.find((s) => s !== customer && LOWER_PAIR.test(s) && isNamePair(s));
}

// "康师傅的采购总监林总", "理想汽车的产品总监Kevin", "农夫山泉 的 采购总监 吴敏": the title said
// right before the person's name. Plain department words (采购, 财务) alone are no title here.
const TITLE_BEFORE_TAIL = TITLE_WORDS.filter((w) => !['采购', '财务', '老板'].includes(w)).join('|');
// "他们技术总监钱工", "拜访了采购总监姚总": who or what comes before the title ends it too.
const titleBefore = new RegExp(`(?:的|\\s|^|[,，。;；:：]|他们|她们|对方|客户|了|跟|和|与|见|找|换成|是|为)\\s*([\\u4e00-\\u9fffA-Za-z]{0,5}?(?:${TITLE_BEFORE_TAIL}))\\s*$`);

/** "他们信息中心主任": whose title it is, not part of it. */
export const OWNER_WORD = /^(?:[^了的]{0,4}了[个位名]?|他们|她们|对方|客户|我们)的?/; // also a verb before it: 拜访了采购总监

// "新店长 欧阳倩": new in the post is no part of the title (新零售总监 is a title of its own).
const NEWLY = /^(?:新来的?|新任|新)(?=[\u4e00-\u9fff]{2,3}$)/;

export function findTitleBefore(text: string, contact: string | undefined): string | undefined {
  if (!contact) return undefined;
  const at = text.indexOf(contact);
  if (at <= 0) return undefined;
  // ("新的是采购总监曾凡": 是 introduces the title; it is no part of it.)
  const title = titleBefore.exec(text.slice(Math.max(0, at - 14), at))?.[1]?.replace(OWNER_WORD, '').replace(/^(?:是|为|任)(?=.{2})/, '').replace(NEWLY, '')
    // "采购部王经理王海涛": the person called by surname and title, then by name — the title is 采购部经理.
    .replace(new RegExp(`(?<=.)${contact.charAt(0)}(?=(?:经理|总监|主管|主任|部长|处长|科长)$)`), '');
  // (车队长 is a title, though 车 is a family name: a title word said whole is no person.)
  return title && title !== contact && (!PERSON_ZH.test(title) || TITLE_WORDS.includes(title)) ? title : undefined;
}
