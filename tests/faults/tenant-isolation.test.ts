// Issue #6: tenant isolation as a property. Random users of three tenants (the demo tenant and
// two of our own with recognisable names) type random queries and click random buttons whose
// payloads carry ids of OTHER tenants' rows and of other reps' deals (undo batches, deal
// choices, reminder done/snooze/reschedule, callback scores, contacts, follow-ups, settings,
// admin commands naming other tenants' people). After every action:
//   - no reply (text, card title, fields, button labels) names another tenant's customer (unless
//     the user just typed it), deal, contact, reminder note or person, nor carries another
//     tenant's row id in a button (unless the user just sent it);
//   - no row of another tenant changed, appeared or vanished (hash of every row, per table);
//   - a rep (role and teams as they are at that moment) neither sees the title of a deal they
//     may not see (another rep's) nor changes one.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/chat/index.js';
import { testDb } from '../support/db.js';
import { testRedis } from '../support/redis.js';
import { seedTenants, snapshot, visibleOwners, type Person, type Snapshot } from './support-tenants.js';

type World = Awaited<ReturnType<typeof seedTenants>> & { db: Awaited<ReturnType<typeof testDb>>['db'] };
interface Secrets { customers: string[]; secrets: string[]; ids: string[]; dealsByOwner: { title: string; ownerId: string; id: string }[] }

let w: World;
/** Per tenant: what nobody else may read. Names of people too (distinct across tenants by construction). */
const secretsOf = new Map<string, Secrets>();
const pools = {
  customers: [] as string[], customerIds: [] as string[], dealIds: [] as string[], reminderIds: [] as string[], batchIds: [] as string[], people: [] as string[],
  /** Question tokens from anyone's "choose" buttons, collected as the run goes. */
  tokens: ['00000000'],
};

/** A choose click names a token seen in someone's reply; the step only says which. */
function materialise(action: { intent: string; args: Record<string, unknown> }) {
  if (action.intent !== 'choose') return action;
  const { seen, index } = action.args as { seen: number; index: number };
  return { intent: 'choose', args: { token: pools.tokens[seen % pools.tokens.length], index } };
}

function remember(replies: Reply[]): void {
  for (const b of replies.flatMap((r) => r.card?.buttons ?? [])) {
    const token = b.action.intent === 'choose' ? (b.action.args as { token?: unknown }).token : undefined;
    if (typeof token === 'string' && !pools.tokens.includes(token)) pools.tokens.push(token);
  }
}

async function post(p: Person, body: object): Promise<Reply[]> {
  const res = await w.apps.get(p.tenantId)!.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: p.handle, ...body }) });
  expect(res.status, `${p.tenantId}/${p.handle} ${JSON.stringify(body)}`).toBe(200);
  return ((await res.json()) as { replies: Reply[] }).replies;
}

async function collectSecrets(): Promise<void> {
  const { db } = w;
  for (const tenantId of w.tenants) {
    const [customers, deals, contacts, reminders, users, audit] = await Promise.all([
      db.customer.findMany({ where: { tenantId } }), db.deal.findMany({ where: { tenantId } }), db.contact.findMany({ where: { tenantId } }),
      db.reminder.findMany({ where: { tenantId } }), db.user.findMany({ where: { tenantId } }), db.auditLog.findMany({ where: { tenantId } }),
    ]);
    secretsOf.set(tenantId, {
      customers: customers.map((c) => c.name),
      // The demo tenant's people and contacts (张伟, 王总…) are ordinary words any reply may use
      // (the help text says 张总); its deal titles are not. Ours are all recognisable.
      secrets: [...deals.map((d) => d.title), ...(tenantId === 'demo' ? [] : [
        ...contacts.map((c) => c.name), ...reminders.flatMap((r) => (r.note ? [r.note] : [])), ...users.map((u) => u.name)])],
      ids: [...customers, ...deals, ...contacts, ...reminders, ...users].map((r) => r.id),
      dealsByOwner: deals.map((d) => ({ title: d.title, ownerId: d.ownerId, id: d.id })),
    });
    pools.customers.push(...customers.map((c) => c.name));
    pools.customerIds.push(...customers.map((c) => c.id));
    pools.dealIds.push(...deals.map((d) => d.id));
    pools.reminderIds.push(...reminders.map((r) => r.id));
    pools.batchIds.push(...new Set(audit.map((a) => a.batchId)));
    pools.people.push(...users.map((u) => u.name));
  }
}

