// The rows a message writes with raw SQL (src/domain/rows.ts, issue #16) are the rows Prisma
// reads back: the audit's JSON of each equals what Prisma's findUnique returns (undo compares
// exactly that), ids look like Prisma's cuids, and every write stays inside the tenant.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadActor } from '../../src/domain/actor.js';
import { Changes, delegate, type Entity } from '../../src/domain/changes.js';
import { upsertContact } from '../../src/domain/records.js';
import { button, testApp } from '../support/app.js';
import { endOfLocalDay } from '../../src/time.js';

const t = await testApp();
const { db } = t;

/** JSON with sorted keys, as undo compares rows. */
const canonical = (row: unknown) => {
  const plain = JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
  return JSON.stringify(Object.keys(plain).sort().map((k) => [k, plain[k]]));
};

async function auditedRowsMatch(batchId: string) {
  const audits = await db.auditLog.findMany({ where: { batchId }, orderBy: { seq: 'asc' } });
  for (const a of audits) {
    const row = await delegate(db, a.entity as Entity).findUnique({ where: { id: a.entityId } });
    expect(canonical(a.after), `${a.entity} ${a.action}`).toBe(canonical(row));
  }
  return audits;
}

describe('raw rows of a message (#16)', () => {
  it('a visit with a new contact, deal facts, a stage and a follow-up: every audited row is the row Prisma reads; undo takes it back', async () => {
    const byd = await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '比亚迪' } });
    const before = await db.deal.findFirstOrThrow({ where: { tenantId: 'demo', customerId: byd.id } });
    // A follow-up that went out an hour ago and is not done: the visit settles it (a raw UPDATE).
    const rep1 = await t.userId('rep1');
    await db.reminder.create({ data: { tenantId: 'demo', kind: 'follow_up', status: 'sent', assigneeId: rep1, customerId: byd.id, dueAt: new Date(Date.now() - 3_600_000) } });
    const settled = await db.reminder.count({ where: { assigneeId: rep1, customerId: byd.id, kind: 'follow_up', status: { in: ['pending', 'sent'] }, dueAt: { lt: endOfLocalDay(new Date(), 'Asia/Shanghai') } } });
    const answer = await t.say('rep1', '今天拜访了比亚迪的孙总，已经赢单了，合同额88.5万，下周三再跟进');
    expect(answer.replies[0]!.text).toContain('比亚迪');
    const last = await db.auditLog.findFirstOrThrow({ where: { tenantId: 'demo' }, orderBy: { seq: 'desc' } });
    const audits = await auditedRowsMatch(last.batchId);
    expect(settled).toBeGreaterThan(0);
    expect(audits.map((a) => `${a.entity}:${a.action}`).sort()).toEqual(
      ['activity:create', 'contact:create', 'deal:update', 'reminder:create', ...Array<string>(settled).fill('reminder:update'), 'stageChange:create'],
    );
    for (const a of audits.filter((x) => x.action === 'create')) expect(a.entityId).toMatch(/^c[0-9a-z]{24}$/);
    const deal = await db.deal.findUniqueOrThrow({ where: { id: audits.find((a) => a.entity === 'deal')!.entityId } });
    expect([deal.id, deal.amount?.toNumber(), deal.stage, deal.closedAt instanceof Date]).toEqual([before.id, 885000, 'won', true]);
    expect(new Set(audits.map((a) => a.label))).toEqual(new Set([answer.replies[0]!.text.split('\n')[0]]));
    await t.click('rep1', button(answer, '撤销'));
    expect(canonical(await db.deal.findUniqueOrThrow({ where: { id: deal.id } }))).toBe(canonical(before));
    for (const a of audits.filter((x) => x.action === 'create')) {
      expect(await delegate(db, a.entity as Entity).findUnique({ where: { id: a.entityId } })).toBeNull();
    }
  });

  it('an update reads the row inside the tenant only: another tenant\'s id is not changed', async () => {
    const rep = await loadActor(db, await t.userId('rep1'));
    const reminder = await db.reminder.findFirstOrThrow({ where: { tenantId: 'demo' } });
    const ctx = { tenantId: 'elsewhere', userId: rep.userId, batchId: randomUUID() };
    await expect(db.$transaction((tx) => new Changes(tx, ctx).update('reminder', reminder.id, { status: 'done' }))).rejects.toThrow();
    expect((await db.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).status).toBe(reminder.status);
  });

  it('a reminder marked done, then undone, is the row it was', async () => {
    const rep = await loadActor(db, await t.userId('rep1'));
    const reminder = await db.reminder.findFirstOrThrow({ where: { tenantId: 'demo', status: 'pending' } });
    const ctx = { tenantId: 'demo', userId: rep.userId, batchId: randomUUID() };
    await db.$transaction(async (tx) => {
      const changes = new Changes(tx, ctx);
      await changes.update('reminder', reminder.id, { status: 'done' });
      await changes.flush('done');
    });
    await auditedRowsMatch(ctx.batchId);
    const undo = await t.say('rep1', '撤销');
    expect(undo.replies[0]!.text).toContain('done');
    expect(canonical(await db.reminder.findUniqueOrThrow({ where: { id: reminder.id } }))).toBe(canonical(reminder));
  });

  it('a contact is the same name in any case, never a pattern: "J_n%" does not match "Jan Li"', async () => {
    const rep = await loadActor(db, await t.userId('rep1'));
    const byd = await db.customer.findFirstOrThrow({ where: { tenantId: 'demo', name: '比亚迪' } });
    await db.contact.create({ data: { tenantId: 'demo', customerId: byd.id, name: 'Jan Li' } });
    const ctx = { tenantId: 'demo', userId: rep.userId, batchId: randomUUID() };
    const [pattern, sameName] = await db.$transaction(async (tx) => {
      const changes = new Changes(tx, ctx);
      const a = await upsertContact(changes, tx, byd.id, { name: 'J_n%' });
      const b = await upsertContact(changes, tx, byd.id, { name: 'jan li', title: 'CTO' });
      await changes.flush('contacts');
      return [a, b];
    });
    expect(pattern.created).toBe(true);
    expect(sameName).toMatchObject({ created: false, contact: { name: 'Jan Li' } });
    expect((await db.contact.findFirstOrThrow({ where: { customerId: byd.id, name: 'Jan Li' } })).title).toBe('CTO');
  });
});
