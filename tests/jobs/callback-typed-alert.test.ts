// A low score typed in chat alerts like one tapped on a prompt's card: the callback is stored,
// and the reminders tick tells the account owner and their manager; a good score alerts nobody.
import { beforeAll, describe, expect, it } from 'vitest';
import { tick } from '../../jobs/reminders/follow-ups.js';
import { testApp } from '../support/app.js';
import { jobContext, minutes, textOf } from './reminders-support.js';

type App = Awaited<ReturnType<typeof testApp>>;

describe('a callback score typed in chat', () => {
  let app: App;
  const start = new Date();
  beforeAll(async () => {
    app = await testApp({ now: start });
  });
  /** What the tick sends a minute after now about `customer`'s callback score. */
  const alertsAbout = async (customer: string) => {
    const job = jobContext(app.db, app.redis, app.prefix, new Date(Date.now() + minutes(1)));
    await tick(job.ctx, { tenantId: 'demo' });
    return job.notifier.sent.filter((s) => textOf(s).includes(`${customer} 回访满意度`));
  };

  it('a low one alerts the account owner and their manager', async () => {
    const answer = await app.say('care', '美团回访 2分 说系统老卡');
    expect(answer.replies[0]!.text).toBe('已记录回访 · 美团，已通知客户负责人和主管');
    const meituan = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '美团' } });
    const stored = await app.db.callback.findFirstOrThrow({ where: { tenantId: 'demo', customerId: meituan.id }, orderBy: { createdAt: 'desc' } });
    expect(stored).toMatchObject({ userId: await app.userId('care'), satisfaction: 2, summary: '美团回访 2分 说系统老卡' });
    const alerts = await alertsAbout('美团');
    expect(alerts.map((s) => s.to.userId).sort()).toEqual([await app.userId('rep1'), await app.userId('manager')].sort());
    expect(textOf(alerts[0]!)).toContain('⚠️ 美团 回访满意度只有 2/5（满意度回访，陈静回访）');
    expect(textOf(alerts[0]!)).toContain('说系统老卡');
  });

  // Found by a tester using the web chat: a complaint with no score was sent as "满意度只有 0/5".
  it('a complaint with no score alerts as a complaint, with no made-up score', async () => {
    const answer = await app.say('care', '上汽回访 客户投诉售后响应太慢 要求换人');
    expect(answer.replies[0]!.text).toContain('已通知客户负责人和主管');
    const job = jobContext(app.db, app.redis, app.prefix, new Date(Date.now() + minutes(1)));
    await tick(job.ctx, { tenantId: 'demo' });
    const texts = job.notifier.sent.map(textOf).filter((x) => x.includes('上汽'));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts[0]).toContain('回访中有投诉');
    expect(texts.join('\n')).not.toContain('0/5');
  });

  it('a good one alerts nobody', async () => {
    const answer = await app.say('care', '永辉超市满意度回访，打了4分');
    expect(answer.replies[0]!.text).toBe('已记录回访 · 永辉超市');
    expect(await alertsAbout('永辉超市')).toEqual([]);
  });

  it('undo takes the alert back before it goes out', async () => {
    expect((await app.say('care', '阿里巴巴回访 1分 很不满意')).replies[0]!.text).toContain('已通知客户负责人和主管');
    expect((await app.say('care', '撤销')).status).toBe(200);
    expect(await alertsAbout('阿里巴巴')).toEqual([]);
  });
});
