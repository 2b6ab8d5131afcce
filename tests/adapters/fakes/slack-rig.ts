// The Slack side of the adapter contract: Events API and interaction requests signed as Slack
// signs them, and the fake Web API the real WebClient sends to, decoded into SentMessages.
import type { ActionPayload } from '../../../src/chat/index.js';
import { createLogger } from '../../../src/log.js';
import { slackAdapter } from '../../../adapters/slack/adapter.js';
import type { ContractHarness, ContractRig, SentMessage } from '../contract-suite.js';
import { channelMessage, clickRequest, eventRequest, FakeSlackApi, mention, SIGNING_SECRET, type SlackCall } from './slack-api.js';

type TextOptions = { eventId: string; userId: string; text: string; group?: { mentioned: boolean } };

/** Each user's DM with the app is its own D… channel. */
const dmOf = (userId: string) => `D${userId.toUpperCase()}`;

function textEvent(o: TextOptions): Record<string, unknown> {
  if (!o.group) return { type: 'message', channel: dmOf(o.userId), channel_type: 'im', user: o.userId, text: o.text, ts: '1700000000.000001' };
  return o.group.mentioned ? mention(o.userId, o.text) : channelMessage(o.userId, o.text);
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

interface ButtonElement { type: string; value?: string; text: { text: string } }

/** A chat.postMessage as the user sees it: the text, the buttons (their values decoded), an image after it. */
export function decodeSent(calls: SlackCall[]): SentMessage[] {
  const sent: SentMessage[] = [];
  for (const call of calls) {
    if (call.method === 'files.completeUploadExternal' && sent.length) sent[sent.length - 1]!.image = true;
    // A click's answer replaces its card (chat.update) or is ephemeral: each is a message the user sees.
    if (!['chat.postMessage', 'chat.update', 'chat.postEphemeral'].includes(call.method) || call.failed) continue;
    const blocks = JSON.parse(call.params.blocks ?? '[]') as { type: string; elements?: ButtonElement[] }[];
    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? [])
      .filter((e) => e.type === 'button' && e.value)
      .map((e) => ({ label: e.text.text, action: JSON.parse(e.value!) as ActionPayload }));
    sent.push({ text: unescape(call.params.text ?? ''), buttons });
  }
  return sent;
}

export const slackHarness: ContractHarness = {
  platform: 'slack',
  async start(): Promise<ContractRig> {
    const api = await new FakeSlackApi().start();
    const adapter = slackAdapter({ botToken: 'xoxb-contract', signingSecret: SIGNING_SECRET, apiUrl: api.url, log: createLogger('silent') });
    const tenMinutesAgo = () => Math.floor(Date.now() / 1000) - 600;
    return {
      adapter,
      textMessage: (o) => eventRequest(o.eventId, textEvent(o)),
      buttonClick: (o) => clickRequest(o.userId, JSON.stringify(o.action), o.eventId, { channel: dmOf(o.userId) }),
      forged: (o) => eventRequest(o.eventId, textEvent(o), { forge: true }),
      replayed: (o) => eventRequest(o.eventId, textEvent(o), { timestamp: tenMinutesAgo() }),
      takeSent: () => decodeSent(api.calls.splice(0, api.calls.length)),
      rateLimitNextSend: (seconds) => api.failNext({ status: 429, retryAfter: seconds }),
      close: () => api.close(),
    };
  },
};
