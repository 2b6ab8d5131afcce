// How customer names are compared: what a rep types ("huawei", "华为", "ＨＵＡＷＥＩ 公司") must
// find what is stored ("华为技术有限公司"). Keys are derived here and stored on the row, so
// Postgres (pg_trgm indexes) does the searching, not a scan in JavaScript.
import { pinyin } from 'pinyin-pro';
import { toSimplifiedScript } from '../nlu/text/cantonese.js';

/** Which way the stored keys were made. Raise it when matchKey/pinyinKey change: rows with an
 * older version are keyed again by `rekeyCustomers` (housekeeping), and the column's default in
 * the schema follows this number (tests/data/name-keys.test.ts). 2: script folded (匯豐 = 汇丰). */
export const KEYS_VERSION = 2;

// Longest first: "股份有限公司" must go before "有限公司" and "公司".
const COMPANY_SUFFIXES = [
  '股份有限公司', '有限责任公司', '有限公司', '集团公司', '控股集团', '公司', '集团',
  'corporation', 'company', 'limited', 'group', 'corp', 'inc', 'ltd', 'llc', 'plc', 'gmbh', 'co',
];

/** Width, case, spaces, punctuation and script folded (Traditional is keyed as Simplified: a Hong
 * Kong rep's 匯豐銀行 is 汇丰银行, and its pinyin reads 银行 as yinhang); company suffixes dropped. */
export function matchKey(name: string): string {
  let key = toSimplifiedScript(name.normalize('NFKC').toLowerCase()).replace(/[\s\p{P}\p{S}]+/gu, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of COMPANY_SUFFIXES) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return key;
}

/** Toneless pinyin of the key ("华为" → "huawei"); ü is typed as v (绿 → lv). Latin stays. */
export function pinyinKey(name: string): string {
  return pinyin(matchKey(name), { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('').toLowerCase().replace(/ü/g, 'v');
}

/** First letters of each syllable ("华为技术" → "hwjs"). */
export function initialsKey(name: string): string {
  return pinyin(matchKey(name), { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('').toLowerCase();
}

export function nameKeys(name: string, aliases: string[] = []) {
  return {
    matchKey: matchKey(name),
    pinyin: pinyinKey(name),
    initials: initialsKey(name),
    aliasKeys: [...new Set(aliases.map(matchKey).filter(Boolean))],
    keysVersion: KEYS_VERSION,
  };
}