beforeAll(async () => {
  const { db } = await testDb();
  const { redis, prefix } = testRedis();
  w = { ...(await seedTenants(db, redis, prefix)), db };
  // Something to undo in every tenant: a customer and a visit, each its own audited batch.
  for (const p of w.people.filter((x) => ['rep1', 'rep2', 'repa', 'repb'].includes(x.handle))) {
    const name = `${p.tenantId.toUpperCase()}新客户${p.handle}`;
    await post(p, { action: { intent: 'create_customer', args: { customer: name, confirmNew: true } } });
    const created = await w.db.customer.findFirstOrThrow({ where: { tenantId: p.tenantId, name } });
    await post(p, { action: { intent: 'log_activity', args: { customerId: created.id, summary: `${name}续约拜访`, channel: 'visit' } } });
  }
  await collectSecrets();
  // The help text's examples name well-known companies (华为, 美团): those words belong to everyone.
  const someone = w.people.find((x) => x.tenantId === 'acme')!;
  const examples = [...await post(someone, { text: '帮助' }), ...await post(someone, { text: '嗯嗯嗯' })].map(visible).join('\n');
  for (const s of secretsOf.values()) s.customers = s.customers.filter((name) => !examples.includes(name));
});

// ---- what users do ----

type Action = { who: number; text: string } | { who: number; action: { intent: string; args: Record<string, unknown> } };

const TYPED: ((c: string, person: string) => string)[] = [
  (c) => `查一下${c}`, (c) => `${c}的商机赢单了`, (c) => `${c}的商机推进到谈判阶段，金额80万`, (c) => `今天拜访了${c}的王总`,
  (c) => `${c}回访，满意度2分`, (c) => `提醒我明天下午3点跟进${c}`, (c) => `给${c}加个联系人刘总 13800138000`, (c) => `${c}的商机输了，原因价格`,
  () => '我的销售漏斗', () => '团队的销售漏斗', () => '本月业绩', () => '团队本月业绩', () => '今天的待办', () => '撤销', () => '1', () => '2',
  (_, p) => `/角色 ${p} 经理`, (_, p) => `/团队 ${p} 华东组`, (_, p) => `/经理 ${p} 华东组`, () => '/用户', () => '/设置 日报 19:00', () => '/设置', () => '帮助',
];

function actionArb(people: number): fc.Arbitrary<Action> {
  const who = fc.nat({ max: people - 1 });
  const pick = (xs: string[]) => fc.constantFrom(...xs);
  const typed = fc.record({ who, tpl: fc.constantFrom(...TYPED), c: pick(pools.customers), p: pick(pools.people) })
    .map(({ who, tpl, c, p }) => ({ who, text: tpl(c, p) }));
  const customerId = pick(pools.customerIds), dealId = pick(pools.dealIds), reminderId = pick(pools.reminderIds);
  const clicks: fc.Arbitrary<{ intent: string; args: Record<string, unknown> }>[] = [
    fc.record({ customerId }).map((args) => ({ intent: 'query_customer', args })),
    fc.record({ customerId, dealId, stage: fc.constantFrom('won', 'lost', 'negotiation') }).map((args) => ({ intent: 'update_deal', args })),
    fc.record({ customerId, dealId, amount: fc.integer({ min: 1, max: 9e6 }) }).map((args) => ({ intent: 'update_deal', args })),
    fc.record({ customerId, summary: fc.constant('越权写入的拜访'), channel: fc.constant('visit') }).map((args) => ({ intent: 'log_activity', args })),
    fc.record({ customerId, contact: fc.constant('越权联系人'), phone: fc.constant('13900000000') }).map((args) => ({ intent: 'add_contact', args })),
    fc.record({ customerId, next_follow_up: fc.constant('2030-01-02T10:00') }).map((args) => ({ intent: 'schedule_follow_up', args })),
    fc.record({ customerId, satisfaction: fc.constant(1), category: fc.constant('satisfaction') }).map((args) => ({ intent: 'record_callback', args })),
    fc.record({ batchId: pick(pools.batchIds) }).map((args) => ({ intent: 'undo', args })),
    fc.record({ reminderId }).map((args) => ({ intent: 'reminder_done', args })),
    fc.record({ reminderId, until: fc.constantFrom('1h', 'tomorrow', 'monday') }).map((args) => ({ intent: 'reminder_snooze', args })),
    fc.record({ reminderId, at: fc.constant('2030-03-04T09:00') }).map((args) => ({ intent: 'reminder_reschedule', args })),
    fc.record({ reminderId }).map((args) => ({ intent: 'reminder_reschedule', args })),
    fc.record({ reminderId, score: fc.integer({ min: 1, max: 5 }) }).map((args) => ({ intent: 'callback_score', args })),
    fc.record({ op: fc.constantFrom('role', 'team', 'manager'), who: pick(pools.people), value: fc.constantFrom('经理', 'rep', '华东组') }).map((args) => ({ intent: 'admin', args })),
    // Another user's pending question (tokens seen in anyone's replies so far), answered by this one.
    fc.record({ seen: fc.nat(), index: fc.nat({ max: 3 }) }).map((args) => ({ intent: 'choose', args })),
  ];
  const click = fc.record({ who, action: fc.oneof(...clicks) });
  return fc.oneof({ weight: 2, arbitrary: typed }, { weight: 3, arbitrary: click });
}

