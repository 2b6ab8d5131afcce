// "美团这单有把握" / "commit Meituan" / "美团这单没把握了" (issue #15): the rep marks the customer's
// open deal as commit — the forecast counts it against target. Audited: 撤销 takes it back.
import { canSee } from '../domain/actor.js';
import { UserError } from '../domain/errors.js';
import { needCustomer } from './customer.js';
import { pickDeal } from './deal-choice.js';
import { gt } from './target-messages.js';
import { formatCalendarDate } from '../i18n/index.js';
import type { IntentHandler } from './types.js';
import type { Locale } from '../i18n/index.js';
import { OPEN_STAGES } from '../domain/deals.js';

export const commitDeal: IntentHandler = {
  async handle(ctx, args) {
    const found = await needCustomer(ctx, 'commit_deal', args, { allowCreate: false });
    if (found.reply) return found.reply;
    const customer = found.customer;
    const choice = await pickDeal(ctx, 'commit_deal', args, customer);
    if (choice.reply) return choice.reply;
    const deal = choice.deal;
    if (!deal || deal.stage === 'won' || deal.stage === 'lost') return { text: gt(ctx.locale, 'noOpenDeal', { customer: customer.name }) };
    if (!canSee(ctx.actor, deal)) throw new UserError('error.notAllowed');
    const commit = args.commit !== false;
    await ctx.changes.update('deal', deal.id, { commit }, deal);
    // Which period's commit it counts in: its expected close's ("计入本期" was said of a deal closing next month).
    const close = (deal as { expectedClose?: Date | null }).expectedClose;
    const key = !commit ? 'uncommitted' : close ? 'committed' : 'committedNoClose';
    const text = gt(ctx.locale, key, { customer: customer.name, deal: deal.title, close: close ? formatCalendarDate(close, ctx.locale, ctx.now, 'UTC') : '' });
    // The opposite as a button, so a slip is one click away.
    const flip = { intent: 'commit_deal', args: { customerId: customer.id, dealId: deal.id, commit: !commit } };
    return { text, card: { title: text, buttons: [{ label: gt(ctx.locale, commit ? 'uncommitButton' : 'commitButton'), action: flip }] } };
  },
};

/** The deal card's button (query_customer): mark its open deal as commit, or take it back. */
export function commitButton(locale: Locale, customerId: string, deal: { id: string; stage: string; commit: boolean }) {
  if (!OPEN_STAGES.includes(deal.stage as never)) return [];
  const action = { intent: 'commit_deal', args: { customerId, dealId: deal.id, commit: !deal.commit } };
  return [{ label: gt(locale, deal.commit ? 'uncommitButton' : 'commitButton'), action }];
}
