// The rows a chat message writes most — activities, follow-up reminders, contacts, deals and
// their stage changes — as raw SQL through the message's transaction (issue #16): each Prisma
// 6.19 model query costs ~0.5–1 ms of CPU in its Wasm query compiler, a raw one ~0.2 ms. The
// rows come back exactly as Prisma's model queries return them (the same fields in the same
// order, enums as strings, Decimal, Date), because the audit keeps them as JSON and undo compares
// that JSON with the row Prisma reads later. Ids are made here as Prisma would (cuid shape, ids.ts);
// `createdAt`/`updatedAt` are set here too, as Prisma's client sets them, not by the database.
import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from './actor.js';
import type { Entity } from './changes.js';
import { newId } from './ids.js';

interface Table {
  sql: Prisma.Sql;
  columns: ReadonlySet<string>;
  /** Enum columns and their Postgres type: parameters are cast to it. */
  enums: Readonly<Record<string, string>>;
  /** Set to the time of the insert when not given (`@default(now())`, `@updatedAt`). */
  stamped: readonly string[];
  /** Set on every update (`@updatedAt`). */
  touched?: string;
  /** The row's fields as Prisma returns them. */
  returning: Prisma.Sql;
}

const quote = (name: string) => `"${name}"`;

function table(name: string, fields: Record<string, string>, enums: Record<string, string>, stamped: string[], touched?: string): Table {
  const columns = Object.values(fields);
  return {
    sql: Prisma.raw(quote(name)), columns: new Set(columns), enums, stamped, touched,
    returning: Prisma.raw(columns.map((c) => (enums[c] ? `${quote(c)}::text AS ${quote(c)}` : quote(c))).join(', ')),
  };
}

const TABLES: Partial<Record<Entity, Table>> = {
  activity: table('Activity', Prisma.ActivityScalarFieldEnum, { channel: 'Channel' }, ['createdAt']),
  reminder: table('Reminder', Prisma.ReminderScalarFieldEnum, { kind: 'ReminderKind', status: 'ReminderStatus' }, ['createdAt', 'updatedAt'], 'updatedAt'),
  contact: table('Contact', Prisma.ContactScalarFieldEnum, {}, ['createdAt', 'updatedAt'], 'updatedAt'),
  deal: table('Deal', Prisma.DealScalarFieldEnum, { stage: 'Stage' }, ['createdAt', 'updatedAt'], 'updatedAt'),
  stageChange: table('StageChange', Prisma.StageChangeScalarFieldEnum, { from: 'Stage', to: 'Stage' }, ['at']),
};

type Data = Record<string, unknown>;

/** Plain column values only: anything else (a relation, `{ increment: 1 }`) stays with Prisma. */
const plain = (v: unknown) => v === null || typeof v !== 'object' || v instanceof Date || Prisma.Decimal.isDecimal(v);

/** The entity's table, when these values can be written with raw SQL. */
export function rawTable(entity: Entity, data: Data = {}): Table | undefined {
  const t = TABLES[entity];
  return t && Object.entries(data).every(([k, v]) => v === undefined || (t.columns.has(k) && plain(v))) ? t : undefined;
}

const defined = (data: Data) => Object.entries(data).filter(([, v]) => v !== undefined);
const value = (t: Table, column: string, v: unknown) => (t.enums[column] ? Prisma.sql`${v}::${Prisma.raw(quote(t.enums[column]))}` : Prisma.sql`${v}`);

export async function insertRow<T>(tx: Tx, t: Table, data: Data): Promise<T> {
  const now = new Date();
  const row: [string, unknown][] = [['id', newId()], ...t.stamped.map((c): [string, unknown] => [c, now])];
  for (const [k, v] of defined(data)) {
    const at = row.findIndex(([c]) => c === k);
    if (at >= 0) row[at] = [k, v];
    else row.push([k, v]);
  }
  const [made] = await tx.$queryRaw<T[]>`
    INSERT INTO ${t.sql} (${Prisma.raw(row.map(([c]) => quote(c)).join(', '))})
    VALUES (${Prisma.join(row.map(([c, v]) => value(t, c, v)))}) RETURNING ${t.returning}`;
  return made!;
}

/** Updates the tenant's row; throws when it has none with this id (as Prisma's update does). */
export async function updateRow<T>(tx: Tx, t: Table, tenantId: string, id: string, data: Data): Promise<T> {
  const sets = defined({ ...(t.touched && { [t.touched]: new Date() }), ...data });
  const [row] = await tx.$queryRaw<T[]>`
    UPDATE ${t.sql} SET ${Prisma.join(sets.map(([c, v]) => Prisma.sql`${Prisma.raw(quote(c))} = ${value(t, c, v)}`))}
     WHERE id = ${id} AND "tenantId" = ${tenantId} RETURNING ${t.returning}`;
  if (!row) throw new Error(`no ${t.sql.text} ${id} to update`);
  return row;
}

export async function selectRow<T>(tx: Tx, t: Table, tenantId: string, id: string): Promise<T | null> {
  const [row] = await tx.$queryRaw<T[]>`SELECT ${t.returning} FROM ${t.sql} WHERE id = ${id} AND "tenantId" = ${tenantId}`;
  return row ?? null;
}

/** The fields of the entity's rows as Prisma returns them, for a raw SELECT. */
export function fieldsOf(entity: Entity): Prisma.Sql {
  return TABLES[entity]!.returning;
}