// ---- what must hold ----

const visible = (r: Reply) => [r.text, r.card?.title ?? '', ...(r.card?.fields ?? []).flatMap((f) => [f.label, f.value]), ...(r.card?.buttons ?? []).map((b) => b.label)].join('\n');

/** Everything users of each tenant typed or sent so far: a name they typed is theirs to read back later. */
const sentIn = new Map<string, string[]>();

function expectNoLeak(p: Person, input: string, replies: Reply[], before: Snapshot, after: Snapshot, hidden: { title: string; id: string }[], seen: Set<string> | 'all'): void {
  const shown = replies.map(visible).join('\n');
  const buttons = JSON.stringify(replies.flatMap((r) => r.card?.buttons ?? []).map((b) => b.action));
  const what = `${p.tenantId}/${p.handle} did ${input}\nand read: ${shown}`;
  const sent = [...(sentIn.get(p.tenantId) ?? []), input];
  sentIn.set(p.tenantId, sent);
  const typed = (x: string) => sent.some((i) => i.includes(x));
  const mine = secretsOf.get(p.tenantId)!;
  const alsoMine = new Set([...mine.customers, ...mine.secrets]);
  for (const [tenantId, s] of secretsOf) {
    if (tenantId === p.tenantId) continue;
    // A name both tenants use (each typed their own "repb的赵总") is not another tenant's secret.
    for (const name of s.customers) if (!typed(name) && !alsoMine.has(name)) expect(shown, `${what}\nleaks ${tenantId}'s customer ${name}`).not.toContain(name);
    for (const secret of s.secrets) if (!alsoMine.has(secret) && !typed(secret)) expect(shown, `${what}\nleaks ${tenantId}'s ${secret}`).not.toContain(secret);
    for (const id of s.ids) if (!typed(id)) expect(buttons, `${what}\nhands out ${tenantId}'s id ${id}`).not.toContain(id);
  }
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key), is = after.get(key);
    const tenant = (was ?? is)!.tenantId;
    if (tenant !== p.tenantId) expect(is?.hash, `${what}\nchanged ${tenant}'s ${key}`).toBe(was?.hash);
  }
  if (seen === 'all') return;
  for (const deal of hidden) {
    expect(shown, `${what}\nshows a deal this ${p.handle} may not see: ${deal.title}`).not.toContain(deal.title);
    expect(after.get(`Deal:${deal.id}`)?.hash, `${what}\nchanged a deal this ${p.handle} may not see: ${deal.title}`).toBe(before.get(`Deal:${deal.id}`)?.hash);
  }
}

describe('tenant isolation', () => {
  it('nobody sees or changes another tenant\'s rows, and a rep never another rep\'s deals, whatever they type or click', async () => {
    let actions = 0;
    await fc.assert(fc.asyncProperty(fc.array(actionArb(w.people.length), { minLength: 1, maxLength: 8 }), async (steps) => {
      for (const step of steps) {
        const p = w.people[step.who]!;
        const seen = await visibleOwners(w.db, p.tenantId, p.handle);
        const own = secretsOf.get(p.tenantId)!.dealsByOwner;
        const hidden = seen === 'all' ? [] : own.filter((d) => !seen.has(d.ownerId));
        const before = await snapshot(w.db);
        const body = 'text' in step ? { text: step.text } : { action: materialise(step.action) };
        const replies = await post(p, { ...body, eventId: randomUUID() });
        remember(replies);
        const after = await snapshot(w.db);
        expectNoLeak(p, JSON.stringify(body), replies, before, after, hidden, seen);
        actions++;
      }
    }), { numRuns: 40, endOnFailure: true });
    expect(actions).toBeGreaterThan(80);
  });

  it('the property can fail: the same checks catch a reply naming another tenant\'s deal and a changed foreign row', async () => {
    const rep = w.people.find((x) => x.tenantId === 'acme' && x.handle === 'repa')!;
    const before = await snapshot(w.db);
    const foreign = secretsOf.get('globex')!.dealsByOwner[0]!;
    await w.db.deal.update({ where: { id: foreign.id }, data: { probability: 77 } });
    const after = await snapshot(w.db);
    expect(() => expectNoLeak(rep, '', [{ text: foreign.title }], before, before, [], 'all')).toThrow(/leaks globex/);
    expect(() => expectNoLeak(rep, '', [{ text: 'ok' }], before, after, [], 'all')).toThrow(/changed globex/);
  });
});
