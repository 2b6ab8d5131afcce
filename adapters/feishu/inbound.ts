// Feishu events → the neutral model. Direct chats always; group chats only when the bot is
// @-mentioned, with that mention removed. Documents: "Receive message (im.message.receive_v1)",
// "Card callback (card.action.trigger)", "Bot added to a group (im.chat.member.bot.added_v1)",
// "User enters the chat with the bot (im.chat.access_event.bot_p2p_chat_entered_v1)".
import { actionPayloadSchema, type Address, type InboundEvent, type Identity } from '../../src/chat/index.js';
import { audioOf, messageAttachment, messageText } from './content.js';
import { eventTime } from './event-time.js';
import {
  botAddedEventSchema, buttonValueSchema, cardActionEventSchema, messageEventSchema, p2pChatEnteredEventSchema, type EventHeader, type Mention,
} from './schemas.js';

export type Decoded =
  | { kind: 'event'; event: InboundEvent }
  | { kind: 'ignored'; reason: string };

export interface DecodeContext {
  /** The bot's own open_id, to tell an @-mention of the bot from one of a colleague. */
  botOpenId: () => Promise<string>;
}

const at = (h: EventHeader) => eventTime(h.create_time);

function identity(h: EventHeader, openId: string): Identity {
  return { platform: 'feishu', platformTenant: h.tenant_key, userId: openId };
}

async function decodeMessage(h: EventHeader, raw: unknown, ctx: DecodeContext): Promise<Decoded> {
  const parsed = messageEventSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'ignored', reason: 'malformed message event' };
  const { sender, message: m } = parsed.data;
  if (sender.sender_type && sender.sender_type !== 'user') return { kind: 'ignored', reason: `sender is a ${sender.sender_type}` };
  // An image, file, voice… is answered with what the bot reads; a post keeps its text.
  const attachment = messageAttachment(m.message_type, m.content);
  // A voice message keeps its file_key: the worker asks speech-to-text for its words (speech.ts).
  const audio = audioOf(m.message_type, m.content);
  const text = messageText(m.message_type, m.content) ?? (attachment ? '' : undefined);
  if (text === undefined) return { kind: 'ignored', reason: `unsupported message type ${m.message_type}` };
  const group = m.chat_type !== 'p2p';
  const mentions = m.mentions ?? [];
  const bot = group || mentions.length ? await ctx.botOpenId() : '';
  if (group && !mentions.some((x) => x.id.open_id === bot)) return { kind: 'ignored', reason: 'group message without @bot' };
  const address: Address = {
    platform: 'feishu', platformTenant: h.tenant_key, conversationId: m.chat_id, kind: group ? 'group' : 'direct',
    ...(m.thread_id && { threadId: m.thread_id }),
  };
  const event: InboundEvent = {
    type: 'text', eventId: h.event_id, at: at(h), from: identity(h, sender.sender_id.open_id), address,
    messageId: m.message_id, text: resolveMentions(text, mentions, bot), ...(attachment && { attachment }), ...(audio && { audio }),
  };
  return { kind: 'event', event };
}

/** Drops the bot's `@_user_N`, turns a colleague's into `@Name`. */
export function resolveMentions(text: string, mentions: Mention[], botOpenId: string): string {
  let out = text;
  for (const m of mentions) out = out.split(m.key).join(m.id.open_id === botOpenId ? '' : `@${m.name ?? ''}`);
  return out.replace(/[ \t\u3000]{2,}/g, ' ').trim();
}

async function decodeCardAction(h: EventHeader, raw: unknown): Promise<Decoded> {
  const parsed = cardActionEventSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'ignored', reason: 'malformed card action' };
  const { operator, action, context, token } = parsed.data;
  const value = buttonValueSchema.safeParse(action.value);
  if (!value.success) return { kind: 'ignored', reason: 'not one of our buttons' };
  let payload;
  try {
    payload = actionPayloadSchema.parse(JSON.parse(value.data.salesbot));
  } catch {
    return { kind: 'ignored', reason: 'button value is not an action' };
  }
  const chat = context.open_chat_id ?? value.data.chat;
  if (!chat) return { kind: 'ignored', reason: 'card callback names no chat' };
  const address: Address = { platform: 'feishu', platformTenant: h.tenant_key, conversationId: chat, kind: value.data.kind ?? 'direct' };
  const event: InboundEvent = {
    type: 'action', eventId: h.event_id, at: at(h), from: identity(h, operator.open_id), address,
    action: payload, ...(context.open_message_id && { messageId: context.open_message_id }),
    // The answer replaces the clicked card: the callback's token, else the message id (outbound.ts).
    source: { ...(context.open_message_id && { messageId: context.open_message_id }), ...(token && { token }) },
  };
  return { kind: 'event', event };
}

/** First contact, welcomed once by the router (first-contact.ts): the bot added to a group (from
 * whoever added it), or a user opening the bot's direct chat (never someone it already talked with). */
function decodeJoined(kind: Address['kind'], schema: typeof botAddedEventSchema | typeof p2pChatEnteredEventSchema) {
  return async (h: EventHeader, raw: unknown): Promise<Decoded> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { kind: 'ignored', reason: `malformed ${h.event_type} event` };
    const { chat_id: chat, operator_id: operator } = parsed.data;
    const address: Address = { platform: 'feishu', platformTenant: h.tenant_key, conversationId: chat, kind };
    return { kind: 'event', event: { type: 'joined', eventId: h.event_id, at: at(h), from: identity(h, operator.open_id), address } };
  };
}

const decoders: Record<string, (h: EventHeader, event: unknown, ctx: DecodeContext) => Promise<Decoded>> = {
  'im.message.receive_v1': decodeMessage,
  'card.action.trigger': decodeCardAction,
  'im.chat.member.bot.added_v1': decodeJoined('group', botAddedEventSchema),
  'im.chat.access_event.bot_p2p_chat_entered_v1': decodeJoined('direct', p2pChatEnteredEventSchema),
};

export async function decodeEvent(h: EventHeader, event: unknown, ctx: DecodeContext): Promise<Decoded> {
  const decode = decoders[h.event_type];
  return decode ? decode(h, event, ctx) : { kind: 'ignored', reason: `event type ${h.event_type} not handled` };
}
