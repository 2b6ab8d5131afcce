import { describe, expect, it } from 'vitest';
import { chineseToNumber, normalizeNumerals } from '../../src/nlu/text/numerals.js';
import { extractAmount } from '../../src/nlu/slots/amount.js';

describe('chineseToNumber', () => {
  it.each([
    ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['三十五', 35], ['一百零八', 108], ['一百二十', 120],
    ['两百', 200], ['两千零五', 2005], ['三十五万', 350000], ['两百万', 2000000], ['一百二十万', 1200000],
    ['一亿二千万', 120000000], ['十万', 100000], ['〇', 0], ['两', 2],
  ])('%s = %d', (word, value) => expect(chineseToNumber(word)).toBe(value));
  it.each(['', '华为', '三a', '万'])('%s is not a numeral', (word) => expect(chineseToNumber(word)).toBeNull());
});

describe('normalizeNumerals', () => {
  it.each([
    ['金额调整为三十五万', '金额调整为35万'], ['两百万的框架协议', '200万的框架协议'], ['两周后跟进', '2周后跟进'],
    ['十一月', '11月'], ['三天后', '3天后'], ['一个月后', '1个月后'],
    // Words that merely contain a numeral stay as written.
    ['一般客户', '一般客户'], ['周一下午', '周一下午'], ['三一重工', '三一重工'], ['看一下', '看一下'], ['新增一个客户', '新增一个客户'],
    ['星期三', '星期三'], ['万科', '万科'], ['一个多月', '一个多月'], ['十多天', '十多天'],
  ])('%s → %s', (input, output) => expect(normalizeNumerals(input)).toBe(output));
});

describe('amounts', () => {
  const amount = (text: string): number | undefined => extractAmount(normalizeNumerals(text))?.value;
  it.each([
    ['50万', 500000], ['1.2亿', 120000000], ['80w', 800000], ['80W', 800000], ['三十五万', 350000], ['两百万', 2000000],
    ['一百二十万', 1200000], ['¥200,000', 200000], ['30k', 30000], ['1.2M', 1200000], ['$50k', 50000], ['5000元', 5000],
    ['2.5 million', 2500000], ['三十多万', 300000], ['两百来万', 2000000], ['百把万', 1000000], ['20余万', 200000], ['1.2 mil', 1200000], ['USD 300', 300], ['一千二百万', 12000000],
  ])('%s = %d', (text, value) => expect(amount(text)).toBe(value));
  it.each(['价格比我们低20%', '电话 139-1234-5678', '打了3分', '下午3点', '3天后', '2026年'])('%s has no amount', (text) => {
    expect(amount(text)).toBeUndefined();
  });
  it('marks dollars', () => expect(extractAmount('$50k')?.currency).toBe('USD'));
});
