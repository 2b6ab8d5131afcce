// Cell values as people type them, folded to what the database stores. Each returns the value,
// or undefined for an empty cell, or a ValueError for something unreadable.
export class ValueError { constructor(readonly code: string) {} }

const TIERS: Record<string, 'A' | 'B' | 'C'> = {
  a: 'A', a类: 'A', a级: 'A', 重点: 'A', 核心: 'A', 战略: 'A', 重要: 'A',
  b: 'B', b类: 'B', b级: 'B', 一般: 'B', 普通: 'B',
  c: 'C', c类: 'C', c级: 'C', 潜在: 'C', 小: 'C',
};

export function tier(raw: string): 'A' | 'B' | 'C' | undefined | ValueError {
  if (!raw) return undefined;
  return TIERS[raw.normalize('NFKC').toLowerCase().replace(/\s+/g, '')] ?? new ValueError('bad_tier');
}

export function phone(raw: string): string | undefined | ValueError {
  if (!raw) return undefined;
  const digits = raw.replace(/^\+?86[\s-]?/, '').replace(/\D/g, '');
  return digits.length >= 5 && digits.length <= 15 ? digits : new ValueError('bad_phone');
}

export const list = (raw: string): string[] =>
  [...new Set(raw.split(/[,，;；、|\n]+/).map((s) => s.trim()).filter(Boolean))];

const pad = (n: number): string => String(n).padStart(2, '0');

// Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug folded in).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

interface Ymd { y?: number; m: number; d: number }

const PATTERNS: [RegExp, (m: RegExpMatchArray) => Ymd][] = [
  [/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/, (m) => ({ y: +m[1]!, m: +m[2]!, d: +m[3]! })],
  [/^(\d{1,2})[-/.月](\d{1,2})日?$/, (m) => ({ m: +m[1]!, d: +m[2]! })],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => ({ y: +m[1]!, m: +m[2]!, d: +m[3]! })],
];

/** A date cell: a Date (xlsx), an Excel serial number, or text such as 1990/3/8 or 3月8日. */
export function ymd(raw: string | number | Date): Ymd | undefined | ValueError {
  if (raw instanceof Date) return { y: raw.getUTCFullYear(), m: raw.getUTCMonth() + 1, d: raw.getUTCDate() };
  const text = String(raw).normalize('NFKC').trim();
  if (!text) return undefined;
  if (/^\d{5}(\.\d+)?$/.test(text)) return ymd(new Date(EXCEL_EPOCH + Math.floor(+text) * 86_400_000));
  for (const [re, build] of PATTERNS) {
    const m = text.match(re);
    if (!m) continue;
    const v = build(m);
    const check = new Date(Date.UTC(v.y ?? 2000, v.m - 1, v.d));
    if (check.getUTCMonth() !== v.m - 1 || check.getUTCDate() !== v.d) return new ValueError('bad_date');
    return v;
  }
  return new ValueError('bad_date');
}

/** MM-DD, or YYYY-MM-DD when the year is known (the Contact.birthday convention). */
export function birthday(raw: string | number | Date): string | undefined | ValueError {
  const v = ymd(raw);
  if (!v || v instanceof ValueError) return v;
  return `${v.y ? `${v.y}-` : ''}${pad(v.m)}-${pad(v.d)}`;
}

/** A calendar date that needs its year (signing, contract end). */
export function date(raw: string | number | Date): Date | undefined | ValueError {
  const v = ymd(raw);
  if (!v || v instanceof ValueError) return v;
  if (!v.y) return new ValueError('bad_date');
  return new Date(Date.UTC(v.y, v.m - 1, v.d));
}
