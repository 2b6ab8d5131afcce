// Database rows → the JSON the admin API answers (dates as ISO strings, decimals as numbers).
import type { Prisma } from '../../db.js';

type Obj = Record<string, unknown>;
export const asObject = (json: unknown): Obj => (json && typeof json === 'object' && !Array.isArray(json) ? json as Obj : {});

export const toTenant = (t: { id: string; name: string; timeZone: string; locale: string; settings: unknown; createdAt: Date }) =>
  ({ id: t.id, name: t.name, timeZone: t.timeZone, locale: t.locale, settings: asObject(t.settings), createdAt: t.createdAt.toISOString() });

export const toUser = (u: { id: string; tenantId: string; handle: string; name: string; role: 'rep' | 'manager' | 'care' | 'admin'; locale: string; timeZone: string | null; teamId: string | null; createdAt: Date }) =>
  ({ id: u.id, tenantId: u.tenantId, handle: u.handle, name: u.name, role: u.role, locale: u.locale, timeZone: u.timeZone, teamId: u.teamId, createdAt: u.createdAt.toISOString() });

export const toTeam = (t: { id: string; tenantId: string; name: string; managerId: string | null; digestTime: string; settings: unknown; createdAt: Date }) =>
  ({ id: t.id, tenantId: t.tenantId, name: t.name, managerId: t.managerId, digestTime: t.digestTime, settings: asObject(t.settings), createdAt: t.createdAt.toISOString() });

export const toTarget = (t: { id: string; tenantId: string; userId: string | null; teamId: string | null; period: string; amount: Prisma.Decimal; stretch: Prisma.Decimal | null }) =>
  ({ id: t.id, tenantId: t.tenantId, userId: t.userId, teamId: t.teamId, period: t.period, amount: t.amount.toNumber(), stretch: t.stretch?.toNumber() ?? null });

/** Stored settings with a change over them; nested objects (staleDays …) merge one level deep. */
export function mergeSettings(stored: unknown, change: Obj): Prisma.InputJsonObject {
  const out: Obj = { ...asObject(stored) };
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) continue;
    const isObj = v !== null && typeof v === 'object' && !Array.isArray(v);
    out[k] = isObj && k !== 'quietHours' && k !== 'group' ? { ...asObject(out[k]), ...(v as Obj) } : v;
  }
  return out as Prisma.InputJsonObject;
}
