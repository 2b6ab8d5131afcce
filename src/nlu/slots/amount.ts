// Deal value: 50万, 1.2亿, 80w, 30k, 1.2M, ¥200,000, $50k. Runs on text whose Chinese
// numerals were already converted (三十五万 → 35万). A bare number is never an amount: it
// needs a currency mark or a unit, and percentages, phones and dates are skipped.

const UNIT: Record<string, number> = {
  万: 1e4, w: 1e4, 亿: 1e8, 千: 1e3, k: 1e3, 百万: 1e6, 千万: 1e7, m: 1e6, mm: 1e6, mn: 1e6, mil: 1e6, million: 1e6,
  // India counts in lakhs and crores: "45 lakhs", "1.2 cr", "35L" (a capital L right after the digits).
  lakh: 1e5, lakhs: 1e5, lac: 1e5, lacs: 1e5, l: 1e5, crore: 1e7, crores: 1e7, cr: 1e7,
  元: 1, 块: 1, 块钱: 1, 美元: 1, 美金: 1, 刀: 1, rmb: 1, usd: 1, cny: 1, dollars: 1, bucks: 1,
};
const DOLLAR = /^(?:\$|us\$|usd)$|^(?:美元|美金|刀|dollars|bucks|usd)$/i;

const AMOUNT = /(?<![\d.:/-])(¥|￥|\$|US\$|RMB|CNY|USD|₹|Rs\.?|INR|RM(?=\s?\d))?\s?(\d{1,15}(?:,\d{2,3})*(?:\.\d+)?)\s?(千万|百万|万|亿|千|块钱|块|元|美元|美金|刀|million|mil(?![a-z])|mm(?![a-z])|mn|bucks|dollars|rmb|usd|cny|lakhs?(?![a-z])|lacs?(?![a-z])|crores?(?![a-z])|cr(?![a-z])|(?<=\d)L(?![a-zA-Z])|[wWkKmM](?![a-zA-Z]))?(?!(?<=[\d\s])[\d.])(?![%％])(?!(?<=[万千亿])多?(?:平(?![安台])|㎡|片|台|套|件|个(?!亿)|吨|人(?!民币)|平米|平方|米|部|辆|箱|支|瓶|只|户|家|条|份|包|盒|桶|袋|颗|株|间|床|座|根|公里|字|次|步|粒|双|册|本|头|kg|km|pcs|units?))/g;

// Words that make an amount the deal's value when several numbers appear.
const TARGET = /(?:到了?|为|成了?|至|to)\s*[¥$]?\s*$/i;
const MONEY_CONTEXT = /金额|预算|报价|合同|价格|单子|大单|意向|订单|总价|budget|deal|worth|value|contract|quote|price/i;

const TOTAL_BEFORE = /(?:总价|总金额|总额|总共|一共|合计|共计|总计|in total|total(?: of)?)\s*(?:是|为|:|：)?\s*[¥$]?\s*$/i;
// "1100元/人/年", "360元一台": the price of one.
const UNIT_PRICE_AFTER = /^\s?(?:元|块|rmb)?\s?(?:(?:\/|每|一)\s?(?:人|台|个|件|套|只|位|辆|车|head|unit|person|pax)|(?:per|a|\/)\s?(?:truck|vehicle|unit|head|person|seat|user|pax|piece|device|month))/i;
// The figure itself (its digits and unit word), skipped to read what follows it.
const AMOUNT_HEAD = /^(?:[¥$]|RMB|CNY|USD|HKD|SGD|RM)?\s?[\d,.]+\s?(?:千万|百万|万|亿|千|[wWkKmM](?![a-zA-Z]))?/;
const UNIT_PRICE_BEFORE = /(?:单价|每(?:个|只|件|台|套|盒|箱|份|人)|一(?:个|只|件|盒)|per (?:unit|piece|box))[^,，。;；\d]{0,4}$/i;

