// The contract's vocabulary (shared/nlu/CONTRACT.md) as types and as a zod schema.
// The schema is the one source of truth for "a valid answer": the property tests and the
// language-model fallback both validate against it.
import { z } from 'zod';

export const INTENTS = [
  'log_activity', 'create_customer', 'add_contact', 'update_deal', 'schedule_follow_up',
  'record_callback', 'query_pipeline', 'query_customer', 'query_kpi', 'query_tasks',
  'undo', 'help', 'unknown', 'update_customer',
  // Contracts and 回款 (issue #15).
  'set_payment_plan', 'record_payment', 'query_payments',
  // Targets, forecast and commit (issue #15).
  'set_target', 'query_forecast', 'commit_deal',
  // The public pool, 公海 (issue #14).
  'query_pool', 'claim_customer', 'release_customer',
  // A manager's transfer of customers (issue #14).
  'transfer_customer',
] as const;
export const CHANNELS = ['visit', 'call', 'wechat', 'email', 'meeting', 'demo'] as const;
export const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const CATEGORIES = ['care', 'feedback', 'satisfaction', 'renewal', 'marketing'] as const;
export const PERIODS = ['today', 'week', 'month', 'quarter', 'year'] as const;
export const RANK_BY = ['won', 'activities', 'follow_ups'] as const;
export const TASK_KINDS = ['follow_up', 'callback', 'overdue', 'done', 'renewal'] as const;
export const ASKS = ['contacts', 'customers'] as const;

export type Intent = (typeof INTENTS)[number];
export type Channel = (typeof CHANNELS)[number];
export type Stage = (typeof STAGES)[number];
export type Category = (typeof CATEGORIES)[number];
export type Period = (typeof PERIODS)[number];

const text = z.string().trim().min(1).max(500);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const dateOrDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);

