// What every bench returns, how the dispatcher prints it, and the shape of bench/results.json:
// {"figures": [{"name", "value", "unit", "goal", "met", "ceiling"?}]}.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. "< 1 ms" or ">= 50% of ceiling". */
  goal: string;
  met: boolean;
  /** The reference measured in the same run, in the same unit (e.g. a bare Hono endpoint's rate
   * for the inbound path): absolute numbers vary between machines, the ratio much less. */
  ceiling?: number;
}

const show = (v: number, unit: string) => `${Number(v.toPrecision(4))} ${unit}`;

export function printTable(title: string, figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.name, show(f.value, f.unit), f.goal,
    f.ceiling === undefined ? '' : `${show(f.ceiling, f.unit)} (${Math.round((f.value / f.ceiling) * 100)}%)`,
    f.met ? 'yes' : 'NO',
  ]);
  const header = ['figure', 'value', 'goal', 'ceiling (value/ceiling)', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}
