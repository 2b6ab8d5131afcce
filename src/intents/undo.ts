import { undoBatch } from '../domain/undo.js';
import { t } from '../i18n/index.js';
import type { IntentHandler } from './types.js';

export const undo: IntentHandler = {
  async handle(ctx, args) {
    const result = await undoBatch(ctx.tx, ctx.actor.tenantId, ctx.actor.userId, args.batchId);
    return { text: result.kind === 'done' ? t(ctx.locale, 'undo.done', { what: result.label }) : t(ctx.locale, 'undo.nothing') };
  },
};
