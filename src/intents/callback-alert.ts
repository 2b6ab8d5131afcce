// An unhappy customer: a callback scored at or below LOW_SCORE alerts the account owner and their
// manager — whether care tapped the score on a prompt's card or typed it ("美团回访 2分 说系统老卡").
import type { IntentContext } from './types.js';

/** The highest satisfaction (1–5) that still raises an alert. */
export const LOW_SCORE = 2;

export const isLowScore = (score: number | null | undefined): boolean => score != null && score <= LOW_SCORE;

const COMPLAINT = /投诉|客诉|差评|抱怨|(?:很|非常|特别|极其|相当)不满|要求换人|\bcomplain(?:ed|s|t)?\b|\bescalat/i;
const NO_COMPLAINT = /(?:没有?|无|未|不再)(?:任何)?(?:投诉|客诉|差评)|\bno complaints?\b/i;

/** A complaint said in words (投诉, 要求换人, 很不满): it alerts as a low score does, and is listed with them. */
export const isComplaint = (text: string): boolean => COMPLAINT.test(text) && !NO_COMPLAINT.test(text);

/**
 * A low_score_alert reminder, due now, for the account owner and their manager; how many were
 * alerted. Its note is the callback's summary (the to-do list's line). Written in this
 * transaction (undo takes it back); the reminders tick sends it within minutes.
 */
export async function alertOwner(ctx: IntentContext, customerId: string, callback: { id: string; summary: string }): Promise<number> {
  const { tx, actor } = ctx;
  const customer = await tx.customer.findFirst({ where: { id: customerId, tenantId: actor.tenantId }, select: { ownerId: true } });
  if (!customer) return 0;
  const owner = await tx.user.findFirst({ where: { id: customer.ownerId, tenantId: actor.tenantId }, include: { team: true } });
  const to = [...new Set([customer.ownerId, owner?.team?.managerId].filter((x): x is string => !!x))];
  for (const assigneeId of to) {
    await ctx.changes.create('reminder', {
      kind: 'low_score_alert', dueAt: ctx.now, assigneeId, customerId, callbackId: callback.id, note: callback.summary.slice(0, 200),
    });
  }
  return to.length;
}
