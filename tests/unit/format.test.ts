import { describe, expect, it } from 'vitest';
import { detectLocale, formatAmount, formatCalendarDate, formatDateTime } from '../../src/i18n/index.js';

describe('formatting', () => {
  it('shows amounts the way each audience reads them', () => {
    expect(formatAmount(500000, 'zh')).toBe('50万');
    expect(formatAmount(120000000, 'zh')).toBe('1.2亿');
    expect(formatAmount(12345, 'zh')).toBe('1.23万');
    expect(formatAmount(8000, 'zh')).toBe('¥8,000');
    expect(formatAmount(500000, 'en')).toBe('¥500k');
    expect(formatAmount(1200000, 'en')).toBe('¥1.2M');
    expect(formatAmount(50000, 'en', 'USD')).toBe('$50k');
    expect(formatAmount(50000, 'zh', 'USD')).toBe('$5万');
  });

  it('shows dates in the user zone and language', () => {
    const at = new Date('2026-12-02T01:00:00Z');
    expect(formatDateTime(at, 'zh', 'Asia/Shanghai')).toBe('12月2日 周三 09:00');
    expect(formatDateTime(at, 'en', 'Asia/Shanghai')).toBe('Wed Dec 2, 09:00');
    const now = new Date('2026-11-23T00:00:00Z');
    expect(formatCalendarDate(new Date('2026-12-15T00:00:00Z'), 'zh', now)).toBe('12月15日');
    expect(formatCalendarDate(new Date('2027-01-10T00:00:00Z'), 'en', now)).toBe('Jan 10, 2027');
  });

  it('shows a calendar date\'s year by the reader\'s calendar, not UTC\'s, around New Year', () => {
    const newYearMorning = new Date('2026-12-31T23:30:00Z'); // 07:30 on 1 January 2027 in Shanghai
    expect(formatCalendarDate(new Date('2027-12-20T00:00:00Z'), 'zh', newYearMorning, 'Asia/Shanghai')).toBe('12月20日');
    expect(formatCalendarDate(new Date('2026-12-20T00:00:00Z'), 'zh', newYearMorning, 'Asia/Shanghai')).toBe('2026年12月20日');
    const newYearsEve = new Date('2027-01-01T03:00:00Z'); // 19:00 on 31 December 2026 in Los Angeles
    expect(formatCalendarDate(new Date('2026-12-31T00:00:00Z'), 'en', newYearsEve, 'America/Los_Angeles')).toBe('Dec 31');
    expect(formatCalendarDate(new Date('2027-01-05T00:00:00Z'), 'en', newYearsEve, 'America/Los_Angeles')).toBe('Jan 5, 2027');
  });

  it('answers in the language the user wrote in', () => {
    expect(detectLocale('我的销售漏斗', 'en')).toBe('zh');
    expect(detectLocale('my pipeline', 'zh')).toBe('en');
    expect(detectLocale('Acme Corp 签了', 'en')).toBe('zh');
    // An English sentence with a Chinese amount or name in it is English (found by a tester).
    expect(detectLocale('Acme Corp signed! final contract 38万', 'zh')).toBe('en');
    expect(detectLocale('Called 美团 Ella, they want a demo next week', 'zh')).toBe('en');
    expect(detectLocale('今天拜访了Acme Corp的John', 'en')).toBe('zh');
    expect(detectLocale('😀 123', 'en')).toBe('en');
    expect(detectLocale('help', 'zh')).toBe('en');
    // A lone name or keyboard noise keeps the language the user writes in.
    expect(detectLocale('asdfgh', 'zh')).toBe('zh');
    expect(detectLocale('Acme?', 'zh')).toBe('zh');
    expect(detectLocale('asdfgh', 'en')).toBe('en');
  });
});
