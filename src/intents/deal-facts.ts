import type { DealFacts } from '../domain/deals.js';
import type { Args } from './args.js';

export function dealFacts(args: Args): DealFacts {
  return {
    ...(args.amount !== undefined && { amount: args.amount }),
    ...(args.currency !== undefined && { currency: args.currency }),
    ...(args.stage !== undefined && { stage: args.stage }),
    ...(args.expected_close !== undefined && { expectedClose: args.expected_close }),
    ...(args.clear_close && args.expected_close === undefined && { expectedClose: null }),
    ...(args.lost_reason !== undefined && { lostReason: args.lost_reason }),
  };
}
