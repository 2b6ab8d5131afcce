// Issue #11: queries mean what they say — a shifted period, a person, a ranking, a kind of
// task, a list of customers or a customer's contacts; a second deal; a correction by chat.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.js';

const now = '2026-11-23T10:00:00+08:00';
const names = { customers: ['宁德时代'], contacts: [], people: ['周磊', 'Chen Jing'] };
const read = (text: string) => parse(text, { now, names });

describe('queries', () => {
  it.each([
    ['上周的业绩', 'query_kpi', { period: 'week', period_offset: -1 }],
    ['下个月要跟进的客户', 'query_tasks', { period: 'month', period_offset: 1 }],
    ['昨天完成了多少', 'query_kpi', { period: 'today', period_offset: -1 }],
    ['周磊的漏斗', 'query_pipeline', { subject: '周磊' }],
    ['吴倩本月业绩', 'query_kpi', { subject: '吴倩', period: 'month' }],
    ['how is Chen Jing doing', 'query_kpi', { subject: 'Chen Jing' }],
    ['团队拜访次数排行', 'query_kpi', { rank: true, rank_by: 'activities', scope: 'team' }],
    ['这个月谁签单最多', 'query_kpi', { rank: true, rank_by: 'won', scope: 'team' }],
    ['这周有哪些要回访的', 'query_tasks', { task_kind: 'callback', period: 'week' }],
    ['哪些客户两周没跟进了', 'query_tasks', { task_kind: 'overdue' }],
    ['列出我的所有客户', 'query_customer', { ask: 'customers' }],
    ['宁德时代的联系人有哪些', 'query_customer', { customer: '宁德时代', ask: 'contacts' }],
  ] as const)('%s', (text, intent, slots) => {
    const r = read(text);
    expect(r.intent).toBe(intent);
    expect(r.slots).toMatchObject(slots);
  });
  it('a list of customers names no customer', () => expect(read('我的客户有哪些').slots.customer).toBeUndefined());
});

describe('deals and corrections', () => {
  it('another opportunity is a new deal, with its facts', () => {
    const r = read('宁德时代又来了个新项目，预算300万');
    expect(r.intent).toBe('update_deal');
    expect(r.slots).toMatchObject({ customer: '宁德时代', new_deal: true, amount: 3000000 });
  });
  it.each([
    ['宁德时代的行业改成新能源', { customer: '宁德时代', industry: '新能源' }],
    ['把宁德时代改成B类', { customer: '宁德时代', tier: 'B' }],
    ['宁德时代升级为重点客户', { customer: '宁德时代', tier: 'A' }],
  ] as const)('%s is a correction of the customer', (text, slots) => {
    const r = read(text);
    expect(r.intent).toBe('update_customer');
    expect(r.slots).toMatchObject(slots);
  });
});
