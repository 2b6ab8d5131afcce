// The person at the customer: 张总 / 李经理 (family name + honorific), a full name after
// 对接人是 / 联系人, or Mr. Chen / a full English name after "contact".
import { HONORIFICS, SURNAMES } from './lexicon.js';

// 总 must not be the start of 总部 / 总价 / 总共 (和总部 is not Mr. He).
const HONORIFIC_NAME = new RegExp(
  `([${SURNAMES}](?:${HONORIFICS.join('|')}))(?<!总)|([${SURNAMES}]总)(?!部|公司|价|额|共|体|结|计|量|包|算|之)`,
);
const AFTER_ROLE = new RegExp(
  `(?:对接人|联系人|负责人|决策人|关键人|对口人|接口人|找的是|叫)(?:换成了?|变成了?|改为|改成了?|是|为|叫)?[:：\\s]*([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?|[${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)(?=[,，.。\\s;；、]|$|是|的|[^\\u4e00-\\u9fff]|(?:[\\u4e00-\\u9fff]{0,4}(?:经理|总监|主管|总|负责人|部)))`,
);
// "美团的Tony", "John from Acme": a first name owned by the customer.
const LATIN_OF_CUSTOMER = /的([A-Z][a-z]{1,15}(?:\s[A-Z][a-z]{1,15})?)(?![A-Za-z])/;
// "Jane Smith is the new CFO at Globex".
const EN_IS_ROLE = /^([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+is\s+(?:the|our)\b/;
const EN_FROM = /\b(?:[Ww]ith|[Tt]o|[Mm]et|[Cc]alled|[Ee]mailed|[Pp]inged|[Vv]isited)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:from|at|of)\s+[A-Z\u4e00-\u9fff]/;
// 老张 / 老王: a familiar form of a family name.
const FAMILIAR = new RegExp(`(?<![\\u4e00-\\u9fff])老[${SURNAMES}](?![\\u4e00-\\u9fff]{0,3}(?:公司|集团|字号))|(?<=[的和跟给与])老[${SURNAMES}]`);
const EN_HONORIFIC = /\b((?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)/;
const EN_AFTER_ROLE = /\b(?:contact(?! at)|contact person|point of contact|poc|spoke with|talked to|met with|met)\s*(?:is|:)?\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)/;

export function findContact(text: string, customer?: string): string | undefined {
  const en = EN_HONORIFIC.exec(text)?.[1] ?? EN_IS_ROLE.exec(text)?.[1] ?? EN_FROM.exec(text)?.[1] ?? EN_AFTER_ROLE.exec(text)?.[1] ?? LATIN_OF_CUSTOMER.exec(text)?.[1];
  if (en && en !== customer && !customer?.startsWith(en)) return en;
  const role = AFTER_ROLE.exec(text)?.[1];
  if (role && role !== customer) return role;
  const m = HONORIFIC_NAME.exec(text);
  const honorific = m?.[1] ?? m?.[2];
  if (honorific && !customer?.includes(honorific)) return honorific;
  return FAMILIAR.exec(text)?.[0];
}
