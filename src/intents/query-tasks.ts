// What to follow up: pending reminders due by the end of the period, overdue first.
import { tasks } from '../domain/reports.js';
import { formatDateTime, t } from '../i18n/index.js';
import type { IntentHandler } from './types.js';

export const queryTasks: IntentHandler = {
  async handle(ctx, args) {
    const { locale, actor } = ctx;
    const period = args.period === 'week' || args.period === 'month' ? args.period : 'today';
    const due = await tasks(ctx.tx, actor, period, ctx.now);
    const periodText = t(locale, `period.${period}`);
    if (due.length === 0) return { text: t(locale, 'tasks.empty', { period: periodText }) };
    const title = t(locale, 'tasks.title', { period: periodText });
    const fields = due.map((r) => ({
      label: `${r.overdue ? `⚠ ${t(locale, 'tasks.overdue')} · ` : ''}${formatDateTime(r.dueAt, locale, actor.timeZone)}`,
      value: [r.customerName, r.note].filter(Boolean).join(' — ').slice(0, 120),
    }));
    const buttons = [...new Set(due.map((r) => r.customerId).filter((x): x is string => !!x))].slice(0, 5)
      .map((customerId) => ({ label: due.find((r) => r.customerId === customerId)!.customerName, action: { intent: 'query_customer', args: { customerId } } }));
    return { text: title, card: { title, fields, buttons } };
  },
};
