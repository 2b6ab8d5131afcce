// One customer's state: deals, last activities, next follow-up, contacts, ownership history.
import { customerStatus } from '../domain/reports.js';
import { formatAmount, formatDateTime, t, type Locale } from '../i18n/index.js';
import { needCustomer } from './customer.js';
import { ownershipFields } from './ownership-history.js';
import type { IntentHandler } from './types.js';
import { commitButton } from './commit-deal.js';

/** The next follow-up's time; one already past says so (已逾期). */
function nextFollowUp(due: Date, now: Date, locale: Locale, zone: string): string {
  const at = formatDateTime(due, locale, zone);
  return due < now ? `${at}（${t(locale, 'tasks.overdue')}）` : at;
}

export const queryCustomer: IntentHandler = {
  async handle(ctx, args) {
    const { locale, actor } = ctx;
    const found = await needCustomer(ctx, 'query_customer', args, { allowCreate: false });
    if (found.reply) return found.reply;
    const { customer } = found;
    const s = await customerStatus(ctx.tx, actor.tenantId, customer.id);
    const none = t(locale, 'field.none');
    const deals = s.deals.map((d) =>
      [t(locale, `stage.${d.stage}`), d.amount ? formatAmount(d.amount.toNumber(), locale, d.currency) : ''].filter(Boolean).join(' '));
    const activities = s.activities.map((a) =>
      `${formatDateTime(a.occurredAt, locale, actor.timeZone)} ${t(locale, `channel.${a.channel}`)}: ${a.summary.slice(0, 60)}`);
    // Customer care's callbacks (回访) beside the reps' activities: "美团的回访记录".
    const callbacks = s.callbacks.map((c) =>
      `${formatDateTime(c.occurredAt, locale, actor.timeZone)} ${t(locale, `category.${c.category}`)}${c.satisfaction ? ` ${c.satisfaction}/5` : ''}: ${c.summary.slice(0, 60)}`);
    // With the phone: "比亚迪的联系人电话" is answered here too when read as a status query (#11).
    const contacts = s.contacts.map((c) => [c.name, c.title, c.phone].filter(Boolean).join(' '));
    const title = t(locale, 'customer.status', { name: customer.name });
    const more = s.contactCount > contacts.length ? [{ label: t(locale, 'button.allContacts'), action: { intent: 'query_contacts' as const, args: { customerId: customer.id } } }] : [];
    const commit = s.deals.flatMap((d) => commitButton(locale, customer.id, d)).slice(0, 1);
    return {
      text: title,
      card: {
        title,
        fields: [
          { label: t(locale, 'field.owner'), value: s.ownerName },
          { label: t(locale, 'field.deals'), value: deals.join('；') || none },
          { label: t(locale, 'field.nextFollowUp'), value: s.nextReminder ? nextFollowUp(s.nextReminder.dueAt, ctx.now, locale, actor.timeZone) : none },
          { label: t(locale, 'field.lastActivities'), value: activities.join('\n') || none },
          ...(callbacks.length ? [{ label: t(locale, 'field.lastCallbacks'), value: callbacks.join('\n') }] : []),
          { label: t(locale, 'field.contacts'), value: [contacts.join('、'), s.contactCount > contacts.length ? t(locale, 'customer.moreContacts', { n: s.contactCount - contacts.length }) : ''].filter(Boolean).join(' ') || none },
          // Who it moved between and who works on it too (issue #14).
          ...(await ownershipFields(ctx, customer.id)),
        ],
        // Its latest open deal can be marked commit for the forecast (issue #15).
        // More contacts than the card lists: one tap shows them all.
        ...(commit.length || more ? { buttons: [...commit, ...more] } : {}),
      },
    };
  },
};
