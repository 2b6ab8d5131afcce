// Who is writing, kept per process (issue #16): a chat identity's user and actor (role, teams
// seen, locale, time zone) cost two SQL statements per message; cached, one Redis GET. A version
// number per tenant in Redis, bumped after anything changes a user, a team or the tenant — a
// message (its audited changes, an undo, the admin command), the admin API — makes every process
// reload that tenant's actors at once, as the names cache does (names.ts). The version is read
// before the load, so a change committed during the load is seen by the next message. Writes
// that bump nothing (CLI, import, seed) are picked up within MAX_AGE_MS.
import type { Redis } from 'ioredis';
import type { Identity } from '../chat/index.js';
import type { Db } from '../db.js';
import { loadActor, type Actor } from '../domain/actor.js';
import type { Entity } from '../domain/changes.js';
import { resolveUser } from '../domain/users.js';

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 50_000;
const PEOPLE: ReadonlySet<Entity> = new Set<Entity>(['user', 'team']);

interface Entry { version: string; at: number; actor: Actor }
type Who = Pick<Actor, 'tenantId' | 'userId'>;

const versionKey = (prefix: string, tenantId: string) => `${prefix}:people:${tenantId}`;

/** Every process reloads the tenant's actors before its next message. */
export async function peopleChanged(redis: Redis, prefix: string, tenantId: string): Promise<void> {
  await redis.incr(versionKey(prefix, tenantId));
}

export class ActorCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly db: Db, private readonly redis: Redis, private readonly prefix: string, private readonly maxAgeMs = MAX_AGE_MS) {}

  /** The actor; `also`: other keys of the tenant or user read in the same round trip (the names
   * version, the pending question), their values in the same order. */
  async get(from: Identity, also: (who: Who) => string[] = () => []): Promise<{ actor: Actor; also: (string | null)[] }> {
    const id = [from.platform, from.platformTenant, from.userId].join('\u0000');
    const hit = this.entries.get(id);
    if (hit && Date.now() - hit.at < this.maxAgeMs) {
      const [version, ...other] = await this.versions(hit.actor, also);
      if (version === hit.version) return { actor: hit.actor, also: other };
    }
    const user = await resolveUser(this.db, from);
    const [version, ...other] = await this.versions({ tenantId: user.tenantId, userId: user.id }, also);
    const actor = await loadActor(this.db, user.id);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(id, { version, at: Date.now(), actor });
    return { actor, also: other };
  }

  /** After a committed message: bump when it may have changed a user or a team. */
  async changed(tenantId: string, made: readonly { entity: Entity }[], force = false): Promise<void> {
    if (force || made.some((m) => PEOPLE.has(m.entity))) await peopleChanged(this.redis, this.prefix, tenantId);
  }

  private async versions(who: Who, also: (who: Who) => string[]): Promise<[string, ...(string | null)[]]> {
    const [version, ...other] = await this.redis.mget(versionKey(this.prefix, who.tenantId), ...also(who));
    return [version ?? '0', ...other];
  }
}
