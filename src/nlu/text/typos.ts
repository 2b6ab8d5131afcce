// Typos reps make on a phone keyboard. English: a keyword one edit away (remmind, folow,
// pipline). Chinese: the pinyin IME picks a homophone (拜仿 for 拜访, 跟近 for 跟进), so a pair
// of characters whose pinyin spells a keyword is read as that keyword. The pinyin pass costs
// ~0.1 ms, so parse() only runs it when the rules could not place a message.
import { pinyin } from 'pinyin-pro';

const ENGLISH_KEYWORDS = [
  'remind', 'follow', 'pipeline', 'customer', 'contact', 'callback', 'called', 'visited', 'tomorrow', 'meeting',
  'proposal', 'negotiation', 'satisfaction', 'renewal', 'tasks', 'schedule', 'emailed', 'qualified', 'closed',
  'today', 'friday', 'monday', 'tuesday', 'wednesday', 'thursday', 'saturday', 'sunday', 'quarter', 'month',
];
// Real words one edit from a keyword ("moving to contract" is not "contact").
const REAL_WORDS = ['contract', 'contracts', 'contacted', 'closer', 'closet', 'cloned', 'mouth', 'tanks', 'masks', 'rewind',
  'quartet', 'melting', 'meting', 'renewed', 'mondays', 'fridays', 'months'];
const KNOWN = new Set([...ENGLISH_KEYWORDS, ...REAL_WORDS]);

/** True when a and b differ by one insertion, deletion, substitution or adjacent swap. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, from: number): string => x.slice(from);
  if (a.length === b.length) {
    return rest(a, i + 1) === rest(b, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, i + 2) === rest(b, i + 2));
  }
  return a.length > b.length ? rest(a, i + 1) === rest(b, i) : rest(a, i) === rest(b, i + 1);
}

// close/closed, call/called, month/months are words, not typos: one being a prefix of the
// other means an inflection.
const stem = (w: string): string => w.replace(/(?:ing|ed|es|s|d)$/, '');
const isInflection = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a) || stem(a) === stem(b);

// Chat shorthand: "mtg with Blue Sun tmrw 3pm".
const SHORTHAND: [RegExp, string | ((m: string) => string)][] = [
  [/\bmtgs?\b/gi, 'meeting'], [/\btmrw?\b|\btmw\b/gi, 'tomorrow'], [/\bw\/o\b/gi, 'without'],
  // Chat shorthand for a follow-up and a period: "f/u w/ Grab next wk", "in 2 wks", "this qtr".
  [/\bwks\b/gi, 'weeks'], [/\bwk\b/gi, 'week'], [/\bb4\b/gi, 'before'], [/\bfwd\b/gi, 'forward'],
  [/\bwechat'?d\b/gi, 'wechatted'],
  [/\bf\/u\b|\bfu\b(?=:? (?:w\/|with|on|in|next|this|tomorrow|tmrw|by|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d))/gi, 'follow up'],
  [/(?<=\d\s?)wks?\b|\bwks?\b(?=[\s.,!?]|$)/gi, (m: string) => (/s$/i.test(m) ? 'weeks' : 'week')],
  // "Linda @ HubSpot", "procurement lead @ Bosch": a spaced @ says where someone works (an email has no spaces).
  [/(?<=[A-Za-z])\s+@\s*(?=[A-Z\u4e00-\u9fff])/g, ' at '],
  [/\bqtr\b/gi, 'quarter'], [/\bacct\b/gi, 'account'], [/\baccts\b/gi, 'accounts'], [/\bEOM\b/g, 'end of month'], [/\bEOW\b/g, 'end of week'],
];

// Which keyword a word is a typo of, remembered per word (bounded): the edit-distance scan over
// every keyword is the costliest part of an English message, and words repeat.
const NEAR = new Map<string, string | null>();
function keywordNear(lower: string): string | undefined {
  let near = NEAR.get(lower);
  if (near === undefined) {
    if (NEAR.size >= 5000) NEAR.clear();
    near = ENGLISH_KEYWORDS.find((k) => Math.abs(k.length - lower.length) <= 1 && oneEditApart(lower, k) && !isInflection(lower, k)) ?? null;
    NEAR.set(lower, near);
  }
  return near ?? undefined;
}

// "cheong.wk@sengheng.com.mo": an address is no words to fix; it is set aside and put back.
const ADDRESS = /[^\s@]+@[^\s@]+|https?:\/\/\S+/g;

// "zhoubin at huayi-log dot com": an address said aloud.
const SPOKEN_ADDRESS = /\b([a-z0-9][\w.-]*)\s+at\s+([a-z0-9][\w-]*(?:\s+dot\s+[a-z]{2,10}){1,3})\b/gi;

export function fixEnglishTypos(said: string): string {
  const kept: string[] = [];
  const spoken = said.replace(SPOKEN_ADDRESS, (_m, user: string, host: string) => `${user}@${host.replace(/\s+dot\s+/gi, '.')}`);
  const out = fixWords(spoken.replace(ADDRESS, (m) => `\u0000${kept.push(m) - 1}\u0000`));
  return kept.length ? out.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)]!) : out;
}

function fixWords(said: string): string {
  const text = SHORTHAND.reduce((t, [re, word]) => (typeof word === 'string' ? t.replace(re, word) : t.replace(re, word)), said);
  return text.replace(/\b[A-Za-z][a-z]{4,13}\b/g, (word, at: number) => {
    const lower = word.toLowerCase();
    if (KNOWN.has(lower)) return word;
    // "Visited Sunway Medical Centre": a capitalised word beside another is a name, not a typo (of Sunday).
    const before = text.slice(Math.max(0, at - 20), at);
    const opens = at === 0 || /[.!?。！？:：,，]\s*$/.test(before);
    if (word[0] !== lower[0] && !opens && (/[A-Z][\w'&.-]*\s+$/.test(before) || /^\s+[A-Z]/.test(text.slice(at + word.length)))) return word;
    const fixed = keywordNear(lower);
    if (!fixed) return word;
    return word[0] === lower[0] ? fixed : fixed[0]?.toUpperCase() + fixed.slice(1);
  });
}

const PINYIN_KEYWORDS: Record<string, string> = {
  'bai fang': '拜访', 'hui fang': '回访', 'gen jin': '跟进', 'qian yue': '签约', 'ti xing': '提醒', 'ye ji': '业绩',
  'lou dou': '漏斗', 'che xiao': '撤销', 'bang zhu': '帮助', 'man yi': '满意', 'shang ji': '商机', 'dai ban': '待办',
  'bao jia': '报价', 'lian xi': '联系', 'gou tong': '沟通', 'xu fei': '续费', 'tan pan': '谈判', 'ke hu': '客户',
  'dian hua': '电话', 'wei xin': '微信', 'you jian': '邮件', 'jin zhan': '进展', 'diu dan': '丢单', 'ying dan': '赢单',
};

export function fixPinyinTypos(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array' });
  if (syllables.length !== text.length) return text; // surrogate pairs: leave the text alone
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i++) {
    const word = PINYIN_KEYWORDS[`${syllables[i]} ${syllables[i + 1]}`];
    if (word && chars[i] + (chars[i + 1] ?? '') !== word) {
      chars[i] = word[0] ?? '';
      chars[i + 1] = word[1] ?? '';
      i++;
    }
  }
  return chars.join('');
}
