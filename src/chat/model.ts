// The platform-neutral chat model. Adapters (web chat, Feishu, WeCom, Slack) translate their
// events into these types and render Reply back; nothing beyond adapters/ knows a platform.
import { z } from 'zod';

export type Platform = 'web' | 'feishu' | 'wecom' | 'slack' | 'wechaty';

/** A platform user; `platformTenant` scopes the id (Lark tenant_key, WeCom corp id, Slack team). */
export interface Identity {
  platform: Platform;
  platformTenant: string;
  userId: string;
  displayName?: string;
}

/** Where a reply goes, stored so jobs can write back later. */
export interface Address {
  platform: Platform;
  platformTenant: string;
  conversationId: string;
  kind: 'direct' | 'group';
  threadId?: string;
  /**
   * Answer in this other channel, visible only to the user (Slack's ephemeral answers to /crm
   * and to clicks on ephemeral cards); `conversationId` stays the user's direct chat, where the
   * answer goes when that is not possible and where jobs reach them later.
   */
  ephemeralIn?: string;
}

/** What a button carries: the same intent + arguments a typed message resolves to. */
export const actionPayloadSchema = z.object({
  intent: z.string().min(1).max(64),
  args: z.record(z.string(), z.unknown()).default({}),
});
export type ActionPayload = z.infer<typeof actionPayloadSchema>;

interface InboundBase {
  /** Unique per platform delivery source; the same id is applied once. */
  eventId: string;
  at: Date;
  from: Identity;
  address: Address;
  /** The platform's id of the message, when replies should thread under it. */
  messageId?: string;
}
/** What a message carried besides text, which the bot does not read (issue #13). */
export type Attachment = 'image' | 'file' | 'sticker' | 'voice' | 'video' | 'location';
export interface TextMessage extends InboundBase {
  type: 'text';
  text: string;
  /** The message also (or only) held this; its text, if any, is the caption or the rich text. */
  attachment?: Attachment;
  /** The text is the platform's transcript of a voice message ("我听到的是：…" on the answer). */
  transcribed?: boolean;
  /** A voice message's audio, untranscribed, for its adapter's `transcribe` (Feishu: the
   * message's file_key and length); the router asks for the words before reading the message. */
  audio?: { key: string; durationMs?: number };
}
/**
 * The card a click came from, so the answer can take its place. Opaque outside its adapter:
 * Feishu's open_message_id and callback token, Slack's message ts and response_url, WeCom's
 * ResponseCode, the web page's own id for the card.
 */
export interface CardRef { messageId?: string; token?: string }
export interface ButtonAction extends InboundBase { type: 'action'; action: ActionPayload; source?: CardRef }
/** First contact: the user opened the bot (WeCom enter_agent) or the bot was added to a chat. */
export interface Joined extends InboundBase { type: 'joined' }
export type InboundEvent = TextMessage | ButtonAction | Joined;

export type ButtonStyle = 'primary' | 'danger' | 'default';
export interface Button { label: string; action: ActionPayload; style?: ButtonStyle }
export interface Field { label: string; value: string }
export interface Card { title?: string; fields?: Field[]; buttons?: Button[] }

/**
 * `text` is mandatory: it is what a surface without cards shows. `replaces`: the answer to a
 * click takes the clicked card's place (updated in place; a new message when it cannot be).
 */
export interface Reply { text: string; card?: Card; image?: { path: string; alt: string }; replaces?: CardRef }
