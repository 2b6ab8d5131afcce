// Issue #11: vague times resolve by a documented rule (src/nlu/README.md) or come back as
// follow_up_vague for the router to ask about.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.js';

const monday = '2026-11-23T10:00:00+08:00';
const dec30 = '2026-12-30T16:30:00+08:00';
const slots = (text: string, now = monday) => parse(text, { now }).slots;

describe('documented rules', () => {
  it.each([
    ['提醒我过几天跟进海尔', monday, '2026-11-26'],
    ['提醒我过3天联系海尔', monday, '2026-11-26'],
    ['提醒我下个月上旬跟进海尔', monday, '2026-12-05'],
    ['提醒我下旬再联系海尔', monday, '2026-11-25'],
    ['提醒我1月中旬跟进海尔', monday, '2027-01-15'],
    ['元旦后提醒我联系海尔', dec30, '2027-01-04'],
    ['提醒我国庆后联系海尔', monday, '2027-10-08'],
  ])('%s (now %s) → follow-up %s', (text, now, want) => {
    expect(slots(text, now).next_follow_up).toBe(want);
  });

  it.each([
    ['海尔的单子预计明年Q2签', '2027-06-30'],
    ['海尔预计三季度签约', '2027-09-30'],
    ['海尔争取下季度签', '2027-03-31'],
  ])('%s → close %s', (text, want) => expect(slots(text).expected_close).toBe(want));
});

describe('no rule: the words come back for a question', () => {
  it.each([
    ['拜访了海尔，节后再约', '节后再约'],
    ['和海尔开了会 等他们通知再跟进', '等他们通知再跟进'],
    ['提醒我过段时间再联系海尔', '过段时间再联系'],
  ])('%s → %s', (text, vague) => {
    const s = slots(text);
    expect(s.follow_up_vague).toBe(vague);
    expect(s.next_follow_up).toBeUndefined();
  });
  it('a resolved date leaves nothing vague', () => expect(slots('拜访了海尔，过几天再约').follow_up_vague).toBeUndefined());
});
