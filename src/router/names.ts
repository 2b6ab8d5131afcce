// The tenant's known names — customers and their aliases, contacts, team members — handed to
// the parser as a dictionary (issue #11; the parser stays pure, the names are an argument).
// Kept per tenant in this process; a version number in Redis, bumped after a message changes
// a customer, contact or user, makes every process reload. One GET per parsed message; the
// load itself happens once per change, and at most every MIN_RELOAD_MS per tenant: a busy
// tenant adding contacts with every visit does not reload its names with every message (the
// dictionary is a hint to the parser; a name seconds old is still found without it). Changes
// made outside the chat (import, admin API, CLI) are picked up within MAX_AGE_MS.
import type { Redis } from 'ioredis';
import type { Db } from '../db.js';
import type { Entity } from '../domain/changes.js';
import type { KnownNames } from '../nlu/parse.js';

export type { KnownNames };

const MAX_AGE_MS = 5 * 60_000;
const MIN_RELOAD_MS = 10_000;
const NAMED: ReadonlySet<Entity> = new Set<Entity>(['customer', 'contact', 'user']);

interface Entry { version: string; at: number; names: Promise<KnownNames> }

export class NamesCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Db, private readonly redis: Redis, private readonly prefix: string,
    private readonly timing = { minReloadMs: MIN_RELOAD_MS, maxAgeMs: MAX_AGE_MS },
  ) {}

  /** The tenant's names version in Redis (read with the actor's, src/router/actors.ts). */
  key(tenantId: string) {
    return `${this.prefix}:names:${tenantId}`;
  }

  /** `known`: the version already read for this message (one Redis round trip less). */
  async get(tenantId: string, known?: string | null): Promise<KnownNames> {
    const version = (known === undefined ? await this.redis.get(this.key(tenantId)) : known) ?? '0';
    const hit = this.entries.get(tenantId);
    const age = hit ? Date.now() - hit.at : Infinity;
    if (hit && (hit.version === version ? age < this.timing.maxAgeMs : age < this.timing.minReloadMs)) return hit.names;
    // The promise is cached, so messages arriving together share one load.
    const names = load(this.db, tenantId);
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(tenantId, { version, at: Date.now(), names });
    names.catch(() => this.entries.delete(tenantId));
    return names;
  }

  /** This cache with the version already read for the message. */
  at(known: string | null | undefined): Pick<NamesCache, 'get'> {
    return { get: (tenantId) => this.get(tenantId, known) };
  }

  /** After a committed message: reload if it touched a name. */
  async changed(tenantId: string, made: readonly { entity: Entity }[]): Promise<void> {
    if (!made.some((m) => NAMED.has(m.entity))) return;
    // A customer added or renamed is named again at once ("新客户 湘雅二院", then "湘雅二院监护仪项目
    // 80万"): this process reloads at its next message, throttle or not. Customers change far less
    // often than contacts, which a visit adds.
    if (made.some((m) => m.entity === 'customer')) this.entries.delete(tenantId);
    await this.redis.incr(this.key(tenantId));
  }
}

async function load(db: Db, tenantId: string): Promise<KnownNames> {
  const [customers, contacts, people] = await Promise.all([
    db.$queryRaw<{ name: string }[]>`SELECT DISTINCT unnest(name || aliases) AS name FROM "Customer" WHERE "tenantId" = ${tenantId}`,
    db.$queryRaw<{ name: string }[]>`SELECT DISTINCT name FROM "Contact" WHERE "tenantId" = ${tenantId}`,
    db.$queryRaw<{ name: string }[]>`SELECT DISTINCT name FROM "User" WHERE "tenantId" = ${tenantId}`,
  ]);
  const list = (rows: { name: string }[]) => rows.map((r) => r.name).filter(Boolean);
  return { customers: list(customers), contacts: list(contacts), people: list(people) };
}
