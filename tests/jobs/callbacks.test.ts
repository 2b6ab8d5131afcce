// Callback prompts (回访) for customer care over the seeded demo: a won deal's usage check 7
// days later, a renewal call before the contract ends, periodic calls by tier; one-tap scores
// stored as Callbacks, and a low score alerting the account owner and their manager.
import { beforeAll, describe, expect, it } from 'vitest';
import { callbacks } from '../../jobs/reminders/callbacks.js';
import { tick } from '../../jobs/reminders/follow-ups.js';
import { testApp } from '../support/app.js';
import { jobContext, minutes, NOW, textOf, userIds, type Sent } from './reminders-support.js';

type App = Awaited<ReturnType<typeof testApp>>;

describe('callback prompts', () => {
  let app: App;
  let job: ReturnType<typeof jobContext>;
  let ids: Record<string, string>;
  beforeAll(async () => {
    app = await testApp({ now: NOW });
    job = jobContext(app.db, app.redis, app.prefix);
    ids = await userIds(app.db);
    // The seed's 比亚迪 call came 3 days after the win and so answers the usage check; these
    // tests want a win nobody has called about yet (callbacks-answered.test.ts covers the skip).
    const byd = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '比亚迪' } });
    await app.db.callback.updateMany({ where: { tenantId: 'demo', customerId: byd.id }, data: { occurredAt: new Date(NOW.getTime() - 20 * 86_400_000) } });
  });
  const run = async (date: string) => {
    job.notifier.clear();
    await callbacks.run(job.ctx, { tenantId: 'demo', date });
    return [...job.notifier.sent];
  };
  const scoreButton = (s: Sent, score: number) => s.reply.card!.buttons!.find((b) => b.label === `${score}分`)!.action;

  it('prompts care for the deal won 7 days ago and the contract ending within 30 days', async () => {
    const sent = await run('2026-11-25');
    expect(sent.every((s) => s.to.userId === ids.care)).toBe(true);
    expect(sent.map((s) => s.reply.card?.title)).toEqual([
      '回访 比亚迪：「比亚迪经销商管理系统」签约 7 天，问问使用情况',
      '续约回访 招商银行：合同 12月7日 到期（还有 12 天）',
    ]);
    expect(sent[0]!.reply.card?.buttons?.map((b) => b.label)).toEqual(['1分', '2分', '3分', '4分', '5分']);
    const rows = await app.db.reminder.findMany({ where: { tenantId: 'demo', kind: 'callback', assigneeId: ids.care } });
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    // Not the day before or after: the usage check is for the 7th day.
    expect((await run('2026-11-24')).map((s) => s.reply.card?.title)).not.toContain('回访 比亚迪：「比亚迪经销商管理系统」签约 7 天，问问使用情况');
    expect((await run('2026-11-26')).map((s) => s.reply.card?.title)).not.toContain('回访 比亚迪：「比亚迪经销商管理系统」签约 7 天，问问使用情况');
  });

  it('stores a score as a callback, and a low one alerts the account owner and their manager', async () => {
    const [byd] = await run('2026-11-25');
    const answer = await app.click('care', scoreButton(byd!, 2));
    expect(answer.replies[0]!.text).toBe('已记录回访 · 比亚迪，满意度 2/5，已通知客户负责人和主管');
    const customer = await app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '比亚迪' } });
    const stored = await app.db.callback.findFirstOrThrow({ where: { tenantId: 'demo', customerId: customer.id }, orderBy: { createdAt: 'desc' } });
    expect(stored).toMatchObject({ userId: ids.care, satisfaction: 2, category: 'feedback', summary: '使用反馈：满意度 2/5' });

    job.notifier.clear();
    job.clock.now = new Date(Date.now() + minutes(1));
    await tick(job.ctx, { tenantId: 'demo' });
    job.clock.now = NOW; // the runs below are for the seed's dates again (a later year's clock would print their year)
    // Only this alert's messages: the tick runs at the real time, when seeded reminders (due from
    // the fixed NOW) may be due too.
    const alerts = job.notifier.sent.filter((s) => s.key.startsWith('reminder:') && textOf(s).includes('比亚迪 回访满意度'));
    expect(alerts.map((s) => s.to.userId).sort()).toEqual([ids.rep1, ids.manager].sort());
    expect(textOf(alerts[0]!)).toContain('⚠️ 比亚迪 回访满意度只有 2/5（使用反馈，陈静回访）');

    // Answered: the same day's run does not prompt for it again; the other prompt keeps its key.
    const again = await run('2026-11-25');
    expect(again.map((s) => s.reply.card?.title)).toEqual(['续约回访 招商银行：合同 12月7日 到期（还有 12 天）']);
    // A second click on an answered prompt changes nothing.
    const twice = await app.click('care', scoreButton(byd!, 5));
    expect(twice.replies[0]!.text).toContain('不在了');
  });

  it('a good score alerts nobody; reps may not score care\'s prompts', async () => {
    const renewal = (await run('2026-11-25'))[0]!;
    expect((await app.click('rep2', scoreButton(renewal, 4))).replies[0]!.text).toContain('没有权限');
    const ok = await app.click('care', scoreButton(renewal, 4));
    expect(ok.replies[0]!.text).toBe('已记录回访 · 招商银行，满意度 4/5');
    expect(await app.db.reminder.count({ where: { tenantId: 'demo', kind: 'low_score_alert' } })).toBe(2);
  });

  it('a deal won by chat produces a callback prompt 7 days later', async () => {
    const won = await app.say('rep1', '美团签了！合同金额35万');
    expect(won.status).toBe(200);
    const deal = await app.db.deal.findFirstOrThrow({ where: { tenantId: 'demo', title: '美团商户SaaS采购' } });
    expect(deal.stage).toBe('won');
    const wonDay = new Date(deal.closedAt!.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const day = (n: number) => new Date(Date.parse(`${wonDay}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: { weekends: true } } });
    expect((await run(day(6))).map((s) => s.reply.card?.title ?? '').filter((t) => t.includes('美团'))).toEqual([]);
    expect((await run(day(7))).map((s) => s.reply.card?.title ?? '').filter((t) => t.includes('美团'))).toEqual(['回访 美团：「美团商户SaaS采购」签约 7 天，问问使用情况']);
    await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: {} } });
  });

  it('calls customers by tier on the tenant\'s cadence', async () => {
    // 华为技术有限公司 (tier A) was last called 8 days before NOW: due at 30 days by default, at 7 when set so.
    expect((await run('2026-11-25')).map((s) => s.reply.card?.title ?? '').filter((t) => t.includes('华为'))).toEqual([]);
    await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: { callbackDays: { A: 7, B: 90, C: 60 } } } });
    const titles = (await run('2026-11-25')).map((s) => s.reply.card?.title ?? '');
    expect(titles).toContain('定期满意度回访 华为技术有限公司（A类客户，上次回访 11月17日）');
    // Signed 75 days ago and never called: due at 60 days from signing.
    expect(titles).toContain('定期满意度回访 苏州恒信精密机械有限公司（C类客户，还没有回访过）');
    // 华为云 (tier A) never bought anything: no satisfaction call.
    expect(titles.filter((t) => t.includes('华为云'))).toEqual([]);
    await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: {} } });
  });

  it('prompts every care user, and one answer closes the prompt for all', async () => {
    const care2 = await app.db.user.create({ data: { tenantId: 'demo', handle: 'care2', name: '周敏', role: 'care' } });
    await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: { callbackDays: { A: 7, B: 90, C: 180 } } } });
    const huawei = (await run('2026-11-26')).filter((s) => s.reply.card?.title?.includes('华为技术有限公司'));
    expect(huawei.map((s) => s.to.userId).sort()).toEqual([ids.care, care2.id].sort());
    const mine = huawei.find((s) => s.to.userId === ids.care)!;
    expect((await app.click('care', scoreButton(mine, 4))).replies[0]!.text).toBe('已记录回访 · 华为技术有限公司，满意度 4/5');
    // This prompt's rows, one per care user: a run for a later date above (the won-by-chat test
    // runs the day a week after today's win) may have prompted 华为's next period as well.
    const { note } = await app.db.reminder.findUniqueOrThrow({ where: { id: (scoreButton(mine, 4).args as { reminderId: string }).reminderId } });
    const rows = await app.db.reminder.findMany({ where: { tenantId: 'demo', kind: 'callback', note } });
    expect(rows.map((r) => r.status)).toEqual(['done', 'done']);
    expect((await run('2026-11-26')).filter((s) => s.reply.card?.title?.includes('华为技术有限公司'))).toEqual([]);
    await app.db.tenant.update({ where: { id: 'demo' }, data: { settings: {} } });
  });
});
