// `/设置` `/settings`: mute kinds of messages, opt in to one's own daily summary, and (managers,
// admins) change the team digest time — issue #5. Mutes and the opt-in live in User.settings,
// the digest time on the Team.
import type { Reply } from '../chat/index.js';
import { MESSAGE_KINDS, userSettings, withUserSettings, type MessageKind } from '../domain/digest-settings.js';
import type { Locale } from '../i18n/index.js';
import { settingsArgs, type SettingsArgs } from './settings-parse.js';
import { KIND_NAMES, st } from './settings-messages.js';
import { poolSettings } from './settings-pool.js';
import { setAttainment, setLeaderboard } from './settings-goals.js';
import type { IntentContext, IntentHandler } from './types.js';

const kindName = (kind: MessageKind, locale: Locale) => KIND_NAMES[kind][locale];
const action = (args: SettingsArgs) => ({ intent: 'settings', args });

async function me(ctx: IntentContext) {
  return ctx.tx.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: { settings: true, teamId: true } });
}

/** Teams whose digest time the actor sets: those they manage; an admin who manages none, all. */
async function ownTeams(ctx: IntentContext) {
  const { tenantId, userId, role } = ctx.actor;
  const managed = await ctx.tx.team.findMany({ where: { tenantId, managerId: userId }, orderBy: { createdAt: 'asc' } });
  return managed.length || role !== 'admin' ? managed : ctx.tx.team.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } });
}

async function show(ctx: IntentContext): Promise<Reply> {
  const { locale } = ctx;
  const user = await me(ctx);
  const s = userSettings(user.settings);
  const teams = await ownTeams(ctx);
  const own = !teams.length && user.teamId ? await ctx.tx.team.findMany({ where: { id: user.teamId } }) : [];
  const muted = MESSAGE_KINDS.filter((k) => s.muted.includes(k));
  const fields = [
    ...[...teams, ...own].map((t) => ({ label: st(locale, 'digestTime', { team: t.name }), value: t.digestTime })),
    { label: st(locale, 'muted'), value: muted.length ? muted.map((k) => kindName(k, locale)).join('、') : st(locale, 'none') },
    { label: st(locale, 'summary'), value: st(locale, s.dailySummary ? 'on' : 'off') },
  ];
  const buttons = [
    ...MESSAGE_KINDS.map((kind) => s.muted.includes(kind)
      ? { label: st(locale, 'unmute', { kind: kindName(kind, locale) }), action: action({ op: 'unmute', kind }) }
      : { label: st(locale, 'mute', { kind: kindName(kind, locale) }), action: action({ op: 'mute', kind }) }),
    { label: st(locale, s.dailySummary ? 'summaryOff' : 'summaryOn'), action: action({ op: 'summary', on: !s.dailySummary }), style: 'primary' as const },
  ];
  const title = st(locale, 'title');
  const text = [title, ...fields.map((f) => `${f.label}：${f.value}`)].join('\n');
  return { text, card: { title, fields, buttons } };
}

async function setMuted(ctx: IntentContext, kind: MessageKind, muted: boolean): Promise<Reply> {
  const user = await me(ctx);
  const list = new Set(userSettings(user.settings).muted);
  if (muted) list.add(kind); else list.delete(kind);
  await ctx.tx.user.update({ where: { id: ctx.actor.userId }, data: { settings: withUserSettings(user.settings, { muted: [...list] }) } });
  return { text: st(ctx.locale, muted ? 'muted_done' : 'unmuted_done', { kind: kindName(kind, ctx.locale) }) };
}

async function setSummary(ctx: IntentContext, on: boolean): Promise<Reply> {
  const user = await me(ctx);
  await ctx.tx.user.update({ where: { id: ctx.actor.userId }, data: { settings: withUserSettings(user.settings, { dailySummary: on }) } });
  return { text: st(ctx.locale, 'summary_done', { state: st(ctx.locale, on ? 'on' : 'off') }) };
}

async function setDigestTime(ctx: IntentContext, time: string): Promise<Reply> {
  if (ctx.actor.role !== 'manager' && ctx.actor.role !== 'admin') return { text: st(ctx.locale, 'managersOnly') };
  const teams = await ownTeams(ctx);
  if (!teams.length) return { text: st(ctx.locale, 'noTeam') };
  await ctx.tx.team.updateMany({ where: { tenantId: ctx.actor.tenantId, id: { in: teams.map((t) => t.id) } }, data: { digestTime: time } });
  return { text: st(ctx.locale, 'digest_done', { teams: teams.map((t) => t.name).join('、'), time }) };
}

const usage = (locale: Locale): Reply => ({ text: st(locale, 'usage', { kinds: MESSAGE_KINDS.map((k) => kindName(k, locale)).join(', ') }) });

const OPS: { [Op in SettingsArgs['op']]: (ctx: IntentContext, args: Extract<SettingsArgs, { op: Op }>) => Promise<Reply> } = {
  show: (ctx) => show(ctx),
  invalid: async (ctx) => usage(ctx.locale),
  digest: (ctx, a) => setDigestTime(ctx, a.time),
  mute: (ctx, a) => setMuted(ctx, a.kind, true),
  unmute: (ctx, a) => setMuted(ctx, a.kind, false),
  summary: (ctx, a) => setSummary(ctx, a.on),
  pool: (ctx, a) => poolSettings(ctx, a.change),
  attainment: (ctx, a) => setAttainment(ctx, a.basis),
  leaderboard: (ctx, a) => setLeaderboard(ctx, a.on),
};

export const settings: IntentHandler = {
  async handle(ctx, args) {
    // Typed commands were parsed already; button payloads are user input and parsed here.
    const parsed = settingsArgs.safeParse(args);
    if (!parsed.success) return usage(ctx.locale);
    return (OPS[parsed.data.op] as (c: IntentContext, a: SettingsArgs) => Promise<Reply>)(ctx, parsed.data);
  },
};

export const settingsIntents: Record<string, IntentHandler> = { settings };
