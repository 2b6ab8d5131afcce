// A customer-care callback's category and satisfaction score.
import type { Category } from '../types.js';

const CATEGORY_WORDS: [Category, RegExp][] = [
  ['renewal', /续费|续约|续签|续订|续期|续保|renewal|renew/i],
  ['care', /关怀|问候|节日|祝福|慰问|生日|拜年|(?:春节|中秋|元旦|国庆|端午|新年)(?:问候|祝福|关怀|慰问|回访|礼|红包)|\bcare\b|greeting|holiday|check[-\s]in call/i],
  ['feedback', /反馈|使用情况|使用体验|用得怎么样|意见|建议|吐槽|投诉|feedback|usage|complain/i],
  ['marketing', /活动|推广|营销|促销|新品|发布会|邀约|邀请|大会|峰会|沙龙|展会|marketing|promotion|campaign|webinar|event/i],
  ['satisfaction', /满意|评分|打分|打了?\d分|NPS|satisf|rating|rated|score|(?<![\d.])[1-5]\s*(?:\/\s*5|out of 5|分|星|stars?)(?![\d.])/i],
];

// "活动回访 … 春节营销活动": the word right before 回访 names the kind outright.
const BEFORE_CALLBACK: [Category, RegExp][] = [
  ['renewal', /(?:续费|续约|续签|续保)回访|\brenewal call(?:-?back)?\b|\b(?:callback|call)\b[^.;]{0,60}?\b(?:on|about|re|regarding) (?:the |their )?(?:contract )?renewal\b/i], ['care', /(?:关怀|问候|节日)回访/], ['feedback', /(?:反馈|使用|投诉|客诉)回访|\bfeedback call(?:-?back)?\b/i], ['marketing', /(?:活动|推广|营销)回访|关于[^,，。;；]{0,10}(?:活动|促销|推广|展会)/],
];

export function findCategory(text: string): Category | undefined {
  const named = BEFORE_CALLBACK.find(([, re]) => re.test(text))?.[0];
  if (named) return named;
  // 满意度回访 (CSAT, NPS) names the category outright, ahead of any other word.
  if (/满意度|satisfaction survey|satisfaction callback|\bsatisfaction\s*(?:score\s*)?[:=]?\s*[1-5]|\bCSAT\b|\bNPS\b/i.test(text)) return 'satisfaction';
  const found = CATEGORY_WORDS.find(([, re]) => re.test(text))?.[0];
  // "客户投诉上门服务老是迟到 很不满意": a complaint that comes with a score is a satisfaction callback.
  // A complaint the customer raised by itself (投诉：X …很不满意), with no callback made, stays feedback.
  return found === 'feedback' && COMPLAINT_ONLY.test(text) && findSatisfaction(text) !== undefined && SCORE_SAID.test(text) && CALLBACK_MADE.test(text) ? 'satisfaction' : found;
}

const CALLBACK_MADE = /回访|满意度|调查|callback|survey|satisf|\b(?:scored|rated)\b|(?<![\d.])[1-5]\s*(?:\/\s*5|out of 5)|(?<![\d.])[1-5一二三四五]\s*分(?!钟)/i;
// A complaint, not asked-for feedback (使用反馈, a feedback callback), is what a score outranks.
const COMPLAINT_ONLY = /^(?![\s\S]*(?:反馈|使用情况|使用体验|用得怎么样|feedback|usage))[\s\S]*(?:投诉|吐槽|抱怨|意见|建议|complain)/i;
// A score said outright: a number with a score word or unit, or a satisfaction word (满意度 alone names the kind).
export const SCORE_SAID = /(?<![\d.])[1-5一二三四五]\s*(?:分(?!钟|之|期)|颗?星)|(?:打|给|评)了?\s*[1-5]|分数|评分|打分|(?<!度)满意(?!度)|不满意|\brated\b|\bscored?\b|\brating\s*(?:of\s*)?[1-5]\b|satisf/i;
// A callback reported as done: a score, or the customer's answer taken down (客户确认续签).
// ("…宋总 电话里说节日期间一切正常": the customer's verdict heard is a callback made.)
export const CALLBACK_DONE = new RegExp(`${SCORE_SAID.source}|(?:回访|关怀)[^。;；]{0,40}?(?:说|表示|反馈)[^,，。;；]{0,16}(?:一切正常|运行正常|都正常|没(?:什么)?问题|挺好|很好|不错|满意|好用)|客户确认|已续|确认续|评价(?:一般|不错|挺好|很好|较好|较差|很差|还行|不高|很高|中等)|反馈(?:了|挺多|很多|不少)`, 'i');

