// Who the digests go to, per tenant: its teams, their members and managers, read with two
// queries per tenant; and the "already sent" marks that keep a frequent tick cheap.
import type { Db } from '../../src/db.js';
import { teamGroup, teamLeaderboard, userSettings, type GroupTarget } from '../../src/domain/digest-settings.js';
import { basisIn } from '../../src/domain/attainment.js';
import type { Locale } from '../../src/i18n/index.js';
import type { JobContext, RunOptions } from '../types.js';
import type { TeamRef } from './figures.js';

export interface Person { id: string; name: string; handle: string; locale: Locale; muted: Set<string>; dailySummary: boolean }
export interface TeamPlan extends TeamRef { digestTime: string; manager: Person | null; group: GroupTarget | null; people: Person[] }
export interface TenantRow { id: string; timeZone: string; locale: string; settings?: unknown }

export async function tenantsFor(db: Db, opts: RunOptions): Promise<TenantRow[]> {
  return db.tenant.findMany({ where: opts.tenantId ? { id: opts.tenantId } : {}, select: { id: true, timeZone: true, locale: true, settings: true }, orderBy: { id: 'asc' } });
}

export async function teamsOf(db: Db, tenant: TenantRow): Promise<TeamPlan[]> {
  const [teams, users] = await Promise.all([
    db.team.findMany({ where: { tenantId: tenant.id }, orderBy: { createdAt: 'asc' } }),
    db.user.findMany({ where: { tenantId: tenant.id }, orderBy: [{ createdAt: 'asc' }, { handle: 'asc' }], select: { id: true, name: true, handle: true, locale: true, settings: true, teamId: true } }),
  ]);
  const person = (u: (typeof users)[number]): Person => {
    const s = userSettings(u.settings);
    return { id: u.id, name: u.name, handle: u.handle, locale: u.locale === 'en' ? 'en' : 'zh', muted: new Set(s.muted), dailySummary: s.dailySummary };
  };
  const byId = new Map(users.map((u) => [u.id, person(u)]));
  return teams.map((team) => {
    const people = users.filter((u) => u.teamId === team.id).map((u) => byId.get(u.id)!);
    return {
      tenantId: tenant.id, teamId: team.id, teamName: team.name, timeZone: tenant.timeZone, digestTime: team.digestTime,
      // Figures cover the team's reps: its members other than its manager (who reads the digest).
      members: people.filter((p) => p.id !== team.managerId).map((p) => ({ id: p.id, name: p.name })), people,
      manager: team.managerId ? byId.get(team.managerId) ?? null : null,
      group: teamGroup(team.settings),
      leaderboard: teamLeaderboard(team.settings), basis: basisIn(tenant.settings),
    };
  });
}

const DONE_TTL_SECONDS = 9 * 24 * 3600;
const doneKey = (ctx: JobContext, key: string) => `${ctx.keyPrefix}:digest-done:${key}`;

/** Keys not handed to the notifier yet (the outbox would drop a repeat anyway; this skips the work). */
export async function pending(ctx: JobContext, keys: string[]): Promise<string[]> {
  if (!keys.length) return [];
  const marks = await ctx.redis.mget(...keys.map((k) => doneKey(ctx, k)));
  return keys.filter((_, i) => marks[i] === null);
}

export async function markDone(ctx: JobContext, key: string): Promise<void> {
  await ctx.redis.set(doneKey(ctx, key), '1', 'EX', DONE_TTL_SECONDS);
}
