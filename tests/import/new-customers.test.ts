// A customer imported from a spreadsheet is existing business, not a new customer: the chat KPI
// ("我今天的业绩怎么样") and the daily digest count the one added in chat today, not the imported
// ones. Seeded at the real clock; every figure is compared with the same figure before.
import { describe, expect, it } from 'vitest';
import { runDailyDigest } from '../../jobs/digests/daily.job.js';
import { importFile } from '../../src/domain/import/index.js';
import { testApp } from '../support/app.js';
import { jobContext, tempDataDir } from '../jobs/digest-support.js';
import { xlsx } from './fixtures.js';

const app = await testApp({ now: new Date() });
tempDataDir();
const localDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 张伟's 新客户 today, as the chat KPI says it. */
async function kpiNew(): Promise<number> {
  const answer = await app.say('rep1', '我今天的业绩怎么样');
  return Number(answer.replies[0]!.card!.fields!.find((f) => f.label === '新客户')!.value);
}

let run = 0;
/** 张伟's 新客户 in today's team digest (a fresh key prefix: each run sends anew). */
async function digestNew(): Promise<number> {
  const { ctx, notifier } = jobContext(app.db, app.redis, `${app.prefix}:digest${++run}`, { now: new Date() });
  await runDailyDigest(ctx, { tenantId: 'demo', date: localDate(new Date()) });
  const line = notifier.take()[0]!.reply.text.split('\n').find((l) => l.startsWith('· 张伟：'))!;
  return Number(/新客户 (\d+)/.exec(line)![1]);
}

describe('new customers', () => {
  it('count one added in chat, not the ones imported from Excel', async () => {
    const [kpi0, digest0] = [await kpiNew(), await digestNew()];
    expect((await app.say('rep1', '新客户：宁德时代，新能源行业，A类客户')).status).toBe(200);
    expect([await kpiNew(), await digestNew()]).toEqual([kpi0 + 1, digest0 + 1]);

    const file = await xlsx('existing.xlsx', [['客户名称', '等级'], ['长江存储', 'A'], ['中芯国际', 'B']]);
    const result = await importFile(app.db, file, { tenantId: 'demo', owner: 'rep1' });
    expect(result).toMatchObject({ ok: true, created: 2 });
    const imported = await app.db.customer.findMany({ where: { tenantId: 'demo', name: { in: ['长江存储', '中芯国际'] } } });
    expect(imported.map((c) => c.ownerId)).toEqual([await app.userId('rep1'), await app.userId('rep1')]);
    expect([await kpiNew(), await digestNew()]).toEqual([kpi0 + 1, digest0 + 1]);
  });
});
