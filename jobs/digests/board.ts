// Issue #15's parts of the digests: the month's forecast line (always), and the leaderboard
// section when the team turned it on (Team.settings.leaderboard) — the same ranking as the chat's
// "每个人的业绩排名": won, 回款, attainment, activities, new customers; the same won amount is the
// same rank and 回款 orders the tied.
import type { Basis } from '../../src/domain/attainment.js';
import { gapOf, type Forecast } from '../../src/domain/forecast.js';
import { NO_STATS, rankBy, type BoardStats } from '../../src/domain/leaderboard.js';
import { formatAmount, formatPercent, type Locale } from '../../src/i18n/index.js';
import { gt } from '../../src/intents/target-messages.js';
import type { DailyFigures, WeeklyFigures } from './figures.js';

export interface BoardRow { name: string; stats: BoardStats; target: number | null }

function attainment(row: BoardRow, basis: Basis): string {
  if (!row.target) return '—';
  return formatPercent((basis === 'collected' ? row.stats.collected : row.stats.won) / row.target);
}

/** The leaderboard as lines: "1. 张伟 赢单 80万 · 回款 30万 · 完成率 40% · 跟进 12 · 新客户 3". */
export function boardLines(rows: BoardRow[], basis: Basis, locale: Locale, title: string): string[] {
  const ranked = rankBy(rows, (r) => r.stats.won, (r) => r.stats.collected);
  const money = (n: number) => formatAmount(n, locale);
  const lines = ranked.map(({ row, rank }) => `${rank}. ${row.name} ${gt(locale, 'boardLine', {
    won: money(row.stats.won), collected: money(row.stats.collected), pct: attainment(row, basis),
    activities: row.stats.activities, customers: row.stats.newCustomers,
  })}`);
  const tied = ranked.filter((r) => r.tied).length ? [gt(locale, 'boardTies')] : [];
  return [title, ...lines, ...tied];
}

export function dailyBoard(f: DailyFigures, locale: Locale): string[] {
  if (!f.team.leaderboard) return [];
  const rows = f.reps.map((r) => ({ name: r.name, stats: r.board ?? NO_STATS, target: r.target }));
  return boardLines(rows, f.team.basis ?? 'won', locale, gt(locale, 'boardMonth'));
}

export function weeklyBoard(f: WeeklyFigures, locale: Locale): string[] {
  if (!f.board) return [];
  // A week has no target of its own (targets are monthly): no attainment here.
  const rows = f.reps.map((r) => ({ name: r.name, stats: f.board!.get(r.userId) ?? NO_STATS, target: null }));
  return boardLines(rows, f.team.basis ?? 'won', locale, gt(locale, 'boardWeek'));
}

/** "本月预测：赢单 80万 + 承诺 50万，加权管道 120万，目标 300万，缺口 170万". */
export function forecastLine(f: DailyFigures, locale: Locale): string[] {
  const fc: Forecast | undefined = f.forecast;
  if (!fc) return [];
  const money = (n: number) => formatAmount(n, locale);
  const gap = f.target === null ? '—' : money(Math.max(0, gapOf(fc, f.target)));
  return [gt(locale, 'fcLine', {
    period: gt(locale, 'thisMonth'), won: money(fc.won), commit: money(fc.commit), weighted: money(fc.weighted),
    target: f.target === null ? '—' : money(f.target), gap,
  })];
}
