// The demo tenant `demo` (演示科技): a small East-China sales team with customers, deals in every
// stage, a month of visits and calls, due follow-ups, birthdays and renewals, so every intent and
// job has something to show on a fresh install. Dates are relative to `now` in Asia/Shanghai, so
// "today's follow-ups" and "this month's KPI" are never empty however old the seed is.
// Content is a fixed table (no randomness): the same `now` always gives the same demo.
import { pathToFileURL } from 'node:url';
import { createDb, type Db, type Prisma } from '../src/db.js';
import { nameKeys } from '../src/domain/names.js';
import type { CallbackCategory, Channel, Role, Stage, Tier } from '../src/generated/prisma/client.js';

// The public pool (公海, issue #14) is on in the demo: customers idle past the tier's days return to it.
const TENANT = { id: 'demo', name: '演示科技', timeZone: 'Asia/Shanghai', locale: 'zh', settings: { pool: { enabled: true } } };
const TEAM_NAME = '华东销售一组';

type Tx = Prisma.TransactionClient;
type Handle = 'manager' | 'rep1' | 'rep2' | 'care' | 'admin';

const USERS: { handle: Handle; name: string; role: Role; inTeam: boolean }[] = [
  { handle: 'manager', name: '王强', role: 'manager', inTeam: true },
  { handle: 'rep1', name: '张伟', role: 'rep', inTeam: true },
  { handle: 'rep2', name: '李娜', role: 'rep', inTeam: true },
  { handle: 'care', name: '陈静', role: 'care', inTeam: false },
  { handle: 'admin', name: '管理员', role: 'admin', inTeam: false },
];

// `华为技术有限公司` and `华为云` both match "华为" on purpose (the ambiguity demo); there is no
// plain `华为`, and `宁德时代` is deliberately absent (the unknown-customer demo).
// signed/renews: days from today (past signing, upcoming contract end for renewal reminders).
interface CustomerSeed {
  name: string; owner: Handle; industry: string; tier: Tier; tags: string[]; aliases?: string[];
  signed?: number; renews?: number;
}
const CUSTOMERS: CustomerSeed[] = [
  { name: '华为技术有限公司', owner: 'rep1', industry: '制造业', tier: 'A', tags: ['战略客户', '通信'], signed: -400, renews: 45 },
  { name: '华为云', owner: 'rep1', industry: '互联网', tier: 'A', tags: ['云服务'], aliases: ['华为云计算'] },
  { name: '比亚迪', owner: 'rep1', industry: '新能源', tier: 'A', tags: ['汽车', '战略客户'], aliases: ['BYD', '比亚迪股份有限公司'], signed: -330, renews: 32 },
  { name: '美团', owner: 'rep1', industry: '互联网', tier: 'B', tags: ['本地生活'], aliases: ['美团点评', 'Meituan'] },
  { name: '上海汽车集团股份有限公司', owner: 'rep1', industry: '制造业', tier: 'A', tags: ['汽车'], aliases: ['上汽', 'SAIC'], signed: -40, renews: 690 },
  { name: '招商银行', owner: 'rep1', industry: '金融', tier: 'A', tags: ['银行', '华南'], aliases: ['招行', 'CMB'], signed: -500, renews: 12 },
  { name: '顺丰速运', owner: 'rep1', industry: '物流', tier: 'B', tags: ['快递'], aliases: ['顺丰', 'SF Express'] },
  { name: '杭州小蜜蜂电子商务有限公司', owner: 'rep1', industry: '零售', tier: 'C', tags: ['电商', '新客户'], aliases: ['小蜜蜂'] },
  { name: 'Acme Corp', owner: 'rep2', industry: '制造业', tier: 'B', tags: ['外资'], aliases: ['Acme'], signed: -250, renews: 115 },
  { name: '阿里巴巴', owner: 'rep2', industry: '互联网', tier: 'A', tags: ['战略客户'], aliases: ['Alibaba', '阿里'] },
  { name: '永辉超市', owner: 'rep2', industry: '零售', tier: 'B', tags: ['连锁'], aliases: ['Yonghui'], signed: -380, renews: 38 },
  { name: '隆基绿能', owner: 'rep2', industry: '新能源', tier: 'B', tags: ['光伏'], aliases: ['LONGi'], signed: -35, renews: 330 },
  { name: '中国平安保险（集团）股份有限公司', owner: 'rep2', industry: '金融', tier: 'A', tags: ['保险'], aliases: ['中国平安', '平安'] },
  { name: '京东物流', owner: 'rep2', industry: '物流', tier: 'B', tags: ['仓配'], aliases: ['JD Logistics'] },
  { name: 'Globex Ltd', owner: 'rep2', industry: '零售', tier: 'C', tags: ['外资'] },
  { name: '苏州恒信精密机械有限公司', owner: 'rep2', industry: '制造业', tier: 'C', tags: ['中小企业', '老客户'], aliases: ['恒信精密'], signed: -75, renews: 58 },
];

