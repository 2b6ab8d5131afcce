// The contract's Time section, rule by rule, with `now` on a Monday, a Sunday, Dec 30,
// Feb 26 of a non-leap year, a quarter's last day, and west of UTC late at night.
import { describe, expect, it } from 'vitest';
import { extractDates } from '../../src/nlu/time/extract.js';
import { readReference } from '../../src/nlu/time/reference.js';
import { nowIso, parse } from '../../src/nlu/index.js';
import { normalizeNumerals } from '../../src/nlu/text/numerals.js';

const NOW = {
  monday: '2026-11-23T10:00:00+08:00',
  sunday: '2026-11-29T09:00:00+08:00',
  dec30: '2026-12-30T16:30:00+08:00',
  feb26: '2027-02-26T09:00:00+08:00',
  quarterEnd: '2026-09-30T10:00:00+08:00',
  newYork: '2026-11-23T23:30:00-05:00',
  leap: '2028-02-26T09:00:00+08:00',
} as const;

/** The first date in `text`, resolved against `now` (numerals normalised first, as parse() does). */
function first(text: string, now: string): string | undefined {
  return extractDates(normalizeNumerals(text), readReference(now))[0]?.value;
}

type Row = [string, keyof typeof NOW, string];

function table(name: string, rows: Row[]): void {
  describe(name, () => {
    it.each(rows)('%s (now=%s) → %s', (text, now, want) => {
      expect(first(text, NOW[now])).toBe(want);
    });
  });
}

table('今天/明天/后天/大后天, today/tomorrow', [
  ['今天', 'monday', '2026-11-23'], ['明天', 'monday', '2026-11-24'], ['后天', 'monday', '2026-11-25'],
  ['大后天', 'monday', '2026-11-26'], ['明天', 'dec30', '2026-12-31'], ['后天', 'dec30', '2027-01-01'],
  ['明天', 'feb26', '2027-02-27'], ['大后天', 'feb26', '2027-03-01'], ['tomorrow', 'dec30', '2026-12-31'],
  ['明天', 'newYork', '2026-11-24'], ['today', 'newYork', '2026-11-23'], ['明天', 'quarterEnd', '2026-10-01'],
]);

table('N天后 / N周后 / in N days', [
  ['3天后', 'monday', '2026-11-26'], ['两周后', 'monday', '2026-12-07'], ['1周后', 'dec30', '2027-01-06'],
  ['5天后', 'feb26', '2027-03-03'], ['3天后', 'leap', '2028-02-29'], ['in 3 days', 'dec30', '2027-01-02'],
  ['in 2 weeks', 'monday', '2026-12-07'], ['十天后', 'quarterEnd', '2026-10-10'],
]);

table('a bare weekday is the first such day strictly after today', [
  ['周五', 'monday', '2026-11-27'], ['周一', 'monday', '2026-11-30'], ['星期日', 'monday', '2026-11-29'],
  ['礼拜五', 'sunday', '2026-12-04'], ['周日', 'sunday', '2026-12-06'], ['周一', 'sunday', '2026-11-30'],
  ['Friday', 'sunday', '2026-12-04'], ['周四', 'dec30', '2026-12-31'], ['周三', 'dec30', '2027-01-06'],
  ['周一', 'feb26', '2027-03-01'], ['Friday', 'feb26', '2027-03-05'],
]);

table('这周X / 本周X / this X: that day of the current Monday–Sunday week', [
  ['这周五', 'monday', '2026-11-27'], ['本周一', 'monday', '2026-11-23'], ['这周五', 'sunday', '2026-11-27'],
  ['本周日', 'sunday', '2026-11-29'], ['this Friday', 'sunday', '2026-11-27'], ['这周五', 'dec30', '2027-01-01'],
]);

table('下周X / next X: that day of the next week; 下周 alone: its Monday', [
  ['下周三', 'monday', '2026-12-02'], ['下周一', 'sunday', '2026-11-30'], ['下周日', 'sunday', '2026-12-06'],
  ['next Tuesday', 'monday', '2026-12-01'], ['next Monday', 'sunday', '2026-11-30'], ['下周一', 'dec30', '2027-01-04'],
  ['下周', 'monday', '2026-11-30'], ['下周', 'sunday', '2026-11-30'], ['下周', 'dec30', '2027-01-04'],
  ['next week', 'feb26', '2027-03-01'], ['下星期五', 'feb26', '2027-03-05'],
]);

table('月底 / 下个月底 / a month named without a day', [
  ['月底', 'monday', '2026-11-30'], ['月底', 'feb26', '2027-02-28'], ['月底', 'leap', '2028-02-29'],
  ['下个月底', 'monday', '2026-12-31'], ['下月底', 'dec30', '2027-01-31'], ['下个月底', 'feb26', '2027-03-31'],
  ['end of month', 'feb26', '2027-02-28'], ['end of next month', 'dec30', '2027-01-31'],
  ['下个月', 'monday', '2026-12-31'], ['下个月', 'dec30', '2027-01-31'], ['12月', 'monday', '2026-12-31'],
  ['11月', 'dec30', '2027-11-30'], ['in December', 'feb26', '2027-12-31'], ['十二月', 'monday', '2026-12-31'],
]);

