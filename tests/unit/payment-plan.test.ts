// A payment plan as said turned into instalment amounts (issue #15, src/domain/payment-plan.ts):
// shares of the contract, amounts, the rest split among instalments that name neither, and the
// three refusals (shares not 100%, no contract to take shares of, amounts that do not fit).
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/domain/payment-plan.js';

const amounts = (r: ReturnType<typeof buildPlan>) => (r.ok ? r.items.map((i) => i.amount) : r);

describe('buildPlan', () => {
  it('shares of the contract, in order, with their due dates', () => {
    const r = buildPlan([{ label: '签约', share: 30 }, { label: '上线', share: 40, due: '2027-01-15' }, { label: '验收', share: 30 }], 1_200_000);
    expect(r).toEqual({ ok: true, total: 1_200_000, split: false, items: [
      { seq: 1, label: '签约', amount: 360_000, share: 30 },
      { seq: 2, label: '上线', amount: 480_000, share: 40, due: '2027-01-15' },
      { seq: 3, label: '验收', amount: 360_000, share: 30 },
    ] });
  });

  it('rounding lands on the last share, so the instalments make the contract to the cent', () => {
    const r = buildPlan([{ label: 'a', share: 33.33 }, { label: 'b', share: 33.33 }, { label: 'c', share: 33.34 }], 100_000.01);
    expect(amounts(r)).toEqual([33_330, 33_330, 33_340.01]);
  });

  it('shares that are not 100% are refused with their sum', () => {
    expect(buildPlan([{ label: 'a', share: 30 }, { label: 'b', share: 40 }, { label: 'c', share: 20 }], 1e6)).toEqual({ ok: false, reason: 'sharesSum', sum: 90 });
    expect(buildPlan([{ label: 'a', share: 60 }, { label: 'b', share: 50 }, { label: 'c' }], 1e6)).toEqual({ ok: false, reason: 'sharesSum', sum: 110 });
  });

  it('shares or open instalments need a contract amount', () => {
    expect(buildPlan([{ label: 'a', share: 50 }, { label: 'b', share: 50 }])).toEqual({ ok: false, reason: 'noTotal' });
    expect(buildPlan([{ label: '首付', amount: 1e5 }, { label: '尾款' }])).toEqual({ ok: false, reason: 'noTotal' });
  });

  it('amounts alone make the contract; amounts with a contract must fit it', () => {
    expect(buildPlan([{ label: '首付', amount: 300_000 }, { label: '尾款', amount: 600_000 }])).toMatchObject({ ok: true, total: 900_000 });
    expect(buildPlan([{ label: '首付', amount: 300_000 }, { label: '尾款', amount: 500_000 }], 900_000)).toEqual({ ok: false, reason: 'amountsSum', sum: 800_000, total: 900_000 });
  });

  it('instalments naming no figure split what is left evenly (the last takes the cent)', () => {
    const r = buildPlan([{ label: '首付款', due: '2027-01-15' }, { label: '尾款验收后' }], 800_000);
    expect(r).toMatchObject({ ok: true, split: true });
    expect(amounts(r)).toEqual([400_000, 400_000]);
    expect(amounts(buildPlan([{ label: '定金', share: 10 }, { label: 'b' }, { label: 'c' }, { label: 'd' }], 100_000.01))).toEqual([10_000, 30_000, 30_000, 30_000.01]);
    expect(buildPlan([{ label: '首付', amount: 800_000 }, { label: '尾款' }], 800_000)).toMatchObject({ ok: false, reason: 'amountsSum' });
  });
});
