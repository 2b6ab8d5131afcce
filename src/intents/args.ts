// The arguments every intent takes: the parser's slots (shared/nlu/CONTRACT.md, snake_case as
// there) plus what buttons add (customerId, confirmNew, …). Validated on every path — a
// button payload is user input like any other.
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);

export const argsSchema = z.object({
  customer: text(200).optional(),
  contact: text(100).optional(),
  title: text(100).optional(),
  phone: z.string().regex(/^\+?\d{5,20}$/).optional(),
  email: z.string().email().max(200).optional(),
  birthday: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/).optional(),
  industry: text(100).optional(),
  tier: z.enum(['A', 'B', 'C']).optional(),
  channel: z.enum(['visit', 'call', 'wechat', 'email', 'meeting', 'demo']).optional(),
  amount: z.number().finite().nonnegative().max(1e14).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  stage: z.enum(['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost']).optional(),
  expected_close: localDate.optional(),
  next_follow_up: localDateTime.optional(),
  lost_reason: text(500).optional(),
  category: z.enum(['care', 'feedback', 'satisfaction', 'renewal', 'marketing']).optional(),
  satisfaction: z.number().int().min(1).max(5).optional(),
  period: z.enum(['today', 'week', 'month', 'quarter', 'year']).optional(),
  scope: z.enum(['me', 'team']).optional(),
  summary: text(4000).optional(),
  // Added by buttons and clarifications:
  customerId: z.string().max(64).optional(),
  dealId: z.string().max(64).optional(),
  batchId: z.string().max(64).optional(),
  confirmNew: z.boolean().optional(),
});

export type Args = z.infer<typeof argsSchema>;