const SCORE_LEAD = '(?:打了?个?|给了?|评了?|评分|打分|分数|满意度(?:评分|打分)?|得分|satisfaction(?: score)?|score[ds]?|rated|rating|gave(?: us)?(?: a)?)\\s*[:：为是了]?\\s*';
const SCORE_UNIT = '(?:分|星|颗星|\\/\\s*5|out of 5|stars?)';
// A digit after a score word, or any small number with a score unit. Chinese numerals only
// count with a unit, so 满意度一般 stays a word score.
const NUMERIC_SCORE = new RegExp(
  `${SCORE_LEAD}([1-5])(?![\\-~～到至]\\s*\\d)(?:\\s*${SCORE_UNIT})?(?![\\d.])|(?:${SCORE_LEAD})?(?<![\\d.十\\-~～到至])([1-5一二三四五两])\\s*${SCORE_UNIT}(?!\\d)`,
  'i',
);
const OUT_OF_TEN = /(?<![\d.])(10|[6-9])\s*分(?!钟|之|期|公司|店|局)|(?<![\d.])(10|[1-9])\s*(?:\/\s*10|out of (?:10|ten))\b/i;
const SCORE_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };
// "gave us five stars", "four out of five".
const EN_SCORE = /\b(one|two|three|four|five)\s+(?:stars?|out of (?:5|five))\b/i;
const EN_DIGIT: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
// "满分5分打了4分": the scale is no score.
const SCALE = /(?:满分|总分|1-5分?|1到5分?)\s*[1-5五]?\s*分?|[五5]分制|[五5]分(?:里|中|当中)/g;

// Most specific first: 非常不满意 before 不满意 before 满意.
const WORD_SCORES: [RegExp, number][] = [
  [/非常不满意?|很不满意?|极不满意|极度不满|特别不满意?|十分不满意?|(?:很|非常|特别|十分)(?:不高兴|生气|恼火)|发火|大发雷霆|very (?:dis|un)satisfied|very unhappy|extremely unhappy|furious|angry/i, 1],
  [/不满意|不太满意|不怎么满意|不满|不高兴|不开心|生气|有意见|dissatisfied|unsatisfied|unhappy|not (?:satisfied|happy)|满意度(?:最|很|偏|比较|有点)?(?:低|差)/i, 2],
  [/非常满意|很满意|特别满意|贼满意|超满意|老满意|相当满意|十分满意|超级满意|极其满意|非常好评|满意度(?:很|非常|特别)高|very (?:satisfied|happy)|extremely (?:satisfied|happy)|delighted|love[sd]? it/i, 5],
  [/一般般|(?<!兴趣|意向|需求|(?<!质)量|规模|预算)一般|还行|凑合|马马虎虎|中规中矩|neutral|so-so|\bokay\b|average/i, 3],
  [/满意|满意度(?:比较|挺|还)?(?:高|不错|好)|挺好|不错|好评|satisfied|happy|pleased/i, 4],
];

// "only gave us a three", "they scored it a two": a score said in English words.
const EN_GAVE = /\b(?:gave|scored|rated) (?:us |it |them )?(?:a |an )?(one|two|three|four|five)\b(?!\s+(?:stars?|out of))/i;

export function findSatisfaction(said: string): number | undefined {
  const worded = EN_GAVE.exec(said)?.[1];
  if (worded) return EN_DIGIT[worded.toLowerCase()];
  // "给了满分5分", "打了满分": full marks, not the scale.
  if (/(?:给了?|打了?|评了?)\s*(?:个)?满分|回访[^,，。;；]{0,24}满分(?!\s*[\d十(（])|^\s*满分(?!\s*[\d十(（])/.test(said)) return 5;
  const text = said.replace(SCALE, ' ');
  const stars = /[★⭐]{1,5}/.exec(text)?.[0];
  if (stars) return [...stars].length;
  const numeric = NUMERIC_SCORE.exec(text);
  const en = EN_SCORE.exec(text)?.[1];
  if (!numeric && en) return EN_DIGIT[en.toLowerCase()];
  const digit = numeric?.[1] ?? numeric?.[2];
  if (digit) return SCORE_DIGIT[digit] ?? Number(digit);
  // "9分", "8/10": a score out of ten, halved to the contract's 1–5 (9 → 5, 7 → 4, 6 → 3).
  const tenth = OUT_OF_TEN.exec(text);
  if (tenth) return Math.max(1, Math.round(Number(tenth[1] ?? tenth[2]) / 2));
  // "满意度打了4.5": a half mark counts as the whole below it.
  const half = /(?:打了?|给了?|评了?|评分|满意度)\s*[:：为是]?\s*([1-4])\.5(?!\d)/.exec(text)?.[1];
  if (half) return Number(half);
  // (满意度 names the kind, not a verdict: "回访一下X的满意度" gives no score.)
  const verdict = text.replace(/满意度(?!(?:很|非常|比较|挺|还|最|偏|有点)?(?:高|低|不错|好|差))/g, '度');
  const word = WORD_SCORES.find(([re]) => re.test(verdict))?.[1];
  if (word !== undefined) return word;
  // "回访 立白 4": a terse callback note ending on a lone score.
  const bare = /回访|callback/i.test(text) ? /(?:^|\s)([1-5])\s*$/.exec(text)?.[1] : undefined;
  return bare ? Number(bare) : undefined;
}
