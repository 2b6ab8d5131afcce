// "不对 是3分" right after a callback's card (issue #11, found by a tester): the score of the
// callback the actor just recorded for that customer changes. Through ctx.changes, so Undo takes
// it back; a score now low alerts the owner as a low first score would.
import { ft } from './facts-messages.js';
import { alertOwner, isLowScore } from './callback-alert.js';
import { undoButton, viewCustomerButton } from './render.js';
import { t } from '../i18n/index.js';
import { needCustomer } from './customer.js';
import type { IntentHandler } from './types.js';

export const amendCallback: IntentHandler = {
  async handle(ctx, args) {
    const { actor, locale } = ctx;
    const score = args.satisfaction;
    if ((!args.customerId && !args.customer) || score === undefined) return { text: t(locale, 'error.badArgs') };
    // "隆基绿能回访评分改成2分": the customer named (asked about when it is ambiguous).
    const found = await needCustomer(ctx, 'amend_callback', args, { allowCreate: false });
    if (found.reply) return found.reply;
    const { customer } = found;
    const last = await ctx.tx.callback.findFirst({ where: { tenantId: actor.tenantId, customerId: customer.id, userId: actor.userId }, orderBy: { createdAt: 'desc' } });
    if (!last) return { text: ft(locale, 'noCallbackToFix') };
    await ctx.changes.update('callback', last.id, { satisfaction: score }, last);
    const alerted = isLowScore(score) && !(last.satisfaction !== null && isLowScore(last.satisfaction))
      ? await alertOwner(ctx, customer.id, { id: last.id, summary: last.summary }) : 0;
    const text = [
      ft(locale, 'callbackScoreFixed', { customer: customer.name, from: last.satisfaction ?? '—', to: score }),
      ...(alerted ? [ft(locale, 'callbackNowLow')] : []),
    ].join('\n');
    return { text, card: { title: text, buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)] } };
  },
};
