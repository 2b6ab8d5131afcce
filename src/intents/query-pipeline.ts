// The funnel: open deals by stage with count, amount and weighted amount.
import { funnel, type Scope } from '../domain/reports.js';
import { formatAmount, t } from '../i18n/index.js';
import type { IntentContext, IntentHandler } from './types.js';
import type { Args } from './args.js';

/** Team numbers are for those who can see a team; a rep asking for them gets their own. */
export function effectiveScope(ctx: IntentContext, args: Args): { scope: Scope; note?: string } {
  const wantsTeam = args.scope === 'team';
  const seesTeam = ctx.actor.role !== 'rep';
  if (wantsTeam && !seesTeam) return { scope: 'me', note: t(ctx.locale, 'pipeline.teamOnlyManagers') };
  return { scope: wantsTeam ? 'team' : 'me' };
}

export const queryPipeline: IntentHandler = {
  async handle(ctx, args) {
    const { locale } = ctx;
    const { scope, note } = effectiveScope(ctx, args);
    const rows = await funnel(ctx.tx, ctx.actor, scope);
    const title = t(locale, 'pipeline.title', { scope: t(locale, `pipeline.scope.${scope}`) });
    const total = rows.reduce((s, r) => ({ count: s.count + r.count, amount: s.amount + r.amount, weighted: s.weighted + r.weighted }), { count: 0, amount: 0, weighted: 0 });
    if (total.count === 0) return { text: [note, t(locale, 'pipeline.empty')].filter(Boolean).join('\n') };
    const money = (n: number) => formatAmount(n, locale);
    const line = (count: number, amount: number, weighted: number) =>
      `${count} · ${money(amount)} · ${t(locale, 'field.weighted')} ${money(weighted)}`;
    const fields = rows.map((r) => ({ label: t(locale, `stage.${r.stage}`), value: line(r.count, r.amount, r.weighted) }));
    fields.push({ label: t(locale, 'field.total'), value: line(total.count, total.amount, total.weighted) });
    return { text: [note, title].filter(Boolean).join('\n'), card: { title, fields } };
  },
};
