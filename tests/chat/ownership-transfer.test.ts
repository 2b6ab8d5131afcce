// A manager's transfer by chat (issue #14): one customer or all of a rep's, after a confirmation
// card naming how many (and the first few); every customer and open deal moves with an
// OwnershipMove, both reps are told, 撤销 takes it all back; reps cannot transfer.
import { beforeAll, describe, expect, it } from 'vitest';
import { runOwnershipNews } from '../../jobs/ownership/requests.job.js';
import { button, testApp } from '../support/app.js';
import { jobContext } from '../jobs/digest-support.js';
import { counts, only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
let ids: Record<'rep1' | 'rep2' | 'manager', string>;
beforeAll(async () => {
  app = await testApp();
  ids = { rep1: await app.userId('rep1'), rep2: await app.userId('rep2'), manager: await app.userId('manager') };
});

const owned = (ownerId: string) => app.db.customer.findMany({ where: { tenantId: 'demo', ownerId }, orderBy: { name: 'asc' } });
const openDealsOf = (customerIds: string[]) => app.db.deal.findMany({ where: { customerId: { in: customerIds }, stage: { notIn: ['won', 'lost'] } } });

describe('transfer by chat', () => {
  it('a rep is told politely that only a manager can, and nothing changes', async () => {
    const before = await counts(app.db);
    expect(only(await app.say('rep1', '把美团转给李娜')).text).toBe('只有经理或管理员可以转移客户。如需接手同事的客户，可以说出客户名称，再点「申请转给我」。');
    expect(only(await app.say('rep2', '把张伟的客户都转给李娜')).text).toMatch(/^只有经理或管理员可以转移客户/);
    expect(await counts(app.db)).toEqual(before);
  });

  it('one customer: a confirmation, then the customer and its open deals move with one move recorded', async () => {
    const meituan = (await owned(ids.rep1)).find((c) => c.name === '美团')!;
    const deals = await openDealsOf([meituan.id]);
    const before = await counts(app.db);
    const asked = await app.say('manager', '把美团转给李娜');
    const card = only(asked).card!;
    expect(card.title).toBe(`把「美团」从张伟转给李娜？（连同 ${deals.length} 个进行中的商机）`);
    expect(card.buttons?.map((b) => b.label)).toEqual(['确认', '取消']);
    expect(await counts(app.db)).toEqual(before);

    const reply = only(await app.click('manager', button(asked, '确认')));
    expect(reply.text).toBe('已把 1 个客户从张伟转给李娜：美团');
    expect((await app.db.customer.findUniqueOrThrow({ where: { id: meituan.id } })).ownerId).toBe(ids.rep2);
    expect((await openDealsOf([meituan.id])).every((d) => d.ownerId === ids.rep2)).toBe(true);
    expect(await app.db.ownershipMove.findMany({ where: { customerId: meituan.id } }))
      .toMatchObject([{ kind: 'transfer', fromUserId: ids.rep1, toUserId: ids.rep2, actorId: ids.manager, reason: 'manager' }]);
  });

  it('all of a leaving rep\'s customers: the card counts them, 确认 moves every one and its open deals; both reps are told; 撤销 takes it back', async () => {
    const theirs = await owned(ids.rep1);
    const deals = await openDealsOf(theirs.map((c) => c.id));
    expect(theirs.length).toBeGreaterThan(5);
    const asked = await app.say('manager', '张伟离职了，他的客户全部转给李娜');
    const first = theirs.slice(0, 5).map((c) => c.name).join('、');
    expect(only(asked).card?.title).toBe(`把张伟的全部 ${theirs.length} 个客户转给李娜？（${first} 等${theirs.length}个；连同 ${deals.length} 个进行中的商机）`);

    const done = await app.click('manager', button(asked, '确认'));
    expect(only(done).text).toMatch(new RegExp(`^已把 ${theirs.length} 个客户从张伟转给李娜`));
    expect(await owned(ids.rep1)).toEqual([]);
    expect((await openDealsOf(theirs.map((c) => c.id))).map((d) => d.ownerId)).toEqual(deals.map(() => ids.rep2));
    expect(await app.db.ownershipMove.count({ where: { tenantId: 'demo', kind: 'transfer', customerId: { in: theirs.map((c) => c.id) } } })).toBe(theirs.length);

    const { ctx, notifier } = jobContext(app.db, app.redis, app.prefix, { now: new Date() });
    await runOwnershipNews(ctx, { tenantId: 'demo' });
    const sent = notifier.take().map((s) => ['userId' in s.to ? s.to.userId : '', s.reply.text]);
    expect(sent).toContainEqual([ids.rep2, expect.stringMatching(new RegExp(`^王强把 ${theirs.length} 个客户转给了你：`))]);
    expect(sent).toContainEqual([ids.rep1, expect.stringMatching(new RegExp(`^王强把你的 ${theirs.length} 个客户转给了李娜：`))]);

    expect(only(await app.click('manager', button(done, '撤销'))).text).toContain('已撤销');
    expect((await owned(ids.rep1)).map((c) => c.id)).toEqual(theirs.map((c) => c.id));
    expect((await openDealsOf(theirs.map((c) => c.id))).map((d) => d.ownerId).sort()).toEqual(deals.map((d) => d.ownerId).sort());
  });

  it('in English, and an unknown colleague is named', async () => {
    expect(only(await app.say('manager', 'transfer Acme Corp to Zhang Wei')).card?.title).toMatch(/^Transfer "Acme Corp" from 李娜 to 张伟\? \(with \d+ open deal\(s\)\)$/);
    await app.say('manager', '取消');
    expect(only(await app.say('manager', '把美团转给王小二')).text).toBe('没有找到同事「王小二」。');
  });
});
