import { OLD_AFTER_MINUTES, undoBatch } from '../domain/undo.js';
import { formatDateTime } from '../i18n/format.js';
import { formatAmount, t } from '../i18n/index.js';
import type { IntentHandler } from './types.js';

export const undo: IntentHandler = {
  async handle(ctx, args) {
    const result = await undoBatch(ctx.tx, ctx.actor.tenantId, ctx.actor.userId, args.batchId, ctx.now);
    if (result.kind === 'nothing') return { text: t(ctx.locale, 'undo.nothing') };
    if (result.kind === 'done') {
      const done = t(ctx.locale, 'undo.done', { what: result.label });
      // "刚才那条不对 金额应该是三十八万": the corrected value is offered for that deal, never dropped.
      const fix = { ...(args.amount !== undefined && { amount: args.amount }), ...(args.stage && { stage: args.stage }) };
      if (!Object.keys(fix).length) return { text: done };
      if (!result.deal) return { text: `${done}\n${t(ctx.locale, 'undo.fixWhere')}` };
      const what = [args.amount !== undefined ? formatAmount(args.amount, ctx.locale) : undefined, args.stage ? t(ctx.locale, `stage.${args.stage}`) : undefined].filter(Boolean).join(' · ');
      const reply = await ctx.ask(t(ctx.locale, 'undo.fixAsk', { what }), [
        { label: t(ctx.locale, 'undo.fixButton', { what }), action: { intent: 'update_deal', args: { customerId: result.deal.customerId, dealId: result.deal.id, ...fix } }, style: 'primary' },
      ]);
      return { ...reply, text: `${done}\n${reply.text}` };
    }
    // An old change: named, with its time, and undone only if the user confirms (the button, or
    // 是: the question's one primary option) — the confirmation names the batch.
    const when = formatDateTime(result.at, ctx.locale, ctx.actor.timeZone);
    return ctx.ask(t(ctx.locale, 'undo.old', { what: result.label, when, minutes: OLD_AFTER_MINUTES }), [
      { label: t(ctx.locale, 'button.undoOld'), action: { intent: 'undo', args: { batchId: result.batchId } }, style: 'primary' },
    ]);
  },
};
