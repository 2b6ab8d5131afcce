import { OLD_AFTER_MINUTES, undoBatch } from '../domain/undo.js';
import { formatDateTime } from '../i18n/format.js';
import { t } from '../i18n/index.js';
import type { IntentHandler } from './types.js';

export const undo: IntentHandler = {
  async handle(ctx, args) {
    const result = await undoBatch(ctx.tx, ctx.actor.tenantId, ctx.actor.userId, args.batchId, ctx.now);
    if (result.kind === 'nothing') return { text: t(ctx.locale, 'undo.nothing') };
    if (result.kind === 'done') return { text: t(ctx.locale, 'undo.done', { what: result.label }) };
    // An old change: named, with its time, and undone only if the user confirms (the button, or
    // 是: the question's one primary option) — the confirmation names the batch.
    const when = formatDateTime(result.at, ctx.locale, ctx.actor.timeZone);
    return ctx.ask(t(ctx.locale, 'undo.old', { what: result.label, when, minutes: OLD_AFTER_MINUTES }), [
      { label: t(ctx.locale, 'button.undoOld'), action: { intent: 'undo', args: { batchId: result.batchId } }, style: 'primary' },
    ]);
  },
};
