// The outbound worker in rounds (issue #16): the jobs the worker holds are gathered, and a round
// claims all their Delivery rows in one statement, sends them (each chat's messages one after
// another in queue order, different chats side by side), and marks them sent in one statement.
// 1,000 reminders due together cost a few dozen statements instead of two thousand.
// Exactly once, as deliver.ts: a row already sent is not sent again; right after the platform
// takes a message it is recorded (a small Redis key, sent-marks.ts; else in the job's data), so a
// crash before the round's mark records it on the retry instead of sending it again.
import { DelayedError, type Job, type Worker } from 'bullmq';
import { outboundPayloadSchema, type OutboundPayload } from '../../jobs/queues.js';
import {
  deliver, DELIVERY_DEFAULTS, putBackWhileDbDown, recordFailure, send,
  type DeliverDeps, type DeliverJob, type DeliverOutcome, type Result,
} from './deliver.js';
import { heldBackBy, recheckTurn, type Claimed } from './turn.js';
import { claimMany, markManySent } from './turn-batch.js';
import { Rounds } from '../runtime/rounds.js';

export type RoundJob = DeliverJob & Partial<Pick<Job<OutboundPayload>, 'id'>>;

export interface Entry {
  job: RoundJob;
  token?: string;
  done(outcome: DeliverOutcome): void;
  fail(err: unknown): void;
}

/** Most messages a round takes; the worker holds twice as many so the next round is fetched meanwhile. */
export const ROUND_MAX = 64;

type Limiter = Pick<Worker, 'rateLimit'> | undefined;

/** Rounds in flight at once: a send that hangs (up to the send timeout) holds up its own round
 * only. A chat's message in the second round waits for its older one in the first (turn.ts). */
const ROUNDS_AT_ONCE = 2;

/** Gathers a worker's jobs into rounds; jobs arriving while the rounds are busy make the next. */
export class OutboundRounds {
  private readonly rounds: Rounds<Entry>;

  constructor(private readonly deps: DeliverDeps, private readonly worker: () => Limiter, max = ROUND_MAX) {
    this.rounds = new Rounds((round) => deliverRound(round, this.deps, this.worker()), max, ROUNDS_AT_ONCE);
  }

  /** The worker's processor. */
  take(job: RoundJob, token?: string): Promise<DeliverOutcome> {
    // A transient message (Postgres down) touches no row: it goes alone, as before.
    if (job.data.transient) return deliver(job, this.deps, this.worker(), token);
    return new Promise((done, fail) => this.rounds.add({ job, token, done, fail }));
  }
}

/** One round: every entry is settled (done or fail) when it resolves. */
export async function deliverRound(entries: Entry[], deps: DeliverDeps, worker?: Limiter): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const turn = { now: now(), maxWaitMs: deps.maxTurnWaitMs ?? DELIVERY_DEFAULTS.maxTurnWaitMs };
  const settle = (e: Entry, err: unknown) => putBackWhileDbDown(e.job, err, deps, e.token).catch(e.fail);
  entries = entries.filter((e) => {
    const parsed = outboundPayloadSchema.safeParse(e.job.data);
    if (!parsed.success) e.fail(parsed.error);
    return parsed.success;
  });
  if (!entries.length) return;
  let claimed: Map<string, Claimed>;
  try {
    const payloads = entries.map((e) => e.job.data);
    claimed = await claimMany(deps.db, payloads.map((p) => ({ id: p.deliveryId, tenantId: p.tenantId, userId: p.userId, address: p.address })), turn);
  } catch (err) {
    await Promise.all(entries.map((e) => settle(e, err)));
    return;
  }
  const count = (e: Entry, result: Result) => deps.metrics?.messagesOut.inc({ platform: e.job.data.address.platform, result });
  const rowOf = (e: Entry) => claimed.get(e.job.data.deliveryId);
  const missing = entries.filter((e) => !rowOf(e));
  for (const e of missing) e.fail(new Error(`no Delivery row ${e.job.data.deliveryId}`));
  const already = entries.filter((e) => rowOf(e)?.status === 'sent');
  if (already.length) {
    try {
      await deps.db.delivery.updateMany({ where: { id: { in: already.map((e) => e.job.data.deliveryId) } }, data: { attempts: { increment: 1 } } });
      for (const e of already) { count(e, 'already_sent'); e.done('already-sent'); }
    } catch (err) {
      await Promise.all(already.map((e) => settle(e, err)));
    }
  }
  const sent: { e: Entry; at: Date }[] = [];
  const toSend = entries.filter((e) => rowOf(e) && rowOf(e)!.status !== 'sent');
  let taken: Map<string, string>;
  try {
    taken = await takenBefore(toSend, deps);
  } catch (err) {
    await Promise.all(toSend.map((e) => settle(e, err)));
    return;
  }
  const chats = byConversation(toSend, (e) => rowOf(e)!);
  await Promise.all(chats.map((chat) => sendChat(chat, { deps, worker, turn, now, rowOf, count, sent, taken })));
  if (!sent.length) return;
  try {
    const next = await markManySent(deps.db, sent.map((s) => ({ id: s.e.job.data.deliveryId, at: s.at })));
    for (const { e } of sent) { count(e, 'sent'); e.done('sent'); }
    // The next message of these chats need not wait for its poll.
    await Promise.all(next.map((id) => deps.jobs?.promote(id).catch(() => undefined)));
  } catch (err) {
    // Each job holds its sentAt: the retry records it without sending again.
    await Promise.all(sent.map(({ e }) => settle(e, err)));
  }
}

