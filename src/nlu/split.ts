// "上午去了京东物流 … 需求确认阶段 然后下午去了隆基 … 进入商务谈判": one message, two reports on
// two customers. Read whole, the second customer's facts land on the first (or are dropped);
// read part by part, each lands on its own customer. Split only where a sequence word (然后,
// 另外, 接着, then, also…) starts a part that names another of the tenant's known customers
// and both parts are reports the bot writes down.
import { parse, type ParseOptions } from './parse.js';
import { findKnown } from './slots/known-names.js';
import type { Intent, ParseResult } from './types.js';

const SEQUENCE = /(?:^|[\s,，。;；!！])(?:然后|之后|接着|随后|完了|完事|另外|此外|还有|再就是|顺便|顺路|回来|回头)(?:又|再|还)?|[\s,，。;；](?:下午|晚上|傍晚|中午)(?:又|再)|(?:^|[\s,.;])(?:then|after that|afterwards|also|and then|later)\b/gi;
const REPORTS: ReadonlySet<Intent> = new Set(['log_activity', 'update_deal', 'schedule_follow_up', 'record_callback']);
const MAX_PARTS = 4;

export interface Part { text: string; parsed: ParseResult }

/** The message's parts, one per customer reported on, when there are two or more; else undefined. */
export function splitReports(text: string, options: ParseOptions): Part[] | undefined {
  const customers = options.names?.customers;
  if (!customers?.length) return undefined;
  const cuts = [...text.matchAll(SEQUENCE)].map((m) => m.index + (/^[\s,，。;；!！.]/.test(m[0]) ? 1 : 0)).filter((i) => i > 0);
  if (!cuts.length) return undefined;
  const parts: Part[] = [];
  let start = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut < text.length && !startsAnother(text.slice(cut), text.slice(start, cut), customers)) continue;
    const piece = text.slice(start, cut).trim();
    if (piece) parts.push({ text: piece, parsed: parse(piece, options) });
    start = cut;
  }
  if (parts.length < 2 || parts.length > MAX_PARTS) return undefined;
  const names = parts.map((p) => p.parsed.slots.customer);
  const distinct = new Set(names.map((n) => n?.toLowerCase()));
  const reports = parts.every((p) => REPORTS.has(p.parsed.intent) && typeof p.parsed.slots.customer === 'string');
  return reports && distinct.size === parts.length ? inOrder(parts) : undefined;
}

// "上午去了京东 然后下午去了隆基", sent at 10:00: read alone, 下午 is still to come, so the
// part would be put on yesterday afternoon; after the morning it is the same day's afternoon.
function inOrder(parts: Part[]): Part[] {
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1]!.parsed.slots.occurred_at;
    const at = parts[i]!.parsed.slots.occurred_at;
    if (!before || !at || at >= before) continue;
    const sameDay = `${before.slice(0, 10)}${at.slice(10)}`;
    if (sameDay >= before) parts[i]!.parsed.slots.occurred_at = sameDay;
  }
  return parts;
}

// The part after a cut names, near its start, a known customer (or the start of one's name, as
// 隆基 of 隆基绿能) the part before did not name.
function startsAnother(after: string, before: string, customers: readonly string[]): boolean {
  const near = after.slice(0, 18);
  const found = findKnown(near, customers)?.name ?? shortFor(near, customers);
  return found !== undefined && !before.toLowerCase().includes(found.toLowerCase());
}

const HAN = /^[\u4e00-\u9fff]{2}/;
function shortFor(text: string, customers: readonly string[]): string | undefined {
  for (const name of customers) {
    const head = HAN.exec(name)?.[0];
    const at = head ? text.indexOf(head) : -1;
    if (at >= 0) return head;
  }
  return undefined;
}
