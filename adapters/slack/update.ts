// The two ways a Slack answer lands somewhere other than a new message (issue #13):
//  - the answer to a click replaces the clicked message: chat.update of its ts
//    (docs.slack.dev/reference/methods/chat.update), or for an ephemeral message, which
//    chat.update cannot reach, the click's response_url with `replace_original: true`
//    (docs.slack.dev/interactivity/handling-user-interaction#message_responses);
//  - the answer to /crm typed in a channel is ephemeral there (chat.postEphemeral), when the
//    bot is in that channel.
// Either falls back to a new message when Slack refuses (message gone, too old, bot not there).
import type { WebClient } from '@slack/web-api';
import type { Address, CardRef } from '../../src/chat/index.js';
import { PlatformError } from '../contract.js';
import type { SlackMessage } from './blocks.js';
import { classifySlackError } from './errors.js';

/** Refusals that a new message can make up for; rate limits and outages are retried instead. */
const fallsBack = (err: unknown) => err instanceof PlatformError && !err.isRetryable();

/** Replaces the clicked message; false when it could not be (the caller posts a new one). */
export async function replaceCard(client: WebClient, address: Address, ref: CardRef, message: SlackMessage, timeoutMs: number): Promise<boolean> {
  try {
    if (ref.token && (address.ephemeralIn || !ref.messageId)) await viaResponseUrl(ref.token, message, timeoutMs);
    else if (ref.messageId && !address.ephemeralIn) await client.chat.update({ channel: address.conversationId, ts: ref.messageId, text: message.text, blocks: message.blocks });
    else return false;
    return true;
  } catch (err) {
    const classified = classifySlackError(err);
    if (fallsBack(classified)) return false;
    throw classified;
  }
}

async function viaResponseUrl(url: string, message: SlackMessage, timeoutMs: number): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(timeoutMs),
      body: JSON.stringify({ replace_original: true, text: message.text, blocks: message.blocks }),
    });
  } catch (err) {
    throw new PlatformError('transient', `slack response_url: ${(err as Error).message}`);
  }
  // response_url answers 404 once it is used up (5 times) or older than 30 minutes.
  if (res.status === 429 || res.status >= 500) throw new PlatformError(res.status === 429 ? 'rate_limited' : 'transient', `slack response_url: HTTP ${res.status}`, 1000);
  if (!res.ok) throw new PlatformError('invalid_request', `slack response_url: HTTP ${res.status}`);
}

/** Posts the answer only the user sees; false when the bot is not in the channel (the caller DMs). */
export async function postEphemeral(client: WebClient, address: Address, message: SlackMessage, thread: string | undefined): Promise<boolean> {
  try {
    await client.chat.postEphemeral({
      channel: address.ephemeralIn!, user: address.conversationId, text: message.text, blocks: message.blocks,
      ...(thread && { thread_ts: thread }),
    });
    return true;
  } catch (err) {
    const classified = classifySlackError(err);
    if (classified.kind === 'target_gone') return false;
    throw classified;
  }
}
