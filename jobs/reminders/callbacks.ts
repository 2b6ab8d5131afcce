// Callback prompts (回访) for customer care: a usage check N days after a deal is won, periodic
// satisfaction calls by tier, and a renewal call before the contract ends (all per
// Tenant.settings). Each prompt is a callback Reminder per care user (a to-do until scored) and a
// card with one-tap scores 1–5; the answer (src/intents/reminder-actions.ts) is a Callback.
import type { Reply } from '../../src/chat/index.js';
import type { CallbackCategory } from '../../src/generated/prisma/enums.js';
import { formatCalendarDate, t } from '../../src/i18n/index.js';
import { isLowScore } from '../../src/intents/callback-alert.js';
import { addDays, atLocal, daysBetween, localDate } from '../calendar.js';
import type { JobContext } from '../types.js';
import { dailyJob, type DailyRun } from './daily.js';
import { tr, type JobMessageKey } from './messages.js';
import { sendTo, type Person } from './people.js';

type Reason = 'won' | 'renewal' | 'tier';
interface Prompt {
  reason: Reason; customerId: string; customer: string; dealId?: string;
  /** The local date the prompt is for; with `ref` it names the prompt for good. */
  due: string; ref: string; params: Record<string, string | number>;
  /** Care already recorded a callback for this customer in the prompt's period: not sent. */
  called?: boolean;
}

const noteOf = (p: Prompt) => `prompt:${p.reason}:${p.ref}`;
const CATEGORY: Record<Reason, CallbackCategory> = { won: 'feedback', renewal: 'renewal', tier: 'satisfaction' };
const TITLE: Record<Reason, JobMessageKey> = { won: 'callback.won', renewal: 'callback.renewal', tier: 'callback.tier' };

export const callbacks = dailyJob('callbacks', async (ctx, run) => {
  const care = [...run.people.values()].filter((p) => p.role === 'care' && !p.muted.has('callback'));
  if (!care.length) return;
  const prompts = await findPrompts(run);
  for (const p of prompts.filter((x) => x.called)) await closeAnswered(run, p);
  const due = prompts.filter((x) => !x.called);
  for (const person of care) for (const p of due) await prompt(ctx, run, person, p);
});

async function findPrompts(run: DailyRun): Promise<Prompt[]> {
  const { db, tenant, date, dates } = run;
  const s = tenant.settings, zone = tenant.timeZone;
  const [won, customers, lastCalls] = await Promise.all([
    db.deal.findMany({ where: { tenantId: tenant.id, stage: 'won', closedAt: { not: null } }, orderBy: { closedAt: 'asc' } }),
    db.customer.findMany({ where: { tenantId: tenant.id }, orderBy: { name: 'asc' } }),
    db.callback.groupBy({ by: ['customerId'], where: { tenantId: tenant.id, occurredAt: { lte: run.now } }, _max: { occurredAt: true } }),
  ]);
  const name = new Map(customers.map((c) => [c.id, c.name]));
  const lastCall = new Map(lastCalls.map((c) => [c.customerId, c._max.occurredAt]));
  const firstWon = new Map<string, Date>();
  for (const d of won) if (!firstWon.has(d.customerId)) firstWon.set(d.customerId, d.closedAt!);

  // The period of a usage check starts at the win, a renewal call's when its window opens.
  const calledSince = (customerId: string, since: Date) => (lastCall.get(customerId) ?? since) > since;
  const wonPrompts = won.flatMap((d): Prompt[] => {
    const due = addDays(localDate(d.closedAt!, zone), s.afterWonDays);
    return dates.includes(due) ? [{ reason: 'won', customerId: d.customerId, customer: name.get(d.customerId) ?? '', dealId: d.id,
      due, ref: d.id, params: { deal: d.title, days: s.afterWonDays }, called: calledSince(d.customerId, d.closedAt!) }] : [];
  });
  const renewalPrompts = customers.flatMap((c): Prompt[] => {
    if (!c.contractEnd) return [];
    const end = c.contractEnd.toISOString().slice(0, 10);
    const due = addDays(end, -s.renewalCallbackDays);
    return due <= date && date < end ? [{ reason: 'renewal', customerId: c.id, customer: c.name, due, ref: `${c.id}:${end}`,
      params: { end, days: daysBetween(date, end) }, called: calledSince(c.id, atLocal(due, '00:00', zone)) }] : [];
  });
  // A customer with a won-deal or renewal call today does not also get the periodic one.
  const busy = new Set([...wonPrompts, ...renewalPrompts].map((p) => p.customerId));
  const tierPrompts = customers.flatMap((c): Prompt[] => {
    // Only customers who bought (signed, or a won deal); counted from the last call, else the purchase.
    if (!c.tier || busy.has(c.id) || !(c.signedAt || firstWon.has(c.id))) return [];
    const call = lastCall.get(c.id), won = firstWon.get(c.id);
    const base = call ? localDate(call, zone) : c.signedAt ? c.signedAt.toISOString().slice(0, 10) : localDate(won!, zone);
    const due = addDays(base, s.callbackDays[c.tier]);
    return due <= date ? [{ reason: 'tier', customerId: c.id, customer: c.name, due, ref: `${c.id}:${due}`,
      params: { tier: c.tier, lastDate: lastCall.has(c.id) ? localDate(lastCall.get(c.id)!, zone) : '' } }] : [];
  });
  return [...wonPrompts, ...renewalPrompts, ...tierPrompts];
}

