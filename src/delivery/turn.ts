// One chat's messages go out in the order they were queued (#6). Each Delivery row carries its
// conversation and a queue sequence number; a message whose conversation still has an older
// pending message waits for it. What keeps a chat from being blocked forever: a message that
// gives up is marked 'failed'; an older row whose BullMQ job is gone (crash, removed, stalled
// out) is marked 'failed' when found; and a row older than `maxWaitMs` no longer holds anyone.
import type { Address } from '../chat/index.js';
import type { Db } from '../db.js';

/** What `deliver` may ask of its platform's outbound queue. */
export interface OutboundJobs {
  /** The BullMQ state of a message's job; 'unknown' when Redis no longer has it. */
  state(deliveryId: string): Promise<string>;
  /** Runs a message's job now if it sits delayed (waiting for its turn, or its backoff). */
  promote(deliveryId: string): Promise<void>;
}

export interface TurnOptions {
  jobs?: OutboundJobs;
  now: Date;
  /** An older message pending longer than this no longer holds newer ones back. */
  maxWaitMs: number;
}

const LIVE = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);
/** Outbox.send writes the row just before it adds the job: a row this young without a job is not lost. */
const QUEUEING_GRACE_MS = 30_000;

export const conversationOf = (a: Address): string =>
  [a.platform, a.platformTenant, a.conversationId, ...(a.threadId ? [a.threadId] : [])].join(':');

interface Place { conversation: string | null; seq: bigint }
interface Older { id: string; createdAt: Date }
export interface Claimed extends Place { id: string; status: string; older: Older | null }

// Raw SQL on this per-message path (claim, turn, sent mark): Prisma 6's query compiler costs
// ~0.5 ms of CPU a query, and each statement below does the work of two (issue #6).

/** The message's Delivery row (made now for a job queued before #6) and, in the same round trip,
 * the oldest pending message of its conversation queued before it, within `maxWaitMs`. */
export async function claim(db: Db, r: { id: string; tenantId: string; userId?: string; address: Address }, o: Pick<TurnOptions, 'now' | 'maxWaitMs'>): Promise<Claimed> {
  const since = new Date(o.now.getTime() - o.maxWaitMs);
  const [row] = await db.$queryRaw<(Place & { id: string; status: string; olderId: string | null; olderCreatedAt: Date | null })[]>`
    WITH made AS (
      INSERT INTO "Delivery" ("id", "tenantId", "userId", "platform", "conversation")
      VALUES (${r.id}, ${r.tenantId}, ${r.userId ?? null}, ${r.address.platform}, ${conversationOf(r.address)})
      ON CONFLICT ("id") DO NOTHING RETURNING id, status, conversation, seq),
    me AS (SELECT * FROM made UNION ALL SELECT id, status, conversation, seq FROM "Delivery" WHERE id = ${r.id} LIMIT 1)
    SELECT me.id, me.status, me.conversation, me.seq, o.id AS "olderId", o."createdAt" AS "olderCreatedAt"
      FROM me LEFT JOIN LATERAL (
        SELECT d.id, d."createdAt" FROM "Delivery" d
         WHERE d.conversation = me.conversation AND d.status = 'pending' AND d.seq < me.seq AND d."createdAt" >= ${since}
         ORDER BY d.seq LIMIT 1) o ON true`;
  if (!row) throw new Error(`no Delivery row ${r.id}`);
  const { olderId, olderCreatedAt, ...place } = row;
  return { ...place, older: olderId && olderCreatedAt ? { id: olderId, createdAt: olderCreatedAt } : null };
}

/** Marks the message sent; the next pending message of its conversation, if any (to wake it). */
export async function markSent(db: Db, id: string, sentAt: Date): Promise<string | undefined> {
  const [next] = await db.$queryRaw<{ id: string }[]>`
    WITH sent AS (
      UPDATE "Delivery" SET status = 'sent', "sentAt" = ${sentAt}, error = NULL, attempts = attempts + 1
       WHERE id = ${id} RETURNING conversation, seq)
    SELECT d.id FROM "Delivery" d, sent
     WHERE d.conversation = sent.conversation AND d.status = 'pending' AND d.seq > sent.seq
     ORDER BY d.seq LIMIT 1`;
  return next?.id;
}

/** The oldest message of the same conversation that must go out first, if any. `first` is the
 * candidate claim() already found (null: none), which saves the first lookup. */
export async function heldBackBy(db: Db, row: Place, o: TurnOptions, first?: Older | null): Promise<string | undefined> {
  if (!row.conversation) return undefined;
  const since = new Date(o.now.getTime() - o.maxWaitMs);
  for (let candidate = first; ; candidate = undefined) {
    const [older] = candidate !== undefined ? (candidate ? [candidate] : []) : await db.$queryRaw<Older[]>`
      SELECT id, "createdAt" FROM "Delivery"
       WHERE conversation = ${row.conversation} AND status = 'pending' AND seq < ${row.seq} AND "createdAt" >= ${since}
       ORDER BY seq LIMIT 1`;
    if (!older || !o.jobs) return older?.id;
    const state = await o.jobs.state(older.id);
    const young = o.now.getTime() - older.createdAt.getTime() < QUEUEING_GRACE_MS;
    if (LIVE.has(state) || (state === 'unknown' && young)) return older.id;
    // Its job will never run again: it will not be sent, so it must not hold the chat.
    await db.delivery.updateMany({ where: { id: older.id, status: 'pending' }, data: { status: 'failed', error: `lost: its job is ${state}` } });
  }
}

/**
 * Called once a message held back has moved itself to delayed: if the older one settled in the
 * meantime (its wakeNext found this job still active), run now rather than at the next poll.
 */
export async function recheckTurn(db: Db, olderId: string, selfId: string, jobs: OutboundJobs | undefined): Promise<void> {
  if (!jobs) return;
  const older = await db.delivery.findUnique({ where: { id: olderId }, select: { status: true } });
  if (older?.status !== 'pending') await jobs.promote(selfId);
}

/** After a message is settled (sent or given up), the next one in its chat need not wait for its poll. */
export async function wakeNext(db: Db, row: Place, jobs: OutboundJobs | undefined): Promise<void> {
  if (!row.conversation || !jobs) return;
  const [next] = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Delivery" WHERE conversation = ${row.conversation} AND status = 'pending' AND seq > ${row.seq}
     ORDER BY seq LIMIT 1`;
  if (next) await jobs.promote(next.id);
}
