// A contact who changed jobs: "李娜跳槽了，从美团去了快手，现在是快手的商务总监", "钱伟升职了，现在是
// 中国移动浙江公司的副总经理", "Sandra Li left Margie's Travel, she's now CIO at Blue Yonder". The
// person is the one who moved, the customer is where they are now, the title what they are now.
import { NOT_PERSON, SURNAMES, TITLE_TAIL } from './lexicon.js';

/** `stays`: a promotion at the same customer, nobody left anywhere. */
export interface JobChange { contact: string; customer?: string; title?: string; from?: string; stays?: true }

const MOVED_ZH = '(?:跳槽|升职|升了|调岗|调到|调去|离职|换工作|换了工作|去了|到了|加入了?|高升)';
const PERSON_ZH = new RegExp(`(?:^|[，,。\\s])([${SURNAMES}][\\u4e00-\\u9fff]{1,2}?|[${SURNAMES}](?:总|经理|工|主任|姐|哥)|[老小][${SURNAMES}])(?=${MOVED_ZH})`);
// "现在是快手的商务总监", "现在在字节当产品总监", "去了快手做商务总监".
const MOVED_STRONG = /跳槽|升职|升了(?:职|官)|调岗|离职|换(?:了)?工作|高升|调到|调去|加入了?/;
const NOW_AT_ZH = new RegExp(`(?:现在|目前|如今)(?:是|在|任)([^，,。;；\\s]{2,20}?)(?:的|当|做|任)([^，,。;；\\s]{0,8}?${TITLE_TAIL})`);
// "从美团去了快手", "离开了美团": the customer they left.
const LEFT_ZH = /(?:从|离开了?)([^，,。;；\s]{2,20}?)(?=去|跳|到|调|出来|离开|[，,。;；\s]|$)/;
const WENT_TO_ZH = /(?:去了|跳槽到|跳到|调到|调去|加入了?|到了)([^，,。;；\s]{2,20}?)(?=[，,。;；\s]|$|了|当|做|任)/;

const NAME_EN = String.raw`[A-Z][a-z]+(?:\s[A-Z][a-z]+)?`;
const COMPANY_EN = String.raw`[A-Z][\w&.'-]*(?:\s+(?:&\s+)?[A-Z][\w&.'-]*){0,4}`;
const PERSON_EN = new RegExp(String.raw`(?:^|[:,.]\s*)(${NAME_EN})\s+(?:has\s+)?(?:left|moved|switched|jumped|joined|is now|got promoted)\b`);
const NOW_AT_EN = new RegExp(String.raw`\b(?:(?:she|he)(?:'s|’s| is)\s+now|is now|now)\s+(?:the\s+)?(?:new\s+)?([A-Za-z ]{0,30}?)\s*(?:at|with|@)\s+(${COMPANY_EN})`);
const LEFT_EN = new RegExp(String.raw`\b(?:left|quit)\s+(${COMPANY_EN})`);
const JOINED_EN = new RegExp(String.raw`\b(?:joined|moved to|switched to|went to)\s+(${COMPANY_EN})(?:\s+as\s+(?:the\s+|their\s+|a\s+|an\s+|new\s+)*([A-Za-z ]{2,30}?)(?=[,.;]|$))?`);