async function prompt(ctx: JobContext, run: DailyRun, person: Person, p: Prompt) {
  const { db, tenant } = run;
  const note = noteOf(p);
  let row = await db.reminder.findFirst({ where: { tenantId: tenant.id, kind: 'callback', assigneeId: person.id, note } });
  if (row && (row.status === 'done' || row.status === 'cancelled')) return; // already answered
  row ??= await db.reminder.create({ data: {
    tenantId: tenant.id, kind: 'callback', assigneeId: person.id, customerId: p.customerId, dealId: p.dealId ?? null,
    dueAt: atLocal(p.due, tenant.settings.sendAt, tenant.timeZone), note,
  } });
  await sendTo(ctx, person, 'callback', card(person, p, row.id, run.now, run.tenant.timeZone), `callback:${note}:${person.id}`);
  await db.reminder.updateMany({ where: { id: row.id, status: 'pending' }, data: { status: 'sent', sentAt: run.now } });
}

/** A prompt sent before care recorded the call (by chat) is no longer a to-do. */
async function closeAnswered(run: DailyRun, p: Prompt) {
  await run.db.reminder.updateMany({
    where: { tenantId: run.tenant.id, kind: 'callback', note: noteOf(p), status: { in: ['pending', 'sent'] } },
    data: { status: 'done' },
  });
}

const asDate = (d: string) => new Date(`${d}T00:00:00Z`);

/** The title's parameters in the recipient's language (dates are formatted per locale). */
function titleParams(locale: Person['locale'], p: Prompt, now: Date, zone: string): Record<string, string | number> {
  const when = (d: string | number) => formatCalendarDate(asDate(String(d)), locale, now, zone);
  if (p.reason === 'renewal') return { ...p.params, date: when(p.params.end!) };
  if (p.reason === 'tier') {
    const last = p.params.lastDate ? tr(locale, 'callback.lastAt', { date: when(p.params.lastDate) }) : tr(locale, 'callback.never');
    return { ...p.params, last };
  }
  return p.params;
}

function card(person: Person, p: Prompt, reminderId: string, now: Date, zone: string): Reply {
  const { locale } = person;
  const title = tr(locale, TITLE[p.reason], { customer: p.customer, ...titleParams(locale, p, now, zone) });
  const category = CATEGORY[p.reason];
  const ask = tr(locale, 'callback.howSatisfied');
  const buttons = [1, 2, 3, 4, 5].map((score) => ({
    label: `${score}${locale === 'zh' ? '分' : ''}`, style: isLowScore(score) ? 'danger' as const : 'default' as const,
    action: { intent: 'callback_score', args: { reminderId, score, category } },
  }));
  const fields = [{ label: t(locale, 'field.summary'), value: t(locale, `category.${category}`) }];
  return { text: `${title}\n${ask}`, card: { title, fields, buttons } };
}
