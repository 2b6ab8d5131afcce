// What a row adds to a customer already known: empty fields filled, new tags and aliases added.
// Nothing already set is overwritten — the spreadsheet may be older than the chat's records.
import type { Known } from './existing.js';
import type { ImportRow } from './row.js';

const FILL = ['industry', 'tier', 'signedAt', 'contractEnd'] as const;

/** Applies the row to `known` in place; true when anything changed. */
export function fillFrom(known: Known, row: ImportRow): boolean {
  let changed = false;
  for (const field of FILL) {
    const value = row[field];
    if (value !== undefined && known[field] === null) {
      (known as unknown as Record<string, unknown>)[field] = value;
      changed = true;
    }
  }
  const tags = union(known.tags, row.tags);
  const aliases = union(known.aliases, row.aliases.filter((a) => a !== known.name));
  if (tags.length !== known.tags.length) { known.tags = tags; changed = true; }
  if (aliases.length !== known.aliases.length) { known.aliases = aliases; changed = true; }
  return changed;
}

const union = (a: string[], b: string[]): string[] => (b.every((x) => a.includes(x)) ? a : [...new Set([...a, ...b])]);
