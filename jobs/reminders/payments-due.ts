// Payment nudges (issue #15): an instalment still unpaid on its due day is put to the deal's
// owner, once more the first day it is overdue, and to the owner's manager once it has been
// overdue Tenant.settings.paymentEscalateDays (default 7). Each nudge is a payment_due Reminder
// whose note names it for good (`instalment:<id>:<due date>:<mark>`): a re-run finds it and sends
// nothing new, and a new due date (改期) gets nudges of its own. Runs in the daily frame, so it
// waits out quiet hours, weekends and the morning send time as follow-ups do; muted with them.
import type { Reply } from '../../src/chat/index.js';
import type { Deal, Instalment } from '../../src/generated/prisma/client.js';
import { remainingOf, nudgeNote } from '../../src/domain/payments.js';
import { formatAmount, formatCalendarDate, t } from '../../src/i18n/index.js';
import { pt } from '../../src/intents/payment-messages.js';
import { calendarDate } from '../../src/time.js';
import { atLocal, daysBetween } from '../calendar.js';
import type { JobContext } from '../types.js';
import { dailyJob, type DailyRun } from './daily.js';
import { sendTo, type Person } from './people.js';

type Mark = 'due' | 'overdue' | 'escalate';
interface Nudge { instalment: Instalment; deal: Deal; customer: string; due: string; days: number; mark: Mark; to: Person; owner: Person }

export const paymentsDue = dailyJob('payments-due', async (ctx, run) => {
  for (const n of await findNudges(run)) await nudge(ctx, run, n);
});

async function findNudges(run: DailyRun): Promise<Nudge[]> {
  const { db, tenant, date, dates, people } = run;
  const open = (await db.instalment.findMany({
    where: { tenantId: tenant.id, dueDate: { lte: calendarDate(date) } }, orderBy: [{ dueDate: 'asc' }, { seq: 'asc' }],
  })).filter((i) => remainingOf(i) > 0);
  const deals = new Map((await db.deal.findMany({ where: { tenantId: tenant.id, id: { in: open.map((i) => i.dealId) }, stage: { not: 'lost' } } })).map((d) => [d.id, d]));
  const customers = new Map((await db.customer.findMany({ where: { tenantId: tenant.id, id: { in: [...deals.values()].map((d) => d.customerId) } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  return open.flatMap((instalment): Nudge[] => {
    const deal = deals.get(instalment.dealId);
    const owner = deal && people.get(deal.ownerId);
    if (!deal || !owner) return [];
    const due = instalment.dueDate!.toISOString().slice(0, 10);
    const days = daysBetween(due, date);
    const base = { instalment, deal, customer: customers.get(deal.customerId) ?? '', due, days, owner };
    // The due day (or a day off that Monday's run covers) and the first run after it.
    const own: Nudge[] = days >= 1 ? [{ ...base, mark: 'overdue', to: owner }] : dates.includes(due) ? [{ ...base, mark: 'due', to: owner }] : [];
    const manager = owner.managerId ? people.get(owner.managerId) : undefined;
    const escalate = manager && days >= tenant.settings.paymentEscalateDays ? [{ ...base, mark: 'escalate' as const, to: manager }] : [];
    return [...own, ...escalate];
  });
}

async function nudge(ctx: JobContext, run: DailyRun, n: Nudge) {
  const { db, tenant } = run;
  const note = nudgeNote(n.instalment.id, `${n.due}:${n.mark}`);
  // A reason given since (说明原因) follows the key on a line of its own: matched by its start.
  let row = await db.reminder.findFirst({ where: { tenantId: tenant.id, kind: 'payment_due', note: { startsWith: note } } });
  if (row && row.status !== 'pending') return;
  row ??= await db.reminder.create({ data: {
    tenantId: tenant.id, kind: 'payment_due', assigneeId: n.to.id, customerId: n.deal.customerId, dealId: n.deal.id,
    dueAt: atLocal(run.date, tenant.settings.sendAt, tenant.timeZone), note,
  } });
  await sendTo(ctx, n.to, 'follow_up', card(n, row.id, run), `payment:${note}:${n.to.id}`);
  await db.reminder.updateMany({ where: { id: row.id, status: 'pending' }, data: { status: 'sent', sentAt: run.now } });
}

const TITLE = { due: 'nudgeDue', overdue: 'nudgeOverdue', escalate: 'nudgeEscalate' } as const;

function card(n: Nudge, reminderId: string, run: DailyRun): Reply {
  const { locale } = n.to;
  const left = formatAmount(remainingOf(n.instalment), locale, n.deal.currency);
  const title = pt(locale, TITLE[n.mark], { customer: n.customer, label: n.instalment.label, left, days: n.days, owner: n.owner.name });
  const fields = [
    { label: t(locale, 'field.customer'), value: n.customer },
    { label: n.deal.title, value: `${n.instalment.seq}. ${n.instalment.label} · ${formatAmount(n.instalment.amount.toNumber(), locale, n.deal.currency)}` },
    { label: pt(locale, 'outstanding'), value: `${left} · ${formatCalendarDate(n.instalment.dueDate!, locale, run.now, run.tenant.timeZone)}` },
  ];
  const args = { instalmentId: n.instalment.id };
  const buttons = [
    { label: pt(locale, 'buttonReceived'), style: 'primary' as const, action: { intent: 'payment_received', args } },
    { label: pt(locale, 'buttonReschedule'), action: { intent: 'payment_reschedule', args } },
    { label: pt(locale, 'buttonExplain'), action: { intent: 'payment_explain', args: { ...args, reminderId } } },
  ];
  return { text: [title, ...fields.map((f) => `${f.label}: ${f.value}`)].join('\n'), card: { title, fields, buttons } };
}
