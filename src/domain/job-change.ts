// A contact who changed jobs (issue #11): "王静跳槽了，从美团去了顺丰". The person is added at the new
// customer (add-contact.ts); here their row at the customer they left is marked with the day they
// left — kept for the history, shown as left, no longer reminded of. Only a customer the actor may
// see, and only one the message names (从美团) or, when it names none, the one row of that full name.
import type { Actor, Tx } from './actor.js';
import type { Changes } from './changes.js';
import { canSee } from './ownership.js';

interface Former { id: string; name: string; customerId: string; customerName: string; ownerId: string; tenantId: string }

// 王总, 李经理: a family name with a title is no one person across customers.
const TITLED = /^.(?:总|经理|工|主任|处|处长|科长|部长|老师|姐|哥|总监)$/;
const sameName = (a: string, b: string) => a.includes(b) || b.includes(a);

export async function markFormerContact(changes: Changes, tx: Tx, actor: Actor, input: { name: string; newCustomerId: string; movedFrom?: string }, now: Date): Promise<string[]> {
  const rows = await tx.$queryRaw<Former[]>`
    SELECT c.id, c.name, c."customerId", cu.name AS "customerName", cu."ownerId", cu."tenantId"
      FROM "Contact" c JOIN "Customer" cu ON cu.id = c."customerId"
     WHERE c."tenantId" = ${actor.tenantId} AND lower(c.name) = lower(${input.name})
       AND c."customerId" <> ${input.newCustomerId} AND c."leftAt" IS NULL
     LIMIT 20`;
  const named = input.movedFrom ? rows.filter((r) => sameName(r.customerName, input.movedFrom!)) : rows;
  // With no customer named, only an unambiguous full name is taken to be the same person.
  const former = input.movedFrom ? named : named.length === 1 && !TITLED.test(input.name) ? named : [];
  const left: string[] = [];
  for (const row of former) {
    if (!(await canSee(tx, actor, { id: row.customerId, tenantId: row.tenantId, ownerId: row.ownerId }))) continue;
    await changes.update('contact', row.id, { leftAt: now });
    left.push(row.customerName);
  }
  return left;
}
