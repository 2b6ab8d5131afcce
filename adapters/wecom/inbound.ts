// Decrypted callback XML → neutral InboundEvent (企业微信 "接收消息与事件": 文本, 图片, 语音,
// 视频, 位置, 链接 messages; the enter_agent event; "模板卡片事件推送" template_card_event). The
// self-built app's callback only carries a member's direct messages to the app; anything naming a
// group chat (ChatId / ChatType other than "single") is ignored, as are message and event types
// salesbot does not handle.
import { createHash } from 'node:crypto';
import type { Attachment, InboundEvent } from '../../src/chat/index.js';
import type { ActionKeys } from './action-keys.js';
import { leafFields, parseXml } from './xml.js';

export type Decoded = { event: InboundEvent } | { ignored: string } | { invalid: string } | { foreign: string };

export interface DecodeContext { corpId: string; agentId: string; keys: ActionKeys }

type Fields = Record<string, string>;
type Decoder = (f: Fields, ctx: DecodeContext) => Promise<Decoded>;

const DECODERS: Record<string, Decoder> = {
  text: async (f, ctx) => {
    const text = (f.Content ?? '').trim();
    if (!text) return { ignored: 'empty text' };
    if (!f.MsgId) return { invalid: 'text without MsgId' };
    return { event: { ...base(f, ctx, f.MsgId), type: 'text', text, messageId: f.MsgId } };
  },
  // A voice message carries WeCom's transcript in Recognition when speech recognition is on;
  // then it is read like typed text, otherwise the user is asked to type.
  voice: async (f, ctx) => {
    if (!f.MsgId) return { invalid: 'voice without MsgId' };
    const heard = (f.Recognition ?? '').trim();
    return { event: { ...base(f, ctx, f.MsgId), type: 'text', text: heard, attachment: 'voice', messageId: f.MsgId, ...(heard && { transcribed: true }) } };
  },
  image: attachment('image'),
  video: attachment('video'),
  location: attachment('location'),
  link: attachment('file'),
  file: attachment('file'),
  'event:template_card_event': async (f, ctx) => {
    const action = await ctx.keys.decode(f.EventKey ?? '');
    if (!action) return { ignored: 'card button key unknown or expired' };
    // The click's ResponseCode updates the clicked card once (update_template_card).
    const source = f.ResponseCode ? { token: f.ResponseCode } : undefined;
    return { event: { ...base(f, ctx, cardEventId(f)), type: 'action', action, ...(source && { source }) } };
  },
  // The member opened the app (进入应用): a welcome the first time only (the router remembers).
  'event:enter_agent': async (f, ctx) => ({ event: { ...base(f, ctx, `enter-${f.FromUserName}-${f.CreateTime ?? ''}`), type: 'joined' } }),
};

/** A message the bot cannot read: answered with what it reads and what to do. */
function attachment(kind: Attachment): Decoder {
  return async (f, ctx) => {
    if (!f.MsgId) return { invalid: `${kind} without MsgId` };
    return { event: { ...base(f, ctx, f.MsgId), type: 'text', text: '', attachment: kind, messageId: f.MsgId } };
  };
}

export async function decodeMessage(xml: string, ctx: DecodeContext): Promise<Decoded> {
  const parsed = parseXml(xml);
  if (!parsed.ok) return { invalid: `message xml: ${parsed.error}` };
  const f = leafFields(parsed.root);
  if (!f.FromUserName || !f.MsgType) return { invalid: 'no FromUserName or MsgType' };
  // The ciphertext names our corp (crypto.ts checks the receive id); the message must too.
  if (f.ToUserName !== ctx.corpId) return { foreign: `to ${f.ToUserName ?? '(none)'}` };
  if (f.AgentID && f.AgentID !== ctx.agentId) return { ignored: `event for agent ${f.AgentID}` };
  if (f.ChatId || (f.ChatType && f.ChatType !== 'single')) return { ignored: 'group chat' };
  const decoder = DECODERS[f.MsgType === 'event' ? `event:${f.Event ?? ''}` : f.MsgType];
  return decoder ? decoder(f, ctx) : { ignored: `unhandled ${f.MsgType}${f.Event ? `:${f.Event}` : ''}` };
}

function base(f: Fields, ctx: DecodeContext, eventId: string) {
  const user = f.FromUserName!;
  const seconds = Number(f.CreateTime);
  return {
    eventId,
    at: Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date(),
    from: { platform: 'wecom' as const, platformTenant: ctx.corpId, userId: user },
    address: { platform: 'wecom' as const, platformTenant: ctx.corpId, conversationId: user, kind: 'direct' as const },
  };
}

/**
 * Card clicks carry no MsgId. WeCom re-delivers the same click with the same TaskId,
 * ResponseCode and EventKey; a second click on the card gets a new ResponseCode.
 */
function cardEventId(f: Fields): string {
  if (f.MsgId) return f.MsgId;
  const h = createHash('sha256').update([f.FromUserName, f.TaskId, f.ResponseCode, f.EventKey].join('\n')).digest('base64url');
  return `card-${h.slice(0, 32)}`;
}
