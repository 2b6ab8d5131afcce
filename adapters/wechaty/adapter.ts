// A Wechaty bot (WeCom through a puppet such as WorkPro's wechaty-puppet-service) as an
// Adapter: a long connection started by the worker, no webhooks. Direct messages, and room
// messages that @-mention the bot (mention stripped), become neutral text events; replies go
// back with `say` as plain text — Wechaty has no buttons, so they are numbered options, and
// typing the number picks one (the router handles it). A picture, file, voice, video, sticker or
// location sent directly is answered with what the bot reads (#13); in a room it cannot mention
// the bot and is left alone.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FileBox } from 'file-box';
import type { Logger } from 'pino';
import { WechatyBuilder, type Message, type Wechaty } from 'wechaty';
import type { WechatyOptions } from 'wechaty';
import { PlatformError, type Adapter } from '../contract.js';
import { textOnly, type Address, type Attachment, type InboundEvent, type Reply } from '../../src/chat/index.js';
import type { InboundSink } from '../../src/delivery/inbound.js';

export interface WechatyAdapterOptions {
  /** A puppet name (`wechaty-puppet-service`) or instance (tests: wechaty-puppet-mock). */
  puppet: NonNullable<WechatyOptions['puppet']>;
  /** The platform tenant every user of this bot belongs to. */
  tenant: string;
  log: Logger;
}

/** Messages older than this at arrival are history the puppet replays on login, not requests. */
const MAX_AGE_SECONDS = 5 * 60;
/** Personal-account style bots get restricted when they talk fast; stay well below. */
const RATE_PER_SECOND = 1;

/** Wechaty message types (Message.Type names) the bot answers without reading. */
const ATTACHMENTS: Record<string, Attachment> = {
  Image: 'image', Attachment: 'file', Audio: 'voice', Video: 'video', Emoticon: 'sticker', Location: 'location',
};

export function wechatyAdapter(opts: WechatyAdapterOptions): Adapter {
  let bot: Wechaty | undefined;

  /** The attachment a direct non-text message is; undefined for text and for what is not answered. */
  function attachmentOf(msg: Message): Attachment | undefined {
    const name = (bot!.Message.Type as unknown as Record<number, string>)[msg.type()];
    return msg.room() || !name ? undefined : ATTACHMENTS[name];
  }

  async function toEvent(msg: Message): Promise<InboundEvent | undefined> {
    const attachment = msg.type() === bot!.Message.Type.Text ? undefined : attachmentOf(msg);
    if (msg.self() || (msg.type() !== bot!.Message.Type.Text && !attachment) || msg.age() > MAX_AGE_SECONDS) return undefined;
    const room = msg.room();
    if (room && !(await msg.mentionSelf())) return undefined;
    const text = attachment ? '' : (room ? await msg.mentionText() : msg.text()).trim();
    if (!text && !attachment) return undefined;
    const talker = msg.talker();
    return {
      type: 'text', text, eventId: msg.id, at: msg.date(), messageId: msg.id, ...(attachment && { attachment }),
      from: { platform: 'wechaty', platformTenant: opts.tenant, userId: talker.id, displayName: talker.name() },
      address: { platform: 'wechaty', platformTenant: opts.tenant, conversationId: room ? room.id : talker.id, kind: room ? 'group' : 'direct' },
    };
  }

  async function onMessage(msg: Message, sink: InboundSink) {
    try {
      const event = await toEvent(msg);
      if (event) await sink.accept(event);
    } catch (err) {
      // No webhook to answer 503 to: the message is lost unless the user repeats it.
      opts.log.error({ err: (err as Error).message, messageId: msg.id }, 'wechaty message not queued');
    }
  }

  async function conversation(address: Address) {
    if (!bot) throw new PlatformError('transient', 'wechaty: the bot is not running');
    const id = address.conversationId;
    const found = await (address.kind === 'group' ? bot.Room.find({ id }) : bot.Contact.find({ id })).catch(() => undefined);
    // Puppets answer an unknown id with undefined or an error alike: either way it is not there.
    if (!found) throw new PlatformError('target_gone', `wechaty: no ${address.kind} conversation ${id}`);
    return found;
  }

  return {
    platform: 'wechaty',
    ratePerSecond: RATE_PER_SECOND,
    async start(sink) {
      if (bot) return; // the worker starts long connections; a second start must not add a bot
      bot = WechatyBuilder.build({ puppet: opts.puppet });
      bot.on('message', (msg) => void onMessage(msg, sink));
      bot.on('error', (err) => opts.log.warn({ err: err.message }, 'wechaty error'));
      bot.on('login', (user) => opts.log.info({ user: user.id }, 'wechaty logged in'));
      await bot.start();
    },
    async stop() {
      await bot?.stop();
      bot = undefined;
    },
    async send(address: Address, reply: Reply) {
      if (address.platformTenant !== opts.tenant) throw new PlatformError('invalid_request', `wechaty: address is for ${address.platformTenant}`);
      const to = await conversation(address);
      try {
        await to.say(textOnly(reply));
        // base64, not a path: puppets serialise the FileBox (over gRPC), and a path one cannot be.
        if (reply.image) await to.say(FileBox.fromBase64((await readFile(reply.image.path)).toString('base64'), basename(reply.image.path)));
      } catch (err) {
        throw new PlatformError('transient', `wechaty say: ${(err as Error).message}`.slice(0, 300));
      }
    },
  };
}
