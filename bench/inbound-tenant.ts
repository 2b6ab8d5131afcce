// The inbound bench's throwaway Feishu tenant: `feishu-<tenant_key>` is the salesbot tenant the
// product maps that tenant_key's users to (src/domain/users.ts). Its reps, their customers and
// one open deal per customer are written up front, so every generated message is a visit with
// deal facts on a known customer (no "create this customer?" question). Deleted afterwards.
import type { Db } from '../src/db.js';
import { nameKeys } from '../src/domain/names.js';
import { customerName, type BenchUser } from './inbound-protocol.js';

export interface BenchTenant { tenantKey: string; tenantId: string; users: BenchUser[] }

const chunks = <T>(xs: T[], n = 1000): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

export async function seedTenant(db: Db, tenantKey: string, reps: number, customersEach: number): Promise<BenchTenant> {
  const tenantId = `feishu-${tenantKey}`;
  await db.tenant.create({ data: { id: tenantId, name: `inbound bench ${tenantKey}` } });
  const users = Array.from({ length: reps }, (_, i) => ({ id: `${tenantId}-u${i}`, openId: `ou_bench_${i}` }));
  await db.user.createMany({ data: users.map((u, i) => ({ id: u.id, tenantId, handle: `feishu-${u.openId}`, name: `销售${i}` })) });
  await db.chatIdentity.createMany({
    data: users.map((u) => ({ tenantId, platform: 'feishu', platformTenant: tenantKey, platformUserId: u.openId, userId: u.id })),
  });
  const customers = Array.from({ length: reps * customersEach }, (_, i) => {
    const name = customerName(i);
    return { id: `${tenantId}-c${i}`, tenantId, name, ...nameKeys(name), ownerId: users[i % reps]!.id };
  });
  for (const chunk of chunks(customers)) await db.customer.createMany({ data: chunk });
  for (const chunk of chunks(customers)) {
    await db.deal.createMany({ data: chunk.map((c) => ({ tenantId, customerId: c.id, ownerId: c.ownerId, title: c.name })) });
  }
  return {
    tenantKey, tenantId,
    users: users.map((u, i) => ({ openId: u.openId, customers: customers.filter((_, j) => j % reps === i).map((c) => c.name) })),
  };
}

/** Every row the tenant has: the models with a tenantId, then the tenant (users, customers and
 * teams cascade). */
export async function dropTenant(db: Db, tenantId: string): Promise<void> {
  const where = { where: { tenantId } };
  await db.auditLog.deleteMany(where);
  await db.activity.deleteMany(where);
  await db.reminder.deleteMany(where);
  await db.stageChange.deleteMany(where);
  await db.deal.deleteMany(where);
  await db.contact.deleteMany(where);
  await db.callback.deleteMany(where);
  await db.target.deleteMany(where);
  await db.delivery.deleteMany(where);
  await db.processedEvent.deleteMany(where);
  await db.chatAddress.deleteMany(where);
  await db.chatIdentity.deleteMany(where);
  await db.tenant.deleteMany({ where: { id: tenantId } });
}
