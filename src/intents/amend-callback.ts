// "不对 是3分" right after a callback's card (issue #11, found by a tester): the score of the
// callback the actor just recorded for that customer changes. Through ctx.changes, so Undo takes
// it back; a score now low alerts the owner as a low first score would.
import { ft } from './facts-messages.js';
import { alertOwner, isLowScore } from './callback-alert.js';
import { undoButton, viewCustomerButton } from './render.js';
import { t } from '../i18n/index.js';
import type { IntentHandler } from './types.js';

export const amendCallback: IntentHandler = {
  async handle(ctx, args) {
    const { actor, locale } = ctx;
    const score = args.satisfaction;
    if (!args.customerId || score === undefined) return { text: t(locale, 'error.badArgs') };
    const last = await ctx.tx.callback.findFirst({ where: { tenantId: actor.tenantId, customerId: args.customerId, userId: actor.userId }, orderBy: { createdAt: 'desc' } });
    const customer = await ctx.tx.customer.findFirst({ where: { id: args.customerId, tenantId: actor.tenantId }, select: { name: true } });
    if (!last || !customer) return { text: ft(locale, 'noCallbackToFix') };
    await ctx.changes.update('callback', last.id, { satisfaction: score }, last);
    const alerted = isLowScore(score) && !(last.satisfaction !== null && isLowScore(last.satisfaction))
      ? await alertOwner(ctx, args.customerId, { id: last.id, summary: last.summary }) : 0;
    const text = [
      ft(locale, 'callbackScoreFixed', { customer: customer.name, from: last.satisfaction ?? '—', to: score }),
      ...(alerted ? [ft(locale, 'callbackNowLow')] : []),
    ].join('\n');
    return { text, card: { title: text, buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, args.customerId)] } };
  },
};
