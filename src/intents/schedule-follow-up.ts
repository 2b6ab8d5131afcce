// "提醒我明天上午10点给华为打电话": a follow-up reminder; a plan, so no stage moves.
import { openDeals } from '../domain/deals.js';
import { scheduleFollowUp as schedule } from '../domain/records.js';
import { formatDateTime, t } from '../i18n/index.js';
import { fromLocalString } from '../time.js';
import { needCustomer } from './customer.js';
import { undoButton, viewCustomerButton } from './render.js';
import type { IntentHandler } from './types.js';

export const scheduleFollowUp: IntentHandler = {
  async handle(ctx, args) {
    const { locale, actor } = ctx;
    const found = await needCustomer(ctx, 'schedule_follow_up', args, { allowCreate: true });
    if (found.reply) return found.reply;
    if (!args.next_follow_up) return { text: t(locale, 'ask.followUpTime') };
    const { customer } = found;
    const dueAt = fromLocalString(args.next_follow_up, actor.timeZone);
    // A minute of slack: "now" said as a time of day is not the past.
    if (dueAt.getTime() < ctx.now.getTime() - 60_000) {
      return { text: t(locale, 'ask.followUpPast', { when: formatDateTime(dueAt, locale, actor.timeZone) }) };
    }
    const [deal] = await openDeals(ctx.tx, actor, customer.id);
    await schedule(ctx.changes, {
      assigneeId: actor.userId, customerId: customer.id, dealId: deal?.id, dueAt,
      note: args.summary ?? ctx.text,
    });
    const text = t(locale, 'followUp.scheduled', { customer: customer.name, when: formatDateTime(dueAt, locale, actor.timeZone) });
    return { text, card: { title: text, buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)] } };
  },
};
