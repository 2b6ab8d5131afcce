// "小陈上周跟进了哪些客户", "who did I visit this week" (issue #11): the activities logged in the
// period by the people asked about — what was done, where query_tasks' other kinds list what is due;
// and the customers whose contract ends in the period (renewals).
import { formatCalendarDate, formatDateTime, t } from '../i18n/index.js';
import { calendarDate, isoInZone } from '../time.js';
import type { AskedPeriod, Whose } from './query-who.js';
import { qt } from './query-messages.js';
import type { IntentContext } from './types.js';
import type { Reply } from '../chat/index.js';

const LIMIT = 30;

export async function doneList(ctx: IntentContext, who: Whose, period: AskedPeriod): Promise<Reply> {
  const { locale, actor } = ctx;
  const done = await ctx.tx.activity.findMany({
    where: {
      tenantId: actor.tenantId, occurredAt: { gte: period.start, lt: period.end },
      ...(who.people !== 'all' && { userId: { in: who.people } }),
    },
    orderBy: { occurredAt: 'desc' }, take: LIMIT,
    select: { customerId: true, userId: true, channel: true, summary: true, occurredAt: true },
  });
  const title = qt(locale, 'doneTitle', { who: who.scope === 'me' ? '' : who.label, period: period.label });
  if (done.length === 0) return { text: [who.note, qt(locale, 'tasksEmpty', { title })].filter(Boolean).join('\n') };
  const [customers, user] = await Promise.all([
    ctx.tx.customer.findMany({ where: { tenantId: actor.tenantId, id: { in: [...new Set(done.map((a) => a.customerId))] } }, select: { id: true, name: true } }),
    who.scope === 'team' ? assigneeNames(ctx, done.map((a) => a.userId)) : undefined,
  ]);
  const customer = new Map(customers.map((c) => [c.id, c.name]));
  const fields = done.map((a) => ({
    label: formatDateTime(a.occurredAt, locale, actor.timeZone),
    value: [user?.get(a.userId), customer.get(a.customerId), t(locale, `channel.${a.channel}` as never), a.summary].filter(Boolean).join(' — ').slice(0, 120),
  }));
  const distinct = [...new Set(done.map((a) => a.customerId))];
  const summary = qt(locale, 'doneCount', { customers: distinct.length, activities: done.length });
  const buttons = distinct.slice(0, 5).map((customerId) => ({ label: customer.get(customerId) ?? '', action: { intent: 'query_customer', args: { customerId } } }));
  return { text: [who.note, title, summary].filter(Boolean).join('\n'), card: { title, fields, buttons } };
}

/** The names of the people whose rows a team list shows. */
export async function assigneeNames(ctx: IntentContext, ids: string[]): Promise<Map<string, string>> {
  const users = await ctx.tx.user.findMany({ where: { tenantId: ctx.actor.tenantId, id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** "这个月有哪些客户要续费": the customers whose contract ends in the period, soonest first. */
export async function renewalList(ctx: IntentContext, who: Whose, period: AskedPeriod): Promise<Reply> {
  const { locale, actor } = ctx;
  // contractEnd is a calendar date: the period's local days, read as dates.
  const [from, to] = [period.start, period.end].map((at) => calendarDate(isoInZone(at, actor.timeZone)));
  // Care and managers asking plainly mean every customer they look after, not their own few.
  const owners = who.scope === 'me' && actor.role !== 'rep' ? actor.visibleOwners : who.people;
  const due = await ctx.tx.customer.findMany({
    where: {
      tenantId: actor.tenantId, contractEnd: { gte: from, lt: to },
      ...(owners !== 'all' && { ownerId: { in: owners } }),
    },
    orderBy: { contractEnd: 'asc' }, take: LIMIT,
    select: { id: true, name: true, contractEnd: true },
  });
  const title = qt(locale, 'renewalsTitle', { who: who.scope === 'me' ? '' : who.label, period: period.label });
  if (due.length === 0) return { text: [who.note, qt(locale, 'tasksEmpty', { title })].filter(Boolean).join('\n') };
  const fields = due.map((c) => ({ label: formatCalendarDate(c.contractEnd!, locale, ctx.now, actor.timeZone), value: c.name }));
  const buttons = due.slice(0, 5).map((c) => ({ label: c.name, action: { intent: 'query_customer', args: { customerId: c.id } } }));
  return { text: [who.note, title].filter(Boolean).join('\n'), card: { title, fields, buttons } };
}
