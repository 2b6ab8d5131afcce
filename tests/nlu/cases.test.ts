// Every case in cases.jsonl (our own) and the contract's dev.jsonl, through parse().
import { describe, expect, it } from 'vitest';
import { parse, parseResultSchema } from '../../src/nlu/index.js';
import { comparable, readCases } from './support.js';

const suites = {
  'own cases': readCases('./cases.jsonl'),
  'contract dev set': readCases('../../../shared/nlu/dev.jsonl'),
};

for (const [name, cases] of Object.entries(suites)) {
  describe(name, () => {
    it.each(cases.map((c) => [c.text, c] as const))('%s', (_text, c) => {
      const result = parse(c.text, { now: c.now });
      expect(parseResultSchema.safeParse(result).success).toBe(true);
      expect(result.intent).toBe(c.expect.intent);
      expect(comparable(result.slots, c.expect.slots)).toEqual(comparable(c.expect.slots, c.expect.slots));
    });
  });
}
