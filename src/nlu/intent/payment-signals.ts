// Word patterns of contracts and 回款 (issue #15): a payment plan stated, money received, and the
// three questions about it (collected, overdue, outstanding). classify.ts orders them: the
// questions first, then a plan said outright, then a payment received, then a plan implied
// by a win that names its instalments (美团签了 … 首付款下个月15号前 尾款验收后).

/** 本月回款多少, 这个月到账了多少, how much did we collect this month */
export const PAY_COLLECTED_Q = /(?:回款|到账|收款|回了|收了)(?:了)?(?:额)?(?:是)?(?:多少|几|情况|金额|总额|合计|汇总|怎么样|如何)|how much (?:did|have|has) (?:we|i|the team|my team) (?:collect|collected|receive|received|get paid|got paid)|(?:collections?|payments? (?:received|collected)|cash collected) (?:this|last|so far)|\bcollected (?:this|last|so far)/i;

/** 哪些款逾期了, 逾期回款, which payments are overdue */
export const PAY_OVERDUE_Q = /(?:哪些|什么|多少|有没有|几笔|哪几笔)[^，,。]{0,6}(?:款|账)[^，,。]{0,4}(?:逾期|超期|过期|拖欠)|逾期(?:未回|没回|的)?(?:款|回款|应收|账款)|(?:回款|应收|付款)(?:有)?(?:逾期|超期)|overdue (?:payments?|instalments?|installments?|invoices?|receivables?)|(?:payments?|instalments?|installments?|invoices?) (?:are |is )?(?:overdue|late|past due)/i;

/** 招行还有多少没回, 待回款, how much does Acme still owe */
export const PAY_OUTSTANDING_Q = /还(?:有|差|剩)?多少(?:钱|款)?(?:没|未)(?:回|收|付|到)|(?:没|未)(?:回|收)(?:的)?款(?:还有)?(?:多少|哪些)|待回款|应收(?:款|账款)?(?:还有)?多少|欠(?:我们)?多少|\boutstanding (?:payments?|balance|amount|receivables?)|(?:how much|what) (?:does|do|is) .{1,40} (?:still )?owe|still owes?\b|left to collect/i;

/** A plan said outright: 分三期, 付款计划, 签约30%, payment plan, 50% on signing. */
export const PLAN_STRONG = /分[\d一二两三四五六七八九十]+期|付款(?:方式|计划|节点|安排)|回款(?:计划|节点|安排)|payment (?:plan|schedule|terms)|\b(?:instalments|installments)\b|(?:签约|签合同|上线|验收|交付|到货|首付|尾款|预付)款?\s*\d+(?:\.\d+)?\s*[%％]|\d+(?:\.\d+)?\s*[%％]\s*(?:on|upon|at|in|after|within|before)\b/i;

/** Instalment words that make a win message a plan (美团签了 合同80万 首付款下个月15号前 尾款验收后). */
export const PLAN_WEAK = /首付|首款|尾款|预付款|定金|订金|进度款/;
/** The win or the contract the weak plan words ride on. */
export const PLAN_CONTEXT = /合同|签了|签约|签下|拿下|赢单|成交|contract|signed/i;

/** Money received: 招行回款36万, 收到美团首付款9万, Acme paid 20k, 昨天到账15万. */
// ("他说报价单收到了 那个260万的单子": a quote or a document received is no money received.)
const DOC = '(?:报价单?|方案|合同|资料|样品|样机|邮件|文件|标书|发票|消息|通知|货|东西)(?:已经|都|也)?';
export const PAY_RECEIVED = new RegExp(`(?<!跟进|跟|催|追|要|去要)回款(?!计划|节点|安排)|到账|到款|(?<!${DOC})收到(?:了)?[^，,。]{0,12}(?:款|钱)|(?<!${DOC})收(?:了|到)(?!\\s*(?:那个|这个))[^，,。]{0,8}\\d|打款|打了[^，,。]{0,6}款|付了|付款了|汇款|\\bpaid\\b|payment (?:received|came in|of)|received (?:a |the )?(?:payment|\\$|\\d)|\\bwired\\b`, 'i');

/** Money said to come on a later date (下周回款50万, 月底前到账) is a promise, not a payment received. */
const RECEIVED_NOW = /收到|已(?:经)?(?:回款|到账|付)|到账了|回款了|\b(?:paid|received|came in|wired)\b/i;
export const PROMISED = (text: string, hasFutureDate: boolean): boolean => hasFutureDate && !RECEIVED_NOW.test(text);
