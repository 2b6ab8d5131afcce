// `salesbot parse --jsonl`: one answer line per input line, in order, malformed lines included.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answerLine } from '../../src/cli/parse.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const UNKNOWN = { intent: 'unknown', slots: {} };

describe('answerLine', () => {
  it('answers a good line with intent and slots only', () => {
    const answer = JSON.parse(answerLine(JSON.stringify({ text: '/客户 华为', now: '2026-11-23T10:00:00+08:00' })));
    expect(answer).toEqual({ intent: 'query_customer', slots: { customer: '华为' } });
  });
  it.each(['not json', '[]', '42', 'null', '{"now":"2026-11-23T10:00:00+08:00"}', '{"text":5}', ''])('answers %j with unknown', (line) => {
    expect(JSON.parse(answerLine(line))).toEqual(UNKNOWN);
  });
});

describe('the command', () => {
  it('streams one line per input line, in order', async () => {
    const input = [
      JSON.stringify({ text: '撤销', now: '2026-11-23T10:00:00+08:00' }),
      '{broken',
      '',
      JSON.stringify({ text: 'help', now: '2026-11-23T10:00:00+08:00' }),
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'parse', '--jsonl'], { cwd: ROOT });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.stdin.end(`${input}\n`);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { intent: string });
    expect(lines.map((l) => l.intent)).toEqual(['undo', 'unknown', 'unknown', 'help']);
  }, 30_000);
});
