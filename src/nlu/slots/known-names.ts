// The tenant's own names (customers and their aliases, contacts, team members), handed in by
// the caller: the parser stays pure. A known name is found on its word boundaries, the
// earliest and then the longest, so "海天智能签了" reads 海天智能 whole and never "能签".
export interface KnownNames { customers: string[]; contacts: string[]; people: string[] }

type Index = Map<string, string[]>;

// Indexed by first character (lower-cased), longest first; built once per list.
const INDEXES = new WeakMap<readonly string[], Index>();

function indexOf(names: readonly string[]): Index {
  const cached = INDEXES.get(names);
  if (cached) return cached;
  const index: Index = new Map();
  for (const raw of names) {
    const name = typeof raw === 'string' ? raw.trim() : '';
    if (name.length < 2 || name.length > 60) continue;
    const key = (name[0] ?? '').toLowerCase();
    index.set(key, [...(index.get(key) ?? []), name.toLowerCase()]);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  INDEXES.set(names, index);
  return index;
}

const LATIN = /[A-Za-z0-9]/;

// A Latin edge must not run on into a longer word ("Acme" is not inside "Acmetech").
function onBoundary(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  return !(LATIN.test(text[start] ?? '') && LATIN.test(before)) && !(LATIN.test(text[end - 1] ?? '') && LATIN.test(after));
}

export interface KnownSpan { name: string; index: number }

/** The earliest known name in `text` (as written there), or undefined. */
export function findKnown(text: string, names: readonly string[] | undefined): KnownSpan | undefined {
  if (!names?.length) return undefined;
  const index = indexOf(names);
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    for (const name of index.get(lower[i] ?? '') ?? []) {
      if (lower.startsWith(name, i) && onBoundary(text, i, i + name.length)) return { name: text.slice(i, i + name.length), index: i };
    }
  }
  return undefined;
}

// "隆基那个丢了 华为云价格比我们低": a known customer's short form (隆基 of 隆基绿能) said before
// another known name is the customer talked about; the later one is only mentioned.
const SHORT_THEN = /^(?:那个|这个|那边|这边|那单|这单|的|[\s,，]|说|签|丢|黄|输|赢|又|也|现在|最近|打|约|聊|谈|见|发)/;
// Heads that are places or common words before they are anyone's short name (中国 of 中国平安).
const NOT_SHORT = /^(?:中国|上海|北京|深圳|广州|杭州|南京|苏州|天津|重庆|成都|武汉|西安|江苏|浙江|广东|山东|国际|全国|东方|南方|北方|华南|华北|华东|新的|我们|他们|客户|公司)$/;
const HAN2 = /^[\u4e00-\u9fff]{2}$/;

/** A two-character-or-longer start of a known Chinese name, said before `end` in `text` and not
 * followed by the rest of that name, or undefined. */
export function findShortForm(text: string, names: readonly string[] | undefined, end: number): KnownSpan | undefined {
  if (!names?.length || end < 2) return undefined;
  const index = indexOf(names);
  for (let i = 0; i < end - 1; i++) {
    for (const name of index.get(text[i] ?? '') ?? []) {
      const head = name.slice(0, 2);
      if (!HAN2.test(head) || NOT_SHORT.test(head) || name.length < 4 || !text.startsWith(head, i) || text.startsWith(name, i)) continue;
      if (i > 0 && /[\u4e00-\u9fff]/.test(text[i - 1] ?? '') && !/[了过去到给跟和在把是那这]/.test(text[i - 1] ?? '')) continue;
      if (SHORT_THEN.test(text.slice(i + 2))) return { name: text.slice(i, i + 2), index: i };
    }
  }
  return undefined;
}
