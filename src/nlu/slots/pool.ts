// Slots of the public pool's intents (issue #14): the customer claimed or returned — read off
// the words around the verb when the dictionary does not know it — and a list's filters
// (industry, tier: "公海里有哪些制造业客户", "tier A pool customers").
import type { Slots } from '../types.js';
import { findTier } from './profile.js';

type Context = { text: string; customer?: string };

const CLAIMED = [
  /(?:领取|认领|捞回?)\s*(?:公海(?:里|中)?的?)?(?:客户)?\s*[「“"]?([^，。,.!！?？「」“”"]{1,40}?)[」”"]?\s*(?:这个客户|吧|啊|呀)?\s*[。.!！]?$/,
  /\bclaim\s+(?:the\s+)?(?:customer\s+|account\s+)?(.{1,40}?)\s*(?:from the pool|for me)?\s*[.!]?$/i,
];
const RELEASED = [
  /(?:把|将)\s*(.{1,40}?)\s*(?:退回|放回|扔回|还回|释放到?|放入|丢回|退到)公海/,
  /^(.{1,40}?)\s*(?:退回|放回|扔回|还回|释放到?|放入|丢回|退到)公海/,
  /\b(?:release|return|send)\s+(.{1,40}?)\s+(?:(?:back\s+)?(?:to|into)\s+the\s+pool)\b/i,
  /^\s*release\s+(.{1,40}?)\s*[.!]?$/i,
];

// The words the verb governs come first: the general reader takes the verb for a name (领取).
function named(c: Context, patterns: RegExp[]): Partial<Slots> {
  for (const re of patterns) {
    const name = re.exec(c.text)?.[1]?.trim();
    if (name) return { customer: name };
  }
  return c.customer ? { customer: c.customer } : {};
}

export const claimedCustomer = (c: Context) => named(c, CLAIMED);
export const releasedCustomer = (c: Context) => named(c, RELEASED);

// "公海里有哪些制造业客户": the words between the question and 客户; a tier word is no industry.
const INDUSTRY_ZH = /(?:哪些|什么|啥|多少|的)\s*([\u4e00-\u9fff]{2,8}?)(?:行业|类)?的?(?:客户|公司)/;
const INDUSTRY_EN = /\b(?:in|from)\s+(?:the\s+)?([a-z][a-z -]{1,24}?)\s+(?:industry|sector)\b|\b([a-z]{3,20})\s+(?:customers|accounts)\s+in\s+the\s+pool\b/i;
const NOT_INDUSTRY = /^(?:公海|重点|重要|一般|普通|小|长尾|大|核心|战略|所有|全部|哪些|这些|我的|pool|tier|all|the)$|[ABC]$/i;

export function poolFilters(c: Context): Partial<Slots> {
  const m = INDUSTRY_ZH.exec(c.text) ?? INDUSTRY_EN.exec(c.text);
  const industry = (m?.[1] ?? m?.[2])?.trim();
  const tier = findTier(c.text);
  return { ...(industry && !NOT_INDUSTRY.test(industry) ? { industry } : {}), ...(tier ? { tier } : {}) };
}