const LOCAL_DOLLAR = /(HK|S|NT)\$$/i;
const CURRENCY_OF: Record<string, string> = { HK: 'HKD', S: 'SGD', NT: 'TWD', HKD: 'HKD', SGD: 'SGD', TWD: 'TWD', 港币: 'HKD', 港元: 'HKD', 新币: 'SGD' };

export interface Amount { value: number; currency?: string; index: number }

const THEIRS_BEFORE = /(?:竞品|竞争对手|对手|友商)(?:那边|的)?[^,，。;；]{0,4}(?:报|开)(?:了|到|的是|价)?\s*$|\bwhose (?:quote|price|bid) (?:came in|is|was)(?: at)?\s*$/i;

export function extractAmount(text: string): Amount | undefined {
  const found: Amount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const prefix = m[1];
    const unitWord = m[3]?.toLowerCase();
    if (!prefix && !unitWord) continue;
    const base = Number((m[2] ?? '').replace(/,/g, ''));
    const value = Math.round(base * (unitWord ? UNIT[unitWord] ?? 1 : 1) * 100) / 100;
    if (!Number.isFinite(value) || value <= 0 || value > 1e15) continue;
    const end = (m.index ?? 0) + m[0].length;
    // 20万美元: the currency word follows the unit.
    const dollars = (prefix && DOLLAR.test(prefix)) || (unitWord && DOLLAR.test(unitWord)) || /^\s?(?:美元|美金|USD|dollars)/i.test(text.slice(end, end + 8));
    // "HK$35万", "S$50k", "SGD 450k": a dollar that is not the US one.
    const local = prefix === '$' ? LOCAL_DOLLAR.exec(text.slice(Math.max(0, (m.index ?? 0) - 3), (m.index ?? 0) + 1))?.[1] : undefined;
    const named = /^\s?(HKD|SGD|TWD|港币|港元|新币)/i.exec(text.slice(end, end + 5))?.[1] ?? /(HKD|SGD|TWD)\s?$/i.exec(text.slice(Math.max(0, (m.index ?? 0) - 4), m.index ?? 0))?.[1];
    const rupees = (prefix && /^(?:₹|Rs|INR)/i.test(prefix)) || (unitWord && /^(?:lakhs?|lacs?|crores?|cr|l)$/.test(unitWord));
    // "RM 32,400", "RM210k": Malaysian ringgit.
    const ringgit = prefix === 'RM';
    const currency = CURRENCY_OF[(local ?? named ?? '').toUpperCase()] ?? (dollars ? 'USD' : rupees ? 'INR' : ringgit ? 'MYR' : undefined);
    // "竞品报了九十万我们报的是一百一十万", "Siemens, whose quote came in at 310k": a competitor's figure is not ours.
    if (THEIRS_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0))) continue;
    found.push({ value, index: m.index ?? 0, ...(currency ? { currency } : {}) });
  }
  // "单价4200元", "先按1100元/人/年估的": a unit price is never the deal's value, even alone.
  const unitPriced = (a: Amount) => UNIT_PRICE_BEFORE.test(text.slice(Math.max(0, a.index - 8), a.index)) || UNIT_PRICE_AFTER.test(text.slice(a.index).replace(AMOUNT_HEAD, ''));
  if (found.length === 1 && unitPriced(found[0]!)) return undefined;
  if (found.length <= 1) return found[0];
  // "从100万调整到150万": the value after 到/为/改成 is the new one.
  const target = found.filter((a) => TARGET.test(text.slice(Math.max(0, a.index - 6), a.index))).pop();
  if (target) return target;
  // "单价三块八 对 总价十九万": the total said is the deal's value; a unit price never is.
  const total = found.find((a) => TOTAL_BEFORE.test(text.slice(Math.max(0, a.index - 8), a.index)));
  if (total) return total;
  const priced = found.filter((a) => !UNIT_PRICE_BEFORE.test(text.slice(Math.max(0, a.index - 8), a.index)));
  if (priced.length && priced.length < found.length) found.splice(0, found.length, ...priced);
  const near = found.find((a) => MONEY_CONTEXT.test(text.slice(Math.max(0, a.index - 8), a.index + 12)));
  return near ?? found[0];
}
