// Deal facts and a follow-up said in a message that is mainly about something else — a new
// customer ("新客户 宁德时代，意向100万，下周三拜访"), a contact ("添加联系人 美团 孙经理，金额
// 调到40万") — land too (issue #11: every stated fact lands, or the bot asks).
import type { Field, Reply } from '../chat/index.js';
import { scheduleFollowUp } from '../domain/records.js';
import type { Args } from './args.js';
import type { CustomerRef } from './customer.js';
import { placeDealFacts } from './deal-place.js';
import { dealFields, whenField } from './render.js';
import { activityTimes, timeNotes } from './times.js';
import type { IntentContext } from './types.js';

export type Extras = { reply: Reply } | { reply?: undefined; fields: Field[]; notes: string[] };

/** Call before the intent's own writes: a question (which deal?) must come before anything is written. */
export async function placeExtras(ctx: IntentContext, intent: string, args: Args, customer: CustomerRef): Promise<Extras> {
  const { actor, locale } = ctx;
  const placed = await placeDealFacts(ctx, intent, args, customer);
  if (placed.reply) return { reply: placed.reply };
  const times = activityTimes(args, ctx.now, actor.timeZone);
  if (times.followUpAt) {
    await scheduleFollowUp(ctx.changes, {
      assigneeId: actor.userId, customerId: customer.id, dealId: placed.deal?.id, dueAt: times.followUpAt, note: args.summary ?? ctx.text,
    });
  }
  const past = args.next_follow_up && !times.followUpAt ? times.pastFollowUp ?? (times.occurredSaid ? times.occurredAt : undefined) : undefined;
  return {
    fields: [...(placed.deal && placed.changed ? dealFields(locale, placed.deal, actor.timeZone) : []), ...whenField(locale, times.followUpAt, actor.timeZone)],
    notes: timeNotes(locale, args, { pastFollowUp: past }, actor.timeZone),
  };
}
