// turn.ts for a round of messages (issue #16): one statement claims them all and one marks them
// all sent, instead of two statements per message. The rules are turn.ts's: a message waits for
// an older pending message of its conversation, unless that one is in the same round (the round
// sends each chat's messages in queue order).
import type { Address } from '../chat/index.js';
import type { Db } from '../db.js';
import { conversationOf, type Claimed, type TurnOptions } from './turn.js';

export interface ClaimRequest { id: string; tenantId: string; userId?: string; address: Address }

interface Row { id: string; status: string; conversation: string | null; seq: bigint; olderId: string | null; olderCreatedAt: Date | null }

/** The messages' Delivery rows (made now for jobs queued before #6), each with the oldest pending
 * message of its conversation queued before it that is not in this round; keyed by id. */
export async function claimMany(db: Db, rs: ClaimRequest[], o: Pick<TurnOptions, 'now' | 'maxWaitMs'>): Promise<Map<string, Claimed>> {
  const since = new Date(o.now.getTime() - o.maxWaitMs);
  const ids = rs.map((r) => r.id);
  // `made` is not visible to the rest of the statement (one snapshot): the rows it inserts come
  // from its RETURNING, the others from the table.
  const rows = await db.$queryRaw<Row[]>`
    WITH input AS (
      SELECT * FROM unnest(${ids}::text[], ${rs.map((r) => r.tenantId)}::text[], ${rs.map((r) => r.userId ?? null)}::text[],
        ${rs.map((r) => r.address.platform)}::text[], ${rs.map((r) => conversationOf(r.address))}::text[])
        WITH ORDINALITY AS t(id, tenant, "user", platform, conversation, ord)),
    made AS (
      INSERT INTO "Delivery" ("id", "tenantId", "userId", "platform", "conversation")
      SELECT id, tenant, "user", platform, conversation FROM input ORDER BY ord
      ON CONFLICT ("id") DO NOTHING RETURNING id, status, conversation, seq),
    me AS (
      SELECT id, status, conversation, seq FROM made
      UNION ALL SELECT d.id, d.status, d.conversation, d.seq FROM "Delivery" d WHERE d.id = ANY(${ids}::text[]))
    SELECT me.id, me.status, me.conversation, me.seq, o.id AS "olderId", o."createdAt" AS "olderCreatedAt"
      FROM me LEFT JOIN LATERAL (
        SELECT d.id, d."createdAt" FROM "Delivery" d
         WHERE d.conversation = me.conversation AND d.status = 'pending' AND d.seq < me.seq AND d."createdAt" >= ${since}
           AND d.id <> ALL(${ids}::text[])
         ORDER BY d.seq LIMIT 1) o ON true`;
  return new Map(rows.map(({ olderId, olderCreatedAt, ...place }) => [place.id, {
    ...place, older: olderId && olderCreatedAt ? { id: olderId, createdAt: olderCreatedAt } : null,
  }]));
}

/** Marks the messages sent (each at its own time); the next pending message of each of their
 * conversations that is not among them (to wake it). */
export async function markManySent(db: Db, sent: { id: string; at: Date }[]): Promise<string[]> {
  if (!sent.length) return [];
  const ids = sent.map((s) => s.id);
  // Delivery.sentAt is a timestamp without time zone holding UTC, as Prisma writes it.
  const next = await db.$queryRaw<{ id: string }[]>`
    WITH v AS (SELECT * FROM unnest(${ids}::text[], ${sent.map((s) => s.at.toISOString())}::text[]) AS v(id, at)),
    done AS (
      UPDATE "Delivery" d SET status = 'sent', "sentAt" = (v.at::timestamptz AT TIME ZONE 'UTC'), error = NULL, attempts = d.attempts + 1
        FROM v WHERE d.id = v.id RETURNING d.conversation, d.seq)
    SELECT DISTINCT ON (n.conversation) n.id FROM "Delivery" n JOIN done ON n.conversation = done.conversation AND n.seq > done.seq
     WHERE n.status = 'pending' AND n.id <> ALL(${ids}::text[])
     ORDER BY n.conversation, n.seq`;
  return next.map((n) => n.id);
}
