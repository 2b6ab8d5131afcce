// A customer-care callback (回访), often with a 1–5 satisfaction score; a low one alerts the
// account owner and their manager, as a score tapped on a prompt does.
import { recordCallback as record, scheduleFollowUp } from '../domain/records.js';
import { activityTimes, timeNotes } from './times.js';
import { t } from '../i18n/index.js';
import { alertOwner, isComplaint, isLowScore } from './callback-alert.js';
import { needCustomer } from './customer.js';
import { contactFor } from './side-facts.js';
import { hasDealFacts } from '../domain/deals.js';
import { dealFacts } from './deal-facts.js';
import { placeDealFacts } from './deal-place.js';
import { dealFields, field, undoButton, viewCustomerButton, whenField } from './render.js';
import type { IntentHandler } from './types.js';

const UNANSWERED = /没人接|无人接听|未接通|没接通|没接|不接电话|关机|占线|\b(?:no answer|didn'?t pick up|voicemail)\b/i;

/** What the card calls a callback beyond its category: a complaint, or a call nobody answered. */
function callbackKind(text: string, score: number | undefined): 'complaint' | 'unanswered' | undefined {
  if (isComplaint(text)) return 'complaint';
  return score === undefined && UNANSWERED.test(text) ? 'unanswered' : undefined;
}

export const recordCallback: IntentHandler = {
  async handle(ctx, args) {
    const { locale } = ctx;
    const found = await needCustomer(ctx, 'record_callback', args, { allowCreate: false });
    if (found.reply) return found.reply;
    const { customer } = found;
    const category = args.category ?? 'satisfaction';
    // "续约金额涨到68万 下个月底之前签": what the customer said of the deal lands on it (a callback moves no stage).
    // (Most callbacks say none: they cost no deal lookup.)
    const facts = { ...args, stage: undefined, lost_reason: undefined };
    const placed = hasDealFacts(dealFacts(facts)) ? await placeDealFacts(ctx, 'record_callback', facts, customer) : undefined;
    if (placed?.reply) return placed.reply;
    // The person called back, with a title or phone said in passing, lands on the customer's contacts.
    const { contact, notes } = await contactFor(ctx, args, customer);
    // When it happened, and a next call said with it (issue #11: every stated fact lands).
    const times = activityTimes(args, ctx.now, ctx.actor.timeZone);
    const summary = args.summary ?? ctx.text ?? '';
    const callback = await record(ctx.changes, {
      customerId: customer.id, userId: ctx.actor.userId, category, satisfaction: args.satisfaction, summary, occurredAt: times.occurredAt,
    });
    if (times.followUpAt) await scheduleFollowUp(ctx.changes, { assigneeId: ctx.actor.userId, customerId: customer.id, dealId: placed?.deal?.id, dueAt: times.followUpAt, note: summary });
    // A complaint said in words (投诉, 要求换人) alerts the owner as a low score does (found by testers).
    const kind = callbackKind(summary, args.satisfaction);
    const alerted = isLowScore(args.satisfaction) || kind === 'complaint' ? await alertOwner(ctx, customer.id, { id: callback.id, summary }) : 0;
    const title = t(locale, 'callback.recorded', { customer: customer.name, alerted: alerted ? 1 : '' });
    return {
      text: [title, ...timeNotes(locale, args, times, ctx.actor.timeZone), ...notes].join('\n'),
      card: {
        title,
        fields: [
          ...field(locale, 'field.summary', t(locale, `category.${kind ?? category}`)),
          ...field(locale, 'field.contact', contact?.name),
          ...(placed?.deal && placed.changed ? dealFields(locale, placed.deal, ctx.actor.timeZone) : []),
          ...whenField(locale, times.followUpAt, ctx.actor.timeZone),
          ...field(locale, 'field.satisfaction', args.satisfaction ? `${'★'.repeat(args.satisfaction)}${'☆'.repeat(5 - args.satisfaction)} ${args.satisfaction}/5` : undefined),
        ],
        buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)],
      },
    };
  },
};
