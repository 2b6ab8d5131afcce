// The public pool (公海, issue #14) by chat: "公海里有哪些制造业客户" lists it (anyone in the
// tenant), "领取 美团" claims (daily limit, cool-down for the previous owner), "把美团退回公海"
// returns one (its owner or their manager), and the warning's 申请保留 asks the owner's manager
// to keep it (a manager's own 保留 keeps it at once). Writes are audited: 撤销 takes them back.
import { z } from 'zod';
import type { Reply } from '../chat/index.js';
import { canSee } from '../domain/actor.js';
import { getVisibleCustomer } from '../domain/customers.js';
import { claim, claimRefusal, findByName, keep, listPool, release, rulesOf } from '../domain/pool.js';
import { formatCalendarDate, t } from '../i18n/index.js';
import { atLocal, daysBetween, localDate } from '../../jobs/calendar.js';
import { needCustomer } from './customer.js';
import { pl } from './pool-messages.js';
import type { IntentContext, IntentHandler } from './types.js';

const SHOWN = 20;
const undoButton = (ctx: IntentContext) => ({ label: t(ctx.locale, 'button.undo'), style: 'danger' as const, action: { intent: 'undo', args: { batchId: ctx.changes.ctx.batchId } } });
const done = (ctx: IntentContext, text: string): Reply => ({ text, card: { title: text, buttons: [undoButton(ctx)] } });

export const queryPool: IntentHandler = {
  async handle(ctx, args) {
    const { locale, actor } = ctx;
    const filter = [args.industry, args.tier && pl(locale, 'tierFilter', { tier: args.tier })].filter(Boolean).join(' · ');
    const { rows, count } = await listPool(ctx.tx, actor.tenantId, { industry: args.industry, tier: args.tier }, SHOWN);
    if (!count) return { text: pl(locale, 'listEmpty', { filter }) };
    const today = localDate(ctx.now, actor.timeZone);
    const title = pl(locale, 'listTitle', { filter, count });
    const lines = rows.map((c) => [c.name, c.industry, c.tier && `${c.tier}`, pl(locale, 'pooledFor', { days: daysBetween(localDate(c.pooledAt, actor.timeZone), today) })].filter(Boolean).join(' · '));
    const more = count > SHOWN ? [pl(locale, 'listMore', { n: count - SHOWN })] : [];
    const buttons = actor.role === 'care' ? [] : rows.slice(0, 5).map((c) => ({ label: pl(locale, 'claimButton', { name: c.name }), action: { intent: 'claim_customer', args: { customerId: c.id } } }));
    return { text: [title, ...lines, ...more].join('\n'), card: { title, fields: rows.map((c, i) => ({ label: c.name, value: lines[i]!.split(' · ').slice(1).join(' · ') })), buttons } };
  },
};

/** The pooled customer a click or a typed name means, or the reply saying why there is none. */
async function pooledTarget(ctx: IntentContext, args: { customer?: string; customerId?: string }): Promise<{ id: string; name: string; ownerId: string } | Reply> {
  const { tx, actor, locale } = ctx;
  if (args.customerId) {
    const c = await tx.customer.findFirst({ where: { id: args.customerId, tenantId: actor.tenantId } });
    if (!c) return { text: t(locale, 'error.notAllowed') };
    return c.pooledAt ? c : { text: pl(locale, 'notPooled', { name: c.name }) };
  }
  if (!args.customer) return { text: pl(locale, 'missingName') };
  const { pooled, any } = await findByName(tx, actor.tenantId, args.customer);
  if (pooled.length === 1) return pooled[0]!;
  if (pooled.length > 1) {
    return ctx.ask(pl(locale, 'whichOne', { name: args.customer }), pooled.map((c) => ({ label: c.name, action: { intent: 'claim_customer', args: { customerId: c.id } } })));
  }
  // Owned by someone: say only that it is not in the pool (no owner, nothing private).
  return { text: pl(locale, any.length ? 'notPooled' : 'notFound', { name: any[0]?.name ?? args.customer }) };
}

export const claimCustomer: IntentHandler = {
  async handle(ctx, args) {
    const { actor, locale, now } = ctx;
    if (actor.role === 'care') return { text: pl(locale, 'careNoClaim') };
    const target = await pooledTarget(ctx, args);
    if ('text' in target) return target;
    const rules = await rulesOf(ctx.tx, actor.tenantId);
    const refused = await claimRefusal(ctx.tx, actor, target.id, rules, now);
    if (refused?.kind === 'limit') return { text: pl(locale, 'limit', { limit: refused.limit }) };
    if (refused?.kind === 'cooldown') {
      const until = formatCalendarDate(new Date(`${refused.until}T00:00:00Z`), locale, now, actor.timeZone);
      return { text: pl(locale, 'cooldown', { name: target.name, until }) };
    }
    await claim(ctx.changes, actor, target, now);
    const left = rules.dailyClaimLimit - (await claimsToday(ctx));
    return done(ctx, pl(locale, 'claimed', { name: target.name, left: Math.max(0, left) }));
  },
};

