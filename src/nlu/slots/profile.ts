// A new customer's industry and value tier.
import { NOT_A_CUSTOMER, TITLE_TAIL } from './lexicon.js';
type Tier = 'A' | 'B' | 'C';

// Ordered: explicit letters first, then the words the contract maps to a tier.
const TIERS: [RegExp, Tier | null][] = [
  [/(?<![A-Za-z])([ABC])\s*(?:类|级|档|等)|(?:级别|等级|分级|客户等级)\s*[:：是为]?\s*([ABC])(?![A-Za-z])/, null],
  [/\btier\s*[-:]?\s*([ABC])\b|\b([ABC])[-\s]tier\b|\b([ABC])\s+(?:account|customer|client)\b/i, null],
  [/重点客户|重要客户|核心客户|战略客户|VIP|大客户|(?<=\s)重点\s*$|key account|strategic/i, 'A'],
  [/一般客户|普通客户|中等客户|(?<=\s)一般\s*$|mid[-\s]?tier|regular (?:account|customer)/i, 'B'],
  [/小客户|长尾客户|低价值|small (?:account|customer)/i, 'C'],
  // "新客户 中山医院 医疗 A", "New customer: X, healthcare, B": a lone capital among the items.
  [/(?<=[\s,，、;；|])([ABC])(?=\s*$|[\s,，、;；。|])(?!\s+[A-Z][a-z])/, null],
];

export function findTier(text: string): Tier | undefined {
  for (const [re, tier] of TIERS) {
    const m = re.exec(text);
    if (!m) continue;
    if (tier) return tier;
    const letter = (m[1] ?? m[2] ?? m[3] ?? '').toUpperCase();
    if (letter === 'A' || letter === 'B' || letter === 'C') return letter;
  }
  return undefined;
}

const INDUSTRIES_ZH = [
  '新能源', '互联网', '制造业', '制造', '金融', '银行', '保险', '证券', '零售', '电商', '教育', '医疗', '医药', '房地产',
  '地产', '物流', '汽车', '餐饮', '能源', '快消', '化工', '通信', '电信', '半导体', '芯片', '游戏', '政府', '政务', '农业',
  '建筑', '传媒', '广告', '旅游', '酒店', '家电', '服装', '纺织', '食品', '饮料', '钢铁', '电力', '军工', '航空', '软件',
  'SaaS', '人工智能', 'AI', '消费电子', '电子', '生物医药', '光伏', '环保', '文旅', '体育', '法律', '咨询', '出行', '物业',
  '工程机械', '机械', '安防', '医疗器械', '智能制造', '新零售', '跨境电商', '储能', '物联网', '云计算', '大数据', '网络安全', '信息安全',
];
const INDUSTRIES_EN = [
  'manufacturing', 'retail', 'fintech', 'finance', 'financial services', 'banking', 'insurance', 'healthcare',
  'education', 'edtech', 'logistics', 'software', 'saas', 'internet', 'e-commerce', 'ecommerce', 'automotive',
  'energy', 'telecom', 'media', 'real estate', 'hospitality', 'pharma', 'pharmaceutical', 'biotech', 'construction',
  'consulting', 'government', 'gaming', 'food', 'agriculture', 'semiconductor', 'semiconductors', 'technology', 'tech',
  'aerospace', 'chemicals', 'fashion', 'travel', 'legal', 'consumer goods', 'cpg', 'fmcg',
  'packaging', 'cold chain', 'pharmaceuticals', 'hotels', 'utilities', 'mining', 'oil and gas', 'steel', 'textiles',
  'apparel', 'furniture', 'electronics', 'healthtech', 'insurtech', 'proptech', 'defense', 'shipping', 'freight',
  'cosmetics', 'beauty', 'medical devices', 'medtech', 'agritech', 'cleantech', 'renewables', 'solar',
];

const ZH_SUFFIXED = /([\u4e00-\u9fffA-Za-z]{2,8}?)(?:行业|领域|板块|赛道)/;
// "行业：安防" / "industry is retail"; a bare space after 行业 starts the next item ("安防行业 A类").
const ZH_LABELED = /(?:(?:行业|所属行业|industry)\s*(?:[:：是为=]|is\b)|(?<=^|[\s,，])(?:行业|所属行业|industry))\s*([\u4e00-\u9fffA-Za-z &-]{2,20}?)(?=[,，。;；\s]|$)/i;
const ZH_DOING = /(?:做|搞|从事)([\u4e00-\u9fff]{2,8}?)(?:的|行业)/;
const EN_LABELED = /\bindustry\s*(?:[:：=]|is\b)\s*([a-z][a-z &/-]{1,30}?)\s*(?=[,，。;；]|$)/i;
const EN_BRACKETED = /[(（]\s*([a-z][a-z &/-]{2,30}?)\s*[)）]/;
const EN_SUFFIXED = /\b([a-z][a-z -]{1,24}?)\s+(?:industry|sector|vertical|company)\b/i;

function fromSegments(segments: string[]): string | undefined {
  for (const raw of segments) {
    // "Hooli XYZ, fintech. called their CFO today": an English sentence ends the item.
    const segment = raw.trim().split(/\.\s+/)[0]!.replace(/\.$/, '');
    if (INDUSTRIES_ZH.includes(segment) || /^[\u4e00-\u9fff]{1,4}业$/.test(segment)) return segment;
    if (INDUSTRIES_EN.includes(segment.toLowerCase())) return segment;
  }
  return undefined;
}

// In a new-customer list, a short leftover segment is the industry: "Wayne Enterprises, defense, tier A".
const NOT_INDUSTRY = /^(?:pls|plz|please|kindly|thx|thanks|asap|fyi|urgent)$|客户|联系|录入|新增|新建|规模|放着|先|再|回头|以后|跟进|拜访|电话|手机|邮箱|类|级|档|tier|contact|phone|email|account|client|customer|@|\d/i;

