// Performance for a period (this one, or 上个月 / 去年 …): won amount against target,
// activities, new customers and deals — mine, the team's, one colleague's; or, with `rank`,
// everyone the asker sees side by side (issue #11).
import { kpi } from '../domain/reports.js';
import { formatAmount, formatPercent, t } from '../i18n/index.js';
import { queryRank } from './query-rank.js';
import { gt } from './target-messages.js';
import type { Kpi } from '../domain/reports.js';
import type { Locale } from '../i18n/index.js';
import { qt } from './query-messages.js';
import { askedPeriod, teamForManager, whose } from './query-who.js';
import type { IntentHandler } from './types.js';

/** Attainment on the tenant's basis (won or collected), against the target and the stretch. */
function attainment(locale: Locale, k: Kpi) {
  if (!k.target) return [];
  const done = k.basis === 'collected' ? k.collected : k.won;
  const label = k.basis === 'collected' ? gt(locale, 'attainmentBasis', { basis: gt(locale, 'basis_collected') }) : t(locale, 'field.attainment');
  const stretch = k.stretch ? ` · ${gt(locale, 'vsStretch', { pct: formatPercent(done / k.stretch) })}` : '';
  return [{ label, value: `${formatPercent(done / k.target)}${stretch}` }];
}

/** "12（拜访 5 · 电话 4 · 微信 3）": the count, and by way of contact. */
function activities(locale: Locale, k: Kpi): string {
  if (!k.activities) return '0';
  const by = k.activitiesBy.map((a) => `${t(locale, `channel.${a.channel}`)} ${a.count}`).join(' · ');
  return locale === 'zh' ? `${k.activities}（${by}）` : `${k.activities} (${by})`;
}

/** "60% (3/5)": won of the deals closed (won or lost) in the period; "—" when none closed. */
function winRate(k: Kpi): string {
  const closed = k.wonCount + k.lostCount;
  return closed ? `${formatPercent(k.wonCount / closed)} (${k.wonCount}/${closed})` : '—';
}

export const queryKpi: IntentHandler = {
  async handle(ctx, args) {
    const { locale } = ctx;
    const seesOthers = ctx.actor.role !== 'rep';
    if (args.rank && seesOthers) return queryRank(ctx, args);
    const who = await whose(ctx, teamForManager(ctx, args));
    if ('reply' in who) return who.reply;
    const period = askedPeriod(ctx, args, 'month');
    const k = await kpi(ctx.tx, ctx.actor, who.scope, period.period, period.start);
    const title = t(locale, 'kpi.title', { scope: who.label, period: period.label });
    const won = `${formatAmount(k.won, locale)} (${k.wonCount})`;
    const fields = [
      { label: t(locale, 'field.won'), value: won },
      { label: t(locale, 'field.winRate'), value: winRate(k) },
      { label: gt(locale, 'collected'), value: formatAmount(k.collected, locale) },
      { label: t(locale, 'field.target'), value: k.target === null ? t(locale, 'kpi.noTarget') : formatAmount(k.target, locale) },
      ...(k.stretch !== null ? [{ label: gt(locale, 'stretch'), value: formatAmount(k.stretch, locale) }] : []),
      ...attainment(locale, k),
      { label: t(locale, 'field.activities'), value: activities(locale, k) },
      { label: t(locale, 'field.newCustomers'), value: String(k.newCustomers) },
      { label: t(locale, 'field.newDeals'), value: String(k.newDeals) },
    ];
    const note = args.rank ? qt(locale, 'rankOnlyManagers') : who.note;
    return { text: [note, title].filter(Boolean).join('\n'), card: { title, fields } };
  },
};
