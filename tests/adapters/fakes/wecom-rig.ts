// The WeCom harness for the shared adapter contract: callbacks encrypted and signed the way
// WeCom does (WXBizMsgCrypt), and the fake WeCom API's sends decoded back into SentMessages.
//
// Group chats: a self-built app's callback only ever carries a member's direct messages to the
// app — WeCom has no group message for it to send. `group` requests are therefore built with
// the ChatId/ChatType fields of WeCom's group-robot callback (the only WeCom callback that
// names a group chat), and the adapter ignores them, mentioned or not.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ActionPayload } from '../../../src/chat/index.js';
import { ActionKeys } from '../../../adapters/wecom/action-keys.js';
import { WecomCrypto } from '../../../adapters/wecom/crypto.js';
import { wecomAdapter } from '../../../adapters/wecom/index.js';
import type { TemplateCard } from '../../../adapters/wecom/outbound.js';
import { toXml } from '../../../adapters/wecom/xml.js';
import { createLogger } from '../../../src/log.js';
import type { ContractHarness, ContractRig, SentMessage } from '../contract-suite.js';
import { FAKE_SECRET, FakeWecomApi, type WecomSend } from './wecom-api.js';

export const RIG = { corpId: 'wwcontract00001', agentId: '1000003', token: 'rigToken', key: 'salesbotWecomKnownAnswerTestKey0123456789AA' };

type Body = { msgtype: string; text?: { content: string }; markdown?: { content: string }; template_card?: TemplateCard };

export function wecomHarness(redis: () => { redis: Redis; prefix: string }): ContractHarness {
  return { platform: 'wecom', groupChats: false, start: () => startRig(redis()) };
}

async function startRig({ redis, prefix }: { redis: Redis; prefix: string }): Promise<ContractRig> {
  const fake = await new FakeWecomApi().start();
  const crypto = new WecomCrypto(RIG.token, RIG.key, RIG.corpId);
  const keys = new ActionKeys(redis, prefix);
  const sent: SentMessage[] = [];
  /** The key the adapter really rendered for each action, by its JSON. */
  const renderedKeys = new Map<string, string>();
  fake.onSend = async (send) => { await decode(send, keys, sent, renderedKeys); };
  // A click's answer updates the clicked card: the new card, or its buttons' replacement text.
  fake.onCardUpdate = async (body) => {
    const replaced = (body.button as { replace_name?: string } | undefined)?.replace_name;
    if (replaced !== undefined) sent.push({ text: replaced, buttons: [] });
    else await decode({ accessToken: '', body: { msgtype: 'template_card', template_card: body.template_card } }, keys, sent, renderedKeys);
  };
  const adapter = wecomAdapter(
    { corpId: RIG.corpId, agentId: RIG.agentId, secret: FAKE_SECRET, token: RIG.token, encodingAesKey: RIG.key, apiBase: fake.url },
    // The contract's rate-limit case waits 20 s at most; production waits a minute.
    { log: createLogger('silent'), redis, keyPrefix: prefix, rateLimitWaitMs: 1000 },
  );
  const now = () => Math.floor(Date.now() / 1000);
  const request = (fields: Record<string, string | number>, o: { age?: number; forge?: boolean } = {}) => {
    const encrypt = crypto.encrypt(toXml(fields));
    const timestamp = String(now() - (o.age ?? 0));
    const nonce = String(randomBytes(4).readUInt32BE());
    const signature = crypto.sign(timestamp, nonce, o.forge ? encrypt.slice(1) : encrypt);
    const q = new URLSearchParams({ msg_signature: signature, timestamp, nonce });
    return new Request(`http://localhost/webhooks/wecom?${q}`, { method: 'POST', body: toXml({ ToUserName: RIG.corpId, Encrypt: encrypt, AgentID: RIG.agentId }) });
  };
  const text = (o: { eventId: string; userId: string; text: string; group?: { mentioned: boolean } }) => ({
    ToUserName: RIG.corpId, FromUserName: o.userId, CreateTime: now(), MsgType: 'text', MsgId: o.eventId, AgentID: RIG.agentId,
    Content: o.group?.mentioned ? `@salesbot ${o.text}` : o.text,
    ...(o.group && { ChatId: 'wrcontractgroup', ChatType: 'group' }),
  });
  return {
    adapter,
    textMessage: (o) => request(text(o)),
    buttonClick: (o) => request({
      ToUserName: RIG.corpId, FromUserName: o.userId, CreateTime: now(), MsgType: 'event', Event: 'template_card_event',
      EventKey: keyFor(o.action, renderedKeys), TaskId: 'sb_contract', CardType: 'button_interaction',
      // Each click has its own ResponseCode; WeCom's re-delivery of a click repeats it.
      ResponseCode: o.eventId, AgentID: RIG.agentId,
    }),
    forged: (o) => request(text(o), { forge: true }),
    replayed: (o) => request(text(o), { age: 600 }),
    takeSent: () => sent.splice(0),
    rateLimitNextSend: () => fake.rateLimitNext(),
    close: () => fake.close(),
  };
}

function keyFor(action: ActionPayload, rendered: Map<string, string>): string {
  const json = JSON.stringify({ intent: action.intent, args: action.args });
  return rendered.get(json) ?? json;
}

async function decode(send: WecomSend, keys: ActionKeys, sent: SentMessage[], rendered: Map<string, string>) {
  const body = send.body as Body;
  if (body.msgtype === 'image') {
    const last = sent.at(-1);
    if (last) last.image = true;
    else sent.push({ text: '', buttons: [], image: true });
    return;
  }
  const card = body.template_card;
  const buttons: SentMessage['buttons'] = [];
  for (const b of card?.button_list ?? []) {
    const action = await keys.decode(b.key);
    if (!action) throw new Error(`undecodable button key ${b.key}`);
    rendered.set(JSON.stringify(action), b.key);
    buttons.push({ label: b.text, action });
  }
  const text = card ? [card.main_title.title, card.sub_title_text].filter(Boolean).join('\n') : (body.text?.content ?? body.markdown?.content ?? '');
  sent.push({ text, buttons });
}
