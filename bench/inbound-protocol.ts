// What bench/inbound.ts and its load generator (inbound-load.ts) say to each other over IPC,
// and the messages the generated reps send.

export interface BenchUser { openId: string; customers: string[] }

export interface StageSpec {
  name: string;
  /** POST target: the product's or the bare ceiling's /webhooks/feishu. */
  url: string;
  /** Event ids are `${runTag}_${seq}`, seq from firstSeq. */
  runTag: string;
  firstSeq: number;
  count: number;
  /** Open loop at this many requests/s; without it, closed loop at `concurrency`. */
  rate?: number;
  concurrency?: number;
  /** Closed loop: an event is in flight until acknowledged, or until its reply arrives. */
  until?: 'ack' | 'reply';
  /** Closed loop: no new event after this long. */
  maxSeconds?: number;
  /** Every n-th event is posted twice (a re-delivery). */
  dupEvery?: number;
  /** Wait for the product's replies at the fake Feishu API (not for the bare ceiling). */
  expectReplies: boolean;
  /** Stop waiting for replies after this long without a new one (and for one reply, closed loop). */
  drainTimeoutMs: number;
}

export interface StageResult {
  name: string;
  requests: number;
  distinct: number;
  /** Requests by HTTP status, or by error code when there was no answer. */
  statuses: Record<string, number>;
  /** Distinct event ids answered 200. */
  acked: number;
  ackedIds: string[];
  /** Per request: HTTP response time, ms. */
  acks: number[];
  /** Per acknowledged event: first post → its reply at the fake API, ms. */
  e2e: number[];
  replied: number;
  /** Replies beyond the first to the same message (must be 0). */
  duplicateReplies: number;
  /** From the first request: until the last was sent, answered, and replied to. */
  sendSeconds: number;
  ackSeconds: number;
  replySeconds: number;
  /** How far the open-loop generator fell behind its schedule (its own CPU starvation). */
  maxLagMs: number;
  /** Completions (replies, or acks for the ceiling) per second while requests were being sent. */
  windowRate: number;
}

export type LoadCommand =
  | { type: 'init'; tenantKey: string; users: BenchUser[] }
  | { type: 'stage'; spec: StageSpec }
  | { type: 'stop' };

export type LoadReply =
  | { type: 'ready'; apiUrl: string }
  | { type: 'result'; result: StageResult }
  | { type: 'error'; message: string };

const CONTACTS = ['王总', '李经理', '张总监', '陈工', '刘女士', '赵先生'];
const TEMPLATES: ((customer: string, contact: string, wan: number) => string)[] = [
  (c, p, n) => `拜访了${c}的${p}，意向金额${n}万，下周三再跟进`,
  (c, p, n) => `今天见了${c}的${p}，预算${n}万左右`,
  (c, p, n) => `给${c}的${p}打了电话，合同额${n}万元，月底前签`,
  (c, p, n) => `跟${c}的${p}微信聊了下，预算${n}万`,
  (c, p, n) => `拜访了${c}，合同额${n}万元，12月15号前签`,
];

/** Message `seq` about `customer`: a visit, call or chat with deal facts (amount, close date,
 * sometimes a follow-up), phrased as reps do (tests/nlu/cases.jsonl); all parse to
 * log_activity with the customer and the amount. */
export function sayings(customer: string, seq: number): string {
  return TEMPLATES[seq % TEMPLATES.length]!(customer, CONTACTS[seq % CONTACTS.length]!, 10 + ((seq * 7) % 90));
}

const PREFIXES = ['星河', '远航', '恒通', '博远', '金桥', '华辰', '瑞丰', '启明', '天衡', '云帆', '嘉禾', '鼎盛', '润泽', '弘毅', '聚源', '海川', '新纪', '同创', '汇智', '长风'];
const SUFFIXES = ['科技', '集团', '物流', '电子', '医药', '软件', '能源', '制造', '传媒', '材料'];
const PLACES = ['北京', '上海', '深圳', '杭州', '成都', '武汉', '南京', '苏州', '西安', '厦门'];

/** Distinct, realistic company names: 城市 + 字号 + 行业 ("杭州星河科技"). */
export function customerName(i: number): string {
  const n = PREFIXES.length * SUFFIXES.length;
  return `${PLACES[Math.floor(i / n) % PLACES.length]}${PREFIXES[i % PREFIXES.length]}${SUFFIXES[Math.floor(i / PREFIXES.length) % SUFFIXES.length]}`;
}
