// Self-corrections of voice input: "下周二 不对 下周三再过去", "预算九十万 不对 九十五万",
// "周四下午给冯总打电话 不对 是周五下午". The value said after the correction word replaces the
// nearest value of the same kind said before it (a date for a date, an amount for an amount),
// and the correction word goes, so the rest of the parser reads the message as it was meant.
import type { DateMention } from '../time/extract.js';

interface Span { index: number; end: number }

// The correction word, and what may stand between it and the new value (是, 应该是, 改成…).
// "王总说不对" reports someone else's objection: after 说/觉得/认为 it is not a correction.
const MARKER = /(?:[,，、\s]*)(?<![说得为讲示])(?:(?:呃|哦|噢|啊)?\s*不对(?:不对)?|哦不|噢不|不不|说错了|更正一下|更正)[,，、\s]*(?:(?:应该|其实)?是|改成|改为)?\s*/g;
// How far back (characters) the corrected value may be: "周四下午 给瑞幸的冯总打电话 不对 是周五下午".
const REACH = 24;

const AMOUNT = /(?:[¥$]|US\$|RMB|CNY|USD)\s?\d[\d,.]*\s?(?:千万|百万|万|亿|千|[wWkKmM])?|\d[\d,.]*\s?(?:千万|百万|万|亿|千|块钱|块|元|美元|美金|million|[wWkKmM](?![a-zA-Z]))/g;

function amountSpans(text: string): Span[] {
  return [...text.matchAll(AMOUNT)].map((m) => ({ index: m.index, end: m.index + m[0].length }));
}

/** The text with each self-correction applied; unchanged when there is none. */
export function applyCorrections(text: string, dates: () => DateMention[]): string {
  if (!/不对|哦不|噢不|不不|说错了|更正/.test(text)) return text;
  let out = text;
  // One correction at a time, re-reading the spans of the corrected text (bounded: each pass removes a marker).
  for (let pass = 0; pass < 3; pass++) {
    const next = correctOnce(out, pass === 0 ? dates() : undefined);
    if (next === out) break;
    out = next;
  }
  return out;
}

function correctOnce(text: string, known?: DateMention[]): string {
  for (const m of text.matchAll(MARKER)) {
    const after = m.index + m[0].length;
    for (const spans of [known ?? [], amountSpans(text)]) {
      const fresh = spans.find((s) => s.index === after);
      const old = spans.filter((s) => s.end <= m.index && m.index - s.end <= REACH).at(-1);
      if (!fresh || !old) continue;
      const between = text.slice(old.end, m.index);
      return `${text.slice(0, old.index)}${text.slice(fresh.index, fresh.end)}${between}${text.slice(fresh.end)}`;
    }
    const place = replacedPlace(text, m.index, after);
    if (place !== undefined) return place;
  }
  return text;
}

// "刚从美团出来 不对 是从上汽出来": a place or person said again after the same preposition
// replaces what was said from that preposition on.
const PLACE_WORD = /^(?:从|去了?|在|跟|和|给|到|找|见了?)(?=[\u4e00-\u9fffA-Za-z])/;

function replacedPlace(text: string, marker: number, after: number): string | undefined {
  const word = PLACE_WORD.exec(text.slice(after))?.[0];
  if (!word) return undefined;
  const old = text.lastIndexOf(word, marker);
  if (old < 0 || marker - old > REACH) return undefined;
  return `${text.slice(0, old)}${text.slice(after)}`;
}
