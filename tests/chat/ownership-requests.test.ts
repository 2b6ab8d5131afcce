// A rep's 申请转给我 / 申请协作 on another rep's customer (issue #14): the owner's manager gets a card
// (ownership-news job) and decides with 同意 / 拒绝; a transfer moves the customer and its open
// deals, records the move and tells both reps; a collaborator sees the customer and logs on it
// while the owner keeps it; the approver's 撤销 takes the decision back.
import { beforeAll, describe, expect, it } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { runOwnershipNews } from '../../jobs/ownership/requests.job.js';
import { exportTenant } from '../../src/domain/tenant-data.js';
import { button, testApp } from '../support/app.js';
import { jobContext } from '../jobs/digest-support.js';
import { only } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
let ids: Record<'rep1' | 'rep2' | 'manager', string>;
const clock = { now: new Date() };
beforeAll(async () => {
  app = await testApp();
  ids = { rep1: await app.userId('rep1'), rep2: await app.userId('rep2'), manager: await app.userId('manager') };
});

const customer = (name: string) => app.db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name } });
const openDeals = async (name: string) => app.db.deal.findMany({ where: { customerId: (await customer(name)).id, stage: { notIn: ['won', 'lost'] } } });

/** The job's messages, by recipient. */
async function news() {
  clock.now = new Date();
  const { ctx, notifier } = jobContext(app.db, app.redis, app.prefix, clock);
  await runOwnershipNews(ctx, { tenantId: 'demo' });
  return notifier.take().map((s) => ({ to: 'userId' in s.to ? s.to.userId : '', reply: s.reply }));
}

describe('a transfer request', () => {
  let card: Awaited<ReturnType<typeof news>>[number];

  it('申请转给我 makes a pending request and the manager gets a card with 同意 / 拒绝', async () => {
    const taken = await app.say('rep2', '新客户：美团');
    const reply = only(await app.click('rep2', button(taken, '申请转给我')));
    expect(reply.text).toBe('已提交申请（转给我「美团」），等王强审批。');
    const meituan = await customer('美团');
    expect(await app.db.ownershipRequest.findMany({ where: { tenantId: 'demo', customerId: meituan.id } }))
      .toMatchObject([{ requesterId: ids.rep2, kind: 'transfer', status: 'pending' }]);
    // Asking twice is one request.
    const again = await app.say('rep2', '美团现在什么进展');
    expect(only(await app.click('rep2', button(again, '申请转给我'))).text).toBe('「美团」的申请已经提交过了，等待审批。');

    const sent = await news();
    expect(sent.map((s) => s.to)).toEqual([ids.manager]);
    card = sent[0]!;
    expect(card.reply.card?.title).toBe('李娜申请把「美团」转给他/她（现负责人：张伟）');
    expect(card.reply.card?.buttons?.map((b) => b.label)).toEqual(['同意', '拒绝']);
  });

  it('a rep cannot decide it', async () => {
    const approve = card.reply.card!.buttons![0]!.action;
    expect(only(await app.click('rep1', approve)).text).toBe('你没有权限做这个操作。');
    expect((await customer('美团')).ownerId).toBe(ids.rep1);
  });

  it('同意 moves the customer and its open deals, records the move, tells both reps; 撤销 takes it back', async () => {
    const deals = await openDeals('美团');
    expect(deals.length).toBeGreaterThan(0);
    const approved = only(await app.click('manager', card.reply.card!.buttons![0]!.action));
    expect(approved.text).toBe('已同意：「美团」从张伟转给李娜。');
    const meituan = await customer('美团');
    expect(meituan.ownerId).toBe(ids.rep2);
    expect(Date.now() - meituan.assignedAt.getTime()).toBeLessThan(60_000);
    expect((await openDeals('美团')).map((d) => d.ownerId)).toEqual(deals.map(() => ids.rep2));
    expect(await app.db.ownershipMove.findMany({ where: { customerId: meituan.id } }))
      .toMatchObject([{ kind: 'transfer', fromUserId: ids.rep1, toUserId: ids.rep2, actorId: ids.manager }]);

    const told = await news();
    expect(told.map((s) => [s.to, s.reply.text])).toEqual([
      [ids.rep2, '你的申请已同意：「美团」现在由你负责。'],
      [ids.rep1, '「美团」已转给李娜（王强审批）。'],
    ]);
    // 李娜 now sees it, with its history; 张伟 no longer does.
    const status = only(await app.say('rep2', '美团现在什么进展'));
    expect(status.card?.fields?.find((f) => f.label === '归属变更')?.value).toMatch(/^\d{2}-\d{2} 张伟 → 李娜（转移）$/);
    expect(only(await app.say('rep1', '美团现在什么进展')).card?.title).toMatch(/^「美团」是别人负责的客户/);

    expect(only(await app.click('manager', button({ status: 200, replies: [approved] }, '撤销'))).text).toContain('已撤销');
    expect((await customer('美团')).ownerId).toBe(ids.rep1);
    expect((await openDeals('美团')).map((d) => d.ownerId)).toEqual(deals.map((d) => d.ownerId));
    expect(await app.db.ownershipMove.count({ where: { customerId: meituan.id } })).toBe(0);
    expect((await app.db.ownershipRequest.findFirstOrThrow({ where: { customerId: meituan.id } })).status).toBe('pending');
  });

  it('拒绝 leaves the customer and tells the rep', async () => {
    const rejected = only(await app.click('manager', card.reply.card!.buttons![1]!.action));
    expect(rejected.text).toBe('已拒绝李娜关于「美团」的申请。');
    expect((await customer('美团')).ownerId).toBe(ids.rep1);
    expect((await news()).map((s) => [s.to, s.reply.text])).toContainEqual([ids.rep2, '你关于「美团」的申请没有被同意。']);
    expect(only(await app.click('manager', card.reply.card!.buttons![0]!.action)).text).toBe('这个申请已经处理过了。');
  });
});

