// The contract's vocabulary (shared/nlu/CONTRACT.md) as types and as a zod schema.
// The schema is the one source of truth for "a valid answer": the property tests and the
// language-model fallback both validate against it.
import { z } from 'zod';

export const INTENTS = [
  'log_activity', 'create_customer', 'add_contact', 'update_deal', 'schedule_follow_up',
  'record_callback', 'query_pipeline', 'query_customer', 'query_kpi', 'query_tasks',
  'undo', 'help', 'unknown',
] as const;
export const CHANNELS = ['visit', 'call', 'wechat', 'email', 'meeting', 'demo'] as const;
export const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const CATEGORIES = ['care', 'feedback', 'satisfaction', 'renewal', 'marketing'] as const;
export const PERIODS = ['today', 'week', 'month', 'quarter', 'year'] as const;

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
});

export const parseResultSchema = z.strictObject({
  intent: z.enum(INTENTS),
  slots: slotsSchema,
  confidence: z.number().min(0).max(1),
});

export type Slots = z.infer<typeof slotsSchema>;
export type ParseResult = z.infer<typeof parseResultSchema>;