export const slotsSchema = z.strictObject({
  customer: text.optional(),
  contact: text.optional(),
  title: text.optional(),
  phone: z.string().regex(/^\d{3,20}$/).optional(),
  email: z.string().regex(/^[^\sA-Z@]+@[^\sA-Z@]+$/).optional(),
  birthday: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/).optional(),
  industry: text.optional(),
  tier: z.enum(['A', 'B', 'C']).optional(),
  channel: z.enum(CHANNELS).optional(),
  amount: z.number().finite().positive().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  stage: z.enum(STAGES).optional(),
  expected_close: date.optional(),
  next_follow_up: dateOrDateTime.optional(),
  lost_reason: text.optional(),
  category: z.enum(CATEGORIES).optional(),
  satisfaction: z.number().int().min(1).max(5).optional(),
  period: z.enum(PERIODS).optional(),
  scope: z.enum(['me', 'team']).optional(),
  summary: z.string().max(2000).optional(),
  // Beyond the contract (issue #11); src/nlu/README.md "Slots beyond the contract" has the rules.
  /** When the reported activity happened, when stated (今天上午 → today 09:00). Never a follow-up. */
  occurred_at: dateOrDateTime.optional(),
  /** The team member a query is about (张伟的漏斗, how is Wang Wei doing). */
  subject: text.optional(),
  /** A ranking of the team (每个人的业绩排名, leaderboard, 谁的跟进最少); comes with scope 'team'. */
  rank: z.boolean().optional(),
  rank_by: z.enum(RANK_BY).optional(),
  /** −1 = the period before (上个月, 昨天), +1 = the one after (下周, 明天); absent = the current one. */
  period_offset: z.number().int().min(-24).max(24).optional(),
  /** update_deal / log_activity: the expected close taken off (签约时间还没定 先别填, 预计签约日期清空). */
  clear_close: z.literal(true).optional(),
  /** "X又有个新商机": a further deal, not a change to the existing one. */
  new_deal: z.literal(true).optional(),
  /** query_pipeline: deals with no activity for at least this many days (哪些单子超过两周没动了); 0 = by the team's per-stage limits (stale deals). */
  idle_days: z.number().int().min(0).max(3650).optional(),
  /** query_tasks: what kind of task (今天要回访哪些客户 = callback, 逾期没跟进 = overdue). */
  task_kind: z.enum(TASK_KINDS).optional(),
  /** query_customer: a customer's contacts (联系人电话), or the list of my customers (no customer). */
  ask: z.enum(ASKS).optional(),
  /** A follow-up said too vaguely for any documented rule ("等他们通知"), as written. */
  follow_up_vague: text.optional(),
  /** add_contact: the person changed jobs (李娜跳槽了…现在是快手的商务总监); `customer` is where they are now. */
  job_change: z.literal(true).optional(),
  /** add_contact: the name the contact had on record, when the message renames them (黄总全名叫黄志强 → contact 黄志强, contact_was 黄总). */
  contact_was: text.optional(),
  /** add_contact with job_change: the customer they left (从美团去了快手, left Initech), when said. */
  moved_from: text.optional(),
  /** log_activity: more customers the same report names (跑了三家 美的 格力 顺丰); `customer` is the first. */
  also_customers: z.array(text).max(8).optional(),
  /** create_customer: short forms the new customer goes by (渝新职业学院（渝新职院）, 简称恒锐), kept as aliases. */
  aliases: z.array(text).max(4).optional(),
  /** Dates that are neither activity, follow-up nor close (a trial end, a customer's deadline). */
  other_dates: z.array(date).max(10).optional(),
  // Contracts and 回款 (issue #15).
  /** set_payment_plan: the signed contract's amount (合同120万), in `currency` when said. */
  contract_amount: z.number().finite().positive().optional(),
  /** set_payment_plan: the instalments in order, each with a share (%) or an amount, and a due date when said. */
  instalments: z.array(z.strictObject({
    label: text,
    share: z.number().positive().max(100).optional(),
    amount: z.number().finite().positive().optional(),
    due: date.optional(),
  })).min(1).max(12).optional(),
  /** record_payment: the instalment named (首付 = first, 尾款 = last, 二期 = 2). */
  instalment: z.string().regex(/^(?:first|last|[1-9]\d?)$/).optional(),
  /** query_payments: collected (本月回款多少), overdue (哪些款逾期了) or outstanding (招行还有多少没回). */
  payment_ask: z.enum(['collected', 'overdue', 'outstanding']).optional(),
  // Targets (issue #15, set_target); src/nlu/README.md documents them.
  /** The period a target is stated for: '2026', '2026-Q1' or '2026-12'. */
  target_period: z.string().regex(/^\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?$/).optional(),
  /** The stretch target (挑战目标250万) beside the base `amount`. */
  stretch: z.number().finite().positive().optional(),
  /** Weights for the period's next level down (按季度 2:3:2:3). */
  split: z.array(z.number().positive()).min(2).max(12).optional(),
  /** Shares of a team amount by person (张伟40% 李娜60%). */
  shares: z.array(z.strictObject({ name: text, percent: z.number().positive().max(100) })).min(1).max(50).optional(),
  /** Each rep gets the amount (Q1 each rep 500k, 每人…). */
  per_rep: z.literal(true).optional(),
  /** The amount is per quarter / month of the period (每季度200万). */
  each: z.enum(['quarter', 'month']).optional(),
  /** commit_deal: false when the rep takes the commit back (美团这单没把握了). */
  commit: z.boolean().optional(),
  /** A ranking from the bottom (谁的跟进最少, fewest): 'asc'. */
  rank_order: z.literal('asc').optional(),
  // A manager's transfer (issue #14, transfer_customer).
  /** The colleague whose customers are all handed over (张伟离职了，他的客户全部转给李娜). */
  from_person: text.optional(),
  /** The colleague who gets the customer(s). */
  to_person: text.optional(),
  /** Every customer of `from_person`, not one named customer. */
  all: z.literal(true).optional(),
});

export const parseResultSchema = z.strictObject({
  intent: z.enum(INTENTS),
  slots: slotsSchema,
  confidence: z.number().min(0).max(1),
});

export type Slots = z.infer<typeof slotsSchema>;
export type ParseResult = z.infer<typeof parseResultSchema>;
