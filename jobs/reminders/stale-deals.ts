// Stale-deal nudges: an open deal idle longer than its stage allows (Tenant.settings.staleDays),
// or missing its amount or expected close, is put to its owner once per stage period — all of
// a rep's deals in one message. Each nudged deal gets a stale_deal Reminder row dated the run's
// day (status done: a log, not a to-do), which is what "once per period" is counted from; a
// re-run of the same day finds its own rows and re-sends under the same key (so nothing twice).
import type { Reply } from '../../src/chat/index.js';
import type { Deal } from '../../src/generated/prisma/client.js';
import { formatAmount, t } from '../../src/i18n/index.js';
import { addDays, atLocal, daysBetween, localDate } from '../calendar.js';
import type { JobContext } from '../types.js';
import { dailyJob, type DailyRun } from './daily.js';
import { tr } from './messages.js';
import { sendTo, type Person } from './people.js';

const OPEN = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
type OpenStage = (typeof OPEN)[number];

interface StaleDeal { deal: Deal; customer: string; idleDays: number; idle: boolean }

export const staleDeals = dailyJob('stale-deals', async (ctx, run) => {
  const found = await findStale(run);
  const byOwner = new Map<string, StaleDeal[]>();
  for (const s of found) byOwner.set(s.deal.ownerId, [...(byOwner.get(s.deal.ownerId) ?? []), s]);
  for (const [ownerId, list] of byOwner) {
    const owner = run.people.get(ownerId);
    if (owner && !owner.muted.has('stale_deal')) await nudge(ctx, run, owner, list);
  }
});

async function findStale(run: DailyRun): Promise<StaleDeal[]> {
  const { db, tenant, date } = run;
  const deals = await db.deal.findMany({ where: { tenantId: tenant.id, stage: { in: [...OPEN] } }, orderBy: { createdAt: 'asc' } });
  const ids = deals.map((d) => d.id);
  const [lastActs, nudges, customers] = await Promise.all([
    db.activity.groupBy({ by: ['dealId'], where: { tenantId: tenant.id, dealId: { in: ids }, occurredAt: { lte: run.now } }, _max: { occurredAt: true } }),
    db.reminder.findMany({ where: { tenantId: tenant.id, kind: 'stale_deal', dealId: { in: ids }, dueAt: { lt: atLocal(addDays(date, 1), '00:00', tenant.timeZone) } } }),
    // A customer in the public pool (#14) is nobody's to nudge: its deals are left out below.
    db.customer.findMany({ where: { tenantId: tenant.id, id: { in: deals.map((d) => d.customerId) }, pooledAt: null }, select: { id: true, name: true } }),
  ]);
  const last = new Map(lastActs.map((a) => [a.dealId, a._max.occurredAt]));
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const zone = tenant.timeZone;
  return deals.flatMap((deal) => {
    if (!names.has(deal.customerId)) return [];
    const limit = tenant.settings.staleDays[deal.stage as OpenStage];
    const idleDays = daysBetween(localDate(last.get(deal.id) ?? deal.createdAt, zone), date);
    const idle = idleDays > limit;
    if (!idle && deal.amount !== null && deal.expectedClose !== null) return [];
    // Nudged earlier within this period: wait. Nudged today: this is a re-run, keep it.
    const recent = nudges.some((n) => n.dealId === deal.id && inPeriod(daysBetween(localDate(n.dueAt, zone), date), limit));
    return recent ? [] : [{ deal, customer: names.get(deal.customerId) ?? '', idleDays, idle }];
  });
}

const inPeriod = (daysAgo: number, limit: number) => daysAgo >= 1 && daysAgo < limit;

async function nudge(ctx: JobContext, run: DailyRun, owner: Person, list: StaleDeal[]) {
  const { db, tenant, date } = run;
  const dueAt = atLocal(date, tenant.settings.sendAt, tenant.timeZone);
  for (const s of list) {
    const exists = await db.reminder.findFirst({ where: { tenantId: tenant.id, kind: 'stale_deal', dealId: s.deal.id, dueAt } });
    if (!exists) {
      await db.reminder.create({ data: {
        tenantId: tenant.id, kind: 'stale_deal', dueAt, assigneeId: owner.id, dealId: s.deal.id, customerId: s.deal.customerId, status: 'pending',
      } });
    }
  }
  await sendTo(ctx, owner, 'stale_deal', card(owner, list), `stale:${owner.id}:${date}`);
  await db.reminder.updateMany({
    where: { tenantId: tenant.id, kind: 'stale_deal', dueAt, dealId: { in: list.map((s) => s.deal.id) } },
    data: { status: 'done', sentAt: run.now },
  });
}

function card(owner: Person, list: StaleDeal[]): Reply {
  const { locale } = owner;
  const title = tr(locale, 'stale.title', { count: list.length });
  const fields = list.map((s) => {
    const reasons = [
      s.idle ? tr(locale, 'stale.idle', { days: s.idleDays }) : '',
      s.deal.amount === null ? tr(locale, 'stale.noAmount') : '',
      s.deal.expectedClose === null ? tr(locale, 'stale.noClose') : '',
    ].filter(Boolean).join(locale === 'zh' ? '，' : ', ');
    const amount = s.deal.amount === null ? '' : formatAmount(s.deal.amount.toNumber(), locale, s.deal.currency);
    const value = [s.customer, t(locale, `stage.${s.deal.stage}`), amount, reasons].filter(Boolean).join(' · ');
    return { label: s.deal.title, value };
  });
  const text = [title, ...fields.map((f) => `• ${f.label}: ${f.value}`)].join('\n');
  const buttons = list.slice(0, 3).map((s) => ({
    label: `${t(locale, 'button.viewCustomer')} · ${s.customer}`.slice(0, 40),
    action: { intent: 'query_customer', args: { customerId: s.deal.customerId } },
  }));
  return { text, card: { title, fields, buttons } };
}
