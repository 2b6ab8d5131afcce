// "海康的行业改成安防", "美团改成A类客户": a customer's fields corrected by chat (issue #11).
import { t } from '../i18n/index.js';
import { needCustomer } from './customer.js';
import { ft } from './facts-messages.js';
import { undoButton, viewCustomerButton } from './render.js';
import { customerFacts } from './side-facts.js';
import type { IntentHandler } from './types.js';

export const updateCustomer: IntentHandler = {
  async handle(ctx, args) {
    const { locale } = ctx;
    const found = await needCustomer(ctx, 'update_customer', args, { allowCreate: false });
    if (found.reply) return found.reply;
    const { customer } = found;
    const fields = await customerFacts(ctx, args, customer);
    if (!fields.length) return { text: ft(locale, 'customerNothing', { customer: customer.name }) };
    const title = ft(locale, 'customerUpdated', { customer: customer.name });
    return {
      text: [title, ...fields.map((f) => `${f.label}: ${f.value}`)].join('\n'),
      card: { title, fields, buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)] },
    };
  },
};
