// The calendar rules every reminder job shares: quiet hours (wrapping midnight) move a message
// to the morning, weekends off are covered by Monday, and bad tenant knobs fall back to defaults.
import { describe, expect, it } from 'vitest';
import { coveredDates, deliverAt, isQuiet, nextMonday, tenantSettings } from '../../jobs/calendar.js';

const SH = 'Asia/Shanghai';
const at = (local: string, offset = '+08:00') => new Date(`${local}:00${offset}`);
const defaults = tenantSettings({});

describe('calendar', () => {
  it('quiet hours wrap midnight and move a message to the next 09:00', () => {
    expect(isQuiet(at('2026-11-25T20:59'), SH, defaults.quietHours)).toBe(false);
    expect(isQuiet(at('2026-11-25T21:00'), SH, defaults.quietHours)).toBe(true);
    expect(isQuiet(at('2026-11-26T07:59'), SH, defaults.quietHours)).toBe(true);
    expect(isQuiet(at('2026-11-26T08:00'), SH, defaults.quietHours)).toBe(false);
    expect(deliverAt(at('2026-11-25T22:30'), SH, defaults)).toEqual(at('2026-11-26T09:00'));
    expect(deliverAt(at('2026-11-26T06:00'), SH, defaults)).toEqual(at('2026-11-26T09:00'));
    expect(deliverAt(at('2026-11-26T08:30'), SH, defaults)).toEqual(at('2026-11-26T08:30'));
  });

  it('reads the hours in the given zone (a New York user at 22:00 is quiet, 09:00 UTC+8 is not)', () => {
    expect(isQuiet(at('2026-11-25T22:00', '-05:00'), 'America/New_York', defaults.quietHours)).toBe(true);
    expect(deliverAt(at('2026-11-25T22:00', '-05:00'), 'America/New_York', defaults)).toEqual(at('2026-11-26T09:00', '-05:00'));
  });

  it('covers a weekend off on Monday, and every day when weekends are on', () => {
    expect(coveredDates('2026-11-25', defaults)).toEqual(['2026-11-25']);
    expect(coveredDates('2026-11-28', defaults)).toEqual([]);
    expect(coveredDates('2026-11-30', defaults)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
    expect(coveredDates('2026-11-28', tenantSettings({ weekends: true }))).toEqual(['2026-11-28']);
  });

  it('next Monday is always ahead', () => {
    expect(nextMonday(at('2026-11-25T10:00'), SH)).toEqual(at('2026-11-30T09:00'));
    expect(nextMonday(at('2026-11-30T08:00'), SH)).toEqual(at('2026-12-07T09:00'));
  });

  it('falls back to defaults for bad knobs, field by field', () => {
    const s = tenantSettings({ staleDays: { lead: 'x', negotiation: 3 }, quietHours: '22-7', weekends: 'yes', callbackDays: { A: 15 } });
    expect(s.staleDays).toEqual({ lead: 14, qualified: 10, proposal: 7, negotiation: 3 });
    expect(s.quietHours).toEqual({ start: '21:00', end: '08:00' });
    expect(s.weekends).toBe(false);
    expect(s.callbackDays).toEqual({ A: 15, B: 90, C: 180 });
    expect(tenantSettings(null)).toEqual(defaults);
  });
});
