// The funnel: open deals by stage with count, amount and weighted amount — mine, the team's
// (managers), or one colleague's ("张伟的漏斗", issue #11).
import type { Reply } from '../chat/index.js';
import { dealList as listDeals, funnel, type DealFilter } from '../domain/reports.js';
import { idleDeals } from '../domain/stale.js';
import type { Stage } from '../generated/prisma/enums.js';
import { formatAmount, formatCalendarDate, t, type Locale } from '../i18n/index.js';
import { isoInZone } from '../time.js';
import { qt } from './query-messages.js';
import { askedPeriod, whose, type Whose } from './query-who.js';
import type { IntentContext, IntentHandler } from './types.js';

export const queryPipeline: IntentHandler = {
  async handle(ctx, args) {
    const { locale } = ctx;
    const who = await whose(ctx, args);
    if ('reply' in who) return who.reply;
    if (args.idle_days !== undefined) return idle(ctx, who, args.idle_days);
    if (args.stage) return atStage(ctx, who, args.stage);
    // "下个月预计能签哪些单", "本季度的漏斗": the open deals expected to close in that period.
    if (args.period) return closing(ctx, who, askedPeriod(ctx, args, 'month'));
    // "我的商机列表", "列一下团队所有商机": each open deal, not the stage totals.
    if ((args as { list?: boolean }).list) return openList(ctx, who);
    return funnelOf(ctx, who);
  },
};


/** The funnel: open deals by stage, with count, amount and weighted amount. */
async function funnelOf(ctx: IntentContext, who: Whose): Promise<Reply> {
  const { locale } = ctx;
  const rows = await funnel(ctx.tx, ctx.actor, who.scope);
  const title = t(locale, 'pipeline.title', { scope: who.label });
  const total = rows.reduce((s, r) => ({ count: s.count + r.count, amount: s.amount + r.amount, weighted: s.weighted + r.weighted }), { count: 0, amount: 0, weighted: 0 });
  // A manager's "漏斗" with no deals of their own: the team's, said so.
  const team = total.count === 0 && teamInstead(ctx, who, qt(locale, 'pipelineMineEmpty'));
  if (team) return funnelOf(ctx, team);
  if (total.count === 0) return { text: [who.note, title, t(locale, 'pipeline.empty')].filter(Boolean).join('\n') };
  const money = (n: number) => formatAmount(n, locale);
  const line = (count: number, amount: number, weighted: number) =>
    `${count} · ${money(amount)} · ${t(locale, 'field.weighted')} ${money(weighted)}`;
  const fields = rows.map((r) => ({ label: t(locale, `stage.${r.stage}`), value: line(r.count, r.amount, r.weighted) }));
  fields.push({ label: t(locale, 'field.total'), value: line(total.count, total.amount, total.weighted) });
  return { text: [who.note, title].filter(Boolean).join('\n'), card: { title, fields } };
}

const SHOWN = 20;

/** "团队谈判阶段的单子有哪些": the deals at that stage, with amount and (for a team) whose. */
async function atStage(ctx: IntentContext, who: Whose, stage: Stage): Promise<Reply> {
  const { locale } = ctx;
  const named = (label: string) => ({ who: label, stage: t(locale, `stage.${stage}`) });
  return listed(ctx, who, { stage }, {
    title: (label, count) => qt(locale, 'stageDealsTitle', { ...named(label), count }),
    empty: (label) => qt(locale, 'stageDealsEmpty', named(label)),
    mineEmpty: qt(locale, 'stageDealsMineEmpty', named(who.label)),
  });
}

/** "下个月预计能签哪些单": the open deals expected to close in the period, with stage and date. */
async function closing(ctx: IntentContext, who: Whose, period: ReturnType<typeof askedPeriod>): Promise<Reply> {
  const { locale, actor } = ctx;
  const day = (d: Date) => isoInZone(d, actor.timeZone).slice(0, 10);
  const named = (label: string) => ({ who: label, period: period.label });
  return listed(ctx, who, { closing: { from: day(period.start), to: day(period.end) } }, {
    title: (label, count) => qt(locale, 'closingTitle', { ...named(label), count }),
    empty: (label) => qt(locale, 'closingEmpty', named(label)),
    mineEmpty: qt(locale, 'closingMineEmpty', named(who.label)),
  });
}

