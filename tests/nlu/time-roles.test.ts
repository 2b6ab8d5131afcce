// Issue #11: a date's role — when the activity happened, the follow-up, the close, or another date.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.js';

const at10 = '2026-11-23T10:00:00+08:00'; // a Monday morning

const slots = (text: string, now = at10) => parse(text, { now }).slots;

describe('time roles', () => {
  it('a time already behind now is when it happened, never the follow-up', () => {
    expect(slots('上午去了趟格力')).toMatchObject({ occurred_at: '2026-11-23T09:00' });
    expect(slots('上午去了趟格力').next_follow_up).toBeUndefined();
    expect(slots('昨天下午和海尔开了会')).toMatchObject({ occurred_at: '2026-11-22T14:00' });
  });
  it("today's later time in the past tense is a report; without it, a plan", () => {
    // Said at 10:00, the afternoon cannot have happened yet: today's date, or, with no 今天, yesterday's.
    expect(slots('今天下午去了海尔')).toMatchObject({ occurred_at: '2026-11-23' });
    expect(slots('晚上去了海尔')).toMatchObject({ occurred_at: '2026-11-22T19:00' });
    expect(slots('今天下午去海尔')).toMatchObject({ next_follow_up: '2026-11-23T14:00' });
  });
  it('the words right after a date decide first: close, then follow-up', () => {
    expect(slots('拜访了海尔 争取月底签下周二再过去一趟')).toMatchObject({ expected_close: '2026-11-30', next_follow_up: '2026-12-01' });
  });
  it('follow-ups said without 跟进: 再碰/再同步/回个电话/发合同', () => {
    expect(slots('见了格力的董总 周三再同步').next_follow_up).toBe('2026-11-25');
    expect(slots('跟格力电话聊了 周四给他回个电话').next_follow_up).toBe('2026-11-26');
    expect(slots('拜访了格力 下周一发合同').next_follow_up).toBe('2026-11-30');
  });
  it("a reply the customer promised is another date, not our follow-up", () => {
    const s = slots('和格力开了会 他们说周五前给答复');
    expect(s.next_follow_up).toBeUndefined();
    expect(s.other_dates).toEqual(['2026-11-27']);
  });
  it('a trial end is kept as another date', () => {
    expect(slots('拜访了格力，试用到12月10号结束').other_dates).toEqual(['2026-12-10']);
  });
  it('a reminder keeps any other fact it states', () => {
    expect(slots('格力金额改成80万，提醒我周五跟进')).toMatchObject({ amount: 800000, next_follow_up: '2026-11-27' });
  });
});
