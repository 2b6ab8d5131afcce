// What every bench returns, and how the dispatcher prints it.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. "< 1". */
  goal: string;
  met: boolean;
  /** For "lower is better" figures: the largest acceptable value. */
  ceiling?: number;
}

export function printTable(title: string, figures: Figure[]): void {
  const rows = figures.map((f) => [f.name, `${Number(f.value.toFixed(3))} ${f.unit}`, f.goal, f.met ? 'yes' : 'NO']);
  const header = ['figure', 'value', 'goal', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}
