// What a target is measured against (issue #15): the won amount (default) or the money
// collected (回款, Payment rows by receivedAt) — the tenant's `attainment` setting.
import { z } from 'zod';
import { Prisma } from '../db.js';
import { isoInZone } from '../time.js';
import type { Tx } from './actor.js';

export const BASES = ['won', 'collected'] as const;
export type Basis = (typeof BASES)[number];

const basisSchema = z.enum(BASES).catch('won');

/** Tenant.settings.attainment, 'won' when unset or bad. */
export function basisIn(settings: unknown): Basis {
  const value = settings && typeof settings === 'object' ? (settings as Record<string, unknown>).attainment : undefined;
  return basisSchema.parse(value);
}

export async function basisOf(db: Tx, tenantId: string): Promise<Basis> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  return basisIn(tenant?.settings);
}

/** The local calendar date of an instant, 'YYYY-MM-DD' (receivedAt is a date column). */
const dateOf = (at: Date, timeZone: string) => isoInZone(at, timeZone).slice(0, 10);

/**
 * Money collected in [start, end) per deal owner — one statement whatever the number of owners;
 * `owners` null: everyone in the tenant. Payments are dated (receivedAt), read in the zone.
 */
export async function collectedBy(
  db: Tx, tenantId: string, owners: string[] | null, range: { start: Date; end: Date }, timeZone: string,
): Promise<Map<string, number>> {
  if (owners && !owners.length) return new Map();
  const rows = await db.$queryRaw<{ ownerId: string; amount: Prisma.Decimal }[]>(Prisma.sql`
    SELECT d."ownerId", SUM(p.amount) AS amount
      FROM "Payment" p JOIN "Deal" d ON d.id = p."dealId" AND d."tenantId" = ${tenantId}
     WHERE p."tenantId" = ${tenantId}
       AND p."receivedAt" >= ${dateOf(range.start, timeZone)}::date AND p."receivedAt" < ${dateOf(range.end, timeZone)}::date
       ${owners ? Prisma.sql`AND d."ownerId" IN (${Prisma.join(owners)})` : Prisma.empty}
     GROUP BY d."ownerId"`);
  return new Map(rows.map((r) => [r.ownerId, Number(r.amount)]));
}

export const sumOf = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
