// The daily pool job (公海, issue #14), in each tenant's morning window like the other daily jobs
// (jobs/reminders/daily.ts): recycle what is due, tell each owner what went back, then warn the
// owners of what goes back soon, and pass the owners' keep requests to their managers. A bounded number of statements per tenant whatever its size:
// rules, people, recycle, warnings written, warnings read, warnings marked, keep requests read.
import type { Reply } from '../../src/chat/index.js';
import { poolRules } from '../../src/domain/pool-rules.js';
import { dailyJob } from '../reminders/daily.js';
import type { Person } from '../reminders/people.js';
import type { JobContext } from '../types.js';
import { pt } from './messages.js';
import { recycleDue, type Recycled } from './recycle.js';
import { pendingKeeps, sendKeepRequests } from './keep-requests.js';
import { sendWarnings, unsentWarnings, writeWarnings } from './warnings.js';

export const poolRecycle = dailyJob('pool-recycle', async (ctx, run) => {
  const { db, tenant, date, now } = run;
  const row = await db.tenant.findUnique({ where: { id: tenant.id }, select: { settings: true } });
  const rules = poolRules(row?.settings);
  if (!rules.enabled) return;
  const input = { tenantId: tenant.id, timeZone: tenant.timeZone, rules, now, today: date, tenant };
  const recycled = await recycleDue(db, input);
  await tellOwners(ctx, recycled, run.people, date);
  await writeWarnings(db, input);
  await sendWarnings(ctx, await unsentWarnings(db, tenant.id), run.people, date, tenant);
  await sendKeepRequests(ctx, await pendingKeeps(db, tenant.id), run.people);
  ctx.log.info({ tenantId: tenant.id, date, recycled: recycled.length }, 'pool recycle ran');
});

function recycledCard(to: Person, list: Recycled[]): Reply {
  const title = pt(to.locale, 'recycled.title', { count: list.length });
  const reason = (c: Recycled) => pt(to.locale, c.reason === 'no_win' ? 'recycled.reason.no_win' : 'recycled.reason.no_follow_up');
  const lines = list.map((c) => (to.locale === 'zh' ? `${c.name}（${reason(c)}）` : `${c.name} (${reason(c)})`));
  return { text: [title, ...lines.slice(0, 30)].join('\n'), card: { title, fields: [{ label: title, value: lines.slice(0, 30).join('\n') }] } };
}

/** One message per owner listing what went back, keyed by owner and day (sent once); handed to
 * the outbox in one go when it takes many. */
async function tellOwners(ctx: JobContext, recycled: Recycled[], people: Map<string, Person>, date: string) {
  const byOwner = new Map<string, Recycled[]>();
  for (const c of recycled) (byOwner.get(c.ownerId) ?? byOwner.set(c.ownerId, []).get(c.ownerId)!).push(c);
  const notices = [...byOwner].flatMap(([ownerId, list]) => {
    const to = people.get(ownerId);
    return to && !to.muted.has('follow_up') ? [{ to: { tenantId: to.tenantId, userId: to.id }, reply: recycledCard(to, list), key: `pool-recycled:${ownerId}:${date}` }] : [];
  });
  if (ctx.notifier.notifyMany) await ctx.notifier.notifyMany(notices);
  else for (const n of notices) await ctx.notifier.notify(n.to, n.reply, { key: n.key });
}
