// The daily digest's "商机推进" lists only deals moved forward that day; deals moved back or lost
// are listed apart, and a deal back where it started the day is in neither.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { runDailyDigest } from '../../jobs/digests/daily.job.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { jobContext, shanghai, tempDataDir } from './digest-support.js';

const DATE = '2026-11-20';
const clock = { now: shanghai(DATE, '10:00') };
const { db } = await testDb();
const { redis, prefix } = testRedis();
const { ctx, notifier } = jobContext(db, redis, prefix, clock);
tempDataDir();

/** The lines of a digest section, up to the next heading. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const at = lines.indexOf(`${heading}：`);
  if (at < 0) return [];
  const end = lines.findIndex((l, i) => i > at && !l.startsWith('·'));
  return lines.slice(at + 1, end < 0 ? undefined : end);
}

beforeAll(async () => {
  await seedDemo(db, { now: clock.now });
  const rep1 = (await db.user.findFirstOrThrow({ where: { tenantId: 'demo', handle: 'rep1' } })).id;
  const deal = (title: string) => db.deal.findFirstOrThrow({ where: { tenantId: 'demo', title } });
  const move = async (title: string, steps: [string, string, string][]) => {
    const d = await deal(title);
    const last = steps[steps.length - 1]!;
    await db.deal.update({ where: { id: d.id }, data: { stage: last[1] as never, ...(last[1] === 'lost' && { closedAt: shanghai(DATE, last[2]) }) } });
    await db.stageChange.createMany({ data: steps.map(([from, to, at]) => ({ tenantId: 'demo', dealId: d.id, from: from as never, to: to as never, actorId: rep1, at: shanghai(DATE, at) })) });
  };
  await move('美团商户SaaS采购', [['qualified', 'proposal', '11:00']]);
  await move('比亚迪电池产线数据采集平台', [['negotiation', 'proposal', '12:00']]);
  await move('招行网点智能终端', [['proposal', 'lost', '13:00']]);
  await move('华为云CRM集成项目', [['proposal', 'negotiation', '14:00'], ['negotiation', 'proposal', '16:00']]);
});

describe('daily digest stage moves', () => {
  it('lists forward moves under 商机推进 and backward or lost ones apart', async () => {
    clock.now = shanghai(DATE, '18:00');
    await runDailyDigest(ctx, { tenantId: 'demo', date: DATE });
    const { text } = notifier.take()[0]!.reply;
    expect(section(text, '商机推进')).toEqual(['· 美团 · 美团商户SaaS采购 需求确认→方案报价 30万（张伟）']);
    expect(section(text, '商机回退/丢单')).toEqual([
      '· 比亚迪 · 比亚迪电池产线数据采集平台 商务谈判→方案报价 1.2亿（张伟）',
      '· 招商银行 · 招行网点智能终端 方案报价→输单 150万（张伟）',
    ]);
    expect(text).not.toContain('华为云CRM集成项目');
    // 推进 counts the two moves forward (美团, and 华为云 before it went back), not the three back or lost.
    expect(text.split('\n').find((l) => l.startsWith('· 张伟：'))).toContain(' · 推进 2 · ');
  });

  it('a day with no setback has no setback section', async () => {
    await runDailyDigest(ctx, { tenantId: 'demo', date: '2026-11-19' });
    const { text } = notifier.take()[0]!.reply;
    expect(text).toContain('商机推进：');
    expect(text).not.toContain('商机回退');
  });
});
