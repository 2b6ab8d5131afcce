// The driver adapter the Prisma CLI uses on machines that cannot download Prisma's native
// schema engine: Prisma 6.19 runs its Wasm schema engine through @prisma/adapter-pg.
// Three bugs of that path are worked around here (measured in shared/notes/prisma-offline.md);
// only prisma.config.ts imports this module — the app's own client needs none of it.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

// 1. prisma/orm#27403: the schema engine's catalog queries return `name` (19) and `"char"` (18)
//    columns and their arrays (1003, 1002), which adapter-pg refuses to deserialize. They are
//    plain text for the engine's purposes, so relabel them before adapter-pg sees the fields.
const TEXT = 25;
const TEXT_ARRAY = 1009;
const RELABEL: Record<number, number> = { 18: TEXT, 19: TEXT, 1002: TEXT_ARRAY, 1003: TEXT_ARRAY };

interface FieldDescription { dataTypeID: number }
interface QueryPrototype { handleRowDescription(msg: { fields: FieldDescription[] }): void }

let relabelled = false;
function relabelCatalogTypes(): void {
  if (relabelled) return;
  relabelled = true;
  // pg's Query class is not part of its public types; its prototype is stable across pg 8.
  const proto = (pg as unknown as { Query: { prototype: QueryPrototype } }).Query.prototype;
  const original = proto.handleRowDescription;
  proto.handleRowDescription = function (msg) {
    for (const field of msg.fields) field.dataTypeID = RELABEL[field.dataTypeID] ?? field.dataTypeID;
    original.call(this, msg);
  };
}

// 2. A connection string overrides the `database` adapter-pg sets for the shadow pool, so the
//    "shadow" database would be the main one. Discrete fields avoid that.
function poolConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  const host = u.searchParams.get('host') ?? decodeURIComponent(u.hostname);
  return {
    host,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || 'postgres',
  };
}

// 3. Dropping the shadow database fails while adapter-pg still holds a connection to it;
//    DROP … WITH (FORCE) ends that connection, whose pool then reports 57P01 (expected).
function ignoreTerminated(err: Error & { code?: string }): void {
  if (err.code !== '57P01') console.error(err);
}

class OfflinePrismaPg extends PrismaPg {
  constructor(private readonly poolOptions: pg.PoolConfig) {
    super(poolOptions, { onPoolError: ignoreTerminated });
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.poolOptions, database }, { onPoolError: ignoreTerminated }).connect();
    const closeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await admin.executeScript(`DROP DATABASE "${database}" WITH (FORCE)`);
      await closeShadow().catch(ignoreTerminated);
      await admin.dispose();
    };
    return shadow;
  }
}

export function offlineAdapter(url: string): PrismaPg {
  relabelCatalogTypes();
  return new OfflinePrismaPg(poolConfig(url));
}
