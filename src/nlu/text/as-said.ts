// A slot kept "as written" (a lost reason) is read from the normalised text, where 一年 became 1年
// and 两百万 200万; the words go back to the rep as typed: the span of what was said that
// normalises to the value.
import { normalizeNumerals } from './numerals.js';

const NUMERAL = /[零〇一二两俩三四五六七八九十百千万亿]/;

const fits = (ch: string | undefined, want: string | undefined) => ch === want || (ch !== undefined && NUMERAL.test(ch) && /\d/.test(want ?? ''));

export function asSaid(value: string, said: string | undefined): string {
  if (!said || !/\d/.test(value) || said.includes(value)) return value;
  const first = value[0], last = value[value.length - 1];
  const longest = value.length * 3;
  for (let i = 0; i < said.length; i++) {
    if (!fits(said[i], first)) continue;
    for (let j = Math.min(said.length, i + longest); j > i; j--) {
      if (!fits(said[j - 1], last)) continue;
      const span = said.slice(i, j);
      if (normalizeNumerals(span) === value) return span;
    }
  }
  return value;
}