// birthday: 'MM-DD' / 'YYYY-MM-DD', or a number of days from today (the reminder demos).
type ContactSeed = [customer: string, name: string, title: string, phone: string, email: string, birthday?: string | number];
const CONTACTS: ContactSeed[] = [
  ['华为技术有限公司', '张总', '采购总监', '13800138001', 'zhang.jun@huawei.example.com', 0],
  ['华为技术有限公司', '刘经理', 'IT经理', '13800138002', 'liu.yang@huawei.example.com', '1985-07-19'],
  ['华为云', '赵经理', '解决方案经理', '13911020003', 'zhao.lei@huaweicloud.example.com', '03-08'],
  ['比亚迪', '王建国', '信息化总监', '13602570004', 'wang.jianguo@byd.example.com', '1972-10-01'],
  ['比亚迪', '刘经理', '生产运营经理', '13602570005', 'liu.min@byd.example.com', 3],
  ['美团', '孙经理', '采购经理', '13701230006', 'sun.hao@meituan.example.com', '06-21'],
  ['上海汽车集团股份有限公司', '周总', '售后服务部总经理', '13917760007', 'zhou.bin@saic.example.com', '12-30'],
  ['招商银行', '陈总', '零售金融部副总经理', '13823450008', 'chen.hui@cmb.example.com', '04-15'],
  ['招商银行', '黄经理', '采购经理', '13823450009', 'huang.li@cmb.example.com'],
  ['顺丰速运', '吴经理', '华东仓储经理', '13524680010', 'wu.qiang@sf.example.com', '09-09'],
  ['杭州小蜜蜂电子商务有限公司', '林总', '创始人', '15867120011', 'lin@xiaomifeng.example.com', '02-14'],
  ['Acme Corp', 'John Smith', 'IT Director', '13681990012', 'john.smith@acme.example.com', '11-02'],
  ['Acme Corp', 'Emily Chen', 'Procurement Manager', '13681990013', 'emily.chen@acme.example.com', '08-27'],
  ['阿里巴巴', '钱经理', '数据平台负责人', '13588770014', 'qian.feng@alibaba.example.com', '05-05'],
  ['永辉超市', '何经理', '信息部经理', '13905910015', 'he.jie@yonghui.example.com', '1988-01-23'],
  ['隆基绿能', '郭工', '运维工程师', '13709180016', 'guo.peng@longi.example.com'],
  ['中国平安保险（集团）股份有限公司', '马总', '平安科技产品总监', '13751230017', 'ma.rui@pingan.example.com', '07-07'],
  ['京东物流', '罗经理', '运输调度经理', '13810020018', 'luo.tao@jdl.example.com', '10-18'],
  ['Globex Ltd', 'Mike Brown', 'Store Operations', '13661110019', 'mike.brown@globex.example.com'],
  ['苏州恒信精密机械有限公司', '沈总', '总经理', '13962110020', 'shen.gang@hengxin.example.com', '1969-03-29'],
];

const PROBABILITY: Record<Stage, number> = { lead: 10, qualified: 30, proposal: 50, negotiation: 70, won: 100, lost: 0 };
const OPEN_PATH: Stage[] = ['lead', 'qualified', 'proposal', 'negotiation'];

