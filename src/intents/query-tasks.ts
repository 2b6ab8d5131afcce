// What to follow up: pending reminders due in the period asked (today with what is overdue;
// 明天 / 下周 just that period), mine, the team's or a colleague's; customer care's due
// callbacks (今天要回访哪些客户), or only what is overdue (issue #11).
import type { ReminderKind } from '../generated/prisma/enums.js';
import { tasks } from '../domain/reports.js';
import { formatDateTime, t } from '../i18n/index.js';
import type { Args } from './args.js';
import { qt } from './query-messages.js';
import { askedPeriod, whose } from './query-who.js';
import { taskNote } from './task-line.js';
import { assigneeNames, doneList, renewalList } from './query-done.js';
import type { IntentHandler } from './types.js';

type Kind = NonNullable<Args['task_kind']>;
// A low-score alert is the owner's (and manager's) to-do: call the unhappy customer.
const KINDS: Record<Exclude<Kind, 'done' | 'renewal'>, ReminderKind[]> = {
  follow_up: ['follow_up', 'low_score_alert'], callback: ['callback'], overdue: ['follow_up', 'low_score_alert', 'callback'],
};
const TITLES: Record<Exclude<Kind, 'done' | 'renewal'>, 'tasksTitle' | 'callbacksTitle' | 'overdueTitle'> = { follow_up: 'tasksTitle', callback: 'callbacksTitle', overdue: 'overdueTitle' } as const;

export const queryTasks: IntentHandler = {
  async handle(ctx, args) {
    const { locale, actor } = ctx;
    const who = await whose(ctx, args);
    if ('reply' in who) return who.reply;
    // Customer care's tasks are callbacks; "回访" asks for them whoever asks.
    const kind: Kind = args.task_kind ?? (actor.role === 'care' ? 'callback' : 'follow_up');
    if (kind === 'done') return doneList(ctx, who, askedPeriod(ctx, args, 'week'));
    if (kind === 'renewal') return renewalList(ctx, who, askedPeriod(ctx, args, 'month'));
    const period = askedPeriod(ctx, args, 'today');
    const overdueOnly = kind === 'overdue';
    // Customer care's own "后天再打" is a follow-up of theirs: a callback to make, listed with the others.
    const kinds = kind === 'callback' && actor.role === 'care' ? [...KINDS.callback, 'follow_up' as const] : KINDS[kind];
    const { rows: due, total } = await tasks(ctx.tx, actor, {
      assignees: who.people, kinds, now: ctx.now,
      // This period includes what is overdue; another one is just its own days.
      ...(period.offset !== 0 && !overdueOnly && { from: period.start }),
      before: overdueOnly ? ctx.now : period.end,
    });
    const title = qt(locale, TITLES[kind], { who: who.scope === 'me' ? '' : who.label, period: period.label });
    if (due.length === 0) {
      const empty = kind === 'follow_up' && who.scope === 'me' ? t(locale, 'tasks.empty', { period: period.label }) : qt(locale, 'tasksEmpty', { title });
      return { text: [who.note, empty].filter(Boolean).join('\n') };
    }
    // Whose each task is, when the list holds several people's.
    const names = who.scope === 'team' ? await assigneeNames(ctx, due.map((r) => r.assigneeId)) : undefined;
    const fields = due.map((r) => ({
      label: `${r.overdue ? `⚠ ${t(locale, 'tasks.overdue')} · ` : ''}${formatDateTime(r.dueAt, locale, actor.timeZone)}`,
      value: [names?.get(r.assigneeId), r.customerName, taskNote(locale, r)].filter(Boolean).join(' — ').slice(0, 120),
    }));
    const buttons = [...new Set(due.map((r) => r.customerId).filter((x): x is string => !!x))].slice(0, 5)
      .map((customerId) => ({ label: due.find((r) => r.customerId === customerId)!.customerName, action: { intent: 'query_customer', args: { customerId } } }));
    // More than the list shows: said, with how to narrow it (never cut silently).
    const more = total > due.length ? qt(locale, 'tasksMore', { n: total - due.length }) : undefined;
    if (more) fields.push({ label: '…', value: more });
    return { text: [who.note, title, more].filter(Boolean).join('\n'), card: { title, fields, buttons } };
  },
};
