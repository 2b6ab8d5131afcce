// The inbound worker in rounds (issue #16), as the outbound one sends (deliver-batch.ts): the jobs
// the worker holds are gathered, and a round takes the holds of all its chats in one Redis call
// (chat-turns.ts), runs the router on each event — one chat's events one after another in their
// line's order, a few chats side by side — hands all the replies to the outbox in one Delivery
// INSERT and one bulk add, and gives the holds back in one call. One event at a time, each event
// cost two hold calls, and each reply an INSERT and an add.
// What stays per event: its transaction (router.handle), so one that fails fails alone — BullMQ
// retries its job as before, and Postgres being down puts it back (db-down.ts); exactly once is
// still the router's ProcessedEvent row and the replies' keys. The transaction also stores the
// event's replies on that row, so a worker killed after an event's commit and before the round's
// hand-off loses nothing: the job's retry finds the event a duplicate with replies not yet sent
// (RouterResult.unsent) and queues them under the same keys.
import { DelayedError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { inboundPayloadSchema, type InboundPayload } from '../../jobs/queues.js';
import type { InboundEvent } from '../chat/index.js';
import type { Router, RouterResult } from '../router/index.js';
import type { ChatTurns, RoundHolds } from './chat-turns.js';
import { waitOutOutage } from './db-down.js';
import { eventKey } from './inbound.js';
import type { Outbox, SendInput } from './outbox.js';
import { conversationOf } from './turn.js';
import { Rounds } from '../runtime/rounds.js';

/** What a round needs of a BullMQ job; tests and the bench pass the first two only. */
export type InboundJob = Pick<Job<InboundPayload>, 'id' | 'data'> & Partial<Pick<Job<InboundPayload>, 'timestamp' | 'moveToDelayed' | 'updateData'>>;

export interface InboundEntry {
  job: InboundJob;
  /** The worker's lock token; without it (outside a worker) nothing can step back or be put back. */
  token?: string;
  done(): void;
  fail(err: unknown): void;
}

export interface InboundRoundDeps {
  router: Pick<Router, 'handle'>;
  outbox: Pick<Outbox, 'send' | 'sendMany'>;
  log: Logger;
  /** The chats' holds; without them, events of one chat may run side by side. */
  turns?: ChatTurns;
  now?: () => number;
}

/** Most events a round takes; the worker holds twice as many so the next round is fetched meanwhile. */
export const INBOUND_ROUND_MAX = 32;
const ROUNDS_AT_ONCE = 2;
/** Chats a round runs side by side: with two rounds, 8 transactions at once, as the worker ran before rounds. */
const CHATS_AT_ONCE = 4;
/** An event that is not its chat's turn tries again after this (chat-turns.ts). */
const STEP_BACK_MS = 50;

/** Gathers a worker's jobs into rounds; jobs arriving while the rounds are busy make the next. */
export class InboundRounds {
  private readonly rounds: Rounds<InboundEntry>;

  constructor(deps: InboundRoundDeps, max = INBOUND_ROUND_MAX) {
    this.rounds = new Rounds((round) => handleRound(round, deps), max, ROUNDS_AT_ONCE);
  }

  /** The worker's processor. */
  take(job: Job<InboundPayload>, token?: string): Promise<void> {
    return new Promise((done, fail) => this.rounds.add({ job, token, done, fail }));
  }
}

interface Item {
  entry: InboundEntry;
  event: InboundEvent;
  handled?: Pick<RouterResult, 'replies' | 'tenantId' | 'userId'>;
  /** Its job carries `handled` already (an earlier try stored the event). */
  carried?: true;
}

/** One round: every entry is settled (done or fail) when it resolves. */
export async function handleRound(entries: InboundEntry[], deps: InboundRoundDeps): Promise<void> {
  const items = entries.flatMap((entry): Item[] => {
    const parsed = inboundPayloadSchema.safeParse(entry.job.data);
    if (!parsed.success) entry.fail(parsed.error);
    return parsed.success ? [{ entry, event: parsed.data.event, handled: parsed.data.handled, ...(parsed.data.handled && { carried: true as const }) }] : [];
  });
  // An event stored on an earlier try whose replies could not be queued only queues them now.
  const results: Item[] = items.filter((i) => i.handled);
  const fresh = items.filter((i) => !i.handled);
  let holds: RoundHolds | undefined;
  let settle: (() => void)[] = [];
  try {
    // Redis unreachable: these jobs fail and BullMQ retries them, as when one event's hold failed.
    const turns = await takeTurns(fresh, deps).catch((err: unknown) => { fresh.forEach((i) => i.entry.fail(err)); return { chats: [], holds: undefined }; });
    holds = turns.holds;
    await eachAtOnce(turns.chats, CHATS_AT_ONCE, async (chat) => {
      for (const item of chat) {
        try {
          // A duplicate whose stored replies are not all sent (a worker killed between its commit
          // and the hand-off) queues them again: the same keys, so none goes out twice.
          const { replies, unsent, tenantId, userId } = await deps.router.handle(item.event);
          results.push({ ...item, handled: { replies: unsent ?? replies, tenantId, userId } });
        } catch (err) {
          await putBack(item, err, deps);
        }
      }
    });
    settle = await handOff(results, deps);
  } finally {
    // Given back after the hand-off: the chat's next event is not handled before these replies are queued.
    if (holds) await deps.turns?.releaseMany(holds).catch((err: Error) => deps.log.warn({ err: err.message }, 'chat holds not released'));
  }
  for (const s of settle) s();
}

/** The round's events by chat, each chat's in the order it may run them; the events that are not
 * their chat's turn step back (retried in a moment, no attempt used). */
async function takeTurns(fresh: Item[], deps: InboundRoundDeps): Promise<{ chats: Item[][]; holds?: RoundHolds }> {
  const byChat = new Map<string, Item[]>();
  for (const item of fresh) {
    const chat = conversationOf(item.event.address);
    byChat.set(chat, [...(byChat.get(chat) ?? []), item]);
  }
  if (!deps.turns || !fresh.length) return { chats: [...byChat.values()] };
  const holds = await deps.turns.takeMany(fresh.map((i) => ({ address: i.event.address, id: `${i.entry.job.id}` })));
  const byId = new Map(fresh.map((i) => [`${i.entry.job.id}`, i]));
  const taken = holds.chats.map((c) => c.taken.map((id) => byId.get(id)!));
  const mine = new Set(taken.flat());
  for (const [c, chat] of holds.chats.entries()) {
    for (const item of byChat.get(conversationOf(chat.address)) ?? []) {
      if (mine.has(item)) continue;
      // Outside a worker (tests, the bench) there is nothing to step back in: it runs after the others.
      if (!item.entry.token || !item.entry.job.moveToDelayed) { taken[c]!.push(item); continue; }
      await item.entry.job.moveToDelayed(Date.now() + STEP_BACK_MS, item.entry.token)
        .then(() => item.entry.fail(new DelayedError('chat busy')), (err: unknown) => item.entry.fail(err));
    }
  }
  return { chats: taken, holds };
}

/** The replies of the round's handled events in one go; returns how to settle their jobs. */
async function handOff(results: Item[], deps: InboundRoundDeps): Promise<(() => void)[]> {
  const replies = results.flatMap(({ event, handled }) => handled!.replies.map((reply, i): SendInput => ({
    tenantId: handled!.tenantId, userId: handled!.userId, address: event.address, reply,
    key: `${eventKey(event)}:reply${i}`, replyTo: event.messageId,
  })));
  try {
    if (replies.length) await deps.outbox.sendMany(replies);
    deps.log.debug({ events: results.length, replies: replies.length }, 'round queued its replies');
    return results.map((r) => () => r.entry.done());
  } catch (err) {
    // The events are stored; their replies go with the jobs so the retries still send them.
    await Promise.all(results.map((r) => putBack(r, err, deps)));
    return [];
  }
}

/** As the worker did for one event: an outage puts the job back (db-down.ts), anything else fails it. */
/** `item.handled`: the event is stored, its replies were not queued — no "will be saved" notice. */
async function putBack(item: Item, err: unknown, deps: InboundRoundDeps): Promise<void> {
  const { entry } = item;
  try {
    if (item.handled && !item.carried) await entry.job.updateData?.({ ...entry.job.data, handled: item.handled });
    await waitOutOutage(entry.job as Job<InboundPayload>, entry.token, err, { ...deps, notice: !item.handled });
  } catch (thrown) {
    entry.fail(thrown);
  }
}

/** `fn` over `items`, at most `limit` at once. */
async function eachAtOnce<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => { while (next < items.length) await fn(items[next++]!); };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
