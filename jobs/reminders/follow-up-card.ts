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

interface CardRow {
  id: string; customer: string | null; contact: string | null;
  dealTitle: string | null; amount: string | null; currency: string | null; stage: Stage | null;
  summary: string | null; occurredAt: Date | null;
}

/**
 * The card rows of many follow-ups in one statement whatever their number (issues #6, #16: 1,000
 * due in the same second): each reminder's customer, contact, deal and own activity by id, else
 * its customer's latest activity before `now` (one index probe per customer). Raw: Prisma's model
 * queries cost ~0.1 ms of CPU per reminder here. Every row must be of the reminder's tenant.
 */
export async function followUpCards(db: Db, rs: Reminder[], now: Date): Promise<Map<string, CardRows>> {
  if (!rs.length) return new Map();
  const col = (key: 'id' | 'tenantId' | 'customerId' | 'contactId' | 'dealId' | 'activityId') => rs.map((r) => r[key]);
  const rows = await db.$queryRaw<CardRow[]>`
    SELECT v.id, cu.name AS customer, co.name AS contact, d.title AS "dealTitle", d.amount::text AS amount, d.currency, d.stage::text AS stage,
      coalesce(a.summary, l.summary) AS summary, coalesce(a."occurredAt", l."occurredAt") AS "occurredAt"
    FROM unnest(${col('id')}::text[], ${col('tenantId')}::text[], ${col('customerId')}::text[], ${col('contactId')}::text[],
      ${col('dealId')}::text[], ${col('activityId')}::text[]) AS v(id, tenant, customer, contact, deal, activity)
    LEFT JOIN "Customer" cu ON cu."tenantId" = v.tenant AND cu.id = v.customer
    LEFT JOIN "Contact" co ON co."tenantId" = v.tenant AND co.id = v.contact
    LEFT JOIN "Deal" d ON d."tenantId" = v.tenant AND d.id = v.deal
    LEFT JOIN "Activity" a ON a."tenantId" = v.tenant AND a.id = v.activity
    -- The activity the follow-up came from, else the customer's latest before now.
    LEFT JOIN LATERAL (
      SELECT summary, "occurredAt" FROM "Activity"
      WHERE a.id IS NULL AND "tenantId" = v.tenant AND "customerId" = v.customer AND "occurredAt" <= ${now}
      ORDER BY "occurredAt" DESC LIMIT 1) l ON true`;
  return new Map(rows.map((c) => [c.id, {
    customer: c.customer ?? undefined, contact: c.contact ?? undefined,
    deal: c.dealTitle === null ? undefined : { title: c.dealTitle, amount: c.amount === null ? null : new Prisma.Decimal(c.amount), currency: c.currency!, stage: c.stage! },
    last: c.summary === null ? undefined : { summary: c.summary, occurredAt: c.occurredAt! },
  }]));
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
  // A complaint with no score is no "0/5": it is said as a complaint.
  const said = { customer: customer?.name ?? '', category: t(to.locale, `category.${cb.category}`), by: by?.name ?? '' };
  const text = cb.satisfaction === null
    ? tr(to.locale, 'callback.complaintAlert', said)
    : tr(to.locale, 'callback.alert', { ...said, score: cb.satisfaction });
  const fields = cb.summary ? [{ label: t(to.locale, 'field.summary'), value: clip(cb.summary, 200) }] : [];
  // The alert stays on the to-do list until its reader marks it done (they called the customer).
  const buttons: Button[] = [
    { label: tr(to.locale, 'button.done'), style: 'primary', action: { intent: 'reminder_done', args: { reminderId: r.id } } },
    { label: t(to.locale, 'button.viewCustomer'), action: { intent: 'query_customer', args: { customerId: cb.customerId } } },
  ];
  return { text, card: { title: text, fields, buttons } };
}
