// Latin-script names inside a message: lower-case pinyin company names written in several
// words ("huawei yun", "bi ya di") and company-suffixed names ("Acme Corp", "Globex Inc").
// Pinyin is recognised by spelling (every word splits into syllables), never by a list of
// companies, so any pinyin name works.

const INITIALS = ['', 'zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w'];
const FINALS = [
  'iang', 'iong', 'uang', 'ang', 'eng', 'ing', 'ong', 'ian', 'iao', 'uai', 'uan', 'ue', 've', 'un', 'ai', 'ei', 'ao',
  'ou', 'an', 'en', 'in', 'ia', 'ie', 'iu', 'ua', 'uo', 'ui', 'er', 'a', 'o', 'e', 'i', 'u', 'v',
];
// Initials and finals combine freely except the bare final o, which follows only b p m f w y
// (and l) in pinyin: without that, English "going" and "doing" would spell as pinyin.
const O_INITIALS = new Set(['', 'b', 'p', 'm', 'f', 'w', 'y', 'l']);
const SYLLABLES = new Set(INITIALS.flatMap((i) => FINALS.filter((f) => f !== 'o' || O_INITIALS.has(i)).map((f) => i + f)));
const LONGEST = 6;

// English words that also spell as pinyin and commonly follow a name in a sentence: they join
// a name only as its last Latin word ("ping an", but not "mei tuan an hour ago"). Syllables
// common in company names (wan ke, dong fang, long ji) are deliberately not here.
const ENGLISH_PINYIN = new Set([
  'a', 'an', 'he', 'she', 'me', 'we', 'be', 'i', 'o', 'e', 'in', 'on', 'go', 'die', 'lie', 'pie', 'tie', 'due', 'men', 'can',
  'ran', 'run', 'sun', 'fun', 'gun', 'ten', 'pen', 'den', 'hen', 'zen', 'king', 'sing', 'ring', 'wing', 'bun', 'nun',
  'pun', 'yen', 'shun', 'chin',
])

/** A lower-case word that splits into pinyin syllables ("huawei" = hua + wei). */
export function isPinyinWord(word: string): boolean {
  if (!/^[a-z]{1,24}$/.test(word)) return false;
  const ok: boolean[] = [true];
  for (let end = 1; end <= word.length; end++) {
    ok[end] = false;
    for (let len = 1; len <= LONGEST && len <= end && !ok[end]; len++) {
      ok[end] = Boolean(ok[end - len]) && SYLLABLES.has(word.slice(end - len, end));
    }
  }
  return Boolean(ok[word.length]);
}

// Company suffixes mark the customer among Capitalised runs ("Acme Corp Jane Doe CTO").
const SUFFIX = '(?:Corp(?:oration)?|Inc|Ltd|Limited|LLC|Group|Co|Company|Holdings|Industries|Technologies|Enterprises|Partners|Labs|GmbH|PLC|Plc)';
// "Siemens Ltd China": a region after the suffix is part of the name.
const REGION = '(?:China|Shanghai|Beijing|Shenzhen|HK|Hong Kong|Singapore|Asia|APAC|Japan|Korea|Taiwan|India|Vietnam|Thailand)';
const ENDS_WITH_SUFFIX = new RegExp(`\\s${SUFFIX}\\.?(?:\\s+${REGION})?$`);
/** `word` continues a pinyin name; `rest` is the text right after it. */
const continuesPinyin = (word: string, rest: string): boolean =>
  isPinyinWord(word) && (!ENGLISH_PINYIN.has(word) || !/^ +[A-Za-z]/.test(rest));
const NEXT_WORD = /^ +([A-Za-z][A-Za-z0-9&'.-]*)(?![A-Za-z])/;

/**
 * A Latin name found by a rule that reads one word ("huawei" of "huawei yun", "Acme" of
 * "Acme Corp 情况") grows over the words that continue it: more pinyin after pinyin, more
 * Capitalised words after a Capitalised one.
 */
const DEPARTMENT_AFTER = /^(?:HR|IT|Ops|Finance|Procurement|Purchasing|Legal|Admin|Marketing|Sales|Ops)$/;

export function extendLatinName(text: string, name: string, isStop: (word: string) => boolean): string {
  const at = text.indexOf(name);
  if (at < 0 || !/^[A-Za-z]/.test(name) || ENDS_WITH_SUFFIX.test(name)) return name;
  const pinyin = name.split(' ').every(isPinyinWord);
  const capital = /^[A-Z]/.test(name);
  if (!pinyin && !capital) return name;
  let out = name;
  for (let i = 0; i < 6; i++) {
    const tail = text.slice(at + out.length);
    const next = NEXT_WORD.exec(tail)?.[0];
    const word = next?.trim();
    if (!next || !word || (capital && isStop(word))) break;
    // ("Jollyfresh Retail HR team": a department met there ends the name.)
    if (capital && DEPARTMENT_AFTER.test(word) && /^\s+(?:team|dept|department)\b/i.test(tail.slice(next.length))) break;
    const fits = capital ? /^[A-Z]/.test(word) : continuesPinyin(word, tail.slice(next.length));
    if (!fits) break;
    out = `${out} ${word}`;
  }
  return out;
}

/** A run of two or more pinyin words starting at the beginning of `text` ("bi ya di …"). */
export function pinyinRun(text: string): string | undefined {
  const m = /^[a-z]{1,24}(?: [a-z]{1,24}){1,5}(?![A-Za-z])/.exec(text);
  if (!m) return undefined;
  const all = m[0].split(' ');
  const words: string[] = [];
  for (const [i, word] of all.entries()) {
    const rest = text.slice(all.slice(0, i + 1).join(' ').length);
    const fits = i === 0 ? isPinyinWord(word) && !ENGLISH_PINYIN.has(word) : continuesPinyin(word, rest);
    if (!fits) break;
    words.push(word);
  }
  return words.length >= 2 ? words.join(' ') : undefined;
}

const SUFFIXED = new RegExp(`(?<![A-Za-z])((?:[A-Z][A-Za-z0-9&'-]*\\s+){1,4})${SUFFIX}\\.?(?:\\s+${REGION})?(?![A-Za-z-])`);

/**
 * "Jane Doe Acme Corp": a suffixed run of three or more words before the suffix starts with
 * a person's first and last name in a contact list, so the company is what follows them.
 */
export function suffixedCompany(text: string, isStop: (word: string) => boolean): string | undefined {
  const m = SUFFIXED.exec(text);
  if (!m?.[1]) return undefined;
  const words = m[1].trim().split(/\s+/);
  // "Met Acme Corp": a verb before the name is not part of it; "Pipeline Partners" keeps its only word.
  while (words.length > 1 && isStop(words[0] ?? '')) words.shift();
  // Only in a contact list, and not after at/from ("mtg w/ dave at Zenith Auto Parts Inc").
  const listing = /contact|联系人|\d{7}|@[\w-]+\./i.test(text) && !/(?:\b(?:at|from|with|to|for|of)|@)\s*$/i.test(text.slice(0, m.index));
  const own = words.length >= 3 && listing ? words.slice(2) : words;
  const suffix = m[0].slice(m[1].length);
  // "Monarch Ltd. this morning": an abbreviated suffix keeps its full stop, as written, unless
  // the stop ends the sentence ("Signed Acme Corp. 200k", "…Globex Inc.").
  const after = text.slice(m.index + m[0].length);
  const name = `${own.join(' ')} ${suffix}`;
  return /^\s*(?:\d|[A-Z]|\||$)/.test(after) ? name.replace(/\.$/, '') : name;
}
