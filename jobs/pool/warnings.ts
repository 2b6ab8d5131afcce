// Warnings before a customer returns to the pool (issue #14): the owner hears N days before
// (Tenant pool rules' warningDays, 3 and 1 by default), once each — a recycle_warning Reminder
// per customer, recycle date and mark is written first (set-based, only where none exists), then
// every unsent one is sent and marked. A re-run writes nothing new; one interrupted between send
// and mark re-sends under the same keys, which the outbox delivers once. A follow-up moves the
// recycle date, so the next round of warnings is about the new date.
import type { Reply } from '../../src/chat/index.js';
import { Prisma, type Db } from '../../src/db.js';
import { dueSql, type ClockInput } from '../../src/domain/pool-clock.js';
import { formatCalendarDate } from '../../src/i18n/index.js';
import { atLocal, daysBetween } from '../calendar.js';
import type { JobContext } from '../types.js';
import type { Person, TenantInfo } from '../reminders/people.js';
import { pt } from './messages.js';

export interface Warning { id: string; ownerId: string; customerId: string; name: string; note: string }

/** note = 'pool:<recycle date>:<mark>:<last follow-up date>': what the warning said, and its identity. */
export async function writeWarnings(db: Db, input: ClockInput & { today: string; tenant: TenantInfo }): Promise<number> {
  const { tenantId, now, today, rules, tenant } = input;
  if (!rules.warningDays.length) return 0;
  const dueAt = atLocal(today, tenant.settings.sendAt, tenant.timeZone);
  const marks = Prisma.sql`ARRAY[${Prisma.join(rules.warningDays)}]::int[]`;
  return db.$executeRaw(Prisma.sql`
    WITH marked AS (
      SELECT d.id, d."ownerId", d."dueDate", d."lastDate",
             (SELECT min(w) FROM unnest(${marks}) w WHERE d."dueDate" - ${today}::date <= w) AS mark
        FROM (${dueSql(input)}) d
       WHERE d."dueDate" > ${today}::date AND d."dueDate" - ${today}::date <= ${Math.max(...rules.warningDays)}::int),
    noted AS (SELECT m.*, 'pool:' || m."dueDate" || ':' || m.mark || ':' AS key FROM marked m)
    INSERT INTO "Reminder" (id, "tenantId", kind, "dueAt", status, "assigneeId", "customerId", note, "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${tenantId}, 'recycle_warning', ${dueAt}, 'pending', n."ownerId", n.id, n.key || n."lastDate", ${now}, ${now}
      FROM noted n
     WHERE NOT EXISTS (SELECT 1 FROM "Reminder" r WHERE r."tenantId" = ${tenantId} AND r.kind = 'recycle_warning'
                        AND r."customerId" = n.id AND starts_with(r.note, n.key))`);
}

export async function unsentWarnings(db: Db, tenantId: string): Promise<Warning[]> {
  return db.$queryRaw<Warning[]>`
    SELECT r.id, r."assigneeId" AS "ownerId", r."customerId", c.name, r.note
      FROM "Reminder" r JOIN "Customer" c ON c.id = r."customerId" AND c."tenantId" = r."tenantId"
     WHERE r."tenantId" = ${tenantId} AND r.kind = 'recycle_warning' AND r.status = 'pending' AND r."sentAt" IS NULL
       AND c."pooledAt" IS NULL
     ORDER BY r."assigneeId", r.note, c.name`;
}

export function warningCard(w: Warning, to: Person, today: string, now: Date, timeZone: string): Reply {
  const [, due = today, , last = today] = w.note.split(':');
  const date = formatCalendarDate(new Date(`${due}T00:00:00Z`), to.locale, now, timeZone);
  const text = pt(to.locale, 'warning.text', { customer: w.name, idle: daysBetween(last, today), date });
  return {
    text,
    card: {
      title: text,
      buttons: [
        // Done asks "结果如何？" and logs the answer on the customer: the follow-up resets the clock.
        { label: pt(to.locale, 'warning.log'), style: 'primary', action: { intent: 'reminder_done', args: { reminderId: w.id } } },
        { label: pt(to.locale, 'warning.keep'), action: { intent: 'pool_keep', args: { customerId: w.customerId } } },
      ],
    },
  };
}

/** Sends the unsent warnings (one message each, keyed by the reminder) and marks them sent. */
export async function sendWarnings(ctx: JobContext, warnings: Warning[], people: Map<string, Person>, today: string, tenant: TenantInfo): Promise<number> {
  const now = ctx.now();
  const notices = warnings.flatMap((w) => {
    const to = people.get(w.ownerId);
    // Muted with follow-ups (jobs/reminders/fire.ts muteKind): still marked, it stays a record.
    return to && !to.muted.has('follow_up')
      ? [{ to: { tenantId: to.tenantId, userId: to.id }, reply: warningCard(w, to, today, now, tenant.timeZone), key: `pool-warning:${w.id}` }]
      : [];
  });
  if (ctx.notifier.notifyMany) await ctx.notifier.notifyMany(notices);
  else for (const n of notices) await ctx.notifier.notify(n.to, n.reply, { key: n.key });
  if (warnings.length) {
    await ctx.db.reminder.updateMany({ where: { tenantId: tenant.id, id: { in: warnings.map((w) => w.id) }, status: 'pending' }, data: { status: 'sent', sentAt: now } });
  }
  return notices.length;
}
