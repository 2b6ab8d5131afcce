// The intent registry: one handler per contract intent (shared/nlu/CONTRACT.md).
import { addContact } from './add-contact.js';
import { createCustomer } from './create-customer.js';
import { help, unknown } from './help.js';
import { logActivity } from './log-activity.js';
import { queryCustomer } from './query-customer.js';
import { queryKpi } from './query-kpi.js';
import { queryPipeline } from './query-pipeline.js';
import { queryTasks } from './query-tasks.js';
import { recordCallback } from './record-callback.js';
import { scheduleFollowUp } from './schedule-follow-up.js';
import type { IntentHandler } from './types.js';
import { undo } from './undo.js';
import { updateDeal } from './update-deal.js';
import { reminderIntents } from './reminder-actions.js';
import { completeFollowUp } from './complete-follow-up.js';
import { amendCallback } from './amend-callback.js';
import { queryCallbacks } from './query-callbacks.js';
import { settingsIntents } from './settings.js';
import { admin } from './admin.js';
import { updateCustomer } from './update-customer.js';
import { queryContacts, queryCustomers } from './query-lists.js';
import { claimCustomer, poolIntents, queryPool, releaseCustomer } from './pool.js';
import { setTarget } from './set-target.js';
import { queryForecast } from './query-forecast.js';
import { queryTarget } from './query-target.js';
import { commitDeal } from './commit-deal.js';
import { setPaymentPlan } from './set-payment-plan.js';
import { recordPaymentIntent } from './record-payment.js';
import { queryPayments } from './query-payments.js';
import { paymentIntents } from './payment-actions.js';
import { ownershipIntents } from './ownership.js';

export const intents = {
  log_activity: logActivity,
  create_customer: createCustomer,
  add_contact: addContact,
  update_deal: updateDeal,
  schedule_follow_up: scheduleFollowUp,
  record_callback: recordCallback,
  query_pipeline: queryPipeline,
  query_customer: queryCustomer,
  query_kpi: queryKpi,
  query_tasks: queryTasks,
  // Issue #11: corrections to a customer, and the lists a "…有哪些" asks for.
  update_customer: updateCustomer,
  query_customers: queryCustomers,
  query_contacts: queryContacts,
  undo,
  help,
  unknown,
  // Beyond the parser's contract: buttons of reminders and callbacks, and settings (issue #5).
  ...reminderIntents,
  // "比亚迪的提醒完成了": a follow-up marked done by chat (issue #11).
  complete_follow_up: completeFollowUp,
  // "不对 是3分" right after a callback: its score corrected (issue #11).
  amend_callback: amendCallback,
  // "有没有客户投诉", "今天回访了几家 平均分多少": the callbacks of a period reviewed (issue #11).
  query_callbacks: queryCallbacks,
  ...settingsIntents,
  admin,
  // Issue #14: the public pool (公海) — list, claim, return; and the warning's keep buttons.
  query_pool: queryPool,
  claim_customer: claimCustomer,
  release_customer: releaseCustomer,
  ...poolIntents,
  // Issue #15: targets by chat, the forecast, a deal marked commit.
  set_target: setTarget,
  query_forecast: queryForecast,
  query_target: queryTarget,
  commit_deal: commitDeal,
  // Issue #15: contracts and 回款 by chat, and the buttons of a payment nudge.
  set_payment_plan: setPaymentPlan,
  record_payment: recordPaymentIntent,
  query_payments: queryPayments,
  ...paymentIntents,
  // Issue #14: transfers and collaboration — a rep's request, its approval, a manager's transfer.
  ...ownershipIntents,
} satisfies Record<string, IntentHandler>;

export type IntentName = keyof typeof intents;

/** Intents that only read: they need no audit batch (and are cheap to repeat). */
export const READ_ONLY = new Set<IntentName>([
  'query_pipeline', 'query_customer', 'query_kpi', 'query_tasks', 'query_customers', 'query_contacts', 'help', 'unknown', 'query_pool', 'query_forecast', 'query_payments', 'query_callbacks', 'query_target',
]);

/** Queries a "比亚迪呢" / "李娜呢" can repeat about someone else (router/awaits.ts). */
export const QUERIES = new Set<IntentName>(['query_pipeline', 'query_customer', 'query_kpi', 'query_tasks']);

export const isIntent = (name: string): name is IntentName => Object.hasOwn(intents, name);

export { argsSchema, type Args } from './args.js';
export type { AskOptions, Awaiting, IntentContext, IntentHandler } from './types.js';