/** Every open deal, largest first, with stage and expected close. */
function openList(ctx: IntentContext, who: Whose): Promise<Reply> {
  const { locale } = ctx;
  return listed(ctx, who, { open: true }, {
    title: (label, count) => qt(locale, 'openDealsTitle', { who: label, count }),
    empty: (label) => qt(locale, 'openDealsEmpty', { who: label }),
    mineEmpty: qt(locale, 'openDealsMineEmpty'),
  });
}

/** A list's words, by whose list it is (我的 / 团队 / 张伟的). */
interface ListWords { title: (who: string, count: number) => string; empty: (who: string) => string; mineEmpty: string }

async function listed(ctx: IntentContext, who: Whose, filter: DealFilter, words: ListWords): Promise<Reply> {
  const { locale, actor } = ctx;
  const { rows, count } = await listDeals(ctx.tx, actor, who.scope, filter, SHOWN);
  // A manager asking about their own deals, with none: their team's, said so.
  const team = !count && teamInstead(ctx, who, words.mineEmpty);
  if (team) return listed(ctx, team, filter, words);
  if (!count) return { text: [who.note, words.empty(who.label)].filter(Boolean).join('\n') };
  const value = (r: (typeof rows)[number]) => [
    formatAmount(r.amount, locale, r.currency),
    'stage' in filter ? undefined : t(locale, `stage.${r.stage}`),
    !('stage' in filter) && r.expectedClose ? formatCalendarDate(r.expectedClose, locale, ctx.now, actor.timeZone) : undefined,
    who.scope === 'me' ? undefined : r.owner, r.title,
  ].filter(Boolean).join(' · ');
  return dealList(locale, who, words.title(who.label, count), rows.map((r) => ({ ...r, value: value(r) })), count);
}

/** "哪些单子超过两周没动了": open deals with no activity for the days said (0: by the team's per-stage limits). */
async function idle(ctx: IntentContext, who: Whose, days: number): Promise<Reply> {
  const { locale } = ctx;
  const found = await idleDeals(ctx.tx, ctx.actor, who.scope, ctx.now, days || undefined);
  // A manager's "哪些单子超过一个月没动了" with none of their own: their team's, said so.
  const team = !found.length && teamInstead(ctx, who, qt(locale, 'idleMineEmpty'));
  if (team) return idle(ctx, team, days);
  const named = { who: who.label, days };
  if (!found.length) return { text: [who.note, qt(locale, days ? 'idleEmpty' : 'staleEmpty', named)].filter(Boolean).join('\n') };
  const value = (d: (typeof found)[number]) => [
    t(locale, `stage.${d.stage}`), qt(locale, 'idleFor', { days: d.idleDays }), formatAmount(d.amount, locale, d.currency ?? undefined),
    who.scope === 'me' ? undefined : d.owner,
  ].filter(Boolean).join(' · ');
  const title = qt(locale, days ? 'idleTitle' : 'staleTitle', { ...named, count: found.length });
  return dealList(locale, who, title, found.slice(0, SHOWN).map((d) => ({ ...d, value: value(d) })), found.length);
}

/** A manager asking about their own deals, who has none: the team's instead, with `note` saying so. */
function teamInstead(ctx: IntentContext, who: Whose, note: string): Whose | undefined {
  const { actor } = ctx;
  if (who.scope !== 'me' || actor.role !== 'manager' || actor.visibleOwners === 'all' || actor.visibleOwners.length <= 1) return undefined;
  return { scope: 'team', label: qt(ctx.locale, 'team'), people: actor.visibleOwners, note };
}

/** Deals listed by customer (at most SHOWN given, `total` in all), each a button to the customer. */
function dealList(locale: Locale, who: Whose, title: string, rows: { customer: string; customerId: string; value: string }[], total: number): Reply {
  const more = total > SHOWN ? [qt(locale, 'customersMore', { n: total - SHOWN })] : [];
  return {
    text: [who.note, title, ...rows.map((r) => `${r.customer} · ${r.value}`), ...more].filter(Boolean).join('\n'),
    card: {
      title,
      fields: [...rows.map((r) => ({ label: r.customer, value: r.value })), ...more.map((m) => ({ label: '…', value: m }))],
      buttons: rows.slice(0, 5).map((r) => ({ label: r.customer, action: { intent: 'query_customer', args: { customerId: r.customerId } } })),
    },
  };
}
