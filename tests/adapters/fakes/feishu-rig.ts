// The Feishu side of the adapter contract: signed, encrypted event requests as Feishu sends them
// (v2.0 envelope, AES-256-CBC body, X-Lark-Signature) and the fake open API the real SDK sends to.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ActionPayload } from '../../../src/chat/index.js';
import { createLogger } from '../../../src/log.js';
import { FeishuAdapter } from '../../../adapters/feishu/adapter.js';
import { encrypt, legacyCardSignatureOf, signatureOf } from '../../../adapters/feishu/crypto.js';
import { buttonValue } from '../../../adapters/feishu/outbound.js';
import type { ContractHarness, ContractRig, SentMessage } from '../contract-suite.js';
import { BOT_OPEN_ID, FakeFeishuApi, type FeishuSend } from './feishu-api.js';

export const ENCRYPT_KEY = 'test-encrypt-key-0123';
export const VERIFICATION_TOKEN = 'test-verification-token';
export const APP_ID = 'cli_a1b2c3d4e5f6a7b8';
export const TENANT = 'tk_fake_tenant';

export interface SignOptions { timestampOffsetS?: number; forge?: boolean; plain?: boolean }

/** A request to POST /webhooks/feishu carrying `payload` encrypted and signed (or not, per `o`). */
export function signedRequest(payload: object | string, o: SignOptions = {}): Request {
  const plain = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const raw = o.plain ? plain : JSON.stringify({ encrypt: encrypt(plain, ENCRYPT_KEY) });
  const timestamp = String(Math.floor(Date.now() / 1000) + (o.timestampOffsetS ?? 0));
  const nonce = randomUUID();
  const signature = signatureOf(timestamp, nonce, o.forge ? 'not-the-key' : ENCRYPT_KEY, raw);
  return new Request('http://localhost/webhooks/feishu', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': timestamp, 'x-lark-request-nonce': nonce, 'x-lark-signature': signature },
    body: raw,
  });
}

// The v2.0 header as documented. Its create_time unit differs by event: the card callback
// sample ("Card callback communication") is in microseconds ("1603977298000000"), the message
// sample ("Receive message") in milliseconds ("1608725989000").
const header = (eventId: string, eventType: string, createTime: string) => ({
  event_id: eventId, token: VERIFICATION_TOKEN, create_time: createTime, event_type: eventType, tenant_key: TENANT, app_id: APP_ID,
});

export interface MessageOptions { eventId: string; userId: string; text: string; group?: { mentioned: boolean }; messageType?: string; content?: object }

/** im.message.receive_v1. In a group the text starts with an @-mention: of the bot, or of a colleague. */
export function messageEvent(o: MessageOptions) {
  const mention = o.group && {
    key: '@_user_1', name: o.group.mentioned ? 'salesbot' : '张伟', tenant_key: TENANT,
    id: { open_id: o.group.mentioned ? BOT_OPEN_ID : 'ou_colleague', union_id: 'on_x', user_id: null },
  };
  const text = mention ? `@_user_1 ${o.text}` : o.text;
  return {
    schema: '2.0', header: header(o.eventId, 'im.message.receive_v1', String(Date.now())),
    event: {
      sender: { sender_id: { open_id: o.userId, union_id: `on_${o.userId}`, user_id: null }, sender_type: 'user', tenant_key: TENANT },
      message: {
        message_id: `om_${o.eventId}`, chat_id: o.group ? 'oc_group_1' : `oc_p2p_${o.userId}`, chat_type: o.group ? 'group' : 'p2p',
        message_type: o.messageType ?? 'text', content: JSON.stringify(o.content ?? { text }), create_time: String(Date.now()),
        mentions: mention ? [mention] : [],
      },
    },
  };
}

/** card.action.trigger for a button rendered with `action`; `createTime` defaults to now in µs. */
export function cardActionEvent(o: { eventId: string; userId: string; action: ActionPayload; kind?: 'direct' | 'group'; createTime?: string }) {
  return {
    schema: '2.0', header: header(o.eventId, 'card.action.trigger', o.createTime ?? `${Date.now()}000`),
    event: {
      operator: { tenant_key: TENANT, user_id: '867a1b2c', open_id: o.userId, union_id: `on_${o.userId}` },
      token: 'c-card-token', host: 'im_message',
      action: { tag: 'button', value: buttonValue({ label: '', action: o.action }, { kind: o.kind ?? 'direct', conversationId: `oc_p2p_${o.userId}` }) },
      context: { open_message_id: 'om_card_1', open_chat_id: `oc_p2p_${o.userId}` },
    },
  };
}

