// The slots of contracts and 回款 (issue #15, src/nlu/README.md "Slots beyond the contract"):
// a payment plan's contract amount and instalments, a payment's instalment and day, and what a
// payment question asks. Pure functions over the parse's SlotContext.
import type { Slots } from '../types.js';
import type { Extractor, SlotContext } from './assemble.js';
import { extractAmount } from './amount.js';
import { findPeriod, findScope } from './query.js';
import { findPeriodShift } from './query-extra.js';
import { PAY_COLLECTED_Q, PAY_OUTSTANDING_Q, PAY_OVERDUE_Q, PROMISED } from '../intent/payment-signals.js';

type Instalment = NonNullable<Slots['instalments']>[number];

// Where one instalment's words end: punctuation, a space next to Chinese, "and"/"then".
const SEPARATOR = /[，,；;、。:：\n]|\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+|\s+(?:and|then)\s+/gi;
const PERCENT = /(\d+(?:\.\d+)?)\s*[%％]/;
const LABEL_WORD = /签约|签合同|合同签订|首付|首款|首期|预付|定金|订金|进度款|中期|上线|验收|交付|到货|发货|实施|尾款|尾期|质保|第[一二三四五六七八九十\d]+期|[二三四五六2-6]期款?|signing|upfront|up front|deposit|advance|delivery|go-?live|acceptance|balance|final|retention|milestone/i;
/** "分三期", "in 3 instalments": how many, not one of them. */
const COUNT = /^分[\d一二两三四五六七八九十]+期$|^in \d+ (?:instalments|installments)$/i;
const CONTRACT = /合同|总额|总价|总金额|contract|total/i;
const FILLER = /^(?:付款?|支付|付清|pay(?:ment)?|paid|due)\s*|(?:付款?|支付|付清|之前|以前|前|due)$/gi;

interface Segment { text: string; start: number; end: number }

function segmentsOf(text: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (const m of text.matchAll(SEPARATOR)) {
    out.push({ text: text.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), start, end: text.length });
  return out.filter((s) => s.text.trim());
}

/** The instalment a segment states, or the contract amount it names, or nothing. */
function readSegment(c: SlotContext, s: Segment): { contract?: number; currency?: string; item?: Omit<Instalment, 'label'> & { label?: string } } {
  const text = s.text.trim();
  if (COUNT.test(text)) return {};
  const percent = PERCENT.exec(text);
  const amount = percent ? undefined : extractAmount(text);
  const label = LABEL_WORD.test(text);
  if (amount && !label && CONTRACT.test(text)) return { contract: amount.value, ...(amount.currency ? { currency: amount.currency } : {}) };
  if (!percent && !label) return {};
  const dates = c.dates.filter((d) => !d.timeOnly && d.index >= s.start && d.end <= s.end);
  let rest = text;
  for (const d of dates) rest = rest.replace(d.text, ' ');
  if (percent) rest = rest.replace(percent[0], ' ');
  rest = rest.replace(/(?:¥|￥|\$|US\$|RMB|CNY|USD)?\s?\d[\d,.]*\s?(?:千万|百万|万|亿|千|块钱|块|元|美元|美金|刀|million|[wWkKmM])?/g, ' ');
  const name = rest.replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '').replace(/\s+/g, ' ').trim().replace(FILLER, '').trim().slice(0, 30);
  const share = percent ? Number(percent[1]) : undefined;
  return {
    item: {
      ...(name ? { label: name } : {}),
      ...(share !== undefined && share > 0 && share <= 100 ? { share } : {}),
      ...(amount ? { amount: amount.value } : {}),
      ...(dates[0] ? { due: dates[0].value.slice(0, 10) } : {}),
    },
  };
}

/** set_payment_plan: "合同120万，分三期：签约30%，上线40%，验收30%". */
export const paymentPlan: Extractor = (c) => {
  const found = segmentsOf(c.text).map((s) => readSegment(c, s));
  const contract = found.find((f) => f.contract !== undefined);
  const zh = /[\u4e00-\u9fff]/.test(c.text);
  const instalments = found.flatMap((f) => (f.item ? [f.item] : [])).slice(0, 12)
    .map((item, i): Instalment => ({ ...item, label: item.label ?? (zh ? `第${i + 1}期` : `Instalment ${i + 1}`) }));
  return {
    ...(contract ? { contract_amount: contract.contract!, ...(contract.currency ? { currency: contract.currency } : {}) } : {}),
    ...(instalments.length ? { instalments } : {}),
  };
};

const WHICH: [RegExp, string][] = [
  [/首付|首款|首期|预付|定金|订金|第一期|第1期|\b(?:first|deposit|upfront|down payment)\b/i, 'first'],
  [/尾款|尾期|最后一期|\b(?:final|balance|last)\b/i, 'last'],
  [/第?二期|第2期|\bsecond\b|\b2nd\b/i, '2'],
  [/第?三期|第3期|\bthird\b|\b3rd\b/i, '3'],
  [/第?四期|第4期|\bfourth\b|\b4th\b/i, '4'],
];

/** A bare name said after the amount ("昨天到账15万 宁德"): the last word, when nothing else named one. */
const TRAILING_NAME = /(?:^|\s)([\u4e00-\u9fff]{2,12}|[A-Z][A-Za-z&.-]{1,30})\s*$/;

/** record_payment: the payment's day, the instalment named, the customer named last; money said
 * to come later (下周回款50万) keeps that date in `other_dates` and no day it arrived. */
export const paymentRecord: Extractor = (c) => {
  const which = WHICH.find(([re]) => re.test(c.text))?.[1];
  const ahead = c.dates.filter((d) => !d.timeOnly && d.value.slice(0, 10) > c.today).map((d) => d.value.slice(0, 10));
  if (ahead.length && PROMISED(c.text, true)) return { ...(which ? { instalment: which } : {}), other_dates: ahead.slice(0, 10) };
  const day = c.dates.find((d) => !d.timeOnly && d.value.slice(0, 10) <= c.today);
  const trailing = c.customer ? undefined : TRAILING_NAME.exec(c.masked)?.[1];
  return {
    ...(which ? { instalment: which } : {}),
    ...(day ? { occurred_at: day.value.slice(0, 10) } : {}),
    ...(trailing && !/回款|到账|收到|今天|昨天/.test(trailing) ? { customer: trailing } : {}),
  };
};

const QUESTION_WORD = /^(?:还有|还差|还剩)?(?:多少|哪些|什么|几笔|哪几笔)/;

/** query_payments: which question, for which period and whom. */
export const paymentQuery: Extractor = (c) => {
  const ask = PAY_OVERDUE_Q.test(c.text) ? 'overdue' : PAY_OUTSTANDING_Q.test(c.text) ? 'outstanding' : PAY_COLLECTED_Q.test(c.text) ? 'collected' : undefined;
  const shifted = findPeriodShift(c.text);
  const period = shifted ?? (findPeriod(c.text) ? { period: findPeriod(c.text)! } : {});
  const scope = findScope(c.text);
  // "还有多少没回" names no customer: a question word is never one.
  const notCustomer = c.customer && QUESTION_WORD.test(c.customer) ? { customer: undefined } : {};
  return { ...(ask ? { payment_ask: ask } : {}), ...period, ...(scope === 'team' ? { scope } : {}), ...notCustomer };
};
