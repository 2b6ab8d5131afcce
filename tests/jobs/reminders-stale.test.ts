// Stale-deal nudges against the seeded demo: deals idle longer than their stage allows (or
// missing amount / expected close) go to their owner in one message per rep, once per period.
import { beforeAll, describe, expect, it } from 'vitest';
import { staleDeals } from '../../jobs/reminders/stale-deals.js';
import { testDb } from '../support/db.js';
import { seededJobs, type jobContext } from './reminders-support.js';

describe('stale-deal nudges', () => {
  let job: ReturnType<typeof jobContext>;
  let ids: Record<string, string>;
  let db: Awaited<ReturnType<typeof testDb>>['db'];
  beforeAll(async () => {
    ({ db, job, ids } = await seededJobs());
  });
  const run = async (date: string) => {
    job.notifier.clear();
    await staleDeals.run(job.ctx, { tenantId: 'demo', date });
    return [...job.notifier.sent];
  };
  const fieldsOf = (s: { reply: { card?: { fields?: { label: string; value: string }[] } } }) => s.reply.card?.fields?.map((f) => `${f.label}: ${f.value}`);

  it('batches each rep\'s stale deals into one message with the idle days and what is missing', async () => {
    const sf = await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '顺丰速运' } });
    await db.deal.create({ data: { tenantId: 'demo', customerId: sf.id, ownerId: ids.rep1!, title: '顺丰冷链项目', stage: 'lead', createdAt: new Date('2026-11-24T02:00:00Z') } });
    const sent = await run('2026-11-25');
    expect(sent.map((s) => [s.to.userId, s.reply.card?.title])).toEqual([
      [ids.rep1, '这些商机该跟进了（2个）'],
      [ids.rep2, '这些商机该跟进了（1个）'],
    ]);
    expect(fieldsOf(sent[0]!)).toEqual([
      '华为智能工厂MES系统: 华为技术有限公司 · 商务谈判 · 500万 · 6天没有跟进',
      '顺丰冷链项目: 顺丰速运 · 线索 · 缺少金额，缺少预计签约日期',
    ]);
    expect(fieldsOf(sent[1]!)).toEqual(['阿里数据中台咨询: 阿里巴巴 · 需求确认 · 300万 · 11天没有跟进']);
    expect(sent.map((s) => s.key)).toEqual([`stale:${ids.rep1}:2026-11-25`, `stale:${ids.rep2}:2026-11-25`]);
  });

  it('re-running the day repeats the same keys; a nudged deal stays quiet until its period is over', async () => {
    const again = await run('2026-11-25');
    expect(again.map((s) => s.key)).toEqual([`stale:${ids.rep1}:2026-11-25`, `stale:${ids.rep2}:2026-11-25`]);
    expect(fieldsOf(again[0]!)).toHaveLength(2);
    // The next days bring newly stale deals (Acme's proposal is idle 8 > 7 days on 11-26), never
    // the ones already nudged this period.
    const next = [...await run('2026-11-26'), ...await run('2026-11-27')].flatMap((s) => fieldsOf(s) ?? []);
    expect(next).toContain('Acme ERP rollout: Acme Corp · 方案报价 · 60万 · 8天没有跟进');
    expect(next.filter((f) => /^(华为智能工厂MES系统|顺丰冷链项目|阿里数据中台咨询):/.test(f))).toEqual([]);
    // Negotiation allows 5 days: 华为's deal is nudged again on the 5th day after (Monday 11-30).
    const monday = await run('2026-11-30');
    expect(monday.flatMap((s) => fieldsOf(s) ?? []).filter((f) => f.startsWith('华为智能工厂MES系统'))).toEqual([
      '华为智能工厂MES系统: 华为技术有限公司 · 商务谈判 · 500万 · 11天没有跟进',
    ]);
  });

  it('uses the tenant\'s thresholds and skips reps who muted nudges', async () => {
    await db.tenant.update({ where: { id: 'demo' }, data: { settings: { staleDays: { lead: 14, qualified: 10, proposal: 7, negotiation: 3 } } } });
    await db.user.update({ where: { id: ids.rep2 }, data: { settings: { muted: ['stale_deal'] } } });
    // 比亚迪's negotiation was nudged on 11-27: 4 days later is a new period at 3 days, not at 5.
    const sent = await run('2026-12-01');
    expect(sent.map((s) => s.to.userId)).toEqual([ids.rep1]);
    expect(fieldsOf(sent[0]!)).toContain('比亚迪电池产线数据采集平台: 比亚迪 · 商务谈判 · 1.2亿 · 10天没有跟进');
  });
});
