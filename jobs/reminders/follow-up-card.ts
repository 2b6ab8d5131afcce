// The follow-up reminder card ("跟进 华为 · 张总 — 上次: 报价 50万, 3天前") and the low-score
// alert, built from the reminder's rows as they are when it fires.
import type { Button, Reply } from '../../src/chat/index.js';
import type { Db } from '../../src/db.js';
import type { Reminder } from '../../src/generated/prisma/client.js';
import { formatAmount, formatDateTime, t, type Locale } from '../../src/i18n/index.js';
import { daysBetween, localDate } from '../calendar.js';
import { tr } from './messages.js';
import type { Person } from './people.js';

const clip = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function reminderButtons(locale: Locale, reminderId: string): Button[] {
  const snooze = (until: string, key: 'button.snooze1h' | 'button.snoozeTomorrow' | 'button.snoozeMonday'): Button =>
    ({ label: tr(locale, key), action: { intent: 'reminder_snooze', args: { reminderId, until } } });
  return [
    { label: tr(locale, 'button.done'), style: 'primary', action: { intent: 'reminder_done', args: { reminderId } } },
    snooze('1h', 'button.snooze1h'), snooze('tomorrow', 'button.snoozeTomorrow'), snooze('monday', 'button.snoozeMonday'),
    { label: tr(locale, 'button.reschedule'), action: { intent: 'reminder_reschedule', args: { reminderId } } },
  ];
}

export async function followUpCard(db: Db, r: Reminder, to: Person, now: Date): Promise<Reply> {
  const { locale, timeZone } = to;
  const where = { tenantId: r.tenantId };
  const [customer, contact, deal, last] = await Promise.all([
    r.customerId ? db.customer.findFirst({ where: { ...where, id: r.customerId }, select: { name: true } }) : null,
    r.contactId ? db.contact.findFirst({ where: { ...where, id: r.contactId }, select: { name: true } }) : null,
    r.dealId ? db.deal.findFirst({ where: { ...where, id: r.dealId } }) : null,
    lastActivity(db, r, now),
  ]);
  const who = [customer?.name, contact?.name].filter(Boolean).join(' · ');
  const title = tr(locale, 'followUp.title', { who });
  const ago = last ? daysBetween(localDate(last.occurredAt, timeZone), localDate(now, timeZone)) : 0;
  const lastLine = last
    ? tr(locale, 'followUp.last', { summary: clip(last.summary), ago: ago <= 0 ? tr(locale, 'ago.today') : tr(locale, 'ago.days', { n: ago }) })
    : undefined;
  const dealLine = deal
    ? [deal.title, deal.amount ? formatAmount(deal.amount.toNumber(), locale, deal.currency) : '', t(locale, `stage.${deal.stage}`)].filter(Boolean).join(' · ')
    : undefined;
  const fields = [
    ...(r.note && r.note !== last?.summary ? [{ label: tr(locale, 'followUp.note'), value: clip(r.note, 120) }] : []),
    ...(dealLine ? [{ label: tr(locale, 'followUp.deal'), value: dealLine }] : []),
    { label: tr(locale, 'followUp.due'), value: formatDateTime(r.dueAt, locale, timeZone) },
  ];
  const text = [lastLine ? `${title} — ${lastLine}` : title, ...fields.map((f) => `${f.label}: ${f.value}`)].join('\n');
  return { text, card: { title: lastLine ? `${title} — ${lastLine}` : title, fields, buttons: reminderButtons(locale, r.id) } };
}

/** The activity the follow-up came from, else the customer's latest before now. */
async function lastActivity(db: Db, r: Reminder, now: Date) {
  if (r.activityId) {
    const own = await db.activity.findFirst({ where: { tenantId: r.tenantId, id: r.activityId } });
    if (own) return own;
  }
  if (!r.customerId) return null;
  return db.activity.findFirst({
    where: { tenantId: r.tenantId, customerId: r.customerId, occurredAt: { lte: now } }, orderBy: { occurredAt: 'desc' },
  });
}

/** A callback scored ≤ 2: the account owner and their manager hear about it. */
export async function alertCard(db: Db, r: Reminder, to: Person): Promise<Reply | null> {
  const callbackId = r.note?.slice('alert:'.length) ?? '';
  const cb = await db.callback.findFirst({ where: { tenantId: r.tenantId, id: callbackId } });
  if (!cb) return null;
  const [customer, by] = await Promise.all([
    db.customer.findFirst({ where: { tenantId: r.tenantId, id: cb.customerId }, select: { name: true } }),
    db.user.findFirst({ where: { tenantId: r.tenantId, id: cb.userId }, select: { name: true } }),
  ]);
  const text = tr(to.locale, 'callback.alert', {
    customer: customer?.name ?? '', score: cb.satisfaction ?? 0, category: t(to.locale, `category.${cb.category}`), by: by?.name ?? '',
  });
  const fields = cb.summary ? [{ label: t(to.locale, 'field.summary'), value: clip(cb.summary, 200) }] : [];
  return { text, card: { title: text, fields, buttons: [{ label: t(to.locale, 'button.viewCustomer'), action: { intent: 'query_customer', args: { customerId: cb.customerId } } }] } };
}
