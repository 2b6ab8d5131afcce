// The public pool's (公海, issue #14) words: a list of it, a claim from it, a return to it.
// 公海 is the pool in every Chinese CRM; "pool" in English only next to a pool word.

/** "公海里有哪些客户", "公海客户", "看看公海", "pool customers", "what's in the pool". */
export const POOL_LIST = /公海(?:里|中|池)?(?:现在)?(?:还)?(?:有|的)?(?:哪些|什么|多少|啥)|(?:看看|查查?|查看|列出|显示)(?:一下)?公海|^公海(?:客户|池)?(?:列表|名单)?[?？]?$|公海(?:池)?(?:客户)?(?:列表|名单)|\bpool(?:ed)? (?:customers|accounts|list)\b|\b(?:customers|accounts) (?:in|from) the pool\b|\b(?:what'?s|what is|who'?s|show(?: me)?|list) (?:in )?the pool\b/i;

/** "领取 美团", "从公海领取美团", "认领美团", "claim Meituan". */
export const POOL_CLAIM = /^\s*(?:我(?:要|想)?)?(?:从公海(?:里|中)?)?(?:领取|认领|捞回?)\s*|^\s*(?:I'?d like to |I want to |let me )?claim\b/i;

/** "把美团退回公海", "美团放回公海", "release Meituan to the pool", "return Acme to the pool". */
export const POOL_RELEASE = /(?:退回|放回|扔回|还回|释放到?|放入|丢回|退到)公海|\b(?:release|return|send)\b.+\b(?:to|into|back to) the pool\b|^\s*release\s+\S/i;
