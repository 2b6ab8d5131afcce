// The instructions for the language-model fallback, built from the contract's own tables
// (shared/nlu/CONTRACT.md) so the model and the rules answer in the same vocabulary.
import { CATEGORIES, CHANNELS, INTENTS, PERIODS, STAGES } from './types.js';

const INTENT_MEANINGS: Record<(typeof INTENTS)[number], string> = {
  log_activity: 'the rep talked to / visited / called a customer (may also carry deal facts and a next follow-up)',
  create_customer: 'a new customer company to add',
  add_contact: 'a new person at a customer, or new facts about one (title, phone, birthday)',
  update_deal: "a deal's amount / stage / close date changed, with no activity being reported",
  schedule_follow_up: 'a plan or reminder to follow up; it moves no stage',
  record_callback: 'a customer-care callback (回访) happened, often with a score',
  query_pipeline: 'show my (or the team\'s) funnel / open deals',
  query_customer: 'what is the state of one customer',
  query_kpi: 'performance numbers for a period',
  query_tasks: 'what must I follow up / call back',
  undo: 'take back the last change',
  help: 'how to use the bot',
  unknown: 'anything else (greetings, chit-chat, noise)',
  update_customer: "a correction of a customer's own fields (industry, tier) by chat",
  set_payment_plan: "a won deal's contract amount and payment plan (合同120万，分三期：签约30%…)",
  record_payment: 'money received from a customer (回款, 到账, paid)',
  query_payments: 'how much was collected, which payments are overdue, what is still outstanding',
  set_target: 'a manager sets a sales target for the team or a rep, for a year / quarter / month (今年团队目标3000万)',
  query_forecast: 'the forecast for a period: weighted pipeline and commit against target',
  commit_deal: 'the rep marks a deal as likely to close (美团这单有把握, commit Meituan)',
  query_pool: 'list the public pool (公海) of unowned customers, optionally by industry or tier',
  claim_customer: 'take a customer from the public pool (领取 美团, claim Meituan)',
  release_customer: 'return one of my customers to the public pool (把美团退回公海)',
  transfer_customer: "a manager hands a customer, or all of one rep's customers, to another rep (把美团转给李娜, 张伟的客户全部转给李娜)",
};

const SLOT_LINES = [
  'customer: string, the company as written, without honorifics',
  'contact: string, the person as written (张总, 李经理, Mr. Chen)',
  'title: string, job title', 'phone: string, digits only', 'email: string, lower-case',
  'birthday: "MM-DD" or "YYYY-MM-DD"', 'industry: string as written', 'tier: "A" | "B" | "C" (A类/重点客户 = A, 一般 = B, 小客户 = C)',
  `channel: ${CHANNELS.join(' | ')}`, 'amount: number in yuan or the currency written (50万 = 500000, 30k = 30000)',
  `stage: ${STAGES.join(' | ')}`, 'expected_close: "YYYY-MM-DD", when the deal is expected to be signed',
  'next_follow_up: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" local time', 'lost_reason: string as written',
  `category: ${CATEGORIES.join(' | ')}`, 'satisfaction: integer 1-5 (满意 = 4, 非常满意 = 5, 不满意 = 2, 很不满意 = 1, 一般 = 3)',
  `period: ${PERIODS.join(' | ')}`, 'scope: "me" | "team"',
  'occurred_at: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM", when the reported activity happened (never a follow-up)',
  'subject: string, the team member a query is about', 'rank: true for a ranking of the team; rank_by: "won" | "activities" | "follow_ups"',
  'period_offset: integer, -1 = the period before (上个月, 昨天), +1 = the next (下周, 明天)', 'new_deal: true for another deal at the customer',
  'task_kind: "follow_up" | "callback" | "overdue"', 'idle_days: integer, query_pipeline deals with no activity for that many days (0 = stale by the team rule)', 'ask: "contacts" (a customer\'s contacts) | "customers" (the list of my customers)',
  'follow_up_vague: string, a follow-up said too vaguely to date (as written)', 'other_dates: ["YYYY-MM-DD"], dates that are none of the above',
];

const TIME_RULES = [
  'Dates resolve in the local time of `now`.',
  'A bare weekday is the first such day strictly after today; weeks run Monday to Sunday; 下周X / next X is that day of next week; 下周 alone is next Monday.',
  '月底 = last day of this month; 下个月底 = last day of next month; a month named without a day = its last day; 季度末 = last day of the quarter; 年底 = Dec 31.',
  'M月D日 / Dec 5 = this year, or next year if passed. N天后 / in N days = now + N days.',
  'A time of day makes a datetime: 上午 09:00, 中午 12:00, 下午 14:00, 晚上 19:00 when no hour is said; 下午3点 = 15:00.',
  'A date not about signing or following up fills no slot.',
];

export function buildMessages(text: string, now: string): { role: 'system' | 'user'; content: string }[] {
  const system = [
    'You turn one CRM chat message from a sales rep (Chinese or English) into JSON {"intent": ..., "slots": {...}}.',
    'Intents:', ...INTENTS.map((i) => `- ${i}: ${INTENT_MEANINGS[i]}`),
    'Slots (omit any slot the message does not state; never null or ""):', ...SLOT_LINES.map((l) => `- ${l}`),
    'Time rules:', ...TIME_RULES.map((r) => `- ${r}`),
    `now = ${now}`,
    'Answer with the JSON object only.',
  ].join('\n');
  return [{ role: 'system', content: system }, { role: 'user', content: text }];
}
