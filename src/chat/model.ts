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
export interface TextMessage extends InboundBase { type: 'text'; text: string }
export interface ButtonAction extends InboundBase { type: 'action'; action: ActionPayload }
export type InboundEvent = TextMessage | ButtonAction;

export type ButtonStyle = 'primary' | 'danger' | 'default';
export interface Button { label: string; action: ActionPayload; style?: ButtonStyle }
export interface Field { label: string; value: string }
export interface Card { title?: string; fields?: Field[]; buttons?: Button[] }

/** `text` is mandatory: it is what a surface without cards shows. */
export interface Reply { text: string; card?: Card; image?: { path: string; alt: string } }
