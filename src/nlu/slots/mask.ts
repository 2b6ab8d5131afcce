// Masks spans already understood (dates, amounts, phones, e-mails) with '|', so the name
// finders see "拜访了华为的张总，… |再跟进" and a date can never be read as a company.
import type { DateMention } from '../time/extract.js';
import { PHONE, EMAIL } from './contact-info.js';

const AMOUNT_SPAN = /(?:[¥$]|(?:US|HK|S|NT)\$|RMB|CNY|USD|HKD|SGD)\s?\d[\d,.]*\s?(?:千万|百万|万|亿|千|[wWkKmM])?|\d[\d,.]*\s?(?:千万|百万|万|亿|千|块钱|块|元|美元|美金|million|[wWkKmM](?![a-zA-Z]))/g;
const GLOBAL_PHONE = new RegExp(PHONE.source, 'g');
const GLOBAL_EMAIL = new RegExp(EMAIL.source, 'g');

export function maskKnownSpans(text: string, dates: DateMention[]): string {
  let masked = text;
  for (const d of [...dates].sort((a, b) => b.index - a.index)) {
    masked = `${masked.slice(0, d.index)}|${masked.slice(d.end)}`;
  }
  return masked.replace(GLOBAL_EMAIL, '|').replace(GLOBAL_PHONE, '|').replace(AMOUNT_SPAN, '|');
}
