// The follow-up reminder card ("跟进 华为 · 张总 — 上次: 报价 50万, 3天前") and the low-score
// alert, built from the reminder's rows as they are when it fires (read in one go for every
// reminder firing together).
import type { Button, Reply } from '../../src/chat/index.js';
import { Prisma, type Db } from '../../src/db.js';
import type { Reminder } from '../../src/generated/prisma/client.js';
import type { Stage } from '../../src/generated/prisma/enums.js';
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

/** The rows a follow-up card shows, read for many reminders at once (see followUpCards). */
export interface CardRows {
  customer?: string; contact?: string;
  deal?: { title: string; amount: Prisma.Decimal | null; currency: string; stage: Stage };
  last?: { summary: string; occurredAt: Date };
}

export function followUpCard(r: Reminder, to: Person, now: Date, rows: CardRows): Reply {
  const { locale, timeZone } = to;
  const { deal, last } = rows;
  const who = [rows.customer, rows.contact].filter(Boolean).join(' · ');
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

const ids = (rs: Reminder[], key: 'customerId' | 'contactId' | 'dealId' | 'activityId') => [...new Set(rs.map((r) => r[key]).filter((v): v is string => !!v))];
const byTenant = <T extends { id: string; tenantId: string }>(rows: T[]) => new Map(rows.map((x) => [`${x.tenantId}:${x.id}`, x]));

/**
 * The card rows of many follow-ups with a fixed number of queries whatever their number (issue #6:
 * 1,000 due in the same second): customers, contacts, deals and own activities by id, and each
 * customer's latest activity before `now` (one index probe per customer, in one statement).
 * Every row must be of the reminder's tenant.
 */
export async function followUpCards(db: Db, rs: Reminder[], now: Date): Promise<Map<string, CardRows>> {
  const select = { id: true, tenantId: true } as const;
  const [customers, contacts, deals, own, latest] = await Promise.all([
    db.customer.findMany({ where: { id: { in: ids(rs, 'customerId') } }, select: { ...select, name: true } }),
    db.contact.findMany({ where: { id: { in: ids(rs, 'contactId') } }, select: { ...select, name: true } }),
    db.deal.findMany({ where: { id: { in: ids(rs, 'dealId') } }, select: { ...select, title: true, amount: true, currency: true, stage: true } }),
    db.activity.findMany({ where: { id: { in: ids(rs, 'activityId') } }, select: { ...select, summary: true, occurredAt: true } }),
    latestActivities(db, rs, now),
  ]);
  const [c, k, d, a] = [byTenant(customers), byTenant(contacts), byTenant(deals), byTenant(own)];
  const key = (r: Reminder, id: string | null) => `${r.tenantId}:${id}`;
  return new Map(rs.map((r) => [r.id, {
    customer: c.get(key(r, r.customerId))?.name, contact: k.get(key(r, r.contactId))?.name, deal: d.get(key(r, r.dealId)),
    // The activity the follow-up came from, else the customer's latest before now.
    last: a.get(key(r, r.activityId)) ?? (r.customerId ? latest.get(key(r, r.customerId)) : undefined),
  }]));
}

async function latestActivities(db: Db, rs: Reminder[], now: Date): Promise<Map<string, { summary: string; occurredAt: Date }>> {
  const pairs = [...new Set(rs.filter((r) => r.customerId).map((r) => `${r.tenantId}\u0000${r.customerId}`))].map((p) => p.split('\u0000') as [string, string]);
  if (!pairs.length) return new Map();
  const rows = await db.$queryRaw<{ tenantId: string; customerId: string; summary: string; occurredAt: Date }[]>(Prisma.sql`
    SELECT c.t AS "tenantId", c.id AS "customerId", a.summary, a."occurredAt"
    FROM unnest(ARRAY[${Prisma.join(pairs.map((p) => p[0]))}]::text[], ARRAY[${Prisma.join(pairs.map((p) => p[1]))}]::text[]) AS c(t, id)
    CROSS JOIN LATERAL (
      SELECT summary, "occurredAt" FROM "Activity"
      WHERE "tenantId" = c.t AND "customerId" = c.id AND "occurredAt" <= ${now}
      ORDER BY "occurredAt" DESC LIMIT 1) a`);
  return new Map(rows.map((r) => [`${r.tenantId}:${r.customerId}`, { summary: r.summary, occurredAt: r.occurredAt }]));
}

/** A callback scored ≤ 2: the account owner and their manager hear about it. */
export async function alertCard(db: Db, r: Reminder, to: Person): Promise<Reply | null> {
  if (!r.callbackId) return null;
  const cb = await db.callback.findFirst({ where: { tenantId: r.tenantId, id: r.callbackId } });
  if (!cb) return null;
  const [customer, by] = await Promise.all([
    db.customer.findFirst({ where: { tenantId: r.tenantId, id: cb.customerId }, select: { name: true } }),
    db.user.findFirst({ where: { tenantId: r.tenantId, id: cb.userId }, select: { name: true } }),
  ]);
  const text = tr(to.locale, 'callback.alert', {
    customer: customer?.name ?? '', score: cb.satisfaction ?? 0, category: t(to.locale, `category.${cb.category}`), by: by?.name ?? '',
  });
  const fields = cb.summary ? [{ label: t(to.locale, 'field.summary'), value: clip(cb.summary, 200) }] : [];
  // The alert stays on the to-do list until its reader marks it done (they called the customer).
  const buttons: Button[] = [
    { label: tr(to.locale, 'button.done'), style: 'primary', action: { intent: 'reminder_done', args: { reminderId: r.id } } },
    { label: t(to.locale, 'button.viewCustomer'), action: { intent: 'query_customer', args: { customerId: cb.customerId } } },
  ];
  return { text, card: { title: text, fields, buttons } };
}
