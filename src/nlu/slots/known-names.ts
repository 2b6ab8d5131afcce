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
