import { describe, expect, it } from 'vitest';
import { fixEnglishTypos, fixPinyinTypos } from '../../src/nlu/text/typos.js';

describe('fixEnglishTypos', () => {
  it.each([
    ['remmind me', 'remind me'], ['folow up', 'follow up'], ['show my pipline', 'show my pipeline'],
    ['Visted Globex', 'Visited Globex'], ['on Firday', 'on Friday'], ['tomorow', 'tomorrow'],
  ])('%s → %s', (input, output) => expect(fixEnglishTypos(input)).toBe(output));
  it.each(['close by Friday', 'closes soon', 'calls', 'months', 'Acme Corp', 'remind'])('leaves %s alone', (text) => {
    expect(fixEnglishTypos(text)).toBe(text);
  });
});

describe('fixPinyinTypos', () => {
  it.each([
    ['今天拜仿了华为', '今天拜访了华为'], ['下周三再根近', '下周三再跟进'], ['提型我', '提醒我'], ['业迹', '业绩'],
    ['客户很满义', '客户很满意'],
  ])('%s → %s', (input, output) => expect(fixPinyinTypos(input)).toBe(output));
  it('leaves correct text and emoji alone', () => {
    expect(fixPinyinTypos('拜访了华为')).toBe('拜访了华为');
    expect(fixPinyinTypos('😀拜仿')).toBe('😀拜仿');
  });
});
