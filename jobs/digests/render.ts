// Figures → Reply. The text carries the whole digest (what a text-only surface shows); the card
// repeats the headline figures; the chart, when there is one, goes as an image.
import type { Reply } from '../../src/chat/index.js';
import { OPEN_STAGES } from '../../src/domain/deals.js';
import { formatAmount, formatCalendarDate, formatPercent, t, type Locale } from '../../src/i18n/index.js';
import { calendarDate } from '../../src/time.js';
import type { RepCounts } from '../../src/domain/digest.js';
import type { DealLine } from '../../src/domain/digest-deals.js';
import type { DailyFigures, RepDay, WeeklyFigures } from './figures.js';
import { addDays } from './dates.js';
import { dt, type DigestKey } from './messages.js';
import { dailyBoard, forecastLine, weeklyBoard } from './board.js';
import { poolLines } from './pool-lines.js';
import { DUE_AHEAD_DAYS } from '../../src/domain/digest-pool.js';

const day = (date: string, locale: Locale) => formatCalendarDate(calendarDate(date), locale, calendarDate(date));
const money = (n: number, locale: Locale) => formatAmount(n, locale);
const stage = (s: string, locale: Locale) => t(locale, `stage.${s}` as never);
const colon = (locale: Locale) => (locale === 'zh' ? '：' : ': ');

function counts(c: RepCounts, locale: Locale): string {
  const won = `${money(c.wonAmount, locale)}${c.wonCount ? ` (${c.wonCount})` : ''}`;
  return dt(locale, 'digest.day', { ...c, won });
}

function attainment(won: number, target: number | null, locale: Locale): string {
  const goal = target === null ? dt(locale, 'digest.noTarget') : money(target, locale);
  return `${money(won, locale)}/${goal}${target ? ` (${formatPercent(won / target)})` : ''}`;
}

export function mtdLine(won: number, target: number | null, locale: Locale): string {
  const line = dt(locale, 'digest.mtd', { won: money(won, locale), target: target === null ? dt(locale, 'digest.noTarget') : money(target, locale) });
  return target ? `${line} (${formatPercent(won / target)})` : line;
}

function repLine(r: RepDay, locale: Locale): string {
  return [
    `· ${r.name}${colon(locale)}${counts(r, locale)}`,
    `  ${dt(locale, 'digest.repMonth', { won: money(r.mtdWon, locale), target: r.target === null ? dt(locale, 'digest.noTarget') : money(r.target, locale) })}` +
      `${r.target ? ` (${formatPercent(r.mtdWon / r.target)})` : ''} · ${dt(locale, 'digest.repOpen', { amount: money(r.open.amount, locale), count: r.open.count })}` +
      ` · ${dt(locale, 'digest.repOverdue', { count: r.overdue })}`,
  ].join('\n');
}

function pipelineLines(f: DailyFigures, locale: Locale): string[] {
  const cells = OPEN_STAGES.map((s) => ({ s, ...f.pipeline[s] }));
  const total = cells.reduce((a, c) => ({ count: a.count + c.count, amount: a.amount + c.amount, weighted: a.weighted + c.weighted }), { count: 0, amount: 0, weighted: 0 });
  return [
    dt(locale, 'digest.pipeline'),
    ...cells.map((c) => dt(locale, 'digest.stageLine', { stage: stage(c.s, locale), count: c.count, amount: money(c.amount, locale), weighted: money(c.weighted, locale) })),
    dt(locale, 'digest.total', { count: total.count, amount: money(total.amount, locale), weighted: money(total.weighted, locale) }),
  ];
}

function dealLines(f: DailyFigures, locale: Locale): string[] {
  const owner = new Map(f.reps.map((r) => [r.userId, r.name]));
  const who = (id: string) => (locale === 'zh' ? `（${owner.get(id) ?? ''}）` : ` (${owner.get(id) ?? ''})`);
  const wins = f.wins.map((d) => `· ${d.customer} · ${d.title} ${money(d.amount, locale)}${who(d.ownerId)}`);
  const move = (d: DealLine) => `· ${d.customer} · ${d.title} ${stage(d.from!, locale)}→${stage(d.to!, locale)} ${money(d.amount, locale)}${who(d.ownerId)}`;
  const [movers, setbacks] = [f.movers.map(move), f.setbacks.map(move)];
  const none = [`· ${dt(locale, 'digest.none')}`];
  const conv = f.conversion.map((c) => `${stage(c.from, locale)}→${stage(c.to, locale)} ${c.rate === null ? '-' : formatPercent(c.rate)}`);
  return [
    `${dt(locale, 'digest.conversion')}${colon(locale)}${conv.join(' · ')}`,
    `${dt(locale, 'digest.wins')}${colon(locale)}`, ...(wins.length ? wins : none),
    `${dt(locale, 'digest.movers')}${colon(locale)}`, ...(movers.length ? movers : none),
    // Only on days with one: a setback is news, its absence is not.
    ...(setbacks.length ? [`${dt(locale, 'digest.setbacks')}${colon(locale)}`, ...setbacks] : []),
  ];
}

