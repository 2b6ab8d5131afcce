// Performance for a period: won amount against target, activities, new customers and deals.
import { kpi } from '../domain/reports.js';
import { formatAmount, formatPercent, t } from '../i18n/index.js';
import { effectiveScope } from './query-pipeline.js';
import type { IntentHandler } from './types.js';

export const queryKpi: IntentHandler = {
  async handle(ctx, args) {
    const { locale } = ctx;
    const period = args.period ?? 'month';
    const { scope, note } = effectiveScope(ctx, args);
    const k = await kpi(ctx.tx, ctx.actor, scope, period, ctx.now);
    const title = t(locale, 'kpi.title', { scope: t(locale, `pipeline.scope.${scope}`), period: t(locale, `period.${period}`) });
    const won = `${formatAmount(k.won, locale)} (${k.wonCount})`;
    const fields = [
      { label: t(locale, 'field.won'), value: won },
      { label: t(locale, 'field.target'), value: k.target === null ? t(locale, 'kpi.noTarget') : formatAmount(k.target, locale) },
      ...(k.target ? [{ label: t(locale, 'field.attainment'), value: formatPercent(k.won / k.target) }] : []),
      { label: t(locale, 'field.activities'), value: String(k.activities) },
      { label: t(locale, 'field.newCustomers'), value: String(k.newCustomers) },
      { label: t(locale, 'field.newDeals'), value: String(k.newDeals) },
    ];
    return { text: [note, title].filter(Boolean).join('\n'), card: { title, fields } };
  },
};
