// Messages the bot cannot read (issue #13): an image, file, sticker, video or location with no
// text gets a short answer saying what the bot reads and what to do; a voice message the
// platform could not transcribe asks for text. A caption or rich text goes on as typed text, and
// a transcript is answered like a typed message, showing what was heard.
import type { Logger } from 'pino';
import type { InboundEvent, Reply, TextMessage } from '../chat/index.js';
import { cleanText } from '../chat/clean-text.js';
import type { Locale } from '../i18n/index.js';
import { native } from '../i18n/native.js';

/** A voice message's words from its platform (the adapter's `transcribe`); undefined: none. */
export type Transcribe = (event: TextMessage) => Promise<string | undefined>;

/** A voice message that came as audio (Feishu) is read as its transcript when the platform gives
 * one; otherwise it stays empty and attachmentReply asks for text. */
export async function withTranscript(event: InboundEvent, transcribe: Transcribe | undefined, log: Logger): Promise<InboundEvent> {
  if (event.type !== 'text' || !event.audio || event.transcribed || event.text.trim() || !transcribe) return event;
  try {
    const heard = cleanText((await transcribe(event)) ?? '').trim();
    return heard ? { ...event, text: heard, transcribed: true } : event;
  } catch (err) {
    log.warn({ err, platform: event.from.platform, eventId: event.eventId }, 'voice message not transcribed; asking for text');
    return event;
  }
}

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
