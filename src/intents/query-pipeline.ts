// The funnel: open deals by stage with count, amount and weighted amount — mine, the team's
// (managers), or one colleague's ("张伟的漏斗", issue #11).
import type { Reply } from '../chat/index.js';
import { dealsAtStage, funnel } from '../domain/reports.js';
import { idleDeals } from '../domain/stale.js';
import type { Stage } from '../generated/prisma/enums.js';
import { formatAmount, t } from '../i18n/index.js';
import { qt } from './query-messages.js';
import { whose, type Whose } from './query-who.js';
import type { IntentContext, IntentHandler } from './types.js';

export const queryPipeline: IntentHandler = {
  async handle(ctx, args) {
    const { locale } = ctx;
    const who = await whose(ctx, args);
    if ('reply' in who) return who.reply;
    if (args.idle_days !== undefined) return idle(ctx, who, args.idle_days);
    if (args.stage) return atStage(ctx, who, args.stage);
    const rows = await funnel(ctx.tx, ctx.actor, who.scope);
    const title = t(locale, 'pipeline.title', { scope: who.label });
    const total = rows.reduce((s, r) => ({ count: s.count + r.count, amount: s.amount + r.amount, weighted: s.weighted + r.weighted }), { count: 0, amount: 0, weighted: 0 });
    if (total.count === 0) return { text: [who.note, title, t(locale, 'pipeline.empty')].filter(Boolean).join('\n') };
    const money = (n: number) => formatAmount(n, locale);
    const line = (count: number, amount: number, weighted: number) =>
      `${count} · ${money(amount)} · ${t(locale, 'field.weighted')} ${money(weighted)}`;
    const fields = rows.map((r) => ({ label: t(locale, `stage.${r.stage}`), value: line(r.count, r.amount, r.weighted) }));
    fields.push({ label: t(locale, 'field.total'), value: line(total.count, total.amount, total.weighted) });
    return { text: [who.note, title].filter(Boolean).join('\n'), card: { title, fields } };
  },
};

const SHOWN = 20;

/** "团队谈判阶段的单子有哪些": the deals at that stage, with amount and (for a team) whose. */
async function atStage(ctx: IntentContext, who: Whose, stage: Stage): Promise<Reply> {
  const { locale } = ctx;
  const { rows, count } = await dealsAtStage(ctx.tx, ctx.actor, who.scope, stage, SHOWN);
  const named = { who: who.label, stage: t(locale, `stage.${stage}`) };
  // A manager's "谈判阶段的单子有哪些" with none of their own: their team's, said so.
  if (!count && who.scope === 'me' && ctx.actor.role === 'manager' && ctx.actor.visibleOwners !== 'all' && ctx.actor.visibleOwners.length > 1) {
    const team = { scope: 'team' as const, label: qt(locale, 'team'), people: ctx.actor.visibleOwners, note: qt(locale, 'stageDealsMineEmpty', named) };
    return atStage(ctx, team, stage);
  }
  if (!count) return { text: [who.note, qt(locale, 'stageDealsEmpty', named)].filter(Boolean).join('\n') };
  const title = qt(locale, 'stageDealsTitle', { ...named, count });
  const value = (r: (typeof rows)[number]) => [formatAmount(r.amount, locale, r.currency), who.scope === 'me' ? undefined : r.owner, r.title].filter(Boolean).join(' · ');
  const more = count > SHOWN ? [qt(locale, 'customersMore', { n: count - SHOWN })] : [];
  return {
    text: [who.note, title, ...rows.map((r) => `${r.customer} · ${value(r)}`), ...more].filter(Boolean).join('\n'),
    card: {
      title,
      fields: [...rows.map((r) => ({ label: r.customer, value: value(r) })), ...more.map((m) => ({ label: '…', value: m }))],
      buttons: rows.slice(0, 5).map((r) => ({ label: r.customer, action: { intent: 'query_customer', args: { customerId: r.customerId } } })),
    },
  };
}

/** "哪些单子超过两周没动了": open deals with no activity for the days said (0: by the team's per-stage limits). */
async function idle(ctx: IntentContext, who: Whose, days: number): Promise<Reply> {
  const { locale } = ctx;
  const found = await idleDeals(ctx.tx, ctx.actor, who.scope, ctx.now, days || undefined);
  // A manager's "哪些单子超过一个月没动了" with none of their own: their team's, said so.
  if (!found.length && who.scope === 'me' && ctx.actor.role === 'manager' && ctx.actor.visibleOwners !== 'all' && ctx.actor.visibleOwners.length > 1) {
    return idle(ctx, { scope: 'team', label: qt(locale, 'team'), people: ctx.actor.visibleOwners, note: qt(locale, 'idleMineEmpty') }, days);
  }
  const named = { who: who.label, days };
  const title = qt(locale, days ? 'idleTitle' : 'staleTitle', { ...named, count: found.length });
  if (!found.length) return { text: [who.note, qt(locale, days ? 'idleEmpty' : 'staleEmpty', named)].filter(Boolean).join('\n') };
  const shown = found.slice(0, SHOWN);
  const value = (d: (typeof found)[number]) => [
    t(locale, `stage.${d.stage}`), qt(locale, 'idleFor', { days: d.idleDays }), formatAmount(d.amount, locale, d.currency ?? undefined),
    who.scope === 'me' ? undefined : d.owner,
  ].filter(Boolean).join(' · ');
  const more = found.length > SHOWN ? [qt(locale, 'customersMore', { n: found.length - SHOWN })] : [];
  return {
    text: [who.note, title, ...shown.map((d) => `${d.customer} · ${value(d)}`), ...more].filter(Boolean).join('\n'),
    card: {
      title,
      fields: [...shown.map((d) => ({ label: d.customer, value: value(d) })), ...more.map((m) => ({ label: '…', value: m }))],
      buttons: shown.slice(0, 5).map((d) => ({ label: d.customer, action: { intent: 'query_customer', args: { customerId: d.customerId } } })),
    },
  };
}
