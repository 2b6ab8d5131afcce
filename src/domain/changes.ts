// Every write a message causes goes through here, so each is audited with the row before and
// after; undo (undo.ts) replays a message's audit rows backwards.
import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from './actor.js';
import { newId } from './ids.js';
import { insertRow, rawTable, selectRow, updateRow } from './rows.js';

export type Entity = 'customer' | 'contact' | 'deal' | 'stageChange' | 'activity' | 'reminder' | 'callback' | 'user' | 'team'
  // Who owns a customer (issue #14): moves (claim, release, keep …) and requests are undone like the rest.
  | 'ownershipMove' | 'ownershipRequest'
  | 'target'
  // Contracts and 回款 (issue #15): a plan's instalments and the payments matched to them.
  | 'instalment' | 'payment';

interface Row { id: string }
// The few delegate methods used here, shared by every audited model.
interface Delegate {
  create(args: { data: object }): Promise<Row>;
  update(args: { where: { id: string }; data: object }): Promise<Row>;
  delete(args: { where: { id: string } }): Promise<Row>;
  findUnique(args: { where: { id: string } }): Promise<Row | null>;
}

export function delegate(tx: Tx, entity: Entity): Delegate {
  // Prisma's delegates differ only in their argument types; the audited subset is the same.
  return tx[entity] as unknown as Delegate;
}

export interface ChangeContext {
  tenantId: string;
  userId: string;
  /** Groups the changes of one message: undo takes back a whole batch. */
  batchId: string;
  sourceEventId?: string;
}

export class Changes {
  readonly made: { entity: Entity; id: string; action: string }[] = [];
  /** Audit rows wait here until flush(): one INSERT for the message instead of one per change
   * plus an UPDATE for the label (the inbound bench's hot path, issue #6). */
  private readonly audits: (ChangeContext & { entity: Entity; entityId: string; action: string; before?: object; after: object })[] = [];

  constructor(readonly tx: Tx, readonly ctx: ChangeContext) {}

  /** The message's hot rows (rows.ts) are written with raw SQL, the others through Prisma. */
  async create<T extends Row>(entity: Entity, data: object): Promise<T> {
    const full = { ...data, tenantId: this.ctx.tenantId };
    const raw = rawTable(entity, full);
    const row = raw ? await insertRow<Row>(this.tx, raw, full) : await delegate(this.tx, entity).create({ data: full });
    await this.audit(entity, row.id, 'create', null, row);
    return row as T;
  }

  /** `read`: the whole row as this transaction just read it, so it is not read again (#6). */
  async update<T extends Row>(entity: Entity, id: string, data: object, read?: Row): Promise<T> {
    const raw = rawTable(entity, data as Record<string, unknown>);
    if (raw) {
      const before = read ?? await selectRow<Row>(this.tx, raw, this.ctx.tenantId, id);
      const row = await updateRow<Row>(this.tx, raw, this.ctx.tenantId, id, data as Record<string, unknown>);
      await this.audit(entity, id, 'update', before, row);
      return row as T;
    }
    // Only here: a transaction on a pg client has no Prisma delegates (src/db-tx.ts).
    const d = delegate(this.tx, entity);
    const before = read ?? await d.findUnique({ where: { id } });
    const row = await d.update({ where: { id }, data });
    await this.audit(entity, id, 'update', before, row);
    return row as T;
  }

  /** Writes the audit rows of the changes made, labelled with what the bot told the user
   * ("已记录拜访 · 华为"), in the order made (`seq`). Call it inside the same transaction.
   * `alongside`: another write of the transaction, run in the same statement (a data-modifying
   * CTE: one round trip less, #16). Returns whether it ran: with no audit rows, nothing does. */
  async flush(label: string, alongside?: Prisma.Sql): Promise<boolean> {
    if (!this.audits.length) return false;
    // One raw INSERT of all rows (Prisma's createMany costs ~1 ms of CPU, #16); `seq` by the
    // database, in the order of the VALUES.
    const at = new Date();
    const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
    const rows = this.audits.splice(0).map((a) => Prisma.sql`(${newId()}, ${label}, ${a.tenantId}, ${a.userId}, ${a.batchId}, ${a.entity},
      ${a.entityId}, ${a.action}, ${json(a.before)}::jsonb, ${json(a.after)}::jsonb, ${a.sourceEventId ?? null}, ${at})`);
    await this.tx.$executeRaw`${alongside ? Prisma.sql`WITH alongside AS (${alongside}) ` : Prisma.empty}
      INSERT INTO "AuditLog" (id, label, "tenantId", "userId", "batchId", entity, "entityId", action, before, after, "sourceEventId", "createdAt")
      VALUES ${Prisma.join(rows)}`;
    return true;
  }

  private async audit(entity: Entity, entityId: string, action: string, before: unknown, after: unknown) {
    this.made.push({ entity, id: entityId, action });
    this.audits.push({
      ...this.ctx,
      entity,
      entityId,
      action,
      before: before === null ? undefined : toJson(before),
      after: toJson(after),
    });
  }
}

/** Dates and decimals as strings: what Prisma accepts back when undo restores a row. */
function toJson(row: unknown): object {
  return JSON.parse(JSON.stringify(row)) as object;
}
