// Messages the bot cannot read (issue #13): an image, file, sticker, video or location with no
// text gets a short answer saying what the bot reads and what to do; a voice message the
// platform could not transcribe asks for text. A caption or rich text goes on as typed text, and
// a transcript is answered like a typed message, showing what was heard.
import type { Reply, TextMessage } from '../chat/index.js';
import type { Locale } from '../i18n/index.js';
import { native } from '../i18n/native.js';

/** The answer to an attachment that came without text; undefined when there is text to read. */
export function attachmentReply(event: TextMessage, locale: Locale): Reply | undefined {
  if (!event.attachment || event.text.trim()) return undefined;
  return { text: native(locale, `media.${event.attachment}`) };
}

/** "我听到的是：…" on the answer to a transcribed voice message: a card field, else the first line. */
export function withHeard(reply: Reply, event: TextMessage, locale: Locale): Reply {
  if (!event.transcribed) return reply;
  const label = native(locale, 'voice.heard');
  if (reply.card) return { ...reply, card: { ...reply.card, fields: [{ label, value: event.text }, ...(reply.card.fields ?? [])] } };
  return { ...reply, text: `${label}：${event.text}\n${reply.text}` };
}
