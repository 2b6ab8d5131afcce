import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.js';
import { findKnown } from '../../src/nlu/slots/known-names.js';

const now = '2026-11-23T10:00:00+08:00';
const names = { customers: ['海天智能', '施耐德', 'Schneider Electric', 'Acme'], contacts: ['周倩', 'Tony'], people: ['张伟', '李娜'] };

describe('findKnown', () => {
  it('finds the earliest, then the longest, name as written', () => {
    expect(findKnown('见了schneider electric的人', names.customers)).toEqual({ name: 'schneider electric', index: 2 });
    expect(findKnown('去了施耐德和海天智能', names.customers)?.name).toBe('施耐德');
  });
  it('never matches inside a longer Latin word', () => {
    expect(findKnown('Acmetech signed', names.customers)).toBeUndefined();
    expect(findKnown('Acme signed', names.customers)?.name).toBe('Acme');
  });
  it('is empty without names', () => expect(findKnown('施耐德', undefined)).toBeUndefined());
});

describe('parse with the tenant names', () => {
  it('a cue at the end of a known name is no cue: 海天智能签了 is a win', () => {
    const r = parse('海天智能签了，合同80万', { now, names });
    expect(r.slots).toMatchObject({ customer: '海天智能', stage: 'won', amount: 800000 });
  });
  it('a known contact glued to the customer is the contact', () => {
    expect(parse('跟施耐德周倩吃了个饭', { now, names }).slots).toMatchObject({ customer: '施耐德', contact: '周倩' });
  });
  it('an alias in the other language is read whole', () => {
    expect(parse('去了趟Schneider Electric, 见了Tony', { now, names }).slots).toMatchObject({ customer: 'Schneider Electric', contact: 'Tony' });
  });
  it('a team member is never the customer', () => {
    expect(parse('李娜的漏斗', { now, names }).slots.customer).toBeUndefined();
  });
  it("X的跟进有哪些: a customer's history, a colleague's tasks", () => {
    expect(parse('海天智能的跟进有哪些', { now, names })).toMatchObject({ intent: 'query_customer', slots: { customer: '海天智能' } });
    expect(parse('张伟这周的跟进有哪些', { now, names })).toMatchObject({ intent: 'query_tasks', slots: { subject: '张伟', period: 'week' } });
  });
});
