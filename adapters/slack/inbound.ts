// Slack payloads → neutral InboundEvents. Three sources, each per its Slack document:
// Events API callbacks (docs.slack.dev/apis/events-api: `message.im`, `app_mention`), slash
// commands (docs.slack.dev/interactivity/implementing-slash-commands) and Block Kit
// `block_actions` (docs.slack.dev/reference/interaction-payloads/block_actions-payload).
// Anything else decodes to nothing: acknowledged, never queued.
import { z } from 'zod';
import { actionPayloadSchema, type Address, type Attachment, type InboundEvent } from '../../src/chat/index.js';

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
  /** `file_share` messages (docs.slack.dev/reference/events/message/file_share): the caption is `text`. */
  files: z.array(z.object({ mimetype: z.string().optional(), filetype: z.string().optional() }).passthrough()).optional(),
  /** `member_joined_channel` (docs.slack.dev/reference/events/member_joined_channel). */
  inviter: z.string().optional(),
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
  if (e.type === 'member_joined_channel') return botJoined(body);
  if (!e.user || !e.channel || e.bot_id || (e.subtype && e.subtype !== 'file_share')) return null;
  const accepted = (e.type === 'message' && e.channel_type === 'im') || (e.type === 'app_mention' && kindOf(e.channel) === 'group');
  if (!accepted) return null;
  const text = e.type === 'app_mention' ? stripMention(e.text ?? '', botUserId(body)) : (e.text ?? '');
  const attachment = attachmentOf(e.files);
  return {
    type: 'text', text, eventId: body.event_id, ...(attachment && { attachment }),
    at: new Date((body.event_time ?? Date.now() / 1000) * 1000),
    from: { ...slack(body.team_id), userId: e.user },
    address: { ...slack(body.team_id), conversationId: e.channel, kind: kindOf(e.channel), ...(e.thread_ts && { threadId: e.thread_ts }) },
    ...(e.ts && { messageId: e.ts }),
  };
}

/** What a shared file is, by its MIME type; a voice clip is audio (Slack gives the app no transcript). */
function attachmentOf(files: SlackEvent['files']): Attachment | undefined {
  const type = files?.[0]?.mimetype ?? '';
  if (!files?.length) return undefined;
  return type.startsWith('image/') ? 'image' : type.startsWith('audio/') ? 'voice' : type.startsWith('video/') ? 'video' : 'file';
}

/** The bot itself joined a channel: a welcome there, from whoever invited it (none named: nothing). */
function botJoined(body: Callback): InboundEvent | null {
  const e = body.event;
  const bot = botUserId(body);
  if (!bot || e.user !== bot || !e.channel || !e.inviter) return null;
  return {
    type: 'joined', eventId: body.event_id, at: new Date((body.event_time ?? Date.now() / 1000) * 1000),
    from: { ...slack(body.team_id), userId: e.inviter },
    address: { ...slack(body.team_id), conversationId: e.channel, kind: kindOf(e.channel) },
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

export type SlashCommand = z.infer<typeof slashCommandSchema>;

/**
 * `/crm <text>` is the same as typing `<text>` to the bot. The answer is shown where it was
 * typed, to that user only (chat.postEphemeral), when the bot is in that channel; otherwise it
 * goes to the user's DM with the app (adapter.ts). A pipeline is never posted for the whole
 * channel to read. The address is the DM (ephemeralIn names the channel), so reminders later
 * still find the user there.
 * Slack does not retry slash commands; trigger_id is unique per invocation.
 */
export function fromSlashCommand(cmd: z.infer<typeof slashCommandSchema>): InboundEvent {
  const text = cmd.text.trim() || 'help';
  return {
    type: 'text', text, eventId: `cmd.${cmd.trigger_id}`, at: new Date(),
    from: { ...slack(cmd.team_id), userId: cmd.user_id },
    address: { ...slack(cmd.team_id), conversationId: cmd.user_id, kind: 'direct', ephemeralIn: cmd.channel_id },
  };
}

export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  api_app_id: z.string().optional(),
  team: z.object({ id: z.string().min(1) }).nullable().optional(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({
    channel_id: z.string().optional(), message_ts: z.string().optional(), thread_ts: z.string().optional(), is_ephemeral: z.boolean().optional(),
  }).optional(),
  message: z.object({ ts: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  /** Replaces the clicked message (replace_original), the only way to reach an ephemeral one. */
  response_url: z.string().url().optional(),
  trigger_id: z.string().min(1),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string().optional() })),
});
export type BlockActions = z.infer<typeof blockActionsSchema>;

/**
 * Each clicked button whose value is one of our action payloads becomes an action event. Its
 * source is the clicked message (ts, and response_url for an ephemeral one), which the answer
 * replaces. An ephemeral message has no `message` in the payload: the container names it, and an
 * answer that cannot replace it stays ephemeral in its thread.
 */
export function fromBlockActions(p: BlockActions): InboundEvent[] {
  const team = p.team?.id ?? p.user.team_id;
  const channel = p.channel?.id ?? p.container?.channel_id;
  if (!team || !channel) return [];
  const thread = p.message?.thread_ts ?? p.container?.thread_ts;
  const ts = p.message?.ts ?? p.container?.message_ts;
  const ephemeral = p.container?.is_ephemeral === true;
  const source = { ...(ts && { messageId: ts }), ...(p.response_url && { token: p.response_url }) };
  // An ephemeral card lives in a channel, but its answer is the user's: their DM is the address.
  const address: Address = ephemeral
    ? { ...slack(team), conversationId: p.user.id, kind: 'direct', ephemeralIn: channel }
    : { ...slack(team), conversationId: channel, kind: kindOf(channel), ...(thread && { threadId: thread }) };
  const replyTo = ephemeral ? (thread ?? ts) : ts;
  return p.actions.flatMap((a, i) => {
    const action = decodeAction(a.value);
    if (!action) return [];
    return [{
      type: 'action' as const, action, eventId: `act.${p.trigger_id}.${i}`, at: new Date(), source,
      from: { ...slack(team), userId: p.user.id }, address,
      ...(replyTo && { messageId: replyTo }),
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
