// How the contact happened. The earliest channel word in the message wins: "met … they want a
// demo" was a visit, the demo is only wished for.
import type { Channel } from '../types.js';

const CHANNEL_WORDS: [RegExp, Channel][] = [
  [/\b(?:going|heading|flying|driving)(?: back| over| out)? to (?!(?:sign|close|be|have|need|want|send|call|email|ping|text|message|share|get|do|make|try|see if|push|move|follow)\b)(?=\S)|吃\s?(?:lunch|dinner|brunch)|见个面|见一面|碰个?面|碰个头|碰到了?|碰了(?:一下|下|个面|一面)|遇到了?|见到了?|偶遇|拜访(?!过的)|上门|面谈|见面|见了|见完|见到|喝(?:了|完)?[杯个]?(?:咖啡|茶)|巡(?:了|店)|走访|约了?(?:个|顿)?(?:饭|午饭|晚饭|饭局)|待了(?:一|整)?(?:下午|上午|天|整天)|\bon-?site\b|吃饭|吃完饭?|吃了饭|吃的饭|来(?:我们|我司|公司|厂里|工厂|展厅|总部)的?(?:展厅|公司|这边|厂里|工厂|车间)?(?:参观|交流|考察)|从[^,，。;；]{1,12}出来|刚从[^,，。;；]{1,12}回来|被[^,，。;；]{1,16}(?:叫|喊|拉|请)(?:了)?过去|踏勘|勘察|勘测|看现场|现场看了|吃了个饭|吃了顿|吃了个?[早午晚]饭|[早午晚]饭|[早午晚]餐|宵夜|(?:在|去)[^,，。;；]{1,14}见的|喝茶|喝咖啡|(?:喝|吃|饮)了?个?(?:下午茶|早茶)|饮茶|在(?:他们|对方|客户)的?(?:办公室|公司|工厂|厂里|现场|会议室|总部)|打了?[场个局轮]?(?:球|高尔夫|羽毛球|网球|台球|牌)|饭局|(?:饭桌|酒桌)上|接待了|(?<=^|[\s,，。]|刚|早上|上午|下午|中午|晚上|今天|已经)到(?!期|账|货|位|手|款|时候)[^,，。;；\s了]{2,14}了(?=[\s,，。]|$)|喝了?[场顿点]?酒|喝了(?:点|几杯|两杯|一杯|一顿)(?!水)|跑(?:了(?:一?趟|[\d一二两三四五六七八九]家)|一?趟)|走一趟|过去一?趟|陌拜|扫街|去过(?:一次|一趟|他们)|登门|约见|面聊|当面|(?<![过回出下失]|(?<![早晚])上)去(?!电话|邮件|微信|跟进|联系|年|掉|除|过|回|做|发|问|看看)(?![^,，。;；]{1,16}路上)(?=[\u4e00-\u9fffA-Za-z]{2})|\b(?:met|meet|meeting in person|visited|visit|lunch|dinner|coffee|onsite|on-site|in person|spent\b[^,.]{0,25}?\b(?:at|with)|dropped by|stopped by|swung by|(?:swing|swinging|stop|drop|pop|popping|stopping|dropping) by|popped (?:in|by)|went (?:to see|over to|out to|to visit|to their)|face to face|f2f|sat down (?=with\b|w\/))\b/i, 'visit'],
  // ("一直不接电话 今天终于在微信上回我了": the call not taken is no channel.)
  [/(?<!不接|没接|不回|没回|未接)电话(?![\s:：号]*\+?\d)(?!一直不接|不接)|打了个?电话|打给了?|打的是|(?:刚才|刚刚|刚)?打过来|打来(?!的)|打了[^,，。;；\s]{0,4}回访|致电|通话|来电|\b(?:called|call|phone|phoned|rang|ring|rung|dialed)\b|\bleft (?:a |an )?(?:vm|voicemail|voice ?mail)\b/i, 'call'],
  [/微信|wx|vx|\bwechat(?:ted)?\b/i, 'wechat'],
  [/邮件|邮箱|发邮|\be-?mail(?:ed)?\b/i, 'email'],
  [/开会|开完会|(?:交流|研讨|沟通|评审|启动|碰头|见面|推介|说明|技术|验收|汇报|协调|对接|答疑|论证|复盘)会|开了?个?(?:线上|视频)?会|会议(?!室)|视频会|线上会|腾讯会议|(?:飞书|钉钉|腾讯|企微)视频|视频(?:了|一下|聊|通话|沟通)|zoom|teams|\bmeeting\b|\bvideo call\b|\bVC (?:with|w\/)|\bcall with the team\b/i, 'meeting'],
  [/演示|demo|试用演示|产品展示/i, 'demo'],
];

// A demo given ("去万华做了产品演示", "演示了一下", "做完demo", "demo'd"): the demo is what happened,
// the trip there only its means; a demo only wished for ("they want a demo") is not.
const DEMO_DONE = /\bdemo\b[^,.;]{0,12}\bwent (?:well|great|ok|okay|fine|smoothly|badly)\b|demo给了|(?:demo|演示)给[^,，。;；]{1,30}?做完|(?:做|搞|给[^,，。;；]{1,10}做)了[^,，。;；]{0,6}(?:演示|demo)|演示(?:了|完|过)|(?:做|搞)完[^,，。;；]{0,4}(?:演示|demo)|demo(?:了|完|过)|\b(?:demo'?d|demoed|gave (?:a |an |the )?(?:\w+ )?demo|did (?:a |an |the )?(?:\w+ )?demo|ran (?:a |the )?demo)\b/i;

// "they want a demo", "对方想看个演示": a demo the customer asks for names no contact made.
const DEMO_WISHED = /\b(?:they|he|she|client|customer|[A-Z][a-z]+)\b[^.,;]{0,20}?\b(?:want|wants|wanted|asked for|asks for|need|needs|requested|would like|'d like)\b[^.,;]{0,16}?\bdemo\b|(?:他们|对方|客户|[总工])[^,，。;；]{0,6}(?:想|要|希望|需要|提出)[^,，。;；]{0,6}(?:演示|demo)/gi;

// "明天去燕园学校做个现场演示": a demo we go to give is how the next contact happens.
const DEMO_PLANNED = /做(?:个|一个|一次|一场)[^,，。;；]{0,4}(?:演示|demo)|带(?:上|着)?[^,，。;；]{0,6}(?:样机|设备|demo机)[^,，。;；]{0,4}(?:做|去)?(?:演示|demo)|(?:去|过去)[^,，。;；]{0,10}(?:演示|demo)/i;

export function findChannel(said: string): Channel | undefined {
  // 电话会议 is a conference call: a meeting.
  const text = said.replace(DEMO_WISHED, (m) => ' '.repeat(m.length)).replace(/电话会议/g, '  会议');
  let best: { index: number; channel: Channel; text: string } | undefined;
  for (const [re, channel] of CHANNEL_WORDS) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { index: m.index, channel, text: m[0] };
  }
  // Only a bare 去X or 在X的会议室 gives way to a demo given there; a stated visit or meeting stays the channel.
  if ((DEMO_DONE.test(text) || DEMO_PLANNED.test(text)) && (!best || (best.channel === 'visit' && /^[去在]/.test(best.text)))) return 'demo';
  return best?.channel;
}
