// Issue #15, targets by chat: a manager's sentence is broken down by period and person, shown as a
// table first (the preview writes nothing), saved on 确认, taken back by 撤销; a rep is refused;
// the KPI answer shows attainment against the target and the stretch. Typed into the web chat,
// rows read back from Postgres.
import { beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';
import { fieldValue, only, today } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
let rep1: string;
let rep2: string;
let teamId: string;
const { y, m } = today();
const year = y;
const month = m + 1;
const pad = (n: number) => String(n).padStart(2, '0');

beforeAll(async () => {
  app = await testApp();
  [rep1, rep2] = await Promise.all([app.userId('rep1'), app.userId('rep2')]);
  teamId = (await app.db.team.findFirstOrThrow({ where: { tenantId: 'demo' } })).id;
});

const targets = () => app.db.target.findMany({ where: { tenantId: 'demo' }, orderBy: { id: 'asc' } });
const amountOf = async (owner: { userId: string } | { teamId: string }, period: string) => {
  const row = await app.db.target.findFirst({ where: { tenantId: 'demo', period, ...('userId' in owner ? owner : { ...owner, userId: null }) } });
  return row ? { amount: row.amount.toNumber(), stretch: row.stretch?.toNumber() ?? null } : null;
};
const audits = () => app.db.auditLog.count({ where: { tenantId: 'demo' } });

describe('a yearly team target split 2:3:2:3 by quarter', () => {
  it('previews the table and saves nothing; 确认 saves every period × person; 撤销 takes it all back', async () => {
    const [rowsBefore, auditsBefore] = [await targets(), await audits()];
    const asked = await app.say('manager', '今年团队目标3000万，按季度 2:3:2:3 分');
    const preview = only(asked);
    expect(preview.card!.title).toBe(`目标分解 · ${year}年（单位：万）`);
    // 3000万 = 600 + 900 + 600 + 900 (2:3:2:3); each of the two reps half; each month a third of its quarter.
    expect(fieldValue(preview, `${year}年Q1`)).toContain('团队 600');
    expect(fieldValue(preview, `${year}年Q1`)).toContain('张伟 300');
    expect(fieldValue(preview, `${year}年Q2`)).toContain('李娜 450');
    expect(fieldValue(preview, '4月')).toContain('团队 300');
    expect(fieldValue(preview, '4月')).toContain('张伟 150');
    expect(preview.card!.buttons!.map((b) => b.label)).toEqual(['确认', '取消']);
    // The preview changed nothing.
    expect(await targets()).toEqual(rowsBefore);
    expect(await audits()).toBe(auditsBefore);

    const saved = only(await app.click('manager', button(asked, '确认')));
    expect(saved.text).toMatch(new RegExp(`^已保存目标 · ${year}年（51 条）`)); // 17 periods × (team + 2 reps)
    expect(await amountOf({ teamId }, String(year))).toEqual({ amount: 30_000_000, stretch: null });
    expect(await amountOf({ teamId }, `${year}-Q2`)).toEqual({ amount: 9_000_000, stretch: null });
    expect(await amountOf({ teamId }, `${year}-04`)).toEqual({ amount: 3_000_000, stretch: null });
    expect(await amountOf({ userId: rep1 }, `${year}-Q1`)).toEqual({ amount: 3_000_000, stretch: null });
    expect(await amountOf({ userId: rep2 }, `${year}-01`)).toEqual({ amount: 1_000_000, stretch: null });

    expect(only(await app.say('manager', '撤销')).text).toContain('已撤销');
    const after = await targets();
    expect(after.map((t) => [t.id, t.amount.toString()]).sort()).toEqual(rowsBefore.map((t) => [t.id, t.amount.toString()]).sort());
  });
});

describe('per rep, per quarter, with a stretch target', () => {
  it('明年每人每季度200万 挑战目标250万: each rep 800万 for the year (stretch 1000万), months a third of a quarter', async () => {
    const asked = await app.say('manager', '明年每人每季度200万 挑战目标250万');
    const preview = only(asked);
    expect(preview.text).toContain('每格为 基础/挑战。');
    expect(fieldValue(preview, `${year + 1}年Q3`)).toContain('张伟 200/250');
    expect(fieldValue(preview, `${year + 1}年Q3`)).toContain('团队 400/500');
    only(await app.click('manager', button(asked, '确认')));
    expect(await amountOf({ userId: rep1 }, String(year + 1))).toEqual({ amount: 8_000_000, stretch: 10_000_000 });
    expect(await amountOf({ userId: rep2 }, `${year + 1}-02`)).toEqual({ amount: 666_666.67, stretch: 833_333.33 });
    expect(await amountOf({ userId: rep2 }, `${year + 1}-03`)).toEqual({ amount: 666_666.66, stretch: 833_333.34 });
    expect(await amountOf({ teamId }, String(year + 1))).toEqual({ amount: 16_000_000, stretch: 20_000_000 });
  });
});

describe('shares, one person, and who may set targets', () => {
  it('团队Q4目标1000万 张伟40% 李娜60%: the stated shares', async () => {
    const reply = only(await app.say('manager', `${year}年团队Q4目标1000万 张伟40% 李娜60%`));
    expect(fieldValue(reply, `${year}年Q4`)).toBe('团队 1000 · 张伟 400 · 李娜 600');
  });

  it('shares that do not add up to 100% are refused, saying what to type', async () => {
    const reply = only(await app.say('manager', `${year}年团队Q4目标1000万 张伟40% 李娜50%`));
    expect(reply.text).toBe('各人份额加起来是 90%，应为 100%。例如「张伟40% 李娜60%」。');
  });

  it('本月给张伟定250万 挑战目标300万; 张伟\'s KPI shows attainment against both', async () => {
    const asked = await app.say('manager', `${month}月给张伟定250万 挑战目标300万`);
    expect(fieldValue(only(asked), `${month}月`)).toBe('张伟 250/300');
    only(await app.click('manager', button(asked, '确认')));
    expect(await amountOf({ userId: rep1 }, `${year}-${pad(month)}`)).toEqual({ amount: 2_500_000, stretch: 3_000_000 });
    const kpi = only(await app.say('rep1', '本月业绩'));
    expect(fieldValue(kpi, '目标')).toBe('250万');
    expect(fieldValue(kpi, '挑战目标')).toBe('300万');
    const won = await app.db.deal.aggregate({ where: { ownerId: rep1, stage: 'won', closedAt: { gte: new Date(Date.UTC(y, m, 1) - 8 * 3_600_000) } }, _sum: { amount: true } });
    const w = won._sum.amount?.toNumber() ?? 0;
    const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;
    expect(fieldValue(kpi, '完成率')).toBe(`${pct(w / 2_500_000)} · 挑战 ${pct(w / 3_000_000)}`);
  });

  it('Q1 each rep 500k (English): every rep 500k, the team their sum, months a third', async () => {
    // Q1 said after it began is next year's.
    const q1Year = m >= 3 ? year + 1 : year;
    const reply = only(await app.say('manager', 'Q1 each rep 500k'));
    expect(reply.card!.title).toBe(`Target breakdown · Q1 ${q1Year} (in 10k)`);
    expect(fieldValue(reply, `Q1 ${q1Year}`)).toBe('Team 100 · 张伟 50 · 李娜 50');
    expect(fieldValue(reply, `${q1Year}-2`)).toBe('Team 33.33 · 张伟 16.67 · 李娜 16.67');
    expect(reply.card!.buttons!.map((b) => b.label)).toEqual(['Confirm', 'Cancel']);
  });

  it('ratios that do not fit the period are refused, saying what to type', async () => {
    const before = await targets();
    expect(only(await app.say('manager', '今年团队目标3000万 按季度 2:3:2')).text).toBe('比例要有 4 个数（每季度一个），例如「按季度 2:3:2:3 分」。');
    expect(await targets()).toEqual(before);
  });

  it('a rep cannot set targets: a polite refusal, nothing written', async () => {
    const [before, auditsBefore] = [await targets(), await audits()];
    const reply = only(await app.say('rep1', '今年团队目标3000万'));
    expect(reply.text).toBe('目标由经理或管理员设定。你可以问「我的业绩」看自己的目标完成情况。');
    expect(await targets()).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
  });
});
