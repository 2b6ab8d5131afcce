// A rep's 申请转给我 / 申请协作 on another rep's customer, and the owner's manager's 同意 / 拒绝
// (issue #14). The request and the decision are audited in their message's batch (the
// approver's 撤销 takes back the transfer or the collaboration with the decision); the cards to
// the approver and the news to both reps go out with the ownership-requests job.
import { z } from 'zod';
import type { Reply } from '../chat/index.js';
import { canSee } from '../domain/actor.js';
import { addCollaborator, approversOf, isCollaborator, transferCustomer } from '../domain/ownership.js';
import { t } from '../i18n/index.js';
import { ow } from './ownership-messages.js';
import { undoButton } from './render.js';
import type { IntentContext, IntentHandler } from './types.js';

const requestArgs = z.object({ customerId: z.string().min(1).max(64), kind: z.enum(['transfer', 'collaborate']) });
const decideArgs = z.object({ requestId: z.string().min(1).max(64), approve: z.boolean() });

const done = (ctx: IntentContext, text: string): Reply => ({ text, card: { title: text, buttons: [undoButton(ctx.locale, ctx.changes.ctx.batchId)] } });

export const requestOwnership: IntentHandler = {
  async handle(ctx, raw) {
    const parsed = requestArgs.safeParse(raw);
    if (!parsed.success) return { text: t(ctx.locale, 'error.badArgs') };
    const { tx, actor, locale } = ctx;
    const { customerId, kind } = parsed.data;
    const customer = await tx.customer.findFirst({ where: { id: customerId, tenantId: actor.tenantId }, select: { id: true, name: true, ownerId: true, tenantId: true, pooledAt: true } });
    if (!customer) return { text: t(locale, 'error.notAllowed') };
    if (customer.pooledAt) return { text: ow(locale, 'pooled', { name: customer.name }) };
    const works = canSee(actor, customer) || (await isCollaborator(tx, actor, customer.id));
    // Already theirs or their team's: nothing to ask (a collaborator may still ask for a transfer).
    if (customer.ownerId === actor.userId || (works && (kind === 'collaborate' || actor.role !== 'rep'))) {
      return { text: ow(locale, 'alreadyYours', { name: customer.name }) };
    }
    const pending = await tx.ownershipRequest.findFirst({ where: { tenantId: actor.tenantId, customerId, requesterId: actor.userId, kind, status: 'pending' } });
    if (pending) return { text: ow(locale, 'requestPending', { name: customer.name }) };
    const approvers = await approversOf(tx, actor.tenantId, customer.ownerId);
    if (!approvers.length) return { text: ow(locale, 'noApprover') };
    await ctx.changes.create('ownershipRequest', { customerId, requesterId: actor.userId, kind });
    const who = approvers.length === 1 ? (await tx.user.findFirst({ where: { id: approvers[0]!, tenantId: actor.tenantId }, select: { name: true } }))?.name : undefined;
    const kindText = ow(locale, kind === 'transfer' ? 'kindTransfer' : 'kindCollaborate');
    return done(ctx, ow(locale, 'requested', { kind: kindText, name: customer.name, who: who ?? ow(locale, 'theManager') }));
  },
};

/** The owner's team manager, or an admin, decides. */
async function mayDecide(ctx: IntentContext, ownerId: string): Promise<boolean> {
  if (ctx.actor.role === 'admin') return true;
  return (await approversOf(ctx.tx, ctx.actor.tenantId, ownerId)).includes(ctx.actor.userId);
}

export const decideOwnership: IntentHandler = {
  async handle(ctx, raw) {
    const parsed = decideArgs.safeParse(raw);
    if (!parsed.success) return { text: t(ctx.locale, 'error.badArgs') };
    const { tx, actor, locale, now } = ctx;
    const request = await tx.ownershipRequest.findFirst({ where: { id: parsed.data.requestId, tenantId: actor.tenantId, kind: { in: ['transfer', 'collaborate'] } } });
    if (!request || request.status !== 'pending') return { text: ow(locale, 'requestGone') };
    const customer = await tx.customer.findFirst({ where: { id: request.customerId, tenantId: actor.tenantId } });
    if (!customer || !(await mayDecide(ctx, customer.ownerId))) return { text: t(locale, 'error.notAllowed') };
    const names = await namesOf(ctx, [customer.ownerId, request.requesterId]);
    const from = names.get(customer.ownerId) ?? '?';
    const to = names.get(request.requesterId) ?? '?';
    // A customer gone to the pool meanwhile is claimed, not transferred.
    const approve = parsed.data.approve && !customer.pooledAt;
    await ctx.changes.update('ownershipRequest', request.id, { status: approve ? 'approved' : 'rejected', deciderId: actor.userId, decidedAt: now }, request);
    if (!approve) return done(ctx, ow(locale, 'rejected', { who: to, name: customer.name }));
    if (request.kind === 'transfer') {
      await transferCustomer(ctx.changes, customer, request.requesterId, now, 'request');
      return done(ctx, ow(locale, 'approvedTransfer', { name: customer.name, from, to }));
    }
    await addCollaborator(ctx.changes, customer, request.requesterId, now);
    return done(ctx, ow(locale, 'approvedCollaborate', { name: customer.name, from, to }));
  },
};

async function namesOf(ctx: IntentContext, ids: string[]): Promise<Map<string, string>> {
  const users = await ctx.tx.user.findMany({ where: { tenantId: ctx.actor.tenantId, id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
