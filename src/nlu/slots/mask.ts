// Masks spans already understood (dates, amounts, phones, e-mails) with '|', so the name
// finders see "拜访了华为的张总，… |再跟进" and a date can never be read as a company.
import type { DateMention } from '../time/extract.js';
import { PHONE, EMAIL } from './contact-info.js';
import { TITLE_TAIL } from './lexicon.js';

const AMOUNT_SPAN = /(?:[¥$]|(?:US|HK|S|NT)\$|RMB|CNY|USD|HKD|SGD|RM(?=\s?\d))\s?\d[\d,.]*\s?(?:千万|百万|万|亿|千|[wWkKmM])?|\d[\d,.]*\s?(?:千万|百万|万|亿|千|块钱|块|元|美元|美金|million|[wWkKmM](?![a-zA-Z]))/g;
const GLOBAL_PHONE = new RegExp(PHONE.source, 'g');
const GLOBAL_EMAIL = new RegExp(EMAIL.source, 'g');
// "渝新职业学院（渝新职院）", "李处（教务处处长）": an aside in brackets glued to the word it explains
// — a short form made of that word's characters, or a title — is no name of its own. Any other
// aside ("刘院长（华山医院）", "Wei Li (Acme Corp)") may well be the customer, and stays.
const ASIDE = /(?<=[\p{L}\d])\s?[（(]([^（）()]{1,24})[）)]/gu;
const ASIDE_TITLE = new RegExp(`^[\\u4e00-\\u9fff]{0,8}${TITLE_TAIL}$`);
const maskAside = (text: string) => text.replace(ASIDE, (all, inside: string, at: number) => {
  const before = text.slice(Math.max(0, at - 24), at).split(/[\s,，。;；:：|]/).at(-1)!;
  const shortForm = inside.length < before.length && Array.from(inside).every((ch) => before.includes(ch));
  return shortForm || ASIDE_TITLE.test(inside) || isAcronymOf(inside, text.slice(0, at)) ? '|' : all;
});

/** "Straits Electronics Pte Ltd (SEPL)": capitals that spell, in order, the initials of the words before. */
function isAcronymOf(inside: string, before: string): boolean {
  if (!/^[A-Z]{2,6}$/.test(inside)) return false;
  const initials = (before.match(/[A-Za-z][\w&'-]*/g) ?? []).slice(-8).map((w) => w[0]!.toUpperCase()).join('');
  let i = 0;
  for (const ch of initials) if (ch === inside[i]) i++;
  return i === inside.length;
}

export function maskKnownSpans(text: string, dates: DateMention[]): string {
  let masked = text;
  for (const d of [...dates].sort((a, b) => b.index - a.index)) {
    masked = `${masked.slice(0, d.index)}|${masked.slice(d.end)}`;
  }
  return maskAside(masked).replace(GLOBAL_EMAIL, '|').replace(GLOBAL_PHONE, '|').replace(AMOUNT_SPAN, '|');
}
