// Text from a chat is stored as typed, with two exceptions Postgres forces: it refuses U+0000 in
// text columns (the whole transaction fails), and an unpaired UTF-16 surrogate cannot be encoded
// as UTF-8 (the driver silently turns it into U+FFFD). Both are settled once, before the router
// parses or stores anything, so what is stored, echoed and deduplicated is the same string.
// What the parser reads also loses markup and mention syntax (stripMarkup, used by the router):
// names are plain text, while the message itself is still stored as typed.
import type { InboundEvent } from './model.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Drops NUL and replaces each unpaired surrogate with U+FFFD; every other character is kept. */
export function cleanText(s: string): string {
  return s.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

// Mention and link syntax, as each platform writes it into message text: Feishu's
// <at user_id="ou_…">Name</at> (its send-message "text" content), Slack's <@U…|name>, <!here>,
// <#C…|name> and <https://…|label> (docs.slack.dev "Formatting text for app surfaces"), WeCom's
// <@userid>. A mention keeps its name as @name (the parser skips it, as it skips a typed
// @colleague); a link keeps its label; the rest goes. Then any HTML-like tag (<b>, </b>,
// <img …>, or one cut short at the end) becomes a space.
const MARKUP: [RegExp, (...groups: string[]) => string][] = [
  [/<at\b[^>]*>([^<]*)<\/at>/gi, (_, name) => (name!.trim() ? `@${name!.trim()}` : '')],
  [/<@([^<>|]+)(?:\|([^<>]*))?>/g, (_, _id, name) => (name ? `@${name.replace(/^@/, '')}` : '')],
  [/<!([^<>|]+)(?:\|([^<>]*))?>/g, (_, _id, label) => label ?? ''],
  [/<#([^<>|]+)(?:\|([^<>]*))?>/g, (_, _id, name) => (name ? `#${name}` : '')],
  [/<((?:https?|mailto|tel):[^<>|]+)(?:\|([^<>]*))?>/g, (_, url, label) => label || url!],
  [/<\/?[a-z][\w:-]*(?:\s[^<>]*)?\/?(?:>|$)/gi, () => ' '],
];

/** Typed text without markup or mention syntax (a message with none comes back unchanged). */
export function stripMarkup(text: string): string {
  let out = text;
  for (const [pattern, keep] of MARKUP) out = out.replace(pattern, (...m: string[]) => keep(...m));
  return out === text ? text : out.replace(/[ \t]{2,}/g, ' ').trim();
}

/** A name with markup left in it (a broken tag, an angle bracket) or starting as a mention. */
export function looksLikeMarkup(name: string): boolean {
  return /[<>]|^[@#]/.test(name.trim());
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
  if (event.type === 'text') return { ...base, type: 'text', text: cleanText(event.text) };
  if (event.type === 'joined') return { ...base, type: 'joined' };
  return { ...base, type: 'action', action: { ...event.action, args: cleanValue(event.action.args) as Record<string, unknown> } };
}
