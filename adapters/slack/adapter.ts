// The Slack adapter: webhook routes (HTTP mode, with a signing secret) or a Socket Mode
// connection (with an app-level token), and `send` through the Web API's chat.postMessage
// (docs.slack.dev/reference/methods/chat.postMessage) plus files.uploadV2 for an image.
import { basename } from 'node:path';
import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Address, Reply } from '../../src/chat/index.js';
import type { InboundSink } from '../../src/delivery/inbound.js';
import type { Adapter, SendOptions } from '../contract.js';
import { renderReply, type SlackMessage } from './blocks.js';
import { classifySlackError } from './errors.js';
import { slackLogger } from './logger.js';
import { slackRoutes } from './routes.js';
import { startSocketMode, type SocketModeHandle } from './socket.js';
import { postEphemeral, replaceCard } from './update.js';

export const SLACK_API_URL = 'https://slack.com/api/';

export interface SlackAdapterOptions {
  botToken: string;
  /** HTTP mode: the app's Signing Secret (Basic Information → App Credentials). */
  signingSecret?: string;
  /** Pins the app (SLACK_APP_ID) and workspace (SLACK_TEAM_ID) webhooks are accepted for. */
  appId?: string;
  teamId?: string;
  /** Socket Mode: an app-level token (xapp-…) with connections:write. */
  appToken?: string;
  /** SLACK_COMMAND: the slash command answered (default /crm). */
  command?: string;
  apiUrl?: string;
  log: Logger;
  /** Request timeout for Web API calls. */
  timeoutMs?: number;
}

export function slackAdapter(opts: SlackAdapterOptions): Adapter {
  const apiUrl = withSlash(opts.apiUrl ?? SLACK_API_URL);
  const client = webClient(opts.botToken, apiUrl, opts.log, opts.timeoutMs);
  const posted = new PostedMessages();
  let socket: SocketModeHandle | undefined;
  return {
    platform: 'slack',
    // Slack allows about one message per second per channel, with short bursts; app-wide the
    // worker stays under this and honours Retry-After when Slack says otherwise.
    ratePerSecond: 10,
    send: (address, reply, sendOpts) => send(client, posted, address, reply, sendOpts, opts.timeoutMs ?? 10_000),
    ...(opts.signingSecret && { routes: (sink: InboundSink) => slackRoutes(sink, { signingSecret: opts.signingSecret!, appId: opts.appId, teamId: opts.teamId, command: opts.command, log: opts.log }) }),
    ...(opts.appToken && {
      async start(sink: InboundSink) {
        socket = await startSocketMode(sink, { appToken: opts.appToken!, apiUrl, log: opts.log, command: opts.command });
      },
    }),
    async stop() {
      await socket?.stop();
      socket = undefined;
    },
  };
}

/** The queue retries and waits (Retry-After): the client itself never retries or sleeps. */
export function webClient(token: string, apiUrl: string, log: Logger, timeoutMs = 10_000): WebClient {
  return new WebClient(token, {
    slackApiUrl: apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: timeoutMs, logger: slackLogger(log),
  });
}

/**
 * A reply with an image is two calls (the message, then the file). When the upload fails after
 * the message went out, the retry of the same delivery (same idempotency key, same process)
 * must not post the message again. Bounded: only in-flight retries need remembering.
 */
class PostedMessages {
  private readonly keys = new Set<string>();
  has(key: string) { return this.keys.has(key); }
  add(key: string) {
    this.keys.add(key);
    if (this.keys.size > 1000) this.keys.delete(this.keys.values().next().value!);
  }
  delete(key: string) { this.keys.delete(key); }
}

async function send(client: WebClient, posted: PostedMessages, address: Address, reply: Reply, opts: SendOptions, timeoutMs: number): Promise<void> {
  const message = renderReply(reply);
  // In a channel, answer in the thread of the message that asked (Slack etiquette); a DM reads top-level.
  // An ephemeral answer stays in the thread of the message it answers (replyTo).
  const thread = address.threadId ?? (address.kind === 'group' || address.ephemeralIn ? opts.replyTo : undefined);
  try {
    if (!posted.has(opts.idempotencyKey)) await place(client, address, reply, message, thread, timeoutMs);
    if (reply.image) {
      posted.add(opts.idempotencyKey);
      const file = { file: reply.image.path, filename: basename(reply.image.path), alt_text: reply.image.alt, title: reply.image.alt };
      await client.filesUploadV2(thread
        ? { ...file, channel_id: address.conversationId, thread_ts: thread }
        : { ...file, channel_id: address.conversationId });
      posted.delete(opts.idempotencyKey);
    }
  } catch (err) {
    throw classifySlackError(err);
  }
}

/** The clicked card replaced, an ephemeral answer, or a new message (also where those cannot be). */
async function place(client: WebClient, address: Address, reply: Reply, message: SlackMessage, thread: string | undefined, timeoutMs: number): Promise<void> {
  if (reply.replaces && await replaceCard(client, address, reply.replaces, message, timeoutMs)) return;
  if (address.ephemeralIn && await postEphemeral(client, address, message, thread)) return;
  // Not in the channel of an ephemeral answer: the user's DM with the app (a user id as channel).
  await client.chat.postMessage({
    channel: address.conversationId, text: message.text, blocks: message.blocks,
    unfurl_links: false, unfurl_media: false, ...(thread && !address.ephemeralIn && { thread_ts: thread }),
  });
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
