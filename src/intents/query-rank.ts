// "每个人的业绩排名", "这周谁的跟进最多": the people a manager (or admin) sees, ranked for a period.
import { ranking, type RankRow } from '../domain/ranking.js';
import { formatAmount, type Locale } from '../i18n/index.js';
import type { Args } from './args.js';
import { qt } from './query-messages.js';
import { askedPeriod } from './query-who.js';
import type { IntentContext } from './types.js';
import type { Reply } from '../chat/index.js';

type By = NonNullable<Args['rank_by']>;
// "谁的跟进最多" counts the follow-ups people logged (activities), then the reminders they closed.
const VALUE: Record<By, (r: RankRow) => number> = {
  won: (r) => r.won, activities: (r) => r.activities, follow_ups: (r) => r.activities * 1e6 + r.followUps,
};

function line(locale: Locale, r: RankRow): string {
  return [
    `${qt(locale, 'rankBy_won')} ${formatAmount(r.won, locale)} (${r.wonCount})`,
    `${qt(locale, 'rankBy_activities')} ${r.activities}`,
    `${qt(locale, 'remindersDone')} ${r.followUps}`,
  ].join(' · ');
}

export async function queryRank(ctx: IntentContext, args: Args): Promise<Reply> {
  const { locale } = ctx;
  const by = args.rank_by ?? 'won';
  const period = askedPeriod(ctx, args, 'month');
  const rows = (await ranking(ctx.tx, ctx.actor, period)).sort((a, b) => VALUE[by](b) - VALUE[by](a));
  if (!rows.length) return { text: qt(locale, 'rankEmpty') };
  const title = qt(locale, 'rankTitle', { period: period.label, by: qt(locale, `rankBy_${by}`) });
  const fields = rows.map((r, i) => ({ label: `${i + 1}. ${r.name}`, value: line(locale, r) }));
  return { text: [title, ...fields.map((f) => `${f.label} — ${f.value}`)].join('\n'), card: { title, fields } };
}
