// Chinese numerals → Arabic digits. Reps write 三十五万, 两百万, 一百二十万, 两周后; every
// later rule (amounts, durations, months, scores) then only has to read digits.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Value of a pure Chinese numeral (一百二十, 三十五万, 两千零五); null when it is not one. */
export function chineseToNumber(word: string): number | null {
  if (!word || word.length > 24) return null;
  let total = 0; // sum of completed 万/亿 sections
  let section = 0; // value below the current big unit
  let digit: number | null = null;
  let lastBig = Infinity;
  for (const ch of word) {
    if (ch in DIGITS) {
      digit = DIGITS[ch] ?? 0;
    } else if (ch in SMALL_UNITS) {
      // 十 at the start means 一十 (十二 = 12).
      section += (digit ?? 1) * (SMALL_UNITS[ch] ?? 1);
      digit = null;
    } else if (ch in BIG_UNITS) {
      const unit = BIG_UNITS[ch] ?? 1;
      const value = (section + (digit ?? 0)) || (total === 0 ? 0 : 1);
      if (value === 0) return null;
      // 一亿二千万: a smaller big unit adds to the total; 一万亿: a larger one multiplies it.
      total = unit < lastBig ? total + value * unit : (total + value) * unit;
      lastBig = Math.min(lastBig, unit);
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

// A run of numeral characters is converted only when a unit or counter follows it, so words
// that merely contain a numeral (一般, 一下, 统一, 三一重工, 周一) are left alone.
const RUN = /([零〇一二两俩三四五六七八九十百千]+)(?=万|亿|千|百|天|周|个(?=月|星期|礼拜|小时|工作日|季度)|月|日|号|年|小时|分钟|w|W|k|K|块|元|星期|礼拜|岁)/g;

// "一点五亿", "三点二万": a spoken decimal before an amount unit (never a clock time: 一点 alone
// is one o'clock). "1.2个亿": the counter between a number and its unit goes.
const DECIMAL = /([零〇一二两三四五六七八九十百]+)点([零〇一二三四五六七八九]+)(?=个?(?:万|亿|千万|百万|w|W))/g;
const COUNTER = /(\d)\s*个\s*(?=亿)/g;
// "一个亿出头", "两个亿": a Chinese count of 亿.
const ZH_COUNTER = /([一两二三四五六七八九十])\s*个\s*(?=亿)/g;

function decimals(text: string): string {
  return text
    .replace(DECIMAL, (whole, int: string, frac: string) => {
      const n = chineseToNumber(int);
      const digits = [...frac].map((ch) => DIGITS[ch]).join('');
      return n === null ? whole : `${n}.${digits}`;
    })
    .replace(COUNTER, '$1')
    .replace(ZH_COUNTER, (_w, n: string) => String(chineseToNumber(n) ?? n));
}

// "三十多万", "两百来万", "百把万", "20余万": a round figure said roughly is that figure (the
// floor); the word between the number and its money unit goes, so the amount rule reads it.
const ROUGHLY = /(?<=[\d十百千])(?:多|来|余|把)(?=万|亿|千(?![米克瓦])|w|W|k|K|块|元)/g;

// "生日是七月十二": a day after a month, said without 日/号.
const MONTH_DAY = /(\d{1,2}月)([一二三四五六七八九十]{1,3})(?=$|[,，。;；\s号日])/g;

// "二十八万五", "三万八": one digit said after 万 is its thousands (28.5万), unless a unit or a
// date word follows it (万五千, 三十万五月份).
const WAN_TAIL = /(?<![\d.])(\d{1,4})万([一二两三四五六七八九1-9])(?![零〇一二两三四五六七八九十百千万亿月日号天周年个点分钟时岁\d.:：/\-])/g;

// "三万五千" reaches here as 3万5千: 3.5万.
const WAN_THOUSANDS = /(?<![\d.])(\d{1,4})万(\d)千(?![\d百十])/g;

// "手机一三九二二一零八八七六": a phone number dictated digit by digit (幺 is 1 on the phone).
// ("一三九 八八零二 六六七一": dictated in groups, as a number is read out.)
const DICTATED = /[零〇一二三四五六七八九幺]{7,}|[零〇一二三四五六七八九幺]{3,4}(?:[\s-]+[零〇一二三四五六七八九幺]{3,4}){2,3}(?![零〇一二三四五六七八九幺十百千万])|(?<![零〇一二三四五六七八九幺十百千万])[零〇][零〇一二三四五六七八九幺]{2,3}[\s-]+[零〇一二三四五六七八九幺]{7,8}(?![零〇一二三四五六七八九幺十百千万])/g;
const SPOKEN_DIGIT: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 幺: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

export function normalizeNumerals(raw: string): string {
  const text = decimals(raw.replace(DICTATED, (run) => [...run].map((c) => SPOKEN_DIGIT[c] ?? c).join(''))).replace(ROUGHLY, '').replace(COUNTED_UNIT, '$1').replace(DIGIT_TENS, (_m, d: string, u?: string) => String(Number(d) * 10 + (u ? DIGITS[u] ?? 0 : 0))).replace(DIGIT_HUNDRED_WAN, (_m, v: string, u: string) => `${Number(v) * (u === '百' ? 100 : 1000)}万`);
  return convertRuns(text).replace(WAN_TAIL, (_w, n: string, d: string) => `${n}.${DIGITS[d] ?? d}万`).replace(WAN_THOUSANDS, '$1.$2万').replace(MONTH_DAY, (whole, month: string, day: string) => {
    const n = chineseToNumber(day);
    return n && n <= 31 ? `${month}${n}` : whole;
  });
}

// "3十万", "3十五万" (an IME mixing digit and character): 30万, 35万.
const DIGIT_TENS = /(?<![\d.])(\d)十([一二三四五六七八九])?(?=万|w|W)/g;
// "1百万", "3千万": a digit before 百万/千万.
const DIGIT_HUNDRED_WAN = /(\d+(?:\.\d+)?)(百|千)万/g;
// "一百二十个W", "1.5个亿": spoken 个 between a number and its money unit ("两个万科的项目" keeps it).
const COUNTED_UNIT = /([\d零〇一二两三四五六七八九十百千])个(?=[wW](?![a-zA-Z])|亿|万(?![\u4e00-\u9fff]))/g;

function convertRuns(text: string): string {
  return text.replace(RUN, (run, _g, offset: number, whole: string) => {
    // 十一月 reads as a month, but 周一/星期二/礼拜三 must stay weekdays.
    const before = whole.slice(Math.max(0, offset - 2), offset);
    if (/(周|星期|礼拜)$/.test(before) && run.length === 1) return run;
    // "三元食品", "一元堂": a one-character numeral before 元 and a word is a name, not 3 yuan.
    if (run.length === 1 && /^元[\u4e00-\u9fff]/.test(whole.slice(offset + 1, offset + 3))) return run;
    const value = chineseToNumber(run);
    return value === null ? run : String(value);
  });
}
