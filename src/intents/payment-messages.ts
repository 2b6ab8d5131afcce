// What the bot says about contracts and 回款 (issue #15), in both languages. Its own table, like
// facts-messages.ts, so the shared one stays small. Amounts arrive formatted.
import { translator, type MessageTable } from '../i18n/index.js';

const messages = {
  planTitle: { zh: (p) => `回款计划 · ${p.customer} · 合同${p.total}`, en: (p) => `Payment plan · ${p.customer} · contract ${p.total}` },
  planAsk: { zh: '确认保存这个回款计划吗？', en: 'Save this payment plan?' },
  planSave: { zh: '保存回款计划', en: 'Save the plan' },
  planSaved: { zh: (p) => `已保存回款计划 · ${p.customer}（${p.count} 期）`, en: (p) => `Payment plan saved · ${p.customer} (${p.count} instalments)` },
  planSplit: { zh: '没说比例或金额的几期，平分剩余金额。', en: 'Instalments with no share or amount split the rest evenly.' },
  planSharesSum: {
    zh: (p) => `各期比例加起来是 ${p.sum}%，不是 100%，没有保存。请重说一遍，例如「合同120万，分三期：签约30%，上线40%，验收30%」。`,
    en: (p) => `The shares add up to ${p.sum}%, not 100%, so nothing was saved. Say it again, e.g. "contract 1.2M: 30% on signing, 40% on go-live, 30% on acceptance".`,
  },
  planNoTotal: {
    zh: (p) => `${p.customer} 的合同金额是多少？请带上金额再说一遍，例如「${p.customer} 合同120万，签约30%，上线40%，验收30%」。`,
    en: (p) => `What is the contract amount for ${p.customer}? Say it again with the amount, e.g. "${p.customer} contract 1.2M: 50% on signing, 50% in 60 days".`,
  },
  planAmountsSum: {
    zh: (p) => `各期金额合计 ${p.sum}，和合同金额 ${p.total} 对不上，没有保存。请重说一遍。`,
    en: (p) => `The instalments add up to ${p.sum}, not the contract's ${p.total}, so nothing was saved. Please say it again.`,
  },
  planNoItems: {
    zh: '没听出怎么分期。请说例如「合同120万，分三期：签约30%，上线40%，验收30%」。',
    en: 'I could not tell the instalments. Say e.g. "payment plan for Acme: 50% on signing, 50% in 60 days".',
  },
  planExists: {
    zh: (p) => `${p.customer} 的这个商机已经有回款计划（${p.count} 期），没有改。说「${p.customer}还有多少没回」可以查看。`,
    en: (p) => `This deal of ${p.customer} already has a payment plan (${p.count} instalments); nothing was changed. Ask "how much does ${p.customer} still owe" to see it.`,
  },
  noDeal: {
    zh: (p) => `${p.customer} 没有已赢单或进行中的商机，没有记录。先说「${p.customer}签了，合同…」。`,
    en: (p) => `${p.customer} has no won or open deal, so nothing was recorded. Say "${p.customer} signed, contract …" first.`,
  },
  whichDeal: { zh: (p) => `${p.customer} 有多个商机，是哪一个？`, en: (p) => `${p.customer} has several deals. Which one?` },
  noDate: { zh: '未定日期', en: 'no date' },
  paymentRecorded: { zh: (p) => `已记录回款 · ${p.customer} ${p.amount}`, en: (p) => `Payment recorded · ${p.customer} ${p.amount}` },
  appliedPart: { zh: (p) => `收 ${p.amount}，还差 ${p.left}`, en: (p) => `${p.amount} received, ${p.left} to go` },
  appliedFull: { zh: (p) => `收 ${p.amount}，已收齐`, en: (p) => `${p.amount} received, paid in full` },
  over: { zh: (p) => `超出计划 ${p.over}，已照实记录。`, en: (p) => `${p.over} over the plan, recorded as received.` },
  otherCurrency: {
    zh: (p) => `这笔是 ${p.currency}，合同是 ${p.dealCurrency}：单独记录，不折算，也不计入各期。`,
    en: (p) => `This payment is in ${p.currency} and the contract in ${p.dealCurrency}: recorded as is, not converted, and not matched to instalments.`,
  },
  noPlan: {
    zh: (p) => `${p.customer} 还没有回款计划，这笔记在商机上。说「合同…，分三期…」可以补上计划。`,
    en: (p) => `${p.customer} has no payment plan yet; the payment is recorded on the deal. Say "payment plan for ${p.customer}: …" to add one.`,
  },
  promised: {
    zh: (p) => `${p.customer} 的 ${p.amount} 还没到账（说的是${p.date}），没有记录回款。到账后再说「${p.customer}回款${p.amount}」；要提醒就说「${p.date}提醒我跟进${p.customer}回款」。`,
    en: (p) => `${p.amount} from ${p.customer} has not arrived yet (expected ${p.date}), so no payment was recorded. Tell me when it comes in; to be reminded, say "remind me on ${p.date} to follow up ${p.customer}'s payment".`,
  },
  noAmount: { zh: '收到多少？请带上金额，例如「招行回款36万」。', en: 'How much came in? Say it with the amount, e.g. "Acme paid 20k today".' },
  outstanding: { zh: '计划内未回', en: 'Still to collect' },
  received: { zh: '到账日期', en: 'Received on' },
  collectedTitle: { zh: (p) => `${p.who}${p.period}回款`, en: (p) => `${p.who ? `${p.who} ` : ''}collected ${p.period}` },
  collectedNone: { zh: (p) => `${p.who}${p.period}还没有回款记录。`, en: (p) => `No payments recorded ${p.period}${p.who ? ` (${p.who})` : ''}.` },
  total: { zh: '合计', en: 'Total' },
  overdueTitle: { zh: (p) => `逾期回款（${p.count} 笔）`, en: (p) => `Overdue payments (${p.count})` },
  overdueNone: { zh: '没有逾期的回款。', en: 'No overdue payments.' },
  overdueLine: { zh: (p) => `差 ${p.left} · 逾期 ${p.days} 天${p.owner}`, en: (p) => `${p.left} due · ${p.days} days overdue${p.owner}` },
  reason: { zh: (p) => ` · 原因：${p.reason}`, en: (p) => ` · reason: ${p.reason}` },
  outstandingTitle: { zh: (p) => `待回款${p.customer ? ` · ${p.customer}` : ''}：${p.total}`, en: (p) => `To collect${p.customer ? ` · ${p.customer}` : ''}: ${p.total}` },
  outstandingNone: { zh: (p) => `${p.customer || ''}没有待回款。`, en: (p) => `Nothing left to collect${p.customer ? ` from ${p.customer}` : ''}.` },
  outstandingLine: { zh: (p) => `还差 ${p.left}${p.due}`, en: (p) => `${p.left} to go${p.due}` },
  dueOn: { zh: (p) => ` · ${p.date}到期`, en: (p) => ` · due ${p.date}` },
  // The nudges (jobs/reminders/payments-due.ts) and their buttons.
  nudgeDue: { zh: (p) => `今天到期回款：${p.customer} · ${p.label} ${p.left}`, en: (p) => `Payment due today: ${p.customer} · ${p.label} ${p.left}` },
  nudgeOverdue: { zh: (p) => `回款逾期 ${p.days} 天：${p.customer} · ${p.label} ${p.left}`, en: (p) => `Payment ${p.days} days overdue: ${p.customer} · ${p.label} ${p.left}` },
  nudgeEscalate: {
    zh: (p) => `${p.owner} 的回款已逾期 ${p.days} 天：${p.customer} · ${p.label} ${p.left}`,
    en: (p) => `${p.owner}'s payment is ${p.days} days overdue: ${p.customer} · ${p.label} ${p.left}`,
  },
  buttonReceived: { zh: '已收到', en: 'Received' },
  buttonReschedule: { zh: '改期', en: 'New date' },
  buttonExplain: { zh: '说明原因', en: 'Give a reason' },
  receivedDone: { zh: (p) => `已记录回款 · ${p.customer} ${p.label} ${p.amount}，已收齐`, en: (p) => `Payment recorded · ${p.customer} ${p.label} ${p.amount}, paid in full` },
  alreadyPaid: { zh: (p) => `${p.customer} ${p.label} 已经收齐了。`, en: (p) => `${p.customer} ${p.label} is already paid in full.` },
  askDate: {
    zh: (p) => `${p.customer} ${p.label} 改到哪天？点一个，或直接回复日期（例如「1月15号」）。`,
    en: (p) => `When is ${p.customer} ${p.label} due now? Pick one, or reply with a date (e.g. "Jan 15").`,
  },
  inWeeks: { zh: (p) => `${p.n}周后`, en: (p) => `In ${p.n} weeks` },
  moved: { zh: (p) => `已改期 · ${p.customer} ${p.label} → ${p.date}`, en: (p) => `New due date · ${p.customer} ${p.label} → ${p.date}` },
  pastDate: { zh: '这个日期已经过去了，请给一个今天以后的日期。', en: 'That date has passed; please give one after today.' },
  askReason: {
    zh: (p) => `请说明 ${p.customer} ${p.label} 还没回款的原因，下一条消息会记为说明。`,
    en: (p) => `Why has ${p.customer} ${p.label} not been paid yet? Your next message is kept as the reason.`,
  },
  reasonSaved: { zh: (p) => `已记下原因 · ${p.customer} ${p.label}：${p.reason}`, en: (p) => `Reason noted · ${p.customer} ${p.label}: ${p.reason}` },
  instalmentGone: { zh: '这一期已经不在了（可能已撤销）。', en: 'That instalment no longer exists (it may have been undone).' },
} satisfies MessageTable;

export type PaymentMessage = keyof typeof messages;
export const pt = translator(messages);