// CRM words and cues are never an industry ("新客户 叫金额").
const CUE = /^(?:叫|名为)|金额|阶段|签|报价|方案|商机|跟进|回访|拜访|预算|合同/;

const TITLE_END = new RegExp(`(?:${TITLE_TAIL})$`);
const TO_THE_BOT = /[你我帮]|一下|[吧吗呢]$/;

function leftover(segments: string[], customer?: string): string | undefined {
  if (!customer) return undefined;
  // "叫优必选" restates the name; "医疗器械" after "…医疗器械有限公司" is still the industry.
  // ("济南 山东高速集团 新客户 交通基建": the city the customer is in is no industry.)
  // ("…联系人 采购经理 孙丽", "你建一下": a title or words to the bot are no industry.)
  const rest = segments.filter((s) => s !== customer && !s.includes(customer) && !NOT_INDUSTRY.test(s) && !CUE.test(s) && !NOT_A_CUSTOMER.has(s) && !/的$/.test(s) && !TITLE_END.test(s) && !TO_THE_BOT.test(s));
  // ("F&B": an industry's initials with an ampersand.)
  const candidate = rest.find((s) => /^[a-z][A-Za-z &-]{2,24}$/.test(s) || /^[\u4e00-\u9fff]{2,6}$/.test(s) || /^[A-Z]{1,2}&[A-Z]{1,2}$|^[A-Z]{2,4}$|^SaaS$/.test(s));
  return candidate;
}

export function findIndustry(text: string, segments: string[], customer?: string): string | undefined {
  // "industry = import export": an English value runs to the next pause.
  const labeled = EN_LABELED.exec(text)?.[1]?.trim() ?? ZH_LABELED.exec(text)?.[1]?.trim();
  if (labeled) return labeled;
  const run = ZH_SUFFIXED.exec(text);
  const suffixed = run?.[1] ?? ZH_DOING.exec(text)?.[1];
  // "科大讯飞人工智能行业" said without a pause: the known industry the run ends with; a short
  // word standing alone ("小家电行业") is the industry as written.
  const alone = run?.[1] && run[1].length <= 4 && (run.index === 0 || /[\s,，、:：|]/.test(text[run.index - 1] ?? ''));
  // ("做直播电商的": what they do is the industry as said.)
  const known = run?.[1] && !alone && knownSuffix(run[1]);
  if (known) return known;
  if (suffixed && suffixed !== customer) return suffixed.replace(/^(?:是|属于|做)/, '');
  // "Dunder Mifflin (paper distribution)": a lower-case note in brackets after the name.
  const bracketed = EN_BRACKETED.exec(text)?.[1]?.trim();
  if (bracketed && customer && text.indexOf(customer) >= 0 && text.indexOf(customer) < text.indexOf(bracketed)) return bracketed;
  const segment = fromSegments(segments.filter((s) => s !== customer));
  if (segment) return segment;
  const en = EN_SUFFIXED.exec(text)?.[1]?.trim();
  if (en && INDUSTRIES_EN.some((w) => en.toLowerCase().endsWith(w))) return en;
  return leftover(segments, customer);
}

const BY_LENGTH = [...INDUSTRIES_ZH].sort((a, b) => b.length - a.length);
function knownSuffix(run: string): string | undefined {
  return BY_LENGTH.find((w) => run.endsWith(w));
}

/** "科大讯飞人工智能行业A类" read as one name: the name ends where its industry starts. */
export function withoutProfile(name: string, industry: string | undefined): string | undefined {
  if (!industry) return undefined;
  // Only "…<industry>行业…" inside the name: 理想汽车 (汽车), 苏州云帆物流 (物流) are names ending in their industry.
  const at = name.indexOf(`${industry}行业`);
  return at >= 2 ? name.slice(0, at) : undefined;
}

/** "隆基绿能光伏行业的重点客户" → 隆基绿能: what comes before a known industry said with 行业. */
export function nameBeforeIndustry(run: string | undefined): string | undefined {
  const at = run?.indexOf('行业') ?? -1;
  if (!run || at < 0) return undefined;
  const known = knownSuffix(run.slice(0, at));
  const name = known ? run.slice(0, at - known.length) : '';
  return name.length >= 2 ? name : undefined;
}

// "渝新职业学院（渝新职院）", "恒锐新能源科技有限公司，简称恒锐": the short form a new customer goes by,
// made of its name's characters, kept as an alias so the short form finds it later.
const SHORT_AFTER = /^\s*(?:[（(]\s*(?:简称|缩写|aka)?[:：]?\s*([^（）()，,。\s]{1,20})\s*[）)]|[，,]?\s*(?:简称|缩写|以下简称|a\.?k\.?a\.?)[:：]?\s*[“"「]?([^，,。;；\s”"」]{1,20}))/i;

export function findAliases(text: string, customer: string | undefined): string[] | undefined {
  const at = customer ? text.indexOf(customer) : -1;
  if (at < 0) return undefined;
  const m = SHORT_AFTER.exec(text.slice(at + customer!.length));
  const short = (m?.[1] ?? m?.[2])?.trim();
  const latin = Boolean(short && /^[A-Za-z][A-Za-z0-9&.\- ]*$/.test(short));
  if (!short || (!latin && short.length >= customer!.length) || short === customer) return undefined;
  // A Chinese short form is made of the name's characters; a Latin one (BYD) is taken as said.
  if (!latin && !Array.from(short).every((ch) => customer!.includes(ch))) return undefined;
  return [short];
}
