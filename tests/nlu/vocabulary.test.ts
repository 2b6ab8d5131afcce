// The contract's word tables: every stage, channel, callback category, satisfaction word,
// tier, period and scope phrasing we support, each in a sentence.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.js';

const NOW = '2026-11-23T10:00:00+08:00';
const slots = (text: string) => parse(text, { now: NOW }).slots;

describe('stages', () => {
  it.each([
    ['华为那单还在初步接触', 'lead'], ['华为是个新线索', 'lead'], ['华为那单进入需求分析', 'qualified'], ['华为需求确认了', 'qualified'],
    ['华为那边有意向', 'qualified'], ['华为进入方案阶段', 'proposal'], ['华为的报价发过去了', 'proposal'], ['华为进入商务谈判', 'negotiation'],
    ['华为在议价', 'negotiation'], ['华为下周走合同', 'negotiation'], ['华为签约了', 'won'], ['华为成交了', 'won'], ['华为赢单', 'won'],
    ['拿下华为了', 'won'], ['华为丢单了', 'lost'], ['华为输单', 'lost'], ['华为那单黄了', 'lost'], ['Acme moved to qualified', 'qualified'],
    ['Acme closed won', 'won'], ['Acme closed lost', 'lost'], ['Acme in negotiation', 'negotiation'], ['Acme proposal sent', 'proposal'],
  ])('%s → %s', (text, stage) => expect(slots(text).stage).toBe(stage));
  it('a signing still to come is not a win', () => {
    expect(slots('华为预计月底签约').stage).toBeUndefined();
  });
  it('a plan to send a quote is not the proposal stage', () => {
    expect(slots('提醒我明天给华为发报价').stage).toBeUndefined();
  });
});

describe('channels', () => {
  it.each([
    ['拜访了华为', 'visit'], ['上门见了华为', 'visit'], ['和华为面谈', 'visit'], ['跟华为的张总吃了个饭', 'visit'], ['Met Acme', 'visit'],
    ['给华为打了电话', 'call'], ['Called Acme', 'call'], ['和华为微信沟通了', 'wechat'], ['给华为发了邮件', 'email'], ['Emailed Acme', 'email'],
    ['和华为开了个会', 'meeting'], ['和华为开了视频会', 'meeting'], ['给华为做了演示', 'demo'], ['Demoed to Acme', 'demo'],
  ])('%s → %s', (text, channel) => expect(slots(text).channel).toBe(channel));
});

describe('callbacks', () => {
  it.each([
    ['给华为做了节日关怀回访', 'care'], ['回访华为的使用反馈', 'feedback'], ['华为满意度回访', 'satisfaction'],
    ['给华为做了续费回访', 'renewal'], ['回访华为，邀请参加推广活动', 'marketing'],
  ])('%s → %s', (text, category) => expect(slots(text).category).toBe(category));
  it.each([
    ['回访了华为，客户满意', 4], ['回访了华为，客户非常满意', 5], ['回访了华为，客户不满意', 2], ['回访了华为，客户很不满意', 1],
    ['回访了华为，客户觉得一般', 3], ['回访了华为，打了3分', 3], ['回访了华为，评分五分', 5], ['callback with Acme, 4/5', 4],
  ])('%s → %d', (text, satisfaction) => expect(slots(text).satisfaction).toBe(satisfaction));
});

describe('tiers', () => {
  it.each([
    ['新客户 华为 A类', 'A'], ['新客户 华为 B类', 'B'], ['新客户 华为 C类', 'C'], ['新客户 华为 重点客户', 'A'],
    ['新客户 华为 一般客户', 'B'], ['新客户 华为 小客户', 'C'], ['new customer Acme, tier B', 'B'],
  ])('%s → %s', (text, tier) => expect(slots(text).tier).toBe(tier));
  it('no tier unless stated', () => expect(slots('新客户 华为 制造业').tier).toBeUndefined());
});

describe('periods and scopes', () => {
  it.each([
    ['今天的业绩', 'today'], ['本周业绩', 'week'], ['这周业绩', 'week'], ['本月业绩', 'month'], ['这个月业绩', 'month'],
    ['本季度业绩', 'quarter'], ['今年业绩', 'year'], ['my KPI this quarter', 'quarter'],
  ])('%s → %s', (text, period) => expect(slots(text).period).toBe(period));
  it.each([
    ['我的业绩', 'me'], ['团队业绩', 'team'], ['大家的业绩', 'team'], ['各位的业绩', 'team'], ['team KPI', 'team'],
  ])('%s → %s', (text, scope) => expect(slots(text).scope).toBe(scope));
});