// Open deals close `closeIn` days from today; closed ones at `closed` (`month` 0 = this month).
// `age` is how many days before its last stage change the deal was created.
type When = { daysAgo: number } | { monthsAgo: number; day: number };
interface DealSeed {
  customer: string; title: string; amount: number; stage: Stage; age: number;
  closeIn?: number; closed?: When; lostAfter?: Stage; lostReason?: string;
}
const DEALS: DealSeed[] = [
  { customer: '华为技术有限公司', title: '华为智能工厂MES系统', amount: 5_000_000, stage: 'negotiation', age: 40, closeIn: 21 },
  { customer: '华为技术有限公司', title: '华为供应链协同平台', amount: 1_200_000, stage: 'won', age: 60, closed: { monthsAgo: 0, day: 3 } },
  { customer: '华为云', title: '华为云CRM集成项目', amount: 500_000, stage: 'proposal', age: 22, closeIn: 30 },
  { customer: '比亚迪', title: '比亚迪电池产线数据采集平台', amount: 120_000_000, stage: 'negotiation', age: 37, closeIn: 45 },
  { customer: '比亚迪', title: '比亚迪经销商管理系统', amount: 800_000, stage: 'won', age: 50, closed: { daysAgo: 7 } },
  { customer: '美团', title: '美团商户SaaS采购', amount: 300_000, stage: 'qualified', age: 28, closeIn: 35 },
  { customer: '美团', title: '美团骑手培训平台', amount: 80_000, stage: 'lost', age: 30, closed: { daysAgo: 18 }, lostAfter: 'proposal', lostReason: '价格高于竞品，客户选择了竞品' },
  { customer: '上海汽车集团股份有限公司', title: '上汽售后服务系统', amount: 2_600_000, stage: 'lead', age: 10, closeIn: 60 },
  { customer: '上海汽车集团股份有限公司', title: '上汽经销商培训平台', amount: 2_000_000, stage: 'won', age: 45, closed: { monthsAgo: 1, day: 18 } },
  { customer: '招商银行', title: '招行网点智能终端', amount: 1_500_000, stage: 'proposal', age: 32, closeIn: 28 },
  { customer: '招商银行', title: '招行客服质检系统', amount: 450_000, stage: 'lost', age: 40, closed: { daysAgo: 25 }, lostAfter: 'negotiation', lostReason: '客户预算冻结，项目暂停' },
  { customer: '顺丰速运', title: '顺丰仓储WMS升级', amount: 950_000, stage: 'qualified', age: 23, closeIn: 40 },
  { customer: '杭州小蜜蜂电子商务有限公司', title: '小蜜蜂订单管理系统', amount: 80_000, stage: 'lead', age: 2, closeIn: 20 },
  { customer: 'Acme Corp', title: 'Acme ERP rollout', amount: 600_000, stage: 'proposal', age: 35, closeIn: 14 },
  { customer: 'Acme Corp', title: 'Acme 年度维保', amount: 120_000, stage: 'won', age: 20, closed: { monthsAgo: 0, day: 6 } },
  { customer: '阿里巴巴', title: '阿里数据中台咨询', amount: 3_000_000, stage: 'qualified', age: 27, closeIn: 50 },
  { customer: '永辉超市', title: '永辉门店收银升级', amount: 400_000, stage: 'negotiation', age: 21, closeIn: 10 },
  { customer: '永辉超市', title: '永辉会员小程序', amount: 250_000, stage: 'lost', age: 25, closed: { daysAgo: 12 }, lostAfter: 'qualified', lostReason: '需求取消，客户改用自研' },
  { customer: '隆基绿能', title: '隆基光伏电站运维平台', amount: 1_800_000, stage: 'lead', age: 7, closeIn: 55 },
  { customer: '隆基绿能', title: '隆基能耗监测一期', amount: 900_000, stage: 'won', age: 30, closed: { monthsAgo: 1, day: 25 } },
  { customer: '中国平安保险（集团）股份有限公司', title: '平安理赔影像系统', amount: 2_200_000, stage: 'negotiation', age: 30, closeIn: 18 },
  { customer: '京东物流', title: '京东物流运输调度优化', amount: 750_000, stage: 'lead', age: 14, closeIn: 42 },
  { customer: 'Globex Ltd', title: 'Globex POS terminals', amount: 80_000, stage: 'lost', age: 15, closed: { daysAgo: 22 }, lostAfter: 'lead', lostReason: 'Chose a local vendor' },
  { customer: '苏州恒信精密机械有限公司', title: '恒信MES轻量版', amount: 150_000, stage: 'proposal', age: 17, closeIn: 12 },
  { customer: '苏州恒信精密机械有限公司', title: '恒信设备联网改造', amount: 200_000, stage: 'won', age: 25, closed: { monthsAgo: 2, day: 20 } },
];

