// Long-connection mode: the SDK's WSClient delivers events without a public URL. Its
// EventDispatcher hands each handler the header and event fields merged into one object; the
// handler's return value is the callback's answer (the toast for a card click). A throw makes
// the SDK answer 500, so Feishu delivers the event again (the same as the webhook's 503).
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from 'pino';
import type { InboundSink } from '../../src/delivery/inbound.js';
import type { Decoded } from './inbound.js';
import { ackFor } from './routes.js';
import { headerSchema, type EventHeader } from './schemas.js';
import { sdkOptions } from './sdk.js';

type Decode = (header: EventHeader, event: unknown) => Promise<Decoded>;

export function wsDispatcher(sink: InboundSink, decode: Decode, log: Logger): lark.EventDispatcher {
  const handle = async (flat: Record<string, unknown>) => {
    const header = headerSchema.parse(flat);
    const decoded = await decode(header, flat);
    if (decoded.kind === 'ignored') {
      log.debug({ eventId: header.event_id, reason: decoded.reason }, 'feishu event ignored');
      return ackFor(header.event_type);
    }
    await sink.accept(decoded.event);
    return ackFor(header.event_type);
  };
  return new lark.EventDispatcher(sdkOptions).register({
    'im.message.receive_v1': handle,
    'card.action.trigger': handle,
    'im.chat.member.bot.added_v1': handle,
    'im.chat.access_event.bot_p2p_chat_entered_v1': handle,
  } as Record<string, (data: Record<string, unknown>) => Promise<object>>);
}