interface RoundCtx {
  deps: DeliverDeps;
  worker: Limiter;
  turn: { now: Date; maxWaitMs: number };
  now: () => Date;
  rowOf(e: Entry): Claimed | undefined;
  count(e: Entry, r: Result): void;
  sent: { e: Entry; at: Date }[];
  /** Messages the platform took on an earlier try (sent-marks.ts): when. */
  taken: Map<string, string>;
}

/** The marks of the entries whose jobs ran before (a retry, a stalled job): the platform may have
 * taken them already. A first try has none to read. */
async function takenBefore(entries: Entry[], deps: DeliverDeps): Promise<Map<string, string>> {
  const again = entries.filter((e) => !e.job.data.sentAt && ((e.job.attemptsStarted ?? 2) > 1 || (e.job.attemptsMade ?? 0) > 0));
  return deps.marks ? deps.marks.of(again.map((e) => e.job.data.deliveryId)) : new Map();
}

/** One chat's messages of the round, oldest first; once one is held back or fails, the rest wait for it. */
async function sendChat(chat: Entry[], c: RoundCtx): Promise<void> {
  const { deps } = c;
  let blocker: string | undefined;
  for (const e of chat) {
    const row = c.rowOf(e)!;
    try {
      const waitingFor = blocker ?? await heldBackBy(deps.db, row, { jobs: deps.jobs, ...c.turn }, row.older);
      if (waitingFor) {
        blocker = waitingFor;
        await e.job.moveToDelayed?.(Date.now() + (deps.turnPollMs ?? DELIVERY_DEFAULTS.turnPollMs), e.token);
        await recheckTurn(deps.db, waitingFor, row.id, deps.jobs);
        throw new DelayedError(`waiting for ${waitingFor}`);
      }
      const p = e.job.data;
      const sentAt = p.sentAt ?? c.taken.get(p.deliveryId);
      if (!sentAt) {
        await send(p, deps, c.worker, (r) => c.count(e, r), (err) => recordFailure(e.job, row, err, deps, c.worker));
        const at = c.now();
        // The platform has it: should this process die before the round's mark, the retry must not send it again.
        const recorded = deps.marks ? deps.marks.record(p.deliveryId, at) : e.job.updateData?.({ ...p, sentAt: at.toISOString() });
        await recorded?.catch(() => undefined);
        c.sent.push({ e, at });
      } else {
        c.sent.push({ e, at: new Date(sentAt) });
      }
    } catch (err) {
      blocker ??= row.id;
      if (err instanceof DelayedError) e.fail(err);
      else await putBackWhileDbDown(e.job, err, deps, e.token).catch(e.fail);
    }
  }
}

/** Entries grouped by conversation, each group in queue order (rows from before #6 have none: each alone). */
function byConversation(entries: Entry[], rowOf: (e: Entry) => Claimed): Entry[][] {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const row = rowOf(e);
    const key = row.conversation ?? `\u0000${row.id}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => (rowOf(a).seq < rowOf(b).seq ? -1 : 1)));
}
