import type { DealFacts } from '../domain/deals.js';
import type { Args } from './args.js';

export function dealFacts(args: Args): DealFacts {
  return {
    ...(args.amount !== undefined && { amount: args.amount }),
    ...((args.currency ?? yuanSaid(args)) !== undefined && { currency: args.currency ?? yuanSaid(args) }),
    ...(args.stage !== undefined && { stage: args.stage }),
    ...(args.expected_close !== undefined && { expectedClose: args.expected_close }),
    ...(args.clear_close && args.expected_close === undefined && { expectedClose: null }),
    ...(args.lost_reason !== undefined && { lostReason: args.lost_reason }),
  };
}

// "budget around 300k RMB", "金额是30万人民币 不是卢比": yuan said outright sets the currency (the
// parser leaves CNY, the default, unsaid), so a deal once in another currency is put right.
const YUAN = /人民币|\bRMB\b|\bCNY\b|[¥￥]\s?\d|\d\s?(?:万|千|百万|亿)?\s?(?:元|块钱)/i;
function yuanSaid(args: Args): string | undefined {
  return args.amount !== undefined && YUAN.test(args.summary ?? '') ? 'CNY' : undefined;
}
