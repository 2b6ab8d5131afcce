// One spreadsheet row → a validated customer record, or the reasons it is rejected.
import { z } from 'zod';
import type { Field } from './headers.js';
import { text, type Cell } from './read.js';
import { birthday, date, list, phone, tier, ValueError } from './values.js';

export interface ImportRow {
  name: string;
  industry?: string;
  tier?: 'A' | 'B' | 'C';
  contact?: string;
  title?: string;
  phone?: string;
  email?: string;
  birthday?: string;
  owner?: string;
  signedAt?: Date;
  contractEnd?: Date;
  tags: string[];
  aliases: string[];
}

const opt = z.string().max(200).optional();
const Schema = z.object({
  name: z.string({ error: 'missing_name' }).min(1, { error: 'missing_name' }).max(200, { error: 'name_too_long' }),
  industry: opt, contact: opt, title: opt, owner: opt, birthday: opt,
  tier: z.enum(['A', 'B', 'C']).optional(),
  phone: z.string().optional(),
  email: z.email({ error: 'bad_email' }).optional(),
  signedAt: z.date().optional(),
  contractEnd: z.date().optional(),
  tags: z.array(z.string().max(50)),
  aliases: z.array(z.string().max(200)),
});

// Fields whose cell text is folded before validation; a ValueError becomes the row's reason.
const FOLD: Partial<Record<Field, (c: Cell) => unknown>> = {
  tier: (c) => tier(text(c)),
  phone: (c) => phone(text(c)),
  email: (c) => text(c).toLowerCase() || undefined,
  birthday: (c) => birthday(c instanceof Date ? c : text(c)),
  signedAt: (c) => date(c instanceof Date ? c : text(c)),
  contractEnd: (c) => date(c instanceof Date ? c : text(c)),
  tags: (c) => list(text(c)),
  aliases: (c) => list(text(c)),
};

const REASON_FIELD: Partial<Record<Field, string>> = { birthday: 'bad_birthday', signedAt: 'bad_signing_date', contractEnd: 'bad_contract_end' };

export function toRow(cells: Cell[], columns: Map<number, Field>): { row: ImportRow } | { reasons: string[] } {
  const input: Record<string, unknown> = { tags: [], aliases: [] };
  const reasons: string[] = [];
  for (const [i, field] of columns) {
    const c = cells[i] ?? '';
    const fold = FOLD[field];
    const value = fold ? fold(c) : text(c) || undefined;
    if (value instanceof ValueError) reasons.push(REASON_FIELD[field] ?? value.code);
    else if (value !== undefined) input[field] = value;
  }
  const parsed = Schema.safeParse(input);
  if (!parsed.success) reasons.push(...parsed.error.issues.map((i) => (i.message.includes(' ') ? `bad_${String(i.path[0])}` : i.message)));
  return reasons.length || !parsed.success ? { reasons: [...new Set(reasons)] } : { row: parsed.data };
}
