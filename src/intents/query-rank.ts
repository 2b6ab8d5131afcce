// "每个人的业绩排名", "谁的跟进最少" (issues #11, #15): the people a manager (or admin) sees, ranked
// for a period — per person won, 回款, attainment, activities, new customers. The same figure is
// the same rank; the card says which measure orders the tied.
import { rankBy, type Ranked } from '../domain/leaderboard.js';
import { ranking, type RankRow } from '../domain/ranking.js';
import { periodKey } from '../domain/targets.js';
import { formatAmount, formatPercent, type Locale } from '../i18n/index.js';
import type { Args } from './args.js';
import { qt } from './query-messages.js';
import { askedPeriod } from './query-who.js';
import { gt } from './target-messages.js';
import type { IntentContext } from './types.js';
import type { Reply } from '../chat/index.js';

type By = NonNullable<Args['rank_by']>;
interface Measure { value: (r: RankRow) => number; show: (r: RankRow, l: Locale) => string; breaker: By | 'collected' | 'followUps' }
// "谁的跟进最多" counts the follow-ups people logged (activities); the reminders they closed break ties.
const MEASURES: Record<By | 'collected' | 'followUps', Measure> = {
  won: { value: (r) => r.won, show: (r, l) => formatAmount(r.won, l), breaker: 'collected' },
  activities: { value: (r) => r.activities, show: (r) => String(r.activities), breaker: 'won' },
  follow_ups: { value: (r) => r.activities, show: (r) => String(r.activities), breaker: 'followUps' },
  collected: { value: (r) => r.collected, show: (r, l) => formatAmount(r.collected, l), breaker: 'activities' },
  followUps: { value: (r) => r.followUps, show: (r) => String(r.followUps), breaker: 'won' },
};

export function boardLine(locale: Locale, r: RankRow): string {
  return [
    `${qt(locale, 'rankBy_won')} ${formatAmount(r.won, locale)} (${r.wonCount})`,
    `${gt(locale, 'collected')} ${formatAmount(r.collected, locale)}`,
    `${gt(locale, 'attainmentShort')} ${r.attainment === null ? '—' : formatPercent(r.attainment)}`,
    `${qt(locale, 'rankBy_activities')} ${r.activities}`,
    `${gt(locale, 'newCustomers')} ${r.newCustomers}`,
    `${qt(locale, 'remindersDone')} ${r.followUps}`,
  ].join(' · ');
}

/** "张伟、李娜 同为 80万，并列第1，按回款排先后" for each group of tied people. */
function tieNotes(locale: Locale, ranked: Ranked<RankRow>[], m: Measure): string[] {
  const groups = new Map<number, RankRow[]>();
  for (const r of ranked.filter((x) => x.tied)) groups.set(r.rank, [...(groups.get(r.rank) ?? []), r.row]);
  const breaker = gt(locale, `measure_${m.breaker}`);
  return [...groups].map(([rank, rows]) => gt(locale, 'tie', {
    names: rows.map((r) => r.name).join(locale === 'zh' ? '、' : ', '), value: m.show(rows[0]!, locale), rank, breaker,
  }));
}

export async function queryRank(ctx: IntentContext, args: Args): Promise<Reply> {
  const { locale } = ctx;
  const by = args.rank_by ?? 'won';
  const period = askedPeriod(ctx, args, 'month');
  const { rows } = await ranking(ctx.tx, ctx.actor, period, periodKey(period.period, period.start, ctx.actor.timeZone));
  if (!rows.length) return { text: qt(locale, 'rankEmpty') };
  const m = MEASURES[by];
  const ranked = rankBy(rows, m.value, MEASURES[m.breaker].value, args.rank_order === 'asc');
  const title = qt(locale, 'rankTitle', { period: period.label, by: qt(locale, `rankBy_${by}`) });
  const fields = ranked.map((r) => ({ label: `${r.rank}. ${r.row.name}`, value: boardLine(locale, r.row) }));
  const notes = tieNotes(locale, ranked, m);
  return {
    text: [title, ...fields.map((f) => `${f.label} — ${f.value}`), ...notes].join('\n'),
    card: { title, fields: [...fields, ...notes.map((n) => ({ label: gt(locale, 'tieLabel'), value: n }))] },
  };
}