// "Dana at Northwind got promoted to CPO": the same customer, a new title.
const PROMOTED_EN = new RegExp(String.raw`(?:^|[:,.]\s*)(${NAME_EN})(?:\s+(?:at|from|@)\s+(${COMPANY_EN}))?\s+(?:got|was|has been|just got|is)\s+promoted\s+to\s+(?:the\s+)?([A-Za-z ]{2,30}?)(?=\s*[,;.]|$)`);
// "Alvin Tan from Jumbo Seafood moved to procurement head": a new post (lower case) at the same customer.
const NEW_POST_EN = new RegExp(String.raw`(?:^|[:,]\s*|(?<!\b(?:Mr|Mrs|Ms|Dr|Prof))\.\s*)((?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?${NAME_EN})\s+(?:at|from|@)\s+(${COMPANY_EN})\s+(?:moved to|became|is now|switched to|took over as)\s+(?:the\s+|a\s+|an\s+)?((?:[a-z]+\s){0,3}(?:head|manager|director|lead|vp|officer|engineer|buyer|chief)(?:\s(?:of\s)?[a-z]+){0,2})(?=\s*[,;.]|$)`);
// "钱大妈的陈经理调去做区域总监了", "Kelly升了做Marriott的采购总监": a new post, at the same or a named customer.
const PROMOTED_ZH = new RegExp(`(?:([\\u4e00-\\u9fffA-Za-z0-9]{2,12}?)的)?([${SURNAMES}][\\u4e00-\\u9fff]{1,2}?|[${SURNAMES}](?:总|经理|工|主任|姐|哥|生|小姐)|[A-Z][a-z]+)(?:调去|调到|升职|升了|升任|被提拔|提拔)(?:成|为|做|当)?了?(?:([\\u4e00-\\u9fffA-Za-z0-9]{2,16}?)的)?([\\u4e00-\\u9fffA-Za-z]{0,6}?${TITLE_TAIL})`);

export function findJobChange(text: string): JobChange | undefined {
  return promotion(text) ?? movedZh(text) ?? movedEn(text);
}

/** A new post: at the same customer (nobody left), or at the one named after it (钱伟…调到X的副总). */
function promotion(text: string): JobChange | undefined {
  const promoted = PROMOTED_EN.exec(text);
  if (promoted?.[1]) return { contact: promoted[1], stays: true, ...(promoted[2] ? { customer: promoted[2] } : {}), ...(promoted[3] ? { title: promoted[3] } : {}) };
  const post = NEW_POST_EN.exec(text);
  if (post?.[1] && post[3]) return { contact: post[1], stays: true, customer: post[2]!, title: post[3] };
  const zh = PROMOTED_ZH.exec(text);
  if (!zh?.[2] || !zh[4] || NOT_PERSON.test(zh[2])) return undefined;
  const at = zh[3] ?? zh[1];
  const moved = zh[1] && zh[3] && zh[1] !== zh[3];
  return { contact: zh[2], title: zh[4], ...(at ? { customer: at } : {}), ...(moved ? { from: zh[1] } : { stays: true as const }) };
}

/** "李娜跳槽了，从美团去了快手，现在是快手的商务总监". */
function movedZh(text: string): JobChange | undefined {
  const named = PERSON_ZH.exec(text)?.[1];
  // "金额上调到130万": a word that starts like a family name is no one.
  const zh = named && !NOT_PERSON.test(named) && !/^金额|^预算|^价格/.test(named) ? named : undefined;
  const now = zh ? NOW_AT_ZH.exec(text) : null;
  // "张伟去了趟华为" is a visit: a move needs its word, or the post held now.
  if (!zh || !(MOVED_STRONG.test(text) || now)) return undefined;
  const went = WENT_TO_ZH.exec(text.slice(text.indexOf(zh) + zh.length));
  const customer = now?.[1] ?? went?.[1];
  const from = LEFT_ZH.exec(text)?.[1];
  const left = from && from !== customer ? { from } : {};
  if (!customer) return { contact: zh, ...left };
  return { contact: zh, customer, ...(now?.[2] ? { title: now[2] } : {}), ...left };
}

/** "Sandra Li left Margie's Travel, she's now CIO at Blue Yonder", "Tom joined Globex as head of sales". */
function movedEn(text: string): JobChange | undefined {
  const en = PERSON_EN.exec(text)?.[1];
  if (!en) return undefined;
  const nowEn = NOW_AT_EN.exec(text);
  const joined = JOINED_EN.exec(text);
  const title = (nowEn?.[1] ?? joined?.[2])?.trim();
  const customer = nowEn?.[2] ?? joined?.[1];
  const from = LEFT_EN.exec(text)?.[1]?.replace(/['’]s$/, '');
  return customer ? { contact: en, customer, ...(title ? { title } : {}), ...(from && from !== customer ? { from } : {}) } : undefined;
}
