// Text from a chat is stored as typed, with two exceptions Postgres forces: it refuses U+0000 in
// text columns (the whole transaction fails), and an unpaired UTF-16 surrogate cannot be encoded
// as UTF-8 (the driver silently turns it into U+FFFD). Both are settled once, before the router
// parses or stores anything, so what is stored, echoed and deduplicated is the same string.
import type { InboundEvent } from './model.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Drops NUL and replaces each unpaired surrogate with U+FFFD; every other character is kept. */
export function cleanText(s: string): string {
  return s.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Strings anywhere inside a button's arguments (keys too), cleaned the same way. */
function cleanValue(v: unknown): unknown {
  if (typeof v === 'string') return cleanText(v);
  if (Array.isArray(v)) return v.map(cleanValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [cleanText(k), cleanValue(x)]));
  return v;
}

/** The event with every string in it cleaned: text, button arguments, ids, names. */
export function cleanEvent(event: InboundEvent): InboundEvent {
  const base = {
    ...event, eventId: cleanText(event.eventId),
    from: cleanValue(event.from) as InboundEvent['from'], address: cleanValue(event.address) as InboundEvent['address'],
    ...(event.messageId !== undefined && { messageId: cleanText(event.messageId) }),
  };
  return event.type === 'text'
    ? { ...base, type: 'text', text: cleanText(event.text) }
    : { ...base, type: 'action', action: { ...event.action, args: cleanValue(event.action.args) as Record<string, unknown> } };
}