describe('a collaboration request', () => {
  it('同意 lets the rep see the customer and log on it; the owner keeps it', async () => {
    const taken = await app.say('rep2', '比亚迪现在什么进展');
    expect(only(await app.click('rep2', button(taken, '申请协作'))).text).toBe('已提交申请（协作「比亚迪」），等王强审批。');
    const card = (await news()).find((s) => s.to === ids.manager)!;
    expect(card.reply.text).toBe('李娜申请协作跟进「比亚迪」（负责人：张伟）');
    const approved = only(await app.click('manager', card.reply.card!.buttons![0]!.action));
    expect(approved.text).toBe('已同意：李娜协作跟进「比亚迪」，负责人仍是张伟。');
    const byd = await customer('比亚迪');
    expect(byd.ownerId).toBe(ids.rep1);
    expect(await app.db.collaborator.findMany({ where: { customerId: byd.id } })).toMatchObject([{ userId: ids.rep2, addedById: ids.manager }]);

    const status = only(await app.say('rep2', '比亚迪现在什么进展'));
    expect(status.text).toBe('比亚迪 的情况');
    expect(status.card?.fields?.find((f) => f.label === '负责人')?.value).toBe('张伟');
    // 我的客户 lists it too, marked as a collaboration (the owner keeps it in theirs).
    const mine = only(await app.say('rep2', '我的客户有哪些'));
    expect(mine.card?.fields?.find((f) => f.label === '比亚迪')?.value).toBe('新能源 · A · 协作');
    expect(only(await app.say('rep1', '我的客户有哪些')).card?.fields?.find((f) => f.label === '比亚迪')?.value).toBe('新能源 · A');
    const logged = only(await app.say('rep2', '今天拜访了比亚迪的王建国'));
    expect(logged.text).toMatch(/^已记录拜访 · 比亚迪/);
    const activity = await app.db.activity.findFirstOrThrow({ where: { customerId: byd.id }, orderBy: { createdAt: 'desc' } });
    expect(activity.userId).toBe(ids.rep2);
    expect((await customer('比亚迪')).ownerId).toBe(ids.rep1);
    // The tenant's export carries the collaborator (a table keyed without an id).
    const counts = await exportTenant(app.db, 'demo', path.join(os.tmpdir(), `export-${Date.now()}.jsonl`));
    expect(counts).toMatchObject({ Collaborator: 1, OwnershipRequest: 2 });

    // The approver's 撤销 (after the rep's own activity is taken back) removes the collaborator.
    expect(only(await app.say('rep2', '撤销')).text).toContain('已撤销');
    expect(only(await app.click('manager', button({ status: 200, replies: [approved] }, '撤销'))).text).toContain('已撤销');
    expect(await app.db.collaborator.count({ where: { customerId: byd.id } })).toBe(0);
    expect(only(await app.say('rep2', '比亚迪现在什么进展')).card?.title).toMatch(/^「比亚迪」是别人负责的客户/);
    expect(JSON.stringify(only(await app.say('rep2', '我的客户有哪些')))).not.toContain('比亚迪');
  });
});