// [customer, deal title, contact, channel, days ago, local time, summary, follow-up [days from
// today, local time]]. Follow-ups: four due today, three overdue, most later this week.
type ActivitySeed = [customer: string, deal: string | null, contact: string | null, channel: Channel,
  daysAgo: number, at: string, summary: string, followUp?: [days: number, at: string]];
const ACTIVITIES: ActivitySeed[] = [
  ['华为技术有限公司', '华为智能工厂MES系统', '张总', 'visit', 38, '10:00', '首次拜访华为采购部张总，介绍智能工厂方案，对方关注MES与现有SAP的集成。'],
  ['华为技术有限公司', '华为智能工厂MES系统', '刘经理', 'meeting', 24, '14:30', '与IT刘经理开技术交流会，确认接口范围，需提供集成测试环境方案。'],
  ['华为技术有限公司', '华为智能工厂MES系统', '张总', 'call', 6, '16:00', '电话沟通报价，张总希望总价控制在500万以内，付款分三期。', [0, '15:00']],
  ['华为技术有限公司', '华为供应链协同平台', '张总', 'email', 25, '09:30', '发送供应链协同平台合同终稿，法务已确认条款。'],
  ['华为云', '华为云CRM集成项目', '赵经理', 'demo', 20, '15:00', '给华为云赵经理演示CRM集成方案，反馈良好，要求出正式方案书。'],
  ['华为云', '华为云CRM集成项目', '赵经理', 'wechat', 3, '20:10', '微信发送方案书，赵经理说本周内部评审。', [2, '10:00']],
  ['比亚迪', '比亚迪电池产线数据采集平台', '王建国', 'visit', 35, '09:00', '拜访比亚迪深圳总部，王总介绍电池产线数字化规划，预算规模过亿。'],
  ['比亚迪', '比亚迪电池产线数据采集平台', '刘经理', 'meeting', 17, '14:00', '与刘经理及生产部门开需求研讨会，确认一期覆盖三个工厂。'],
  ['比亚迪', '比亚迪电池产线数据采集平台', '王建国', 'call', 4, '11:00', '王总反馈商务条款基本认可，等待集团审批。', [-2, '10:00']],
  ['比亚迪', '比亚迪经销商管理系统', '刘经理', 'visit', 9, '10:30', '签约前最后一次拜访，确认上线计划和培训安排。'],
  ['美团', '美团商户SaaS采购', '孙经理', 'call', 27, '15:30', '电话联系美团采购孙经理，对商户SaaS有兴趣，约了面谈。'],
  ['美团', '美团商户SaaS采购', '孙经理', 'visit', 8, '14:00', '拜访美团望京办公室，孙经理确认有30万左右预算。', [0, '17:00']],
  ['上海汽车集团股份有限公司', '上汽售后服务系统', '周总', 'wechat', 9, '19:00', '上汽周总转介售后服务部门，初步了解需求。', [3, '10:00']],
  ['招商银行', '招行网点智能终端', '陈总', 'meeting', 30, '10:00', '与招行零售部陈总开方案会，终端需满足等保三级要求。'],
  ['招商银行', '招行网点智能终端', '陈总', 'email', 5, '09:00', '发送方案书和等保测评材料。', [-1, '14:00']],
  ['招商银行', null, '黄经理', 'call', 14, '16:30', '续约沟通：合同即将到期，黄经理表示续约意向明确。', [1, '10:00']],
  ['顺丰速运', '顺丰仓储WMS升级', '吴经理', 'visit', 21, '10:00', '拜访顺丰华东仓，吴经理介绍现有WMS痛点：波次拣货效率低。'],
  ['顺丰速运', '顺丰仓储WMS升级', '吴经理', 'demo', 2, '14:00', '现场演示WMS升级方案，吴经理要求补充与丰巢的对接方案。', [7, '10:00']],
  ['杭州小蜜蜂电子商务有限公司', '小蜜蜂订单管理系统', '林总', 'wechat', 1, '21:00', '小蜜蜂林总加微信咨询订单系统价格，先发了产品介绍。', [1, '11:00']],
  ['Acme Corp', 'Acme ERP rollout', 'John Smith', 'meeting', 33, '16:00', 'Kick-off call with John Smith on the ERP rollout for the Suzhou plant.'],
  ['Acme Corp', 'Acme ERP rollout', 'Emily Chen', 'email', 7, '10:00', '发送ERP实施报价给Emily Chen，对方希望月底前确定。', [0, '16:00']],
  ['Acme Corp', 'Acme 年度维保', 'John Smith', 'call', 22, '11:00', '续签年度维保，John确认采购单已下。'],
  ['阿里巴巴', '阿里数据中台咨询', '钱经理', 'visit', 26, '10:00', '拜访阿里西溪园区，钱经理介绍数据中台现状。'],
  ['阿里巴巴', '阿里数据中台咨询', '钱经理', 'meeting', 11, '15:00', '与阿里数据团队开需求澄清会，需要出POC方案。', [-4, '10:00']],
  ['永辉超市', '永辉门店收银升级', '何经理', 'visit', 19, '09:30', '巡店了解收银现状，何经理希望春节前完成200家门店升级。'],
  ['永辉超市', '永辉门店收银升级', '何经理', 'call', 3, '17:00', '何经理反馈价格比竞品高8%，需申请折扣。', [1, '15:00']],
  ['隆基绿能', '隆基光伏电站运维平台', '郭工', 'wechat', 6, '18:30', '郭工咨询电站运维平台，发送了同行业案例资料。', [2, '14:00']],
  ['中国平安保险（集团）股份有限公司', '平安理赔影像系统', '马总', 'meeting', 29, '14:00', '平安科技马总组织方案评审，我方进入短名单。'],
  ['中国平安保险（集团）股份有限公司', '平安理赔影像系统', '马总', 'visit', 4, '10:00', '拜访马总谈商务条款，对方要求增加驻场服务。', [4, '10:00']],
  ['京东物流', '京东物流运输调度优化', '罗经理', 'call', 13, '10:30', '初次电话沟通，罗经理对运输调度优化感兴趣。', [3, '15:00']],
  ['Globex Ltd', 'Globex POS terminals', 'Mike Brown', 'email', 23, '09:00', 'Globex went with a local vendor; thanked Mike and kept the door open.'],
  ['苏州恒信精密机械有限公司', '恒信MES轻量版', '沈总', 'visit', 16, '13:30', '拜访恒信沈总，老客户扩容，演示MES轻量版。'],
  ['苏州恒信精密机械有限公司', '恒信MES轻量版', '沈总', 'demo', 5, '14:00', '远程演示报表模块，沈总满意，要求出正式报价。', [0, '10:30']],
];

