// Ownership news (issue #14), every minute: a rep's pending 申请转给我 / 申请协作 goes to the owner's
// manager (else the admins) as a card with 同意 / 拒绝; a decision is told to the requester (and,
// approved, to the former owner); a manager's transfer by chat is told to both reps, one message
// per transfer. Every message has a deterministic key, so running it again sends nothing twice;
// what was undone before it ran (the row is gone) is never sent.
import type { Reply } from '../../src/chat/index.js';
import { approversOf } from '../../src/domain/ownership.js';
import { ow } from '../../src/intents/ownership-messages.js';
import { peopleOf, tenantsFor, type Person } from '../reminders/people.js';
import type { JobContext, JobDefinition, RunOptions } from '../types.js';

/** How far back decisions and transfers are looked at (the job runs every minute). */
const RECENT_MS = 2 * 86_400_000;

export const ownershipNews: JobDefinition = {
  name: 'ownership-news',
  schedule: { every: 60_000 },
  async run(ctx, opts) {
    for (const tenant of await tenantsFor(ctx.db, opts.tenantId)) {
      const people = await peopleOf(ctx.db, tenant);
      await sendRequests(ctx, tenant.id, people);
      await sendDecisions(ctx, tenant.id, people);
      await sendTransfers(ctx, tenant.id, people);
    }
  },
};

export const runOwnershipNews = (ctx: JobContext, opts: RunOptions = {}) => ownershipNews.run(ctx, opts);

async function sendRequests(ctx: JobContext, tenantId: string, people: Map<string, Person>) {
  const pending = await ctx.db.ownershipRequest.findMany({ where: { tenantId, status: 'pending', kind: { in: ['transfer', 'collaborate'] } }, orderBy: { createdAt: 'asc' } });
  for (const r of pending) {
    const customer = await ctx.db.customer.findFirst({ where: { id: r.customerId, tenantId }, select: { name: true, ownerId: true } });
    if (!customer) continue;
    for (const approverId of await approversOf(ctx.db, tenantId, customer.ownerId)) {
      const to = people.get(approverId);
      if (!to) continue;
      const title = ow(to.locale, 'requestCard', { who: people.get(r.requesterId)?.name ?? '?', kind: r.kind, name: customer.name, owner: people.get(customer.ownerId)?.name ?? '?' });
      const reply: Reply = {
        text: title,
        card: {
          title,
          buttons: [
            { label: ow(to.locale, 'approve'), style: 'primary', action: { intent: 'decide_ownership', args: { requestId: r.id, approve: true } } },
            { label: ow(to.locale, 'reject'), style: 'danger', action: { intent: 'decide_ownership', args: { requestId: r.id, approve: false } } },
          ],
        },
      };
      await ctx.notifier.notify({ tenantId, userId: approverId }, reply, { key: `ownership-request:${r.id}:${approverId}` });
    }
  }
}

async function sendDecisions(ctx: JobContext, tenantId: string, people: Map<string, Person>) {
  const since = new Date(ctx.now().getTime() - RECENT_MS);
  const decided = await ctx.db.ownershipRequest.findMany({ where: { tenantId, status: { in: ['approved', 'rejected'] }, kind: { in: ['transfer', 'collaborate'] }, decidedAt: { gte: since } } });
  for (const r of decided) {
    const customer = await ctx.db.customer.findFirst({ where: { id: r.customerId, tenantId }, select: { name: true } });
    const requester = people.get(r.requesterId);
    if (!customer || !requester) continue;
    const by = people.get(r.deciderId ?? '')?.name ?? '?';
    const key = r.status === 'approved' ? 'toldRequesterApproved' : 'toldRequesterRejected';
    await ctx.notifier.notify({ tenantId, userId: requester.id }, { text: ow(requester.locale, key, { kind: r.kind, name: customer.name }) }, { key: `ownership-decided:${r.id}:${requester.id}` });
    if (r.status !== 'approved') continue;
    const move = await ctx.db.ownershipMove.findFirst({ where: { tenantId, customerId: r.customerId, kind: r.kind, toUserId: r.requesterId }, orderBy: { at: 'desc' } });
    const owner = people.get(move?.fromUserId ?? '');
    if (!owner) continue;
    const text = ow(owner.locale, 'toldOwner', { kind: r.kind, name: customer.name, to: requester.name, by });
    await ctx.notifier.notify({ tenantId, userId: owner.id }, { text }, { key: `ownership-decided:${r.id}:${owner.id}` });
  }
}

/** A manager's transfers (reason 'manager'): one message to each rep per transfer (same actor, reps and time). */
async function sendTransfers(ctx: JobContext, tenantId: string, people: Map<string, Person>) {
  const since = new Date(ctx.now().getTime() - RECENT_MS);
  const moves = await ctx.db.ownershipMove.findMany({ where: { tenantId, kind: 'transfer', reason: 'manager', at: { gte: since } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  const groups = new Map<string, typeof moves>();
  for (const m of moves) {
    const k = [m.actorId, m.fromUserId, m.toUserId, m.at.toISOString()].join('|');
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  for (const [k, list] of groups) {
    const customers = await ctx.db.customer.findMany({ where: { tenantId, id: { in: list.map((m) => m.customerId) } }, select: { name: true }, orderBy: { name: 'asc' } });
    const names = customers.map((c) => c.name).slice(0, 20).join('、') + (customers.length > 20 ? ' …' : '');
    const { actorId, fromUserId, toUserId } = list[0]!;
    const by = people.get(actorId ?? '')?.name ?? '?';
    const newOwner = people.get(toUserId ?? '');
    const oldOwner = people.get(fromUserId ?? '');
    if (newOwner && newOwner.id !== actorId) {
      await ctx.notifier.notify({ tenantId, userId: newOwner.id }, { text: ow(newOwner.locale, 'toldNewOwner', { by, count: list.length, names }) }, { key: `ownership-moved:${k}:${newOwner.id}` });
    }
    if (oldOwner && oldOwner.id !== actorId) {
      await ctx.notifier.notify({ tenantId, userId: oldOwner.id }, { text: ow(oldOwner.locale, 'toldOldOwner', { by, count: list.length, to: newOwner?.name ?? '?', names }) }, { key: `ownership-moved:${k}:${oldOwner.id}` });
    }
  }
}
