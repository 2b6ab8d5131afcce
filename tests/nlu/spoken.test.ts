import { describe, expect, it } from 'vitest';
import { cleanSpoken } from '../../src/nlu/text/spoken.js';

describe('cleanSpoken', () => {
  it.each([
    ['嗯那个刚去了京东方', '刚去了京东方'],
    ['呃 就是 华润的事情', '华润的事情'],
    ['喂，下午见了万科', '下午见了万科'],
    ['约了那个华润的钱总', '约了华润的钱总'],
    ['今天拜方了格力', '今天拜访了格力'],
    ['给中粮回防一下', '给中粮回访一下'],
    ['后天根进万科', '后天跟进万科'],
    ['威信聊了下', '微信聊了下'],
    ['下周在约一下', '下周再约一下'],
    ['月底前在去一趟', '月底前再去一趟'],
    ['<b>华润</b>签了', '华润 签了'],
    ['met 小米 的 Lisa', 'met 小米的Lisa'],
  ])('%s → %s', (input, output) => expect(cleanSpoken(input)).toBe(output));

  it.each(['Umbrella closed won', '额度提高到50万', '他在打电话', '正在约客户', '现在去不了', '这个月业绩'])('leaves %s alone', (text) => {
    expect(cleanSpoken(text)).toBe(text);
  });
});