/** "华东销售一组 日报 · 11月20日": the digest's title, and its chart's. */
export const dailyTitle = (f: DailyFigures, locale: Locale) => dt(locale, 'digest.title', { team: f.team.teamName, date: day(f.date, locale) });

export function dailyDigestReply(f: DailyFigures, locale: Locale, image?: string): Reply {
  const title = dailyTitle(f, locale);
  const total = f.reps.reduce((a, r) => ({ ...a, ...Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof RepCounts] + r[k as keyof RepCounts]])) }), { activities: 0, newCustomers: 0, newDeals: 0, stageMoves: 0, wonAmount: 0, wonCount: 0 } as RepCounts);
  const overdue = f.reps.reduce((s, r) => s + r.overdue, 0);
  const open = OPEN_STAGES.reduce((a, s) => ({ amount: a.amount + f.pipeline[s].amount, weighted: a.weighted + f.pipeline[s].weighted }), { amount: 0, weighted: 0 });
  const text = [
    title,
    mtdLine(f.mtdWon, f.target, locale),
    ...forecastLine(f, locale),
    `${dt(locale, 'digest.today')}${colon(locale)}${counts(total, locale)}`,
    `${dt(locale, 'digest.reps')}${colon(locale)}`, ...f.reps.map((r) => repLine(r, locale)),
    ...dailyBoard(f, locale),
    ...pipelineLines(f, locale),
    ...dealLines(f, locale),
    dt(locale, 'digest.overdue', { count: overdue }),
    ...poolLines(f, locale, DUE_AHEAD_DAYS),
  ].join('\n');
  const fields = [
    { label: t(locale, 'field.won'), value: attainment(f.mtdWon, f.target, locale) },
    { label: dt(locale, 'digest.today'), value: counts(total, locale) },
    { label: dt(locale, 'digest.pipeline'), value: `${money(open.amount, locale)} · ${money(open.weighted, locale)}` },
    { label: dt(locale, 'digest.overdue', { count: '' }).replace(/[:：].*$/, ''), value: String(overdue) },
  ];
  return { text, card: { title, fields }, ...(image && { image: { path: image, alt: dt(locale, 'digest.chartAlt', { team: f.team.teamName }) } }) };
}

/** A rep's own day (opt-in: User.settings.dailySummary). */
export function repSummaryReply(f: DailyFigures, rep: RepDay, locale: Locale): Reply {
  const title = dt(locale, 'digest.summaryTitle', { name: rep.name, date: day(f.date, locale) });
  const text = [
    title,
    `${dt(locale, 'digest.today')}${colon(locale)}${counts(rep, locale)}`,
    mtdLine(rep.mtdWon, rep.target, locale),
    dt(locale, 'digest.open', { count: rep.open.count, amount: money(rep.open.amount, locale), weighted: money(rep.open.weighted, locale) }),
    dt(locale, 'digest.overdue', { count: rep.overdue }),
  ].join('\n');
  return { text, card: { title, fields: [{ label: t(locale, 'field.won'), value: attainment(rep.mtdWon, rep.target, locale) }] } };
}

const WEEK_FIELDS: (keyof RepCounts)[] = ['activities', 'newCustomers', 'newDeals', 'stageMoves', 'wonCount', 'wonAmount'];

function weekValue(field: keyof RepCounts, value: number, locale: Locale): string {
  return field === 'wonAmount' ? money(value, locale) : String(value);
}

function delta(field: keyof RepCounts, last: number, before: number, locale: Locale): string {
  const d = last - before;
  const sign = d > 0 ? '+' : d < 0 ? '-' : '±';
  return `${sign}${weekValue(field, Math.abs(d), locale)}`;
}

export function weeklyReply(f: WeeklyFigures, locale: Locale): Reply {
  const title = dt(locale, 'digest.weeklyTitle', { team: f.team.teamName, from: day(addDays(f.monday, -7), locale), to: day(addDays(f.monday, -1), locale) });
  const line = (field: keyof RepCounts, last: RepCounts, before: RepCounts) => dt(locale, 'digest.week.line', {
    label: dt(locale, `digest.week.${field}` as DigestKey), last: weekValue(field, last[field], locale),
    before: weekValue(field, before[field], locale), delta: delta(field, last[field], before[field], locale),
  });
  const reps = f.reps.map((r) => `· ${r.name}${colon(locale)}${WEEK_FIELDS.map((k) => `${dt(locale, `digest.week.${k}` as DigestKey)} ${weekValue(k, r.last[k], locale)} (${delta(k, r.last[k], r.before[k], locale)})`).join(' · ')}`);
  const text = [title, ...WEEK_FIELDS.map((k) => line(k, f.last, f.before)), `${dt(locale, 'digest.reps')}${colon(locale)}`, ...reps, ...weeklyBoard(f, locale)].join('\n');
  const fields = WEEK_FIELDS.map((k) => ({ label: dt(locale, `digest.week.${k}` as DigestKey), value: `${weekValue(k, f.last[k], locale)} (${delta(k, f.last[k], f.before[k], locale)})` }));
  return { text, card: { title, fields } };
}
