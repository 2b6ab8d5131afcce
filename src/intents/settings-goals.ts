// Issue #15's settings by chat: `/设置 考核 回款|赢单` (admins: what attainment counts, a tenant
// setting) and `/设置 排行榜 开|关` (managers, admins: the leaderboard section of their teams'
// daily and weekly digests, in Team.settings.leaderboard).
import type { Reply } from '../chat/index.js';
import type { Basis } from '../domain/attainment.js';
import { teamsOf } from '../domain/reports.js';
import type { Prisma } from '../db.js';
import { gt } from './target-messages.js';
import type { IntentContext } from './types.js';

const asObject = (json: unknown): Record<string, unknown> => (json && typeof json === 'object' && !Array.isArray(json) ? json as Record<string, unknown> : {});

export async function setAttainment(ctx: IntentContext, basis: Basis): Promise<Reply> {
  if (ctx.actor.role !== 'admin') return { text: gt(ctx.locale, 'basisAdminsOnly') };
  const tenant = await ctx.tx.tenant.findUniqueOrThrow({ where: { id: ctx.actor.tenantId }, select: { settings: true } });
  const settings = { ...asObject(tenant.settings), attainment: basis } as Prisma.InputJsonObject;
  await ctx.tx.tenant.update({ where: { id: ctx.actor.tenantId }, data: { settings } });
  return { text: gt(ctx.locale, 'basisSet', { basis: gt(ctx.locale, `basis_${basis}`) }) };
}

export async function setLeaderboard(ctx: IntentContext, on: boolean): Promise<Reply> {
  if (ctx.actor.role !== 'manager' && ctx.actor.role !== 'admin') return { text: gt(ctx.locale, 'leaderboardManagersOnly') };
  const ids = await teamsOf(ctx.tx, ctx.actor);
  if (!ids.length) return { text: gt(ctx.locale, 'noTeam') };
  const teams = await ctx.tx.team.findMany({ where: { tenantId: ctx.actor.tenantId, id: { in: ids } }, select: { id: true, name: true, settings: true } });
  for (const t of teams) {
    await ctx.tx.team.update({ where: { id: t.id }, data: { settings: { ...asObject(t.settings), leaderboard: on } as Prisma.InputJsonObject } });
  }
  return { text: gt(ctx.locale, on ? 'leaderboardOn' : 'leaderboardOff', { teams: teams.map((t) => t.name).join('、') }) };
}