// Calls by the care team (陈静) after delivery: [customer, category, satisfaction, days ago, summary].
type CallbackSeed = [customer: string, category: CallbackCategory, satisfaction: number, daysAgo: number, summary: string];
const CALLBACKS: CallbackSeed[] = [
  ['比亚迪', 'satisfaction', 5, 3, '回访经销商管理系统上线情况，客户满意度高。'],
  ['华为技术有限公司', 'care', 4, 8, '供应链平台上线两周关怀回访，希望加强操作培训。'],
  ['Acme Corp', 'renewal', 4, 10, '维保续签回访，客户希望增加季度巡检。'],
  ['隆基绿能', 'feedback', 3, 15, '客户反馈报表导出较慢，已转技术支持跟进。'],
  ['永辉超市', 'marketing', 2, 20, '年货节活动邀约，客户对近期系统卡顿表示不满。'],
  ['上海汽车集团股份有限公司', 'satisfaction', 5, 12, '培训平台验收回访，周总对项目交付很满意。'],
];

// Monthly targets in yuan, [this month, last month, the month before]; the team's is the sum.
const TARGETS: Partial<Record<Handle, number[]>> = {
  rep1: [2_000_000, 1_800_000, 1_800_000],
  rep2: [1_500_000, 1_500_000, 1_600_000],
};

// The year's targets and stretch targets, in yuan (issue #15); the team's is the sum.
const YEARLY: Partial<Record<Handle, { amount: number; stretch: number }>> = {
  rep1: { amount: 24_000_000, stretch: 28_000_000 },
  rep2: { amount: 18_000_000, stretch: 21_000_000 },
};

// Asia/Shanghai has had no daylight saving since 1991: a fixed +8 hours is exact.
const UTC_OFFSET_HOURS = 8;
const DAY_MS = 86_400_000;

