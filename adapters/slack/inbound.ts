// Slack payloads → neutral InboundEvents. Three sources, each per its Slack document:
// Events API callbacks (docs.slack.dev/apis/events-api: `message.im`, `app_mention`), slash
// commands (docs.slack.dev/interactivity/implementing-slash-commands) and Block Kit
// `block_actions` (docs.slack.dev/reference/interaction-payloads/block_actions-payload).
// Anything else decodes to nothing: acknowledged, never queued.
import { z } from 'zod';
import { actionPayloadSchema, type Address, type InboundEvent } from '../../src/chat/index.js';

const eventSchema = z.object({
  type: z.string(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  channel: z.string().optional(),
  channel_type: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
});

/** The envelope of every Events API request (`url_verification` or `event_callback`). */
export const eventsBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url_verification'), challenge: z.string() }),
  z.object({
    type: z.literal('event_callback'),
    team_id: z.string().min(1),
    api_app_id: z.string().optional(),
    event_id: z.string().min(1),
    event_time: z.number().optional(),
    event: eventSchema,
    authorizations: z.array(z.object({ user_id: z.string().optional(), is_bot: z.boolean().optional() })).optional(),
  }),
  z.object({ type: z.literal('app_rate_limited') }),
]);
export type EventsBody = z.infer<typeof eventsBodySchema>;
type Callback = Extract<EventsBody, { type: 'event_callback' }>;
type SlackEvent = z.infer<typeof eventSchema>;

/** Direct-message channel ids start with D; C and G are channels and private groups. */
export const kindOf = (channel: string): Address['kind'] => (channel.startsWith('D') ? 'direct' : 'group');

const slack = (team: string) => ({ platform: 'slack' as const, platformTenant: team });

/**
 * A user's message to the bot: every direct message, and channel messages only when they
 * mention the bot (`app_mention`). Edits, bot posts (ours included: they come back as
 * `message.im` too) and other subtypes are not messages from a person.
 */
export function fromEventCallback(body: Callback): InboundEvent | null {
  const e = body.event;
  if (!e.user || !e.channel || e.bot_id || e.subtype) return null;
  const accepted = (e.type === 'message' && e.channel_type === 'im') || (e.type === 'app_mention' && kindOf(e.channel) === 'group');
  if (!accepted) return null;
  const text = e.type === 'app_mention' ? stripMention(e.text ?? '', botUserId(body)) : (e.text ?? '');
  return {
    type: 'text', text, eventId: body.event_id,
    at: new Date((body.event_time ?? Date.now() / 1000) * 1000),
    from: { ...slack(body.team_id), userId: e.user },
    address: { ...slack(body.team_id), conversationId: e.channel, kind: kindOf(e.channel), ...(e.thread_ts && { threadId: e.thread_ts }) },
    ...(e.ts && { messageId: e.ts }),
  };
}

const botUserId = (body: Callback): string | undefined => body.authorizations?.find((a) => a.is_bot)?.user_id;

/** Removes the bot's `<@U123>` (or `<@U123|name>`); without a known bot id, the first mention. */
export function stripMention(text: string, botId?: string): string {
  const mention = botId ? new RegExp(`<@${botId}(?:\\|[^>]*)?>`, 'g') : /<@[A-Z0-9]+(?:\|[^>]*)?>/;
  return text.replace(mention, ' ').replace(/\s+/g, ' ').trim();
}

export const slashCommandSchema = z.object({
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  command: z.string().min(1),
  text: z.string().default(''),
  trigger_id: z.string().min(1),
  api_app_id: z.string().optional(),
});

/**
 * `/crm <text>` is the same as typing `<text>` to the bot. The answer goes to the user's DM
 * with the app (chat.postMessage to a user id): the bot need not be in the channel the command
 * was typed in, and a pipeline is not posted for the whole channel to read. Slack does not
 * retry slash commands; trigger_id is unique per invocation.
 */
export function fromSlashCommand(cmd: z.infer<typeof slashCommandSchema>): InboundEvent {
  const text = cmd.text.trim() || 'help';
  return {
    type: 'text', text, eventId: `cmd.${cmd.trigger_id}`, at: new Date(),
    from: { ...slack(cmd.team_id), userId: cmd.user_id },
    address: { ...slack(cmd.team_id), conversationId: cmd.user_id, kind: 'direct' },
  };
}

export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  api_app_id: z.string().optional(),
  team: z.object({ id: z.string().min(1) }).nullable().optional(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({ channel_id: z.string().optional(), message_ts: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  message: z.object({ ts: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  trigger_id: z.string().min(1),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string().optional() })),
});
export type BlockActions = z.infer<typeof blockActionsSchema>;

/** Each clicked button whose value is one of our action payloads becomes an action event. */
export function fromBlockActions(p: BlockActions): InboundEvent[] {
  const team = p.team?.id ?? p.user.team_id;
  const channel = p.channel?.id ?? p.container?.channel_id;
  if (!team || !channel) return [];
  const thread = p.message?.thread_ts ?? p.container?.thread_ts;
  return p.actions.flatMap((a, i) => {
    const action = decodeAction(a.value);
    if (!action) return [];
    return [{
      type: 'action' as const, action, eventId: `act.${p.trigger_id}.${i}`, at: new Date(),
      from: { ...slack(team), userId: p.user.id },
      address: { ...slack(team), conversationId: channel, kind: kindOf(channel), ...(thread && { threadId: thread }) },
      ...(p.message?.ts && { messageId: p.message.ts }),
    }];
  });
}

function decodeAction(value: string | undefined) {
  if (!value) return null;
  try {
    const parsed = actionPayloadSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
