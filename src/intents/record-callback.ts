// A customer-care callback (回访), often with a 1–5 satisfaction score; a low one alerts the
// account owner and their manager, as a score tapped on a prompt does.
import { recordCallback as record } from '../domain/records.js';
import { t } from '../i18n/index.js';
import { alertOwner, isLowScore } from './callback-alert.js';
import { needCustomer } from './customer.js';
import { field, undoButton, viewCustomerButton } from './render.js';
import type { IntentHandler } from './types.js';

export const recordCallback: IntentHandler = {
  async handle(ctx, args) {
    const { locale } = ctx;
    const found = await needCustomer(ctx, 'record_callback', args, { allowCreate: false });
    if (found.reply) return found.reply;
    const { customer } = found;
    const category = args.category ?? 'satisfaction';
    const callback = await record(ctx.changes, {
      customerId: customer.id, userId: ctx.actor.userId, category, satisfaction: args.satisfaction,
      summary: args.summary ?? ctx.text ?? '', occurredAt: ctx.now,
    });
    const alerted = isLowScore(args.satisfaction) ? await alertOwner(ctx, customer.id, callback.id) : 0;
    const title = t(locale, 'callback.recorded', { customer: customer.name, alerted: alerted ? 1 : '' });
    return {
      text: title,
      card: {
        title,
        fields: [
          ...field(locale, 'field.summary', t(locale, `category.${category}`)),
          ...field(locale, 'field.satisfaction', args.satisfaction ? `${'★'.repeat(args.satisfaction)}${'☆'.repeat(5 - args.satisfaction)} ${args.satisfaction}/5` : undefined),
        ],
        buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)],
      },
    };
  },
};
