// The funnel: open deals by stage with count, amount and weighted amount — mine, the team's
// (managers), or one colleague's ("张伟的漏斗", issue #11).
import { funnel } from '../domain/reports.js';
import { formatAmount, t } from '../i18n/index.js';
import { whose } from './query-who.js';
import type { IntentHandler } from './types.js';

export const queryPipeline: IntentHandler = {
  async handle(ctx, args) {
    const { locale } = ctx;
    const who = await whose(ctx, args);
    if ('reply' in who) return who.reply;
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
