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

/** The oldest message of the same conversation that must go out first, if any. */
export async function heldBackBy(db: Db, row: Place, o: TurnOptions): Promise<string | undefined> {
  if (!row.conversation) return undefined;
  const since = new Date(o.now.getTime() - o.maxWaitMs);
  for (;;) {
    // Raw SQL on this per-message path: Prisma 6's query compiler costs ~0.5 ms of CPU a query.
    const [older] = await db.$queryRaw<{ id: string; createdAt: Date }[]>`
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
