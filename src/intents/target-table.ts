// The breakdown as a table (period × person, amounts in 万): one card field per period, its
// value the team's and each person's amount ("团队 600 · 张伟 240 · 李娜 360").
import type { Locale } from '../i18n/index.js';
import type { PlanInput, PlanRow } from '../domain/target-plan.js';
import { gt } from './target-messages.js';

const wan = (n: number) => String(Math.round(n / 100) / 100);

export function periodName(locale: Locale, key: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return gt(locale, 'quarter', { y: q[1]!, q: q[2]! });
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return gt(locale, 'month', { y: m[1]!, m: Number(m[2]) });
  return gt(locale, 'year', { y: key });
}

export function targetTable(locale: Locale, period: string, rows: PlanRow[], input: PlanInput) {
  const names = new Map(input.people.map((p) => [p.id, p.name]));
  const periods = [...new Set(rows.map((r) => r.period))];
  const cell = (r: PlanRow) => (r.stretch === null ? wan(r.amount) : `${wan(r.amount)}/${wan(r.stretch)}`);
  const fields = periods.map((p) => ({
    label: periodName(locale, p),
    value: rows.filter((r) => r.period === p)
      .map((r) => `${r.userId ? names.get(r.userId) ?? '' : gt(locale, 'teamColumn')} ${cell(r)}`).join(' · '),
  }));
  const stretch = rows.some((r) => r.stretch !== null);
  const name = periodName(locale, period);
  const title = gt(locale, 'previewTitle', { period: name });
  const colon = locale === 'zh' ? '：' : ': ';
  const lines = [...(stretch ? [gt(locale, 'previewStretch')] : []), ...fields.map((f) => `${f.label}${colon}${f.value}`)];
  return { title, period: name, fields, lines };
}
