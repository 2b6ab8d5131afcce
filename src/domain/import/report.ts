// The rejected rows, as a CSV a person opens in Excel (BOM so Excel reads it as UTF-8).
import fs from 'node:fs/promises';

export interface Rejected { row: number; reasons: string[]; values: string[] }

const quote = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export async function writeReport(file: string, headers: string[], rejected: Rejected[]): Promise<void> {
  const lines = [['row', 'reason', ...headers], ...rejected.map((r) => [String(r.row), r.reasons.join(';'), ...r.values])];
  await fs.writeFile(file, `\uFEFF${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`);
}