table('季度末 / 年底 / 年末 / end of quarter / end of year', [
  ['季度末', 'monday', '2026-12-31'], ['季度末', 'feb26', '2027-03-31'], ['季度末', 'quarterEnd', '2026-09-30'],
  ['本季度末', 'quarterEnd', '2026-09-30'], ['下季度末', 'quarterEnd', '2026-12-31'], ['end of quarter', 'feb26', '2027-03-31'],
  ['年底', 'monday', '2026-12-31'], ['年末', 'feb26', '2027-12-31'], ['end of year', 'dec30', '2026-12-31'],
]);

table('M月D日 / M/D / Dec 5: this year, or next year once passed', [
  ['12月5日', 'monday', '2026-12-05'], ['12月5日', 'dec30', '2027-12-05'], ['1月10号', 'dec30', '2027-01-10'],
  ['3/8', 'monday', '2027-03-08'], ['12/31', 'dec30', '2026-12-31'], ['Dec 5', 'monday', '2026-12-05'],
  ['Jan 15', 'monday', '2027-01-15'], ['2月28日', 'feb26', '2027-02-28'], ['2月25日', 'feb26', '2028-02-25'],
]);

table('a time of day makes a datetime', [
  ['明天下午3点', 'monday', '2026-11-24T15:00'], ['明天上午10点', 'monday', '2026-11-24T10:00'],
  ['明天中午', 'monday', '2026-11-24T12:00'], ['下周一下午两点半', 'dec30', '2027-01-04T14:30'],
  ['明天上午', 'monday', '2026-11-24T09:00'], ['明天下午', 'monday', '2026-11-24T14:00'], ['明天晚上', 'monday', '2026-11-24T19:00'],
  ['今晚8点', 'monday', '2026-11-23T20:00'], ['十点', 'monday', '2026-11-23T10:00'], ['明早9点半', 'monday', '2026-11-24T09:30'],
  ['tomorrow at 3pm', 'monday', '2026-11-24T15:00'], ['tomorrow at 10:30am', 'monday', '2026-11-24T10:30'],
  ['下周一下午', 'sunday', '2026-11-30T14:00'], ['12/8下午4点', 'monday', '2026-12-08T16:00'],
]);

describe('which slot a date fills', () => {
  const now = NOW.monday;
  it('signing dates are the expected close', () => {
    expect(parse('腾讯预计月底签约', { now }).slots).toMatchObject({ expected_close: '2026-11-30' });
    expect(parse('Globex expected to close Dec 20', { now }).slots).toMatchObject({ expected_close: '2026-12-20' });
  });
  it('follow-up dates are the next follow-up', () => {
    const slots = parse('拜访了华为，下周三再跟进', { now }).slots;
    expect(slots.next_follow_up).toBe('2026-12-02');
    expect(slots.expected_close).toBeUndefined();
  });
  it('in a plan the date is the follow-up', () => {
    expect(parse('提醒我周五给京东发合同', { now }).slots.next_follow_up).toBe('2026-11-27');
  });
  it('a date about something else fills no slot', () => {
    const slots = parse('拜访了联想，他们的试用期到月底结束', { now }).slots;
    expect(slots.next_follow_up).toBeUndefined();
    expect(slots.expected_close).toBeUndefined();
    const english = parse('Called Acme, their trial ends next Friday', { now }).slots;
    expect(english.next_follow_up).toBeUndefined();
  });
  it('the day a past visit happened fills no slot', () => {
    expect(parse('今天上午拜访了华为的张总', { now }).slots.next_follow_up).toBeUndefined();
  });
});

describe('a bad now never throws', () => {
  it('falls back to a valid answer', () => {
    expect(parse('提醒我明天跟进华为', { now: 'not a date' }).intent).toBe('schedule_follow_up');
  });
});

describe('nowIso', () => {
  const instant = new Date('2026-11-23T02:00:00Z');
  it.each([
    ['Asia/Shanghai', '2026-11-23T10:00:00+08:00'],
    ['America/New_York', '2026-11-22T21:00:00-05:00'],
    ['UTC', '2026-11-23T02:00:00+00:00'],
    ['Asia/Kolkata', '2026-11-23T07:30:00+05:30'],
  ])('%s → %s', (zone, want) => expect(nowIso(instant, zone)).toBe(want));
  it('round-trips through parse()', () => {
    const now = nowIso(new Date('2026-11-24T03:30:00Z'), 'America/New_York');
    expect(parse('提醒我明天跟进华为', { now }).slots.next_follow_up).toBe('2026-11-24');
  });
});

table('a bare 1–6 o\'clock is in the afternoon; morning words keep it AM', [
  ['明天3点', 'monday', '2026-11-24T15:00'], ['明天两点半', 'monday', '2026-11-24T14:30'], ['明天早上6点', 'monday', '2026-11-24T06:00'],
  ['明天10点', 'monday', '2026-11-24T10:00'], ['tomorrow at 3', 'monday', '2026-11-24T15:00'], ['tomorrow 5am', 'monday', '2026-11-24T05:00'],
]);
