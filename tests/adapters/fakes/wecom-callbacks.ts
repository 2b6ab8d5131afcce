// WeCom callbacks built as WeCom sends them (企业微信 "接收消息与事件"): the message XML encrypted
// and signed (WXBizMsgCrypt), wrapped in the outer <xml><ToUserName/><Encrypt/><AgentID/></xml>.
// Field names and formats follow the documented samples: CreateTime in seconds, MsgId, MediaId,
// Format amr + Recognition for voice, Location_X/Location_Y/Scale/Label, Event enter_agent,
// template_card_event with TaskId/CardType/ResponseCode.
import { randomBytes } from 'node:crypto';
import { WecomCrypto } from '../../../adapters/wecom/crypto.js';
import { toXml } from '../../../adapters/wecom/xml.js';
import { FAKE_SECRET } from './wecom-api.js';

export const CB = { corpId: 'wwnativetest0001', agentId: '1000005', token: 'nativeToken', key: 'salesbotWecomKnownAnswerTestKey0123456789AA' };
export const CB_ENV = { WECOM_CORP_ID: CB.corpId, WECOM_AGENT_ID: CB.agentId, WECOM_SECRET: FAKE_SECRET, WECOM_TOKEN: CB.token, WECOM_ENCODING_AES_KEY: CB.key };

const crypto = new WecomCrypto(CB.token, CB.key, CB.corpId);
const now = () => Math.floor(Date.now() / 1000);
type Fields = Record<string, string | number>;

export function wecomCallback(fields: Fields): Request {
  const encrypt = crypto.encrypt(toXml(fields));
  const timestamp = String(now());
  const nonce = String(randomBytes(4).readUInt32BE());
  const q = new URLSearchParams({ msg_signature: crypto.sign(timestamp, nonce, encrypt), timestamp, nonce });
  return new Request(`http://localhost/webhooks/wecom?${q}`, { method: 'POST', body: toXml({ ToUserName: CB.corpId, Encrypt: encrypt, AgentID: CB.agentId }) });
}

const head = (user: string, type: string) => ({ ToUserName: CB.corpId, FromUserName: user, CreateTime: now(), MsgType: type });

export const text = (user: string, content: string, msgId: string): Fields => ({ ...head(user, 'text'), Content: content, MsgId: msgId, AgentID: CB.agentId });
export const image = (user: string, msgId: string): Fields => ({ ...head(user, 'image'), PicUrl: 'https://wework.qpic.cn/x', MediaId: 'media_id', MsgId: msgId, AgentID: CB.agentId });
export const voice = (user: string, msgId: string, recognition?: string): Fields => ({
  ...head(user, 'voice'), MediaId: 'media_id', Format: 'amr', MsgId: msgId, AgentID: CB.agentId, ...(recognition !== undefined && { Recognition: recognition }),
});
export const video = (user: string, msgId: string): Fields => ({ ...head(user, 'video'), MediaId: 'media_id', ThumbMediaId: 'thumb_media_id', MsgId: msgId, AgentID: CB.agentId });
export const location = (user: string, msgId: string): Fields => ({
  ...head(user, 'location'), Location_X: '23.134521', Location_Y: '113.358803', Scale: 20, Label: '广州市海珠区', MsgId: msgId, AgentID: CB.agentId, AppType: 'wxwork',
});
export const enterAgent = (user: string, at = now()): Fields => ({ ...head(user, 'event'), CreateTime: at, Event: 'enter_agent', EventKey: '', AgentID: CB.agentId });
export const cardClick = (user: string, key: string, responseCode: string): Fields => ({
  ...head(user, 'event'), Event: 'template_card_event', EventKey: key, TaskId: 'sb_task', CardType: 'button_interaction', ResponseCode: responseCode, AgentID: CB.agentId,
});