/** Claims the actor made today, this one included. */
async function claimsToday(ctx: IntentContext): Promise<number> {
  const start = atLocal(localDate(ctx.now, ctx.actor.timeZone), '00:00', ctx.actor.timeZone);
  return ctx.tx.ownershipMove.count({ where: { tenantId: ctx.actor.tenantId, kind: 'claim', toUserId: ctx.actor.userId, at: { gte: start } } });
}

export const releaseCustomer: IntentHandler = {
  async handle(ctx, args) {
    const { actor, locale } = ctx;
    if (!args.customer && !args.customerId) return { text: pl(locale, 'missingRelease') };
    const found = await needCustomer(ctx, 'release_customer', args, { allowCreate: false });
    if (found.reply) return found.reply;
    const customer = await ctx.tx.customer.findFirstOrThrow({ where: { id: found.customer.id, tenantId: actor.tenantId } });
    if (customer.pooledAt) return { text: pl(locale, 'alreadyPooled', { name: customer.name }) };
    const mayRelease = customer.ownerId === actor.userId || (actor.role !== 'rep' && actor.role !== 'care' && canSee(actor, customer));
    if (!mayRelease) return { text: pl(locale, 'notOwner', { name: customer.name }) };
    await release(ctx.changes, actor, customer, ctx.now);
    return done(ctx, pl(locale, 'released', { name: customer.name }));
  },
};

const keepArgs = z.object({ customerId: z.string().min(1).max(64) });
const decideArgs = z.object({ requestId: z.string().min(1).max(64), approve: z.boolean() });
const isManagerOf = (ctx: IntentContext, ownerId: string) =>
  (ctx.actor.role === 'manager' || ctx.actor.role === 'admin') && ownerId !== ctx.actor.userId && canSee(ctx.actor, { tenantId: ctx.actor.tenantId, ownerId });

/** The warning's 申请保留: the owner asks their manager; a manager (or admin) keeps it at once. */
export const poolKeep: IntentHandler = {
  async handle(ctx, raw) {
    const parsed = keepArgs.safeParse(raw);
    if (!parsed.success) return { text: t(ctx.locale, 'error.badArgs') };
    const { actor, locale, now } = ctx;
    const customer = await getVisibleCustomer(ctx.tx, actor, parsed.data.customerId);
    if (!customer) return { text: t(locale, 'error.notAllowed') };
    if (customer.pooledAt) return { text: pl(locale, 'alreadyPooled', { name: customer.name }) };
    if (isManagerOf(ctx, customer.ownerId) || actor.role === 'admin') {
      await keep(ctx.changes, actor, customer, now);
      return done(ctx, pl(locale, 'kept', { name: customer.name }));
    }
    if (customer.ownerId !== actor.userId) return { text: t(locale, 'error.notAllowed') };
    const pending = await ctx.tx.ownershipRequest.findFirst({ where: { tenantId: actor.tenantId, customerId: customer.id, kind: 'keep', status: 'pending' } });
    if (pending) return { text: pl(locale, 'keepPending', { name: customer.name }) };
    await ctx.changes.create('ownershipRequest', { customerId: customer.id, requesterId: actor.userId, kind: 'keep' });
    return done(ctx, pl(locale, 'keepAsked', { name: customer.name }));
  },
};

/** A manager's 批准保留 / 不批准 on a keep request (sent by the pool job). */
export const poolKeepDecide: IntentHandler = {
  async handle(ctx, raw) {
    const parsed = decideArgs.safeParse(raw);
    if (!parsed.success) return { text: t(ctx.locale, 'error.badArgs') };
    const { actor, locale, now } = ctx;
    const request = await ctx.tx.ownershipRequest.findFirst({ where: { id: parsed.data.requestId, tenantId: actor.tenantId, kind: 'keep' } });
    if (!request || request.status !== 'pending') return { text: pl(locale, 'requestGone') };
    const customer = await ctx.tx.customer.findFirst({ where: { id: request.customerId, tenantId: actor.tenantId } });
    if (!customer || !(isManagerOf(ctx, customer.ownerId) || actor.role === 'admin')) return { text: t(locale, 'error.notAllowed') };
    const approve = parsed.data.approve && !customer.pooledAt;
    await ctx.changes.update('ownershipRequest', request.id, { status: approve ? 'approved' : 'rejected', deciderId: actor.userId, decidedAt: now }, request);
    if (approve) await keep(ctx.changes, actor, customer, now, 'approved');
    return done(ctx, pl(locale, approve ? 'kept' : 'keepRejected', { name: customer.name }));
  },
};

export const poolIntents: Record<string, IntentHandler> = { pool_keep: poolKeep, pool_keep_decide: poolKeepDecide };
