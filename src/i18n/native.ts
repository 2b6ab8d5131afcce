// Texts of the messenger-native answers (issue #13): the welcome on first contact, the answer to
// a message the bot cannot read (image, file, sticker, voice, video, location), and the line
// that shows what a voice message was heard as.
import { translator } from './messages.js';

export const native = translator({
  'welcome.title': { zh: '你好！我是 salesbot，在聊天里帮你记客户、跟进和商机', en: "Hi! I'm salesbot: I keep your CRM while you chat" },
  'welcome.body': {
    zh: '直接说一句话就行，比如：\n· 今天拜访了华为的张总，意向金额50万，下周三再跟进\n· 新客户：宁德时代，新能源行业，A类客户\n· 提醒我明天上午10点给比亚迪打电话',
    en: 'Just say it in one sentence, for example:\n· Visited Acme Corp today, budget 500k, follow up next Wednesday\n· new customer Stark Industries, manufacturing, tier A\n· remind me to call Globex tomorrow at 10am',
  },
  'media.image': { zh: '我还看不懂图片。请用文字告诉我要记什么，比如「今天拜访了华为的张总」。', en: 'I can\'t read images yet. Tell me in words what to log, e.g. "Visited Acme Corp today".' },
  'media.file': { zh: '我还读不了文件。请用文字告诉我要记什么，比如「比亚迪的报价发了，金额30万」。', en: 'I can\'t read files yet. Tell me in words what to log, e.g. "Sent Globex the quote, 30k".' },
  'media.sticker': { zh: '收到 🙂 要记录或查询什么，直接打字就行，比如「我的销售漏斗」。', en: 'Got it 🙂 Type what to log or ask, e.g. "my pipeline".' },
  'media.voice': { zh: '这条语音我没法转成文字，请发文字。', en: 'I couldn\'t turn this voice message into text. Please type it.' },
  'media.video': { zh: '我还看不了视频。请用文字告诉我要记什么。', en: 'I can\'t watch videos yet. Tell me in words what to log.' },
  'media.location': { zh: '收到位置，但我不记录位置。请用文字说明，比如「刚拜访了比亚迪的王总」。', en: 'Got the location, but I don\'t log places. Say it in words, e.g. "Just visited Globex".' },
  'voice.heard': { zh: '我听到的是', en: 'I heard' },
});
