// Keep requests (申请保留 on a pool warning, issue #14) go to the owner's manager with the pool
// job's daily run — or to the tenant's admins when the owner has no manager — as a card with
// 批准保留 / 不批准. The customer is held out of the recycle while its request waits, so a day's
// wait costs the owner nothing. One message per request, keyed by it: sent once.
import type { Reply } from '../../src/chat/index.js';
import type { Db } from '../../src/db.js';
import { pl } from '../../src/intents/pool-messages.js';
import type { Person } from '../reminders/people.js';
import type { JobContext } from '../types.js';

interface Pending { id: string; name: string; requesterId: string; ownerId: string }

export async function pendingKeeps(db: Db, tenantId: string): Promise<Pending[]> {
  return db.$queryRaw<Pending[]>`
    SELECT q.id, c.name, q."requesterId", c."ownerId"
      FROM "OwnershipRequest" q JOIN "Customer" c ON c.id = q."customerId" AND c."tenantId" = q."tenantId"
     WHERE q."tenantId" = ${tenantId} AND q.kind = 'keep' AND q.status = 'pending' AND c."pooledAt" IS NULL
     ORDER BY q."createdAt"`;
}

function keepCard(p: Pending, to: Person, who: string): Reply {
  const title = pl(to.locale, 'keepRequestTitle', { who, name: p.name });
  const decide = (approve: boolean) => ({ intent: 'pool_keep_decide', args: { requestId: p.id, approve } });
  return { text: title, card: { title, buttons: [
    { label: pl(to.locale, 'approve'), style: 'primary', action: decide(true) },
    { label: pl(to.locale, 'reject'), action: decide(false) },
  ] } };
}

export async function sendKeepRequests(ctx: JobContext, pending: Pending[], people: Map<string, Person>): Promise<void> {
  const admins = [...people.values()].filter((p) => p.role === 'admin');
  for (const p of pending) {
    const owner = people.get(p.ownerId);
    const manager = owner?.managerId ? people.get(owner.managerId) : undefined;
    for (const to of manager ? [manager] : admins) {
      await ctx.notifier.notify({ tenantId: to.tenantId, userId: to.id }, keepCard(p, to, people.get(p.requesterId)?.name ?? ''), { key: `pool-keep:${p.id}:${to.id}` });
    }
  }
}
