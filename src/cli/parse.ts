// `salesbot parse --jsonl`: {"text","now"} lines on stdin → one {"intent","slots"} line each,
// in order, streamed. A malformed line still gets an answer so the output stays aligned.
import { createInterface } from 'node:readline';
import { parse } from '../nlu/index.js';

const UNKNOWN = JSON.stringify({ intent: 'unknown', slots: {} });

export function answerLine(line: string): string {
  try {
    const input: unknown = JSON.parse(line);
    if (!input || typeof input !== 'object') return UNKNOWN;
    const { text, now, hint } = input as { text?: unknown; now?: unknown; hint?: unknown };
    if (typeof text !== 'string') return UNKNOWN;
    const options = { now: typeof now === 'string' ? now : new Date().toISOString() };
    const result = parse(text, typeof hint === 'string' ? { ...options, hint: hint as never } : options);
    return JSON.stringify({ intent: result.intent, slots: result.slots });
  } catch {
    return UNKNOWN;
  }
}

export async function run(args: string[]): Promise<number> {
  if (!args.includes('--jsonl')) {
    process.stderr.write('usage: salesbot parse --jsonl < cases.jsonl\n');
    return 2;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const ok = process.stdout.write(`${answerLine(line)}\n`);
    if (!ok) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  }
  return 0;
}
