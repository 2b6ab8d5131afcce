// Birthdays, signing anniversaries and renewal reminders against the seeded demo (fixed clock):
// the right owner, names and dates, a suggested message, Monday covering a weekend off, mute,
// English recipients, and the same keys on a re-run (so the delivery layer sends once).
import { beforeAll, describe, expect, it } from 'vitest';
import { anniversaries } from '../../jobs/reminders/anniversaries.js';
import { testDb } from '../support/db.js';
import { NOW, seededJobs, textOf, type jobContext } from './reminders-support.js';

describe('anniversaries', () => {
  let job: ReturnType<typeof jobContext>;
  let ids: Record<string, string>;
  let db: Awaited<ReturnType<typeof testDb>>['db'];
  beforeAll(async () => {
    ({ db, job, ids } = await seededJobs());
  });
  const run = async (date: string) => {
    job.notifier.clear();
    await anniversaries.run(job.ctx, { tenantId: 'demo', date });
    return job.notifier.sent;
  };
  const contactId = async (name: string, customer: string) =>
    (await db.contact.findFirstOrThrow({ where: { tenantId: 'demo', name, customerId: (await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: customer } })).id } })).id;

  it('reminds the owner of a contact\'s birthday on the day and three days ahead, with a suggested wish', async () => {
    const sent = await run('2026-11-25');
    expect(sent.map((s) => [s.to.userId, s.reply.card?.title])).toEqual([
      [ids.rep1, '🎂 今天是 华为技术有限公司 · 张总 的生日'],
      [ids.rep1, '🎂 比亚迪 · 刘经理 3天后（11月28日）过生日'],
    ]);
    expect(textOf(sent[0]!)).toContain('建议话术: 张总，生日快乐！');
    expect(sent[0]!.key).toBe(`birthday:${await contactId('张总', '华为技术有限公司')}:2026-11-25:day`);
    expect(sent[1]!.key).toBe(`birthday:${await contactId('刘经理', '比亚迪')}:2026-11-28:ahead`);
    // A re-run sends under the same keys: the delivery layer turns them into one message each.
    const again = await run('2026-11-25');
    expect(again.map((s) => s.key)).toEqual(sent.map((s) => s.key));
  });

  it('reminds renewals 30, 15 and 7 days before the contract ends', async () => {
    const sent = await run('2026-11-27'); // 比亚迪's contract ends 2026-12-27
    expect(sent.map((s) => s.reply.card?.title)).toEqual(['📅 比亚迪 的合同将于 12月27日 到期（还有 30 天）']);
    expect(sent[0]!.to.userId).toBe(ids.rep1);
    expect(textOf(sent[0]!)).toContain('王建国您好，我们的合作合同将于12月27日到期');
    // 12-12 (15 days) is a Saturday: Monday's run covers it; 12-20 (7 days) a Sunday likewise.
    expect((await run('2026-12-14')).map((s) => s.reply.card?.title)).toContain('📅 比亚迪 的合同将于 12月27日 到期（还有 13 天）');
    const byd = (await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '比亚迪' } })).id;
    expect((await run('2026-12-21')).map((s) => s.key)).toContain(`renewal:${byd}:2026-12-27:7`);
    expect((await run('2026-12-22')).filter((s) => s.key.startsWith('renewal:'))).toEqual([]);
  });

  it('congratulates on a signing anniversary', async () => {
    // 华为技术有限公司 signed 400 days before NOW: 2025-10-21.
    const sent = await run('2026-10-21');
    const anniversary = sent.filter((s) => s.key.startsWith('anniversary:'));
    expect(anniversary.map((s) => [s.to.userId, s.reply.card?.title])).toEqual([[ids.rep1, '🎉 今天是与 华为技术有限公司 签约 1 周年']]);
    expect(textOf(anniversary[0]!)).toContain('签约1周年之际');
  });

  it('sends nothing on a weekend off and catches up on Monday, once', async () => {
    expect(await run('2026-11-28')).toEqual([]);
    expect(await run('2026-11-29')).toEqual([]);
    const monday = await run('2026-11-30');
    const titles = monday.map((s) => s.reply.card?.title);
    // 刘经理's birthday fell on Saturday; 招商银行's contract ends 12-07 (7 days).
    expect(titles).toContain('🎂 比亚迪 · 刘经理 11月28日过了生日，可以补一句祝福');
    expect(titles).toContain('📅 招商银行 的合同将于 12月7日 到期（还有 7 天）');
    expect(monday.map((s) => s.key)).toContain(`birthday:${await contactId('刘经理', '比亚迪')}:2026-11-28:day`);
    await db.tenant.update({ where: { id: 'demo' }, data: { settings: { weekends: true } } });
    const saturday = await run('2026-11-28');
    expect(saturday.map((s) => s.key)).toEqual(monday.filter((s) => s.key.includes('2026-11-28')).map((s) => s.key));
    await db.tenant.update({ where: { id: 'demo' }, data: { settings: {} } });
  });

  it('on its schedule runs once a day, from 09:00 local on a workday', async () => {
    const scheduled = async (local: string) => {
      job.notifier.clear();
      job.clock.now = new Date(`${local}:00+08:00`);
      await anniversaries.run(job.ctx, {});
      return job.notifier.sent.map((s) => s.key);
    };
    expect(await scheduled('2026-11-25T08:45')).toEqual([]);
    const morning = await scheduled('2026-11-25T09:00');
    expect(morning).toHaveLength(2);
    expect(morning.every((k) => k.startsWith('birthday:'))).toBe(true);
    expect(await scheduled('2026-11-25T09:15')).toEqual([]);
    expect(await scheduled('2026-11-28T10:00')).toEqual([]); // Saturday
    expect(await scheduled('2026-11-30T09:00')).toEqual(expect.arrayContaining([expect.stringMatching(/:2026-11-28:day$/)]));
    job.clock.now = NOW;
  });

  it('keeps a 29 February birthday on 28 February in common years, on the 29th in leap years', async () => {
    const meituan = await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '美团' } });
    const leapling = await db.contact.create({ data: { tenantId: 'demo', customerId: meituan.id, name: '闰日生', birthday: '1992-02-29' } });
    const keys = async (date: string) => (await run(date)).map((s) => s.key).filter((k) => k.startsWith(`birthday:${leapling.id}:`));
    const key = (date: string, when: 'ahead' | 'day') => `birthday:${leapling.id}:${date}:${when}`;
    // 2027: 02-28 is a Sunday, so the day itself is sent on Monday 03-01.
    expect(await keys('2027-02-25')).toEqual([key('2027-02-28', 'ahead')]);
    expect(await keys('2027-02-26')).toEqual([]);
    expect(await keys('2027-03-01')).toEqual([key('2027-02-28', 'day')]);
    // 2028 is a leap year: three days ahead is Saturday 02-26, sent Monday 02-28; then the 29th.
    expect(await keys('2028-02-28')).toEqual([key('2028-02-29', 'ahead')]);
    expect(await keys('2028-02-29')).toEqual([key('2028-02-29', 'day')]);
    expect(await keys('2028-03-01')).toEqual([]);
    // 2100 is divisible by 4 but not a leap year (a century not divisible by 400).
    expect(await keys('2100-02-25')).toEqual([key('2100-02-28', 'ahead')]);
    await db.contact.delete({ where: { id: leapling.id } });
  });

  it('follows the recipient\'s language and mute settings', async () => {
    await db.user.update({ where: { id: ids.rep1 }, data: { locale: 'en' } });
    const en = await run('2026-11-25');
    expect(en.map((s) => s.reply.card?.title)).toEqual([
      '🎂 It\'s 张总\'s birthday today (华为技术有限公司)', '🎂 刘经理 (比亚迪) has a birthday in 3 days (Nov 28)',
    ]);
    await db.user.update({ where: { id: ids.rep1 }, data: { locale: 'zh', settings: { muted: ['birthday'] } } });
    expect(await run('2026-11-25')).toEqual([]);
    expect((await run('2026-11-27')).map((s) => s.key.split(':')[0])).toEqual(['renewal']);
    await db.user.update({ where: { id: ids.rep1 }, data: { settings: {} } });
  });
});
