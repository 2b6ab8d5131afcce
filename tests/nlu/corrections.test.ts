import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../src/nlu/text/corrections.js';
import { parse } from '../../src/nlu/index.js';

const noDates = () => [];

describe('self-corrections', () => {
  it.each([
    ['预算90万 不对 95万', '预算95万'],
    ['报价80万 哦不 85万 下周再约', '报价85万 下周再约'],
    ['金额30万 说错了 是32万', '金额32万'],
    // A place or person said again after the same preposition.
    ['刚从美团出来 不对 是从上汽出来 见了钱经理', '刚从上汽出来 见了钱经理'],
    ['今天跟华为的张总 哦不 跟华为的李总吃了饭', '今天跟华为的李总吃了饭'],
  ])('%s → %s', (input, output) => expect(applyCorrections(input, noDates)).toBe(output));

  it.each([
    '这个方案不对他们的胃口', // 不对 meaning "does not suit", no value after it
    '这个方案不对 给他们重新做一版', // no 给 before the marker to correct
    '价格50万，他说不对，要再谈', // no new value right after the marker
    '华为预算50万，海康那边的项目也在谈，对方采购觉得不对 80万太贵', // too far back, and an objection
    '华为50万 海康的王总说不对 80万的那个再说', // someone else's objection, not the rep correcting themselves
  ])('%s stays as written', (text) => expect(applyCorrections(text, noDates)).toBe(text));

  it('a corrected date replaces the one said before it, and only that one', () => {
    const now = '2026-12-07T17:00:00+08:00'; // Monday
    const parsed = parse('提醒我周三上午给小米的雷总打电话 说错了 是周三下午', { now });
    expect(parsed.slots.next_follow_up).toBe('2026-12-09T14:00');
    const visit = parse('刚从格力出来 预算六十万 周四 不对 周五再去一趟', { now });
    expect(visit.slots).toMatchObject({ amount: 600000, next_follow_up: '2026-12-11' });
  });
});
