// Shared helpers for the parser tests: read the JSONL case files and compare slots the way
// shared/nlu/score.mjs does.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Case {
  text: string;
  now: string;
  expect: { intent: string; slots: Record<string, unknown> };
}

export function readCases(relative: string): Case[] {
  const path = fileURLToPath(new URL(relative, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('//'))
    .map((line) => JSON.parse(line) as Case);
}

export const SCORED = [
  'customer', 'contact', 'title', 'phone', 'email', 'birthday', 'industry', 'tier', 'channel', 'amount',
  'stage', 'expected_close', 'next_follow_up', 'lost_reason', 'category', 'satisfaction', 'period', 'scope',
] as const;

const norm = (v: unknown): string => String(v).trim().toLowerCase().replace(/\s+/g, '');
const normCustomer = (v: unknown): string => norm(v).replace(/(股份有限公司|有限公司|公司|集团)$/u, '');

/** Issue #11's slots (src/nlu/README.md): score.mjs ignores them, so a case checks one only
 * when its expectation names it. */
export const EXTRA = [
  'occurred_at', 'subject', 'rank', 'rank_by', 'period_offset', 'new_deal', 'task_kind', 'ask', 'follow_up_vague', 'other_dates',
] as const;

/** The scored slots projected into the scorer's comparison space, for a readable diff. */
export function comparable(slots: Record<string, unknown>, expected: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of SCORED) {
    const value = slots[key];
    if (value === undefined || value === null || value === '') continue;
    const want = expected[key];
    if (key === 'customer') out[key] = normCustomer(value);
    else if (key === 'next_follow_up' && typeof want === 'string' && want.length <= 10) out[key] = String(value).slice(0, 10);
    else if (key === 'expected_close') out[key] = String(value).slice(0, 10);
    else out[key] = norm(value);
  }
  for (const key of EXTRA) if (key in expected && slots[key] !== undefined) out[key] = JSON.stringify(slots[key]);
  return out;
}
