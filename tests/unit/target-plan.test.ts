// The target breakdown's arithmetic (issue #15): splits in cents that add up exactly, ratios at
// the first level down, shares and per-rep amounts, the stretch alongside.
import { describe, expect, it } from 'vitest';
import { childrenOf, periodAmounts, planRows, splitBy } from '../../src/domain/target-plan.js';

describe('splitBy', () => {
  it('splits evenly in cents, the last part taking the rounding, and always adds up', () => {
    expect(splitBy(1_000_000, [1, 1, 1])).toEqual([333_333.33, 333_333.33, 333_333.34]);
    expect(splitBy(30_000_000, [2, 3, 2, 3])).toEqual([6_000_000, 9_000_000, 6_000_000, 9_000_000]);
    for (const total of [1, 99.99, 2_500_000, 123_456_789.01]) {
      const parts = splitBy(total, [3, 1, 7]);
      expect(Math.round(parts.reduce((a, b) => a + b, 0) * 100)).toBe(Math.round(total * 100));
    }
  });
});

describe('periods', () => {
  it('a year has four quarters, a quarter three months, a month none', () => {
    expect(childrenOf('2027')).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(childrenOf('2027-Q4')).toEqual(['2027-10', '2027-11', '2027-12']);
    expect(childrenOf('2027-05')).toEqual([]);
  });

  it('ratios apply to the first level down; months split their quarter evenly', () => {
    const a = periodAmounts('2027', 12_000_000, [1, 2, 1, 2]);
    expect(a.get('2027-Q2')).toBe(4_000_000);
    expect(a.get('2027-05')).toBe(1_333_333.33);
    expect(a.get('2027-06')).toBe(1_333_333.34);
    expect(a.size).toBe(1 + 4 + 12);
  });
});

describe('planRows', () => {
  const people = [{ id: 'a', name: 'A', share: 40 }, { id: 'b', name: 'B', share: 60 }];
  const row = (rows: ReturnType<typeof planRows>, userId: string | null, period: string) => rows.find((r) => r.userId === userId && r.period === period);

  it('a team amount by shares, with its stretch shared alike', () => {
    const rows = planRows({ period: '2027-Q1', amount: 10_000_000, stretch: 12_000_000, teamId: 't', people });
    expect(row(rows, null, '2027-Q1')).toMatchObject({ teamId: 't', amount: 10_000_000, stretch: 12_000_000 });
    expect(row(rows, 'a', '2027-Q1')).toMatchObject({ amount: 4_000_000, stretch: 4_800_000 });
    expect(row(rows, 'b', '2027-03')).toMatchObject({ amount: 2_000_000, stretch: 2_400_000 });
  });

  it('per rep and per quarter: each rep the amount four times, the team the sum', () => {
    const rows = planRows({ period: '2027', amount: 2_000_000, each: 'quarter', perRep: true, teamId: 't', people: people.map(({ id, name }) => ({ id, name })) });
    expect(row(rows, 'a', '2027')?.amount).toBe(8_000_000);
    expect(row(rows, null, '2027')?.amount).toBe(16_000_000);
    expect(row(rows, 'b', '2027-Q3')?.amount).toBe(2_000_000);
  });

  it('one person: only their rows', () => {
    const rows = planRows({ period: '2026-12', amount: 2_500_000, people: [{ id: 'a', name: 'A' }] });
    expect(rows).toEqual([{ period: '2026-12', userId: 'a', teamId: null, amount: 2_500_000, stretch: null }]);
  });
});
