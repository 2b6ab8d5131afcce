// The inbound bench's throwaway Feishu tenant: `feishu-<tenant_key>` is the salesbot tenant the
// product maps that tenant_key's users to (src/domain/users.ts). Its reps, their customers and
// one open deal per customer are written up front, so every generated message is a visit with
// deal facts on a known customer (no "create this customer?" question). Deleted afterwards.
import type { Db } from '../src/db.js';
import { nameKeys } from '../src/domain/names.js';
import { deleteTenant } from '../src/domain/tenant-data.js';
import type { RowCounts } from './inbound-figures.js';
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

/** Every row the tenant has, in every table (the product's own `tenant delete`). */
export async function dropTenant(db: Db, tenantId: string): Promise<void> {
  await deleteTenant(db, tenantId);
}

/** What the product stored for the bench tenant, against the events it acknowledged. */
export async function countRows(db: Db, tenant: BenchTenant, acked: string[]): Promise<RowCounts> {
  const { tenantId } = tenant;
  const activities = await db.activity.findMany({ where: { tenantId }, select: { sourceMessageId: true } });
  const sources = new Set(activities.map((a) => a.sourceMessageId));
  // The router's event key (src/delivery/inbound.ts eventKey) is what Activity.sourceMessageId holds.
  const keys = new Set(acked.map((id) => `feishu:${tenant.tenantKey}:${id}`));
  return {
    activities: activities.length,
    distinctActivitySources: sources.size,
    ackedNotStored: [...keys].filter((k) => !sources.has(k)).length,
    storedNotAcked: [...sources].filter((k) => !keys.has(k ?? '')).length,
    processedEvents: await db.processedEvent.count({ where: { tenantId } }),
    dealUpdates: await db.auditLog.count({ where: { tenantId, entity: 'deal', action: 'update' } }),
    deliveriesSent: await db.delivery.count({ where: { tenantId, status: 'sent' } }),
  };
}
