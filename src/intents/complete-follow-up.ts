// "比亚迪的提醒完成了", "比亚迪那个跟进做完了 标记完成" (issue #11, found by a tester): the rep's
// open follow-ups with that customer due by the end of today are done — with none due yet, the
// next one. Through ctx.changes, so Undo reopens them; a jobs' reminder already sent stays sent.
import { formatDateTime } from '../i18n/index.js';
import { endOfLocalDay } from '../time.js';
import { needCustomer } from './customer.js';
import { ft } from './facts-messages.js';
import { undoButton, viewCustomerButton } from './render.js';
import type { IntentHandler } from './types.js';

export const completeFollowUp: IntentHandler = {
  async handle(ctx, args) {
    const { actor, locale } = ctx;
    const found = await needCustomer(ctx, 'complete_follow_up', args, { allowCreate: false });
    if (found.reply) return found.reply;
    const { customer } = found;
    const open = await ctx.tx.reminder.findMany({
      where: { tenantId: actor.tenantId, assigneeId: actor.userId, customerId: customer.id, kind: { in: ['follow_up', 'low_score_alert', 'callback'] }, status: { in: ['pending', 'sent'] } },
      orderBy: { dueAt: 'asc' },
    });
    const end = endOfLocalDay(ctx.now, actor.timeZone);
    const due = open.filter((r) => r.dueAt < end);
    const closing = due.length ? due : open.slice(0, 1);
    if (!closing.length) return { text: ft(locale, 'noOpenFollowUp', { customer: customer.name }) };
    for (const r of closing) await ctx.changes.update('reminder', r.id, { status: 'done' }, r);
    const left = open.length - closing.length;
    const text = [
      ft(locale, 'followUpsDone', { customer: customer.name, n: closing.length, when: formatDateTime(closing[0]!.dueAt, locale, actor.timeZone) }),
      ...(left ? [ft(locale, 'followUpsLeft', { n: left })] : []),
    ].join('\n');
    return { text, card: { title: text, buttons: [undoButton(locale, ctx.changes.ctx.batchId), viewCustomerButton(locale, customer.id)] } };
  },
};
