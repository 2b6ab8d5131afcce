// The public pool in the daily digest (issue #14): per rep, customers returning to the pool within
// 3 days (with the date) and yesterday's claims; nothing about the pool when there is neither or
// the tenant has it off; and the pool costs the same 2 queries for a team of one rep or of all.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { runDailyDigest } from '../../jobs/digests/daily.job.js';
import { poolDigest } from '../../src/domain/digest-pool.js';
import { nameKeys } from '../../src/domain/names.js';
import { withPoolRules } from '../../src/domain/pool-rules.js';
import type { Db } from '../../src/db.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { jobContext, shanghai, tempDataDir } from './digest-support.js';

const DATE = '2026-11-20';
const clock = { now: shanghai(DATE, '18:00') };
const { db } = await testDb();
const { redis, prefix } = testRedis();
const { ctx, notifier } = jobContext(db, redis, prefix, clock);
tempDataDir();
const ids: Record<string, string> = {};

const customer = (name: string, ownerId: string, assignedAt: Date, extra: object = {}) =>
  db.customer.create({ data: { tenantId: 'demo', name, ...nameKeys(name), ownerId, tier: 'C', assignedAt, ...extra } });

beforeAll(async () => {
  await seedDemo(db, { now: shanghai(DATE, '10:00') });
  for (const u of await db.user.findMany({ where: { tenantId: 'demo' } })) ids[u.handle] = u.id;
  // C: 15 days. Due 11-22 (in 2 days), 11-25 (5 days: not shown), and an exempt one.
  await customer('池测将回收', ids.rep1!, shanghai('2026-11-07', '10:00'));
  await customer('池测还早', ids.rep2!, shanghai('2026-11-10', '10:00'));
  const exempt = await customer('池测谈判中', ids.rep1!, shanghai('2026-11-01', '10:00'));
  await db.deal.create({ data: { tenantId: 'demo', customerId: exempt.id, ownerId: ids.rep1!, title: '谈判', stage: 'negotiation' } });
  const claimed = await customer('池测昨日领取', ids.rep2!, shanghai('2026-11-19', '15:00'));
  await db.ownershipMove.create({ data: { tenantId: 'demo', customerId: claimed.id, kind: 'claim', toUserId: ids.rep2!, at: shanghai('2026-11-19', '15:00') } });
  const older = await customer('池测前天领取', ids.rep2!, shanghai('2026-11-18', '15:00'));
  await db.ownershipMove.create({ data: { tenantId: 'demo', customerId: older.id, kind: 'claim', toUserId: ids.rep2!, at: shanghai('2026-11-18', '15:00') } });
});

function countingDb() {
  const counter = { n: 0 };
  const counted = db.$extends({ query: { async $allOperations({ args, query }) { counter.n++; return query(args); } } }) as unknown as Db;
  return { counted, counter };
}

describe('the pool in the daily digest', () => {
  it('lists per rep what returns within 3 days and yesterday\'s claims', async () => {
    await runDailyDigest(ctx, { tenantId: 'demo', date: DATE });
    const text = notifier.take().find((s) => 'userId' in s.to && s.to.userId === ids.manager)!.reply.text;
    expect(text).toContain('即将退回公海（3天内）：\n· 张伟：池测将回收（11月22日）');
    expect(text).toContain('昨日领取公海客户：\n· 李娜：池测昨日领取');
    expect(text).not.toContain('池测还早');
    expect(text).not.toContain('池测谈判中');
    expect(text).not.toContain('池测前天领取');
  });

  it('costs 2 queries for a team of one rep or of all; with the pool off only the claims', async () => {
    const team = { tenantId: 'demo', timeZone: 'Asia/Shanghai' };
    const { counted, counter } = countingDb();
    const all = await poolDigest(counted, team, [ids.rep1!, ids.rep2!], DATE, clock.now);
    expect(counter.n).toBe(2);
    counter.n = 0;
    await poolDigest(counted, team, [ids.rep1!], DATE, clock.now);
    expect(counter.n).toBe(2);
    expect(all.due.map((d) => d.name)).toEqual(['池测将回收']);
    const t = await db.tenant.findUniqueOrThrow({ where: { id: 'demo' } });
    await db.tenant.update({ where: { id: 'demo' }, data: { settings: withPoolRules(t.settings, { enabled: false }) as object } });
    counter.n = 0;
    const off = await poolDigest(counted, team, [ids.rep1!, ids.rep2!], DATE, clock.now);
    expect(counter.n).toBe(2);
    expect(off).toEqual({ due: [], claims: [{ userId: ids.rep2, name: '池测昨日领取', date: null }] });
  });
});
