import { describe, expect, it } from 'vitest';
import { initialsKey, matchKey, nameKeys, pinyinKey } from '../../src/domain/names.js';

describe('customer name keys', () => {
  it('folds width, case, spaces, punctuation and company suffixes', () => {
    expect(matchKey('华为技术有限公司')).toBe('华为技术');
    expect(matchKey('比亚迪股份有限公司')).toBe('比亚迪');
    expect(matchKey('中国平安保险（集团）股份有限公司')).toBe('中国平安保险');
    expect(matchKey('ＡＣＭＥ Corp.')).toBe('acme');
    expect(matchKey('Globex Co., Ltd.')).toBe('globex');
    expect(matchKey('集团')).toBe('集团'); // a suffix alone is the whole name
  });

  it('derives pinyin and initials so Latin typing finds Chinese names', () => {
    expect(pinyinKey('华为')).toBe('huawei');
    expect(pinyinKey('隆基绿能')).toBe('longjilvneng');
    expect(initialsKey('华为技术有限公司')).toBe('hwjs');
    expect(nameKeys('比亚迪', ['BYD', 'byd ', '']).aliasKeys).toEqual(['byd']);
  });
});
