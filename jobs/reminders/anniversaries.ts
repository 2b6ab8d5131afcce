// Anniversaries for account owners: contacts' birthdays (N days ahead and on the day),
// customers' signing anniversaries, and contract-renewal reminders (30/15/7 days before the end,
// per Tenant.settings), each with a suggested message. One message per event, keyed by the
// event (`birthday:<contactId>:<date>:…`), so Monday's run covering a weekend never repeats one.
import type { Reply } from '../../src/chat/index.js';
import { formatCalendarDate, t } from '../../src/i18n/index.js';
import { addDays, daysBetween, type MessageKind } from '../calendar.js';
import type { JobContext } from '../types.js';
import { dailyJob, type DailyRun } from './daily.js';
import { tr } from './messages.js';
import { sendTo, type Person } from './people.js';

/** Days ahead of a birthday the owner hears about it (besides the day itself). */
export const BIRTHDAY_AHEAD = 3;

interface Event { kind: MessageKind; ownerId: string; key: string; date?: string; render(p: Person): Reply }

export const anniversaries = dailyJob('anniversaries', async (ctx, run) => {
  const events = [...await birthdays(run), ...await signings(run), ...await renewals(run)];
  for (const e of events) await send(ctx, run, e);
});

async function send(ctx: JobContext, run: DailyRun, e: Event) {
  const owner = run.people.get(e.ownerId);
  if (owner) await sendTo(ctx, owner, e.kind, e.render(owner), e.key);
}

const mmdd = (date: string) => date.slice(5, 10);
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** A stored birthday ('MM-DD' or 'YYYY-MM-DD') as its date in `year`; 02-29 is 02-28 in other years. */
function birthdayIn(year: number, birthday: string): string {
  const md = birthday.slice(-5);
  return `${year}-${md === '02-29' && !isLeap(year) ? '02-28' : md}`;
}
const asDate = (d: string) => new Date(`${d}T00:00:00Z`);

function suggestion(locale: Person['locale'], text: string, title: string, extra: { label: string; value: string }[] = []): Reply {
  const fields = [...extra, { label: tr(locale, 'field.suggestion'), value: text }];
  return { text: `${title}\n${tr(locale, 'field.suggestion')}: ${text}`, card: { title, fields } };
}

async function birthdays(run: DailyRun): Promise<Event[]> {
  const { db, tenant, date, dates } = run;
  // Someone who left the customer (#11) is no longer the owner's to greet there.
  const contacts = await db.contact.findMany({ where: { tenantId: tenant.id, birthday: { not: null }, leftAt: null }, orderBy: { name: 'asc' } });
  // Customers in the public pool (#14) have no owner to tell.
  const customers = await db.customer.findMany({ where: { tenantId: tenant.id, id: { in: contacts.map((c) => c.customerId) }, pooledAt: null } });
  const byId = new Map(customers.map((c) => [c.id, c]));
  const events = contacts.flatMap((contact) => {
    const customer = byId.get(contact.customerId);
    if (!customer) return [];
    // For each covered day: the birthday on that day, and the one BIRTHDAY_AHEAD days later.
    return dates.flatMap((d) => [0, BIRTHDAY_AHEAD].flatMap((ahead): Event[] => {
      const target = addDays(d, ahead);
      const bday = birthdayIn(Number(target.slice(0, 4)), contact.birthday!);
      if (bday !== target) return [];
      const days = daysBetween(date, bday);
      return [{
        kind: 'birthday', ownerId: customer.ownerId, key: `birthday:${contact.id}:${bday}:${ahead ? 'ahead' : 'day'}`, date: bday,
        render: (p) => {
          const params = { customer: customer.name, contact: contact.name, days, date: formatCalendarDate(asDate(bday), p.locale, run.now, run.tenant.timeZone) };
          // A birthday on a day off is sent on the next workday: it is then in the past.
          const title = tr(p.locale, days === 0 ? 'birthday.today' : days > 0 ? 'birthday.ahead' : 'birthday.past', params);
          return suggestion(p.locale, tr(p.locale, 'birthday.suggest', { contact: contact.name }), title);
        },
      }];
    }));
  });
  // Soonest first: today's birthdays before the ones ahead.
  return events.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

async function signings(run: DailyRun): Promise<Event[]> {
  const { db, tenant, dates } = run;
  const customers = await db.customer.findMany({ where: { tenantId: tenant.id, signedAt: { not: null }, pooledAt: null }, orderBy: { name: 'asc' } });
  return customers.flatMap((c) => dates.flatMap((d): Event[] => {
    const signed = c.signedAt!.toISOString().slice(0, 10);
    const years = Number(d.slice(0, 4)) - Number(signed.slice(0, 4));
    if (years < 1 || mmdd(d) !== mmdd(birthdayIn(Number(d.slice(0, 4)), signed))) return [];
    return [{
      kind: 'anniversary', ownerId: c.ownerId, key: `anniversary:${c.id}:${d}`,
      render: (p) => suggestion(p.locale, tr(p.locale, 'anniversary.suggest', { customer: c.name, years }),
        tr(p.locale, 'anniversary.today', { customer: c.name, years })),
    }];
  }));
}

async function renewals(run: DailyRun): Promise<Event[]> {
  const { db, tenant, date, dates } = run;
  const customers = await db.customer.findMany({ where: { tenantId: tenant.id, contractEnd: { not: null }, pooledAt: null }, orderBy: { name: 'asc' } });
  const contacts = await db.contact.findMany({ where: { tenantId: tenant.id, customerId: { in: customers.map((c) => c.id) } }, orderBy: { createdAt: 'asc' } });
  return customers.flatMap((c) => {
    const end = c.contractEnd!.toISOString().slice(0, 10);
    const marks = tenant.settings.renewalReminderDays.filter((n) => dates.includes(addDays(end, -n)));
    if (!marks.length) return [];
    // One message even when a covered weekend holds two marks; keyed by the nearest.
    const mark = Math.min(...marks);
    const contact = contacts.find((x) => x.customerId === c.id)?.name ?? '';
    const days = daysBetween(date, end);
    return [{
      kind: 'renewal', ownerId: c.ownerId, key: `renewal:${c.id}:${end}:${mark}`,
      render: (p) => {
        const when = formatCalendarDate(asDate(end), p.locale, run.now, run.tenant.timeZone);
        return suggestion(p.locale, tr(p.locale, 'renewal.suggest', { contact: contact || c.name, date: when }),
          tr(p.locale, 'renewal.title', { customer: c.name, date: when, days }),
          [{ label: t(p.locale, 'field.customer'), value: c.name }]);
      },
    } satisfies Event];
  });
}
