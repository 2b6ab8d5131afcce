// "这个月预测", "本季度forecast" (issue #15): won so far, the open deals expected to close in the
// period weighted by stage, the committed part, against the target — and the gap. A manager's is
// the team's (or one rep's: "张伟这个月预测"), a rep's their own.
import { forecastBy, gapOf, total } from '../domain/forecast.js';
import { goalFor, periodKey } from '../domain/targets.js';
import { teamsOf } from '../domain/reports.js';
import { formatAmount, t } from '../i18n/index.js';
import { gt } from './target-messages.js';
import { askedPeriod, whose } from './query-who.js';
import type { IntentHandler } from './types.js';
import type { Tx, Actor } from '../domain/actor.js';
import type { Scope } from '../domain/reports.js';

async function targetOf(db: Tx, actor: Actor, scope: Scope, key: string | null) {
  if (!key) return null;
  if (scope === 'team') return goalFor(db, actor.tenantId, { teamIds: await teamsOf(db, actor) }, key);
  return goalFor(db, actor.tenantId, { userIds: [typeof scope === 'object' ? scope.userId : actor.userId] }, key);
}

export const queryForecast: IntentHandler = {
  async handle(ctx, args) {
    const { locale, actor } = ctx;
    // A manager asking plainly means the team's.
    const who = await whose(ctx, { ...args, ...(actor.role !== 'rep' && !args.subject && { scope: 'team' }) });
    if ('reply' in who) return who.reply;
    const period = askedPeriod(ctx, args, args.period === 'quarter' || args.period === 'year' ? args.period : 'month');
    const owners = who.scope === 'team' ? (actor.visibleOwners === 'all' ? null : actor.visibleOwners)
      : [typeof who.scope === 'object' ? who.scope.userId : actor.userId];
    const [rows, goal] = await Promise.all([
      forecastBy(ctx.tx, actor.tenantId, owners, period, actor.timeZone),
      targetOf(ctx.tx, actor, who.scope, periodKey(period.period, period.start, actor.timeZone)),
    ]);
    const f = total(rows.values());
    const money = (n: number) => formatAmount(n, locale);
    const gap = goal ? gapOf(f, goal.amount) : null;
    const title = gt(locale, 'forecastTitle', { scope: who.label, period: period.label });
    const fields = [
      { label: gt(locale, 'fcWon'), value: money(f.won) },
      { label: gt(locale, 'fcCommit', { n: f.commitCount }), value: money(f.commit) },
      { label: gt(locale, 'fcWeighted', { n: f.openCount }), value: `${money(f.weighted)} / ${money(f.open)}` },
      { label: gt(locale, 'fcExpected'), value: money(f.won + f.weighted) },
      { label: t(locale, 'field.target'), value: goal ? money(goal.amount) : t(locale, 'kpi.noTarget') },
      ...(gap === null ? [] : [{ label: gt(locale, 'fcGap'), value: gap >= 0 ? money(gap) : gt(locale, 'fcOver', { amount: money(-gap) }) }]),
    ];
    const colon = locale === 'zh' ? '：' : ': ';
    return { text: [who.note, title, ...fields.map((x) => `${x.label}${colon}${x.value}`)].filter(Boolean).join('\n'), card: { title, fields } };
  },
};
