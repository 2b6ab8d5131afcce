// housekeeping: processed-event ids and settled deliveries older than 30 days are deleted, in
// batches; recent ones, and pending deliveries of any age (they hold a chat's order), stay.
import { describe, expect, it } from 'vitest';
import { findJob } from '../../jobs/index.js';
import { pruneOld } from '../../jobs/housekeeping/index.js';
import { testDb } from '../support/db.js';

const { db } = await testDb();
const NOW = new Date('2026-11-23T03:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
// The README's promise ("older than 30 days"), written out here rather than read from the job's
// own constant, so a wrong constant fails this test.
const KEEP_DAYS = 30;
const MINUTE = 60_000;

describe('housekeeping', () => {
  it('deletes old processed events and settled deliveries, in batches, and keeps the rest', async () => {
    await db.tenant.create({ data: { id: 'hk', name: 'hk' } });
    const old = daysAgo(KEEP_DAYS + 1), recent = daysAgo(KEEP_DAYS - 1);
    // More old processed events than one batch (5,000): the job loops until none is left.
    await db.processedEvent.createMany({ data: Array.from({ length: 5_200 }, (_, i) => ({ id: `old-${i}`, tenantId: 'hk', createdAt: old })) });
    await db.processedEvent.createMany({ data: [{ id: 'recent', tenantId: 'hk', createdAt: recent }] });
    await db.delivery.createMany({
      data: [
        { id: 'd-old-sent', tenantId: 'hk', platform: 'web', status: 'sent', createdAt: old },
        { id: 'd-old-failed', tenantId: 'hk', platform: 'web', status: 'failed', createdAt: old },
        { id: 'd-old-pending', tenantId: 'hk', platform: 'web', status: 'pending', createdAt: old },
        { id: 'd-recent-sent', tenantId: 'hk', platform: 'web', status: 'sent', createdAt: recent },
      ],
    });
    expect(await pruneOld(db, NOW)).toEqual({ processedEvents: 5_200, deliveries: 2 });
    expect((await db.processedEvent.findMany({ where: { tenantId: 'hk' } })).map((r) => r.id)).toEqual(['recent']);
    expect((await db.delivery.findMany({ where: { tenantId: 'hk' }, orderBy: { id: 'asc' } })).map((r) => r.id)).toEqual(['d-old-pending', 'd-recent-sent']);
    expect(await pruneOld(db, NOW)).toEqual({ processedEvents: 0, deliveries: 0 });
  });

  it('keeps rows for exactly 30 days, as the README says', async () => {
    await db.tenant.create({ data: { id: 'hk30', name: 'hk30' } });
    const justOver = new Date(daysAgo(KEEP_DAYS).getTime() - MINUTE), justUnder = new Date(daysAgo(KEEP_DAYS).getTime() + MINUTE);
    await db.processedEvent.createMany({ data: [{ id: 'over', tenantId: 'hk30', createdAt: justOver }, { id: 'under', tenantId: 'hk30', createdAt: justUnder }] });
    await db.delivery.createMany({
      data: [
        { id: 'd-over', tenantId: 'hk30', platform: 'web', status: 'sent', createdAt: justOver },
        { id: 'd-under', tenantId: 'hk30', platform: 'web', status: 'sent', createdAt: justUnder },
      ],
    });
    expect(await pruneOld(db, NOW)).toEqual({ processedEvents: 1, deliveries: 1 });
    expect((await db.processedEvent.findMany({ where: { tenantId: 'hk30' } })).map((r) => r.id)).toEqual(['under']);
    expect((await db.delivery.findMany({ where: { tenantId: 'hk30' } })).map((r) => r.id)).toEqual(['d-under']);
  });

  it('is a scheduled job, daily', () => {
    expect(findJob('housekeeping')?.schedule).toEqual({ every: 86_400_000 });
  });
});
