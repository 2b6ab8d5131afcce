// parse() is total: random and hostile text always yields a valid contract object, quickly.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, parseResultSchema, warmUp } from '../../src/nlu/index.js';

const NOWS = ['2026-11-23T10:00:00+08:00', '2026-12-30T16:30:00+08:00', '2027-02-26T09:00:00+08:00', 'garbage', ''];

// Fragments reps actually type, so random mixes reach deep into the rules.
const FRAGMENTS = [
  '拜访了', '华为', '的张总', '，', '明天下午3点', '再跟进', '50万', '1.2亿', '80w', '$50k', '签了', '丢单', '因为', '提醒我',
  '回访', '满意度', '打了3分', '新客户：', 'A类', '添加联系人', '13800138000', 'a@b.co', '生日3月8号', '下周三', '月底',
  '年底', '季度末', '两周后', '周五', 'Met with', 'Mr. Chen', 'at Acme Corp', 'follow up', 'next Tuesday', 'closed won',
  '/客户', '/stage', '撤销', '帮助', '漏斗', '业绩', '待办', '99999999999999999999亿', '😀', '\u0000', '\u202e', ' ', '\n',
];

const hostile = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ unit: fc.constantFrom('万', '亿', '十', '百', '0', '9', '.', ',', '/', '-', '+', '点', '号', '月'), maxLength: 200 }),
);

function check(text: string, now: string): void {
  const started = performance.now();
  const result = parse(text, { now });
  const elapsed = performance.now() - started;
  const valid = parseResultSchema.safeParse(result);
  if (elapsed > 1000) throw new Error(`${JSON.stringify(text.slice(0, 200))} took ${elapsed} ms`);
  if (!valid.success) throw new Error(`${JSON.stringify(text)} → ${JSON.stringify(result)}: ${valid.error.message}`);
  // A hang check with room for a loaded CI machine; the benchmark holds the real goal (p99 < 1 ms).
  expect(elapsed).toBeLessThan(1000);
}

describe('parse() never throws and always answers the contract', () => {
  beforeAll(() => warmUp());

  it('random and hostile text', () => {
    fc.assert(fc.property(hostile, fc.constantFrom(...NOWS), (text, now) => check(text, now)), { numRuns: 800 });
  });

  it.each([
    ['very long text', '拜访了华为的张总，'.repeat(3000)],
    ['very long single token', 'a'.repeat(25_000)],
    ['control characters', '\u0000\u0001\u0002拜访\u0007华为\u001b[31m'],
    ['emoji only', '😀😃😄😁😆🎉👍'.repeat(50)],
    ['huge number', '华为签了99999999999999999999亿'],
    ['huge digits', `金额${'9'.repeat(400)}万`],
    ['mixed scripts', 'Встреча с 华为 في 明天 3pm مرحبا'],
    ['slash only', '/'],
    ['unknown command', '/foo bar'],
    ['nested repetition', '的的的的的的的的的的'.repeat(500)],
    ['digits and separators', '1-2-3-4-5-6-7-8-9-0 '.repeat(1000)],
  ])('%s', (_name, text) => {
    for (const now of NOWS) check(text, now);
  });

  it('reads a hint as the intent', () => {
    expect(parse('华为', { now: NOWS[0] ?? '', hint: 'query_customer' })).toMatchObject({
      intent: 'query_customer', slots: { customer: '华为' }, confidence: 1,
    });
  });

  it('confidence is low for a weak guess', () => {
    expect(parse('asdfghjkl qwerty', { now: NOWS[0] ?? '' }).confidence).toBeLessThan(0.5);
    expect(parse('提醒我明天跟进华为', { now: NOWS[0] ?? '' }).confidence).toBeGreaterThan(0.5);
  });
});
