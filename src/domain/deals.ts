// Deals and their stage history. A stage change is always recorded with time and actor.
import type { Stage } from '../generated/prisma/enums.js';
import { Prisma } from '../db.js';
import type { Actor, Tx } from './actor.js';
import type { Changes } from './changes.js';
import { calendarDate } from '../time.js';
import { fieldsOf } from './rows.js';
import { closeFollowUps } from './records.js';

export const STAGES: Stage[] = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];
export const OPEN_STAGES: Stage[] = ['lead', 'qualified', 'proposal', 'negotiation'];
export const STAGE_PROBABILITY: Record<Stage, number> = {
  lead: 10, qualified: 30, proposal: 50, negotiation: 70, won: 100, lost: 0,
};

export interface DealFacts {
  amount?: number;
  currency?: string;
  stage?: Stage;
  /** YYYY-MM-DD; null takes it off ("签约时间还没定"). */
  expectedClose?: string | null;
  lostReason?: string;
}

export const hasDealFacts = (f: DealFacts): boolean =>
  f.amount !== undefined || f.stage !== undefined || f.expectedClose !== undefined || f.lostReason !== undefined;

export interface DealRow {
  id: string; tenantId: string; customerId: string; ownerId: string; title: string; stage: Stage;
  amount: { toNumber(): number } | null; currency: string; expectedClose: Date | null; lostReason: string | null;
}

/** Latest changed first. Raw SQL on the inbound path (#16); the rows as Prisma returns them (rows.ts). */
export function openDeals(tx: Tx, actor: Actor, customerId: string): Promise<DealRow[]> {
  return tx.$queryRaw<DealRow[]>`
    SELECT ${fieldsOf('deal')} FROM "Deal"
     WHERE "tenantId" = ${actor.tenantId} AND "customerId" = ${customerId} AND stage::text = ANY(${OPEN_STAGES}::text[])
     ORDER BY "updatedAt" DESC`;
}

/** Applies the facts to `deal`, or opens a new deal for the customer when there is none. */
export async function applyDealFacts(
  changes: Changes, actor: Actor, customer: { id: string; name: string; ownerId: string },
  deal: DealRow | null, facts: DealFacts, opts: { title?: string } = {},
): Promise<{ deal: DealRow; created: boolean }> {
  const stage = facts.stage ?? deal?.stage ?? 'lead';
  const data = {
    ...(facts.amount !== undefined && { amount: facts.amount }),
    ...(facts.currency !== undefined && { currency: facts.currency }),
    ...(facts.expectedClose !== undefined && { expectedClose: facts.expectedClose === null ? null : calendarDate(facts.expectedClose) }),
    ...(facts.lostReason !== undefined && { lostReason: facts.lostReason }),
    ...(facts.stage !== undefined && {
      stage,
      probability: STAGE_PROBABILITY[stage],
      closedAt: stage === 'won' || stage === 'lost' ? new Date() : null,
    }),
  };
  if (!deal) {
    const created = await changes.create<DealRow>('deal', {
      customerId: customer.id, ownerId: customer.ownerId, title: opts.title ?? customer.name,
      stage, probability: STAGE_PROBABILITY[stage], ...data,
    });
    await recordStage(changes, actor, created.id, null, stage);
    return { deal: created, created: true };
  }
  const updated = await changes.update<DealRow>('deal', deal.id, data, deal);
  if (facts.stage !== undefined && facts.stage !== deal.stage) {
    await recordStage(changes, actor, deal.id, deal.stage, facts.stage);
  }
  return { deal: updated, created: false };
}

/** A move between open stages towards the start of the funnel (方案 → 需求确认). */
export function movesBack(from: Stage, to: Stage | undefined): boolean {
  return to !== undefined && OPEN_STAGES.includes(to) && OPEN_STAGES.indexOf(to) < OPEN_STAGES.indexOf(from);
}

function recordStage(changes: Changes, actor: Actor, dealId: string, from: Stage | null, to: Stage) {
  return changes.create('stageChange', { dealId, from, to, actorId: actor.userId, at: new Date() });
}

/** A lost deal's follow-ups stop (issue #11): those on it, and the customer's other ones too when
 * no deal of theirs stays open. Through `changes`, so undo brings them back. How many stopped. */
export async function stopFollowUps(changes: Changes, actor: Actor, customerId: string, dealId: string): Promise<number> {
  const stillOpen = (await openDeals(changes.tx, actor, customerId)).length > 0;
  return closeFollowUps(changes, customerId, 'cancelled', stillOpen ? Prisma.sql`AND "dealId" = ${dealId}` : Prisma.empty);
}