/** An old-format card callback (apps with the old card request URL), shaped as the documented
 * sample of "Message card callback interaction (old)": no schema, header, chat id or time. */
export function legacyCardAction(o: { userId: string; action: ActionPayload; chat: string; token?: string }) {
  return {
    open_id: o.userId, user_id: 'eu_sd923r0sdf5', open_message_id: 'om_abcdefg1234567890', tenant_key: TENANT,
    token: o.token ?? `c-${randomUUID().replace(/-/g, '')}`,
    action: { value: buttonValue({ label: '', action: o.action }, { kind: 'direct', conversationId: o.chat }), tag: 'button' },
  };
}

/** Signed as the old card request URL signs: hex(sha1(timestamp + nonce + verification token + body)), not encrypted. */
export function legacySignedRequest(payload: object, o: { timestampOffsetS?: number; token?: string } = {}): Request {
  const raw = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000) + (o.timestampOffsetS ?? 0));
  const nonce = randomUUID();
  return new Request('http://localhost/webhooks/feishu', {
    method: 'POST',
    headers: {
      'content-type': 'application/json', 'x-lark-request-timestamp': timestamp, 'x-lark-request-nonce': nonce,
      'x-lark-signature': legacyCardSignatureOf(timestamp, nonce, o.token ?? VERIFICATION_TOKEN, raw),
    },
    body: raw,
  });
}

const plainText = (x: unknown) => (x as { content?: string } | undefined)?.content ?? '';

/** What a user would read in a message the adapter sent (see adapters/feishu/outbound.ts). */
export function decodeSent(s: FeishuSend): SentMessage {
  const content = s.content as Record<string, unknown>;
  if (s.msgType === 'image') return { text: '', buttons: [], image: true };
  if (s.msgType === 'text') return { text: String(content.text), buttons: [] };
  const card = content as { header?: { title?: unknown }; elements: { tag: string; text?: unknown; fields?: { text: unknown }[]; actions?: { text: unknown; value: { salesbot: string } }[] }[] };
  const texts = [plainText(card.header?.title), ...card.elements.flatMap((e) => [plainText(e.text), ...(e.fields ?? []).map((f) => plainText(f.text))])];
  const buttons = card.elements.flatMap((e) => e.actions ?? []).map((a) => ({ label: plainText(a.text), action: JSON.parse(a.value.salesbot) as ActionPayload }));
  return { text: texts.filter(Boolean).join('\n'), buttons };
}

/** `o.speech`: the app may use speech-to-text (FEISHU_SPEECH=1); `o.log`: where the adapter logs. */
export async function feishuRig(o: { speech?: boolean; log?: Logger } = {}): Promise<ContractRig & { api: FakeFeishuApi; adapter: FeishuAdapter }> {
  const api = await new FakeFeishuApi().start();
  const adapter = new FeishuAdapter({
    appId: APP_ID, appSecret: 'test-app-secret', domain: api.url, mode: 'webhook', encryptKey: ENCRYPT_KEY, verificationToken: VERIFICATION_TOKEN, speech: o.speech,
  }, o.log ?? createLogger('silent'));
  let taken = 0;
  return {
    api, adapter,
    textMessage: (o) => signedRequest(messageEvent(o)),
    buttonClick: (o) => signedRequest(cardActionEvent(o)),
    forged: (o) => signedRequest(messageEvent(o), { forge: true }),
    replayed: (o) => signedRequest(messageEvent(o), { timestampOffsetS: -600 }),
    takeSent: () => api.sends.slice(taken, (taken = api.sends.length)).map(decodeSent),
    rateLimitNextSend: (seconds) => api.rateLimitNext(seconds),
    close: () => api.close(),
  };
}

export const feishuHarness: ContractHarness = { platform: 'feishu', start: feishuRig };
