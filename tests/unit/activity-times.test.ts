// The roles of a message's times (#11, src/intents/times.ts) at a fixed moment: when it
// happened, when to follow up, and a past follow-up time never becoming a reminder.
import { describe, expect, it } from 'vitest';
import { activityTimes } from '../../src/intents/times.js';

const zone = 'Asia/Shanghai';
const now = new Date('2026-12-04T08:00:00Z'); // 16:00 in Shanghai, a Friday
const at = (local: string) => new Date(`${local}:00+08:00`);

describe('activityTimes', () => {
  it('nothing said: now, no follow-up', () => {
    expect(activityTimes({}, now, zone)).toEqual({ occurredAt: now, occurredSaid: false, followUpAt: undefined });
  });

  it('the activity\'s own time is kept; a date alone is now today, noon another day', () => {
    expect(activityTimes({ occurred_at: '2026-12-03T15:00' }, now, zone).occurredAt).toEqual(at('2026-12-03T15:00'));
    expect(activityTimes({ occurred_at: '2026-12-04' }, now, zone).occurredAt).toEqual(now);
    expect(activityTimes({ occurred_at: '2026-12-02' }, now, zone).occurredAt).toEqual(at('2026-12-02T12:00'));
  });

  it('an activity time still ahead is taken as now (a report is of the past)', () => {
    expect(activityTimes({ occurred_at: '2026-12-04T18:00' }, now, zone).occurredAt).toEqual(now);
  });

  it('a future follow-up is the reminder', () => {
    expect(activityTimes({ next_follow_up: '2026-12-09' }, now, zone).followUpAt).toEqual(at('2026-12-09T09:00'));
  });

  it('"今天下午去…" at 16:00: 14:00 is when it happened, not a reminder', () => {
    expect(activityTimes({ next_follow_up: '2026-12-04T14:00' }, now, zone)).toEqual({ occurredAt: at('2026-12-04T14:00'), occurredSaid: true });
  });

  it('a follow-up at the same moment is not a reminder either', () => {
    expect(activityTimes({ next_follow_up: '2026-12-04T16:00' }, now, zone).followUpAt).toBeUndefined();
  });

  it('a past follow-up beside a stated activity time is reported, not used', () => {
    expect(activityTimes({ occurred_at: '2026-12-04T15:00', next_follow_up: '2026-12-04T10:00' }, now, zone))
      .toEqual({ occurredAt: at('2026-12-04T15:00'), occurredSaid: true, pastFollowUp: at('2026-12-04T10:00') });
  });

  it('"今天再联系" with no hour after 09:00: later today, to be asked', () => {
    expect(activityTimes({ next_follow_up: '2026-12-04' }, now, zone)).toEqual({ occurredAt: now, occurredSaid: false, laterToday: true });
  });
});
