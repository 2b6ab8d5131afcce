// The Feishu payloads this adapter reads, validated at the edge. Only the fields used are named;
// the rest pass through. Documents: "Event subscription v2.0 envelope", "Receive message
// (im.message.receive_v1)", "Card callback (card.action.trigger)", "URL verification".
import { z } from 'zod';

export const encryptedSchema = z.object({ encrypt: z.string().min(1) });

export const urlVerificationSchema = z.object({
  type: z.literal('url_verification'),
  challenge: z.string(),
  token: z.string().optional(),
});

export const headerSchema = z.object({
  event_id: z.string().min(1).max(200),
  event_type: z.string(),
  create_time: z.string().optional(),
  token: z.string().optional(),
  app_id: z.string().optional(),
  tenant_key: z.string().min(1),
});
export type EventHeader = z.infer<typeof headerSchema>;

export const envelopeSchema = z.object({ schema: z.literal('2.0'), header: headerSchema, event: z.unknown() });

const mentionSchema = z.object({
  key: z.string(),
  id: z.object({ open_id: z.string().optional() }).loose(),
  name: z.string().optional(),
});
export type Mention = z.infer<typeof mentionSchema>;

export const messageEventSchema = z.object({
  sender: z.object({
    sender_id: z.object({ open_id: z.string().min(1) }).loose(),
    sender_type: z.string().optional(),
  }),
  message: z.object({
    message_id: z.string().min(1),
    chat_id: z.string().min(1),
    chat_type: z.string(),
    message_type: z.string(),
    content: z.string(),
    thread_id: z.string().optional(),
    mentions: z.array(mentionSchema).optional(),
  }),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

/** What our buttons carry in `value` (see outbound.ts): the action as JSON, the chat kind and id
 * (cards sent before the id was added carry none). */
export const buttonValueSchema = z.object({ salesbot: z.string(), kind: z.enum(['direct', 'group']).optional(), chat: z.string().min(1).optional() });

const actionSchema = z.object({ value: z.unknown(), tag: z.string().optional() }).loose();

export const cardActionEventSchema = z.object({
  operator: z.object({ open_id: z.string().min(1), tenant_key: z.string().optional() }).loose(),
  /** The card-update token ("c-…"): a delayed update of the clicked card within 30 minutes. */
  token: z.string().optional(),
  action: actionSchema,
  context: z.object({ open_message_id: z.string().optional(), open_chat_id: z.string().min(1).optional() }).loose(),
});
export type CardActionEvent = z.infer<typeof cardActionEventSchema>;

/** im.chat.member.bot.added_v1: the bot was added to a group ("Bot added to a group" event). */
export const botAddedEventSchema = z.object({
  chat_id: z.string().min(1),
  operator_id: z.object({ open_id: z.string().min(1) }).loose(),
});

/** im.chat.access_event.bot_p2p_chat_entered_v1: a user opened the bot's direct chat ("用户进入与
 * 机器人的会话"; the Node SDK's typings: chat_id, operator_id {union_id, user_id, open_id},
 * last_message_id, last_message_create_time in ms). Sent on every entry; the documented sample
 * carries a last message, and whether it is empty on the very first entry is not documented, so
 * who has been welcomed is decided by the router, not by it. */
export const p2pChatEnteredEventSchema = z.object({
  chat_id: z.string().min(1),
  operator_id: z.object({ open_id: z.string().min(1) }).loose(),
});

/** The old-format card callback (apps with the old card request URL): no `schema`, no header, no
 * chat id; `token` is the card-update token. Documents: "Message card callback interaction
 * (old)"; the SDKs' InteractiveCardActionEvent / CardAction types name the same fields. */
export const legacyCardActionSchema = z.object({
  open_id: z.string().min(1),
  user_id: z.string().optional(),
  open_message_id: z.string().min(1),
  open_chat_id: z.string().min(1).optional(),
  tenant_key: z.string().min(1),
  token: z.string().min(1).max(190),
  action: actionSchema,
});
