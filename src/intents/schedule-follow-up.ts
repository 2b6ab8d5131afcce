// "提醒我明天上午10点给华为打电话": a follow-up reminder; a plan, so no stage moves. Deal facts
// said with it ("…，金额调到120万") land on the deal; a missing or vague time is asked for, and
// the typed answer ("1月4号上午") completes this reminder (issue #11).
import { latestOpenFollowUp, scheduleFollowUp as schedule } from '../domain/records.js';
import { formatDateTime, t } from '../i18n/index.js';
import { fromLocalString } from '../time.js';
import { needCustomer } from './customer.js';
import { canSee } from '../domain/actor.js';
import { findPerson } from './query-who.js';
import { qt } from './query-messages.js';
import { placeDealFacts } from './deal-place.js';
import { ft } from './facts-messages.js';
import { askFollowUpTime, withQuestion } from './follow-up-ask.js';
import { dealFields, undoButton, viewCustomerButton } from './render.js';
import { timeNotes } from './times.js';
import type { Args } from './args.js';
import type { IntentContext, IntentHandler } from './types.js';
import type { Reply } from '../chat/index.js';

// A follow-up said as a change of the one set: 改成/改到 a day, or 不是X是Y.
const MOVES = /改(?:成|到|为|在)|挪到|推到|推迟到|提前到|不是[^,，。]{1,8}(?:而)?是|(?:说|记)错了/;

export const scheduleFollowUp: IntentHandler = {
  async handle(ctx, args) {
    const { locale, actor } = ctx;
    if (args.noFollowUp) return { text: ft(locale, 'noReminderDone') };
    // "提醒张伟明天跟进瑞金": a manager hands the follow-up to someone on their team.
    const assignee = args.subject ? await assigneeOf(ctx, args.subject) : { id: actor.userId };
    if ('reply' in assignee) return assignee.reply;
    const found = await needCustomer(ctx, 'schedule_follow_up', args, { allowCreate: true });
    if (found.reply) return found.reply;
    const { customer } = found;
    // A plan moves no stage (CONTRACT.md): only amount, close date and the like land.
    const placed = await placeDealFacts(ctx, 'schedule_follow_up', { ...args, stage: undefined }, customer);
    if (placed.reply) return placed.reply;
    const base: Args = { customerId: customer.id, ...(placed.deal && { dealId: placed.deal.id }), ...(args.subject && { subject: args.subject }), summary: args.summary ?? ctx.text };
    const facts = placed.deal && placed.changed ? dealFields(locale, placed.deal, ctx.actor.timeZone) : [];
    const buttons = [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)];
    const dueAt = args.next_follow_up ? fromLocalString(args.next_follow_up, actor.timeZone) : undefined;
    const isPast = dueAt && dueAt.getTime() < ctx.now.getTime() - 60_000;
    if (!dueAt || isPast) {
      const saved = facts.length ? { text: t(locale, 'deal.updated', { customer: customer.name }), card: { fields: facts, buttons } } : undefined;
      return askTime(ctx, base, args, saved, dueAt);
    }
    // "不是周四 是周五", "美团改成周五再跟进": the follow-up just set moves; no second one is added.
    const moving = args.moves || MOVES.test(ctx.text ?? '') ? await latestOpenFollowUp(ctx.tx, ctx.changes.ctx.tenantId, assignee.id, customer.id) : undefined;
    if (moving) {
      await ctx.changes.update('reminder', moving.id, { dueAt }, moving);
      const text = t(locale, 'followUp.moved', { customer: customer.name, when: formatDateTime(dueAt, locale, actor.timeZone), was: formatDateTime(moving.dueAt, locale, actor.timeZone) });
      return { text, card: { title: text, fields: facts, buttons } };
    }
    await schedule(ctx.changes, { assigneeId: assignee.id, customerId: customer.id, dealId: placed.deal?.id, dueAt, note: base.summary });
    const when = formatDateTime(dueAt, locale, actor.timeZone);
    const text = assignee.name
      ? t(locale, 'followUp.assigned', { customer: customer.name, when, person: assignee.name })
      : t(locale, 'followUp.scheduled', { customer: customer.name, when });
    const notes = timeNotes(locale, args, {}, actor.timeZone);
    return { text: [text, ...notes].join('\n'), card: { title: text, fields: facts, buttons } };
  },
};

/** The colleague a follow-up is handed to: someone on the manager's team; the asker themself
 * when they name themself. A rep cannot hand one over: told so, nothing set. */
async function assigneeOf(ctx: IntentContext, typed: string): Promise<{ id: string; name?: string } | { reply: Reply }> {
  const { actor, locale } = ctx;
  const person = await findPerson(ctx, typed);
  if (!person) return { reply: { text: qt(locale, 'noSuchPerson', { name: typed }) } };
  if (person.id === actor.userId) return { id: actor.userId };
  if (actor.role === 'rep' || actor.role === 'care' || !canSee(actor, { tenantId: actor.tenantId, ownerId: person.id })) {
    return { reply: { text: t(locale, 'followUp.onlyOwn', { person: person.name }) } };
  }
  return person;
}

/** No time, a past one, or a vague one: ask, and take the typed answer as the time. */
async function askTime(ctx: IntentContext, base: Args, args: Args, saved: Reply | undefined, past: Date | undefined): Promise<Reply> {
  const { locale, actor } = ctx;
  if (args.follow_up_vague && !past) {
    const question = await askFollowUpTime(ctx, args.follow_up_vague, base);
    return saved ? withQuestion(saved, question) : question;
  }
  await ctx.expect({ kind: 'time', action: { intent: 'schedule_follow_up', args: base } });
  const text = past
    ? t(locale, 'ask.followUpPast', { when: formatDateTime(past, locale, actor.timeZone) })
    : t(locale, 'ask.followUpTime');
  return saved ? { ...saved, text: `${saved.text}\n${text}` } : { text };
}