/** Local calendar arithmetic around `now`, in the tenant's zone. */
function demoClock(now: Date) {
  const local = new Date(now.getTime() + UTC_OFFSET_HOURS * 3_600_000);
  const [y, m, d] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  const localTime = (year: number, month: number, day: number, hhmm: string) => {
    const [h = 0, min = 0] = hhmm.split(':').map(Number);
    return new Date(Date.UTC(year, month, day, h - UTC_OFFSET_HOURS, min));
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    now,
    /** An instant `days` from today at local `hhmm`. */
    at: (days: number, hhmm = '10:00') => localTime(y, m, d + days, hhmm),
    /** A @db.Date value: the local calendar date `days` from today, as UTC midnight. */
    date: (days: number) => new Date(Date.UTC(y, m, d + days)),
    mmdd: (days: number) => {
      const t = new Date(Date.UTC(y, m, d + days));
      return `${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
    },
    period: (monthsAgo: number) => {
      const t = new Date(Date.UTC(y, m - monthsAgo, 1));
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
    },
    /** Day `day` of a past month at 16:00, never later than now (early in the month). */
    inMonth: (monthsAgo: number, day: number) => {
      const monthStart = localTime(y, m - monthsAgo, 1, '00:00');
      const wanted = localTime(y, m - monthsAgo, day, '16:00').getTime();
      return new Date(Math.max(monthStart.getTime(), Math.min(wanted, now.getTime() - 60_000)));
    },
  };
}
type Clock = ReturnType<typeof demoClock>;

export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<{ created: boolean }> {
  if (await db.tenant.findUnique({ where: { id: TENANT.id } })) return { created: false };
  const clock = demoClock(opts.now ?? new Date());
  // One transaction: a half-seeded demo would be skipped forever by the check above.
  await db.$transaction((tx) => seedAll(tx, clock), { timeout: 120_000, maxWait: 20_000 });
  return { created: true };
}

async function seedAll(tx: Tx, clock: Clock): Promise<void> {
  await tx.tenant.create({ data: TENANT });
  const { users, teamId } = await seedPeople(tx);
  const customers = await seedCustomers(tx, clock, users);
  const contacts = await seedContacts(tx, clock, customers);
  const deals = await seedDeals(tx, clock, customers);
  await seedActivities(tx, clock, { customers, contacts, deals });
  await tx.callback.createMany({ data: CALLBACKS.map((c) => callbackRow(c, clock, customers, users)) });
  await seedTargets(tx, clock, users, teamId);
  await seedPaymentPlan(tx, clock);
}

type Ids = Map<string, string>;
type Owned = Map<string, { id: string; ownerId: string }>;

function need<T>(map: Map<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed data refers to an unknown row: ${key}`);
  return value;
}

async function seedPeople(tx: Tx): Promise<{ users: Map<Handle, string>; teamId: string }> {
  const team = await tx.team.create({ data: { tenantId: TENANT.id, name: TEAM_NAME } });
  const rows = await tx.user.createManyAndReturn({
    data: USERS.map((u) => ({
      tenantId: TENANT.id, handle: u.handle, name: u.name, role: u.role, teamId: u.inTeam ? team.id : null,
    })),
  });
  const users = new Map(rows.map((u) => [u.handle as Handle, u.id]));
  await tx.team.update({ where: { id: team.id }, data: { managerId: need(users, 'manager') } });
  return { users, teamId: team.id };
}

async function seedCustomers(tx: Tx, clock: Clock, users: Map<Handle, string>): Promise<Owned> {
  const rows = await tx.customer.createManyAndReturn({
    data: CUSTOMERS.map((c) => ({
      tenantId: TENANT.id, name: c.name, aliases: c.aliases ?? [], ...nameKeys(c.name, c.aliases),
      industry: c.industry, tier: c.tier, tags: c.tags, ownerId: need(users, c.owner),
      signedAt: c.signed === undefined ? null : clock.date(c.signed),
      contractEnd: c.renews === undefined ? null : clock.date(c.renews),
      // Known well before the oldest demo deal (about four months back).
      createdAt: clock.at(Math.min(c.signed ?? 0, -120)),
    })),
  });
  return new Map(rows.map((c) => [c.name, { id: c.id, ownerId: c.ownerId }]));
}

/** Keyed `customer/contact name`. */
async function seedContacts(tx: Tx, clock: Clock, customers: Owned): Promise<Ids> {
  const rows = await tx.contact.createManyAndReturn({
    data: CONTACTS.map(([customer, name, title, phone, email, birthday]) => ({
      tenantId: TENANT.id, customerId: need(customers, customer).id, name, title, phone, email,
      birthday: typeof birthday === 'number' ? clock.mmdd(birthday) : birthday ?? null,
    })),
  });
  const customerName = new Map([...customers].map(([name, c]) => [c.id, name]));
  return new Map(rows.map((c) => [`${customerName.get(c.customerId)}/${c.name}`, c.id]));
}

/** The stages a deal went through, oldest first: lead → … → its current stage. */
function stagePath(d: DealSeed): Stage[] {
  if (d.stage === 'won') return [...OPEN_PATH, 'won'];
  if (d.stage === 'lost') return [...OPEN_PATH.slice(0, OPEN_PATH.indexOf(d.lostAfter ?? 'lead') + 1), 'lost'];
  return OPEN_PATH.slice(0, OPEN_PATH.indexOf(d.stage) + 1);
}

/**
 * When each stage was entered: whole days apart (so always in office hours), spread over the
 * deal's `age` days up to its last change (its close, or yesterday for an open deal).
 */
function stageTimes(d: DealSeed, clock: Clock): { stage: Stage; at: Date }[] {
  const closed = d.closed && ('daysAgo' in d.closed ? clock.at(-d.closed.daysAgo, '16:00') : clock.inMonth(d.closed.monthsAgo, d.closed.day));
  const end = (closed ?? clock.at(-1, '17:00')).getTime();
  const path = stagePath(d);
  if (path.length === 1) return [{ stage: path[0]!, at: new Date(end - d.age * DAY_MS) }];
  const stepDays = Math.floor(d.age / (path.length - 1));
  return path.map((stage, i) => ({ stage, at: new Date(end - (path.length - 1 - i) * stepDays * DAY_MS) }));
}

async function seedDeals(tx: Tx, clock: Clock, customers: Owned): Promise<Map<string, { id: string; ownerId: string }>> {
  const history = new Map(DEALS.map((d) => [d.title, stageTimes(d, clock)]));
  const rows = await tx.deal.createManyAndReturn({
    data: DEALS.map((d) => {
      const times = need(history, d.title);
      const customer = need(customers, d.customer);
      const closed = d.stage === 'won' || d.stage === 'lost';
      return {
        tenantId: TENANT.id, customerId: customer.id, ownerId: customer.ownerId, title: d.title,
        amount: d.amount, stage: d.stage, probability: PROBABILITY[d.stage],
        expectedClose: d.closeIn === undefined ? null : clock.date(d.closeIn),
        lostReason: d.lostReason ?? null,
        closedAt: closed ? times[times.length - 1]!.at : null,
        createdAt: times[0]!.at,
      };
    }),
  });
  await tx.stageChange.createMany({
    data: rows.flatMap((deal) => need(history, deal.title).map(({ stage, at }, i, all) => ({
      tenantId: TENANT.id, dealId: deal.id, from: i === 0 ? null : all[i - 1]!.stage, to: stage, actorId: deal.ownerId, at,
    }))),
  });
  return new Map(rows.map((d) => [d.title, { id: d.id, ownerId: d.ownerId }]));
}

/** Activities, and a follow-up reminder for each that asks for one. */
async function seedActivities(tx: Tx, clock: Clock, refs: { customers: Owned; contacts: Ids; deals: Owned }): Promise<void> {
  const rows = await tx.activity.createManyAndReturn({
    data: ACTIVITIES.map(([customer, deal, contact, channel, daysAgo, at, summary, followUp]) => {
      const owner = need(refs.customers, customer);
      return {
        tenantId: TENANT.id, customerId: owner.id, userId: owner.ownerId, channel, summary,
        dealId: deal === null ? null : need(refs.deals, deal).id,
        contactId: contact === null ? null : need(refs.contacts, `${customer}/${contact}`),
        occurredAt: clock.at(-daysAgo, at),
        nextFollowUpAt: followUp ? clock.at(...followUp) : null,
        createdAt: clock.at(-daysAgo, at),
      };
    }),
  });
  const startOfToday = clock.at(0, '00:00');
  await tx.reminder.createMany({
    data: rows.flatMap((a) => (a.nextFollowUpAt ? [followUpReminder(a, startOfToday)] : [])),
  });
}

type SeededActivity = { id: string; userId: string; customerId: string; dealId: string | null; contactId: string | null; nextFollowUpAt: Date | null };

// Due today or later: pending, for the reminder job to send. Overdue (before today): already
// sent on the day and not acted upon, which is what makes them show up as overdue.
function followUpReminder(a: SeededActivity, startOfToday: Date) {
  const dueAt = a.nextFollowUpAt!;
  const overdue = dueAt < startOfToday;
  return {
    tenantId: TENANT.id, kind: 'follow_up' as const, dueAt, assigneeId: a.userId,
    customerId: a.customerId, dealId: a.dealId, contactId: a.contactId, activityId: a.id,
    status: overdue ? ('sent' as const) : ('pending' as const), sentAt: overdue ? dueAt : null,
  };
}

function callbackRow([customer, category, satisfaction, daysAgo, summary]: CallbackSeed, clock: Clock, customers: Owned, users: Map<Handle, string>) {
  return {
    tenantId: TENANT.id, customerId: need(customers, customer).id, userId: need(users, 'care'),
    category, satisfaction, summary, occurredAt: clock.at(-daysAgo, '15:00'),
  };
}

async function seedTargets(tx: Tx, clock: Clock, users: Map<Handle, string>, teamId: string): Promise<void> {
  const reps = Object.entries(TARGETS) as [Handle, number[]][];
  const data = [0, 1, 2].flatMap((monthsAgo) => {
    const period = clock.period(monthsAgo);
    const perRep = reps.map(([handle, amounts]) => ({ userId: need(users, handle), amount: amounts[monthsAgo] ?? 0 }));
    const teamTotal = perRep.reduce((sum, t) => sum + t.amount, 0);
    return [...perRep, { teamId, amount: teamTotal }].map((t) => ({ tenantId: TENANT.id, period, ...t }));
  });
  // The year's targets with a stretch (挑战目标), as a manager would set by chat (issue #15).
  const year = clock.period(0).slice(0, 4);
  const yearly = reps.map(([handle]) => ({ userId: need(users, handle), ...YEARLY[handle]! }));
  const teamYear = { teamId, amount: yearly.reduce((a, r) => a + r.amount, 0), stretch: yearly.reduce((a, r) => a + r.stretch, 0) };
  await tx.target.createMany({ data: [...data, ...[...yearly, teamYear].map((t) => ({ tenantId: TENANT.id, period: year, ...t }))] });
}

/**
 * 回款 (issue #15): 上汽's won contract in three instalments — 签约 30% paid on the day it was
 * signed (last month), 上线 40% due 8 days ago and unpaid (overdue, past the manager's 7 days),
 * 验收 30% due in 45 days.
 */
async function seedPaymentPlan(tx: Tx, clock: Clock): Promise<void> {
  const deal = await tx.deal.findFirstOrThrow({ where: { tenantId: TENANT.id, title: '上汽经销商培训平台' } });
  const total = deal.amount!.toNumber();
  const signed = new Date(Math.floor((deal.closedAt!.getTime() + UTC_OFFSET_HOURS * 3_600_000) / DAY_MS) * DAY_MS);
  await tx.deal.update({ where: { id: deal.id }, data: { contractAmount: total } });
  const plan: [string, number, Date, boolean][] = [['签约', 0.3, signed, true], ['上线', 0.4, clock.date(-8), false], ['验收', 0.3, clock.date(45), false]];
  for (const [i, [label, share, dueDate, paid]] of plan.entries()) {
    const amount = total * share;
    const row = await tx.instalment.create({ data: { tenantId: TENANT.id, dealId: deal.id, seq: i + 1, label, amount, dueDate, paidAmount: paid ? amount : 0 } });
    if (paid) {
      await tx.payment.create({ data: {
        tenantId: TENANT.id, dealId: deal.id, customerId: deal.customerId, instalmentId: row.id, amount, receivedAt: dueDate, userId: deal.ownerId,
      } });
    }
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: point it at a migrated salesbot database');
  const db = createDb(url, { max: 2 });
  try {
    const { created } = await seedDemo(db);
    console.log(created ? `seeded the demo tenant "${TENANT.id}" (${TENANT.name})` : `the demo tenant "${TENANT.id}" already exists; nothing to do`);
  } finally {
    await db.$disconnect();
  }
}

// Run as a script (`tsx prisma/seed.ts`), not when imported by tests or the CLI.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
