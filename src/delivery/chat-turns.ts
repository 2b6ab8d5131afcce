// One chat's messages are handled one at a time, in the order they arrived. The inbound worker
// runs eight events at once (and more worker processes may run); without this, "拜访了华为的张总"
// and "/撤销" typed a moment apart could run side by side and the undo find nothing yet.
//
// Each chat has a line (a sorted set): the sink puts an event in it, stamped with Redis's clock,
// before queueing it. A worker may take the chat's hold only for the event at the head of the
// line; any other steps back for a moment (BullMQ moveToDelayed, no attempt used) and tries again.
// A plain hold alone was not enough (found by tests/delivery/worker-processes.test.ts): an event
// stepping back could be overtaken by a later one of its chat taking the hold in between.
// A head whose job has finished or never got queued (a platform's re-delivery of a finished
// event, a sink that died between the two steps) is dropped from the line by the next event.
// An event whose handling fails leaves the line: its retries take the hold when it is free,
// so one bad message does not hold up its chat for its back-off.
import { DelayedError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Address } from '../chat/index.js';
import { INBOUND } from '../../jobs/queues.js';
import { randomUUID } from 'node:crypto';
import { conversationOf } from './turn.js';

/** Longer than any message takes; only a crashed worker's hold ever runs out. */
const HOLD_MS = 60_000;
const RETRY_MS = 50;
/** An idle chat's line goes after a day. */
const LINE_TTL_MS = 24 * 3600_000;
/** A head with no job after this long was never queued (its sink failed after entering it). */
const NEVER_QUEUED_MS = 10_000;

// KEYS: line. ARGV: member, ttl. A re-delivery keeps its first place (NX); the stamp is Redis's
// clock in µs, kept after the line's last so the order is the order of entry.
const ENTER = `
local t = redis.call('time')
local stamp = tonumber(t[1]) * 1000000 + tonumber(t[2])
local last = redis.call('zrange', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] and tonumber(last[2]) >= stamp then stamp = tonumber(last[2]) + 1 end
redis.call('zadd', KEYS[1], 'NX', stamp, ARGV[1])
redis.call('pexpire', KEYS[1], ARGV[2])
return 1`;

// KEYS: hold, line. ARGV: me, hold ms, job key prefix, never-queued µs.
// Returns 1 when the hold is ours, 0 when we must wait. Heads whose jobs are gone or finished
// are dropped first (a few per call). The job hashes are read by name, not passed in KEYS: this
// needs one Redis, not a Cluster (README, Deploy). An event not in the line (queued before it existed,
// or retrying after a failure) only needs the hold to be free.
const TAKE = `
local inLine = redis.call('zscore', KEYS[2], ARGV[1])
if inLine then
  local t = redis.call('time')
  local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
  for i = 1, 20 do
    local head = redis.call('zrange', KEYS[2], 0, 0, 'WITHSCORES')
    if head[1] == ARGV[1] then break end
    local job = ARGV[3] .. head[1]
    local exists = redis.call('exists', job) == 1
    local finished = exists and redis.call('hexists', job, 'finishedOn') == 1
    if finished or (not exists and now - tonumber(head[2]) > tonumber(ARGV[4])) then
      redis.call('zrem', KEYS[2], head[1])
    else
      return 0
    end
  end
  if redis.call('zrange', KEYS[2], 0, 0)[1] ~= ARGV[1] then return 0 end
end
if redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
return 0`;

// KEYS: hold, line. ARGV: me. Leaves the line; deletes the hold only if it is still ours (it may
// have run out and been taken by another).
const RELEASE = `
redis.call('zrem', KEYS[2], ARGV[1])
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

// For a round of events (the inbound worker in rounds, #16): all the round's chats in one call.
// KEYS: hold and line of each chat. ARGV: the round's owner id, hold ms, job key prefix,
// never-queued µs, then for each chat the number of its events in the round and their ids.
// Per chat, as TAKE: finished or never-queued heads are dropped, the hold is taken if free, and
// the round gets its events that are not in the line (they only need the hold) and then those at
// the line's head, in line order, up to the first event that is not in the round. Returns, per
// chat, the ids taken, in that order (none: the hold is not the round's).
const TAKE_MANY = `
local t = redis.call('time')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local out = {}
local a = 5
for c = 1, #KEYS / 2 do
  local hold, line = KEYS[2 * c - 1], KEYS[2 * c]
  local n = tonumber(ARGV[a])
  local mine, loose = {}, {}
  for i = 1, n do
    local id = ARGV[a + i]
    mine[id] = true
    if not redis.call('zscore', line, id) then loose[#loose + 1] = id end
  end
  a = a + n + 1
  for i = 1, 20 do
    local head = redis.call('zrange', line, 0, 0, 'WITHSCORES')
    if not head[1] or mine[head[1]] then break end
    local job = ARGV[3] .. head[1]
    local exists = redis.call('exists', job) == 1
    local finished = exists and redis.call('hexists', job, 'finishedOn') == 1
    if finished or (not exists and now - tonumber(head[2]) > tonumber(ARGV[4])) then
      redis.call('zrem', line, head[1])
    else
      break
    end
  end
  local taken = {}
  if redis.call('set', hold, ARGV[1], 'PX', ARGV[2], 'NX') then
    for _, id in ipairs(loose) do taken[#taken + 1] = id end
    for _, id in ipairs(redis.call('zrange', line, 0, n - 1)) do
      if not mine[id] then break end
      taken[#taken + 1] = id
    end
    if #taken == 0 then redis.call('del', hold) end
  end
  out[c] = taken
end
return out`;

// KEYS: hold and line of each chat. ARGV: the round's owner id, then for each chat the number of
// ids leaving its line and the ids. As RELEASE, for each chat.
const RELEASE_MANY = `
local a = 2
for c = 1, #KEYS / 2 do
  local hold, line = KEYS[2 * c - 1], KEYS[2 * c]
  local n = tonumber(ARGV[a])
  for i = 1, n do redis.call('zrem', line, ARGV[a + i]) end
  a = a + n + 1
  if redis.call('get', hold) == ARGV[1] then redis.call('del', hold) end
end
return 1`;

/** A round's holds (takeMany); releaseMany gives them back. */
export interface RoundHolds {
  owner: string;
  /** Each chat of the round and the ids of its events taken, in the order they are to be handled. */
  chats: { address: Address; taken: string[] }[];
}

export class ChatTurns {
  /** `prefix`: the queues' BullMQ prefix (the inbound job hashes live under it). */
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private keys(address: Address): [string, string] {
    const chat = conversationOf(address);
    return [`${this.prefix}:chat-busy:${chat}`, `${this.prefix}:chat-line:${chat}`];
  }

  /** Puts an event in its chat's line; the sink calls it before queueing the event under `jobId`. */
  async enter(address: Address, jobId: string): Promise<void> {
    await this.redis.eval(ENTER, 1, this.keys(address)[1], jobId, LINE_TTL_MS);
  }

  /** Runs `work` while holding the chat; when it is another event's turn, this job waits (throws DelayedError). */
  async run<T>(address: Address, job: Pick<Job, 'id' | 'moveToDelayed'>, token: string | undefined, work: () => Promise<T>): Promise<T> {
    const me = `${job.id}`;
    const keys = this.keys(address);
    const jobKeys = `${this.prefix}:${INBOUND}:`;
    const got = await this.redis.eval(TAKE, 2, ...keys, me, HOLD_MS, jobKeys, NEVER_QUEUED_MS * 1000);
    if (got !== 1) {
      if (!token) return work(); // called outside a worker (tests): nothing to step back in
      await job.moveToDelayed(Date.now() + RETRY_MS, token);
      throw new DelayedError('chat busy');
    }
    try {
      return await work();
    } finally {
      await this.redis.eval(RELEASE, 2, ...keys, me).catch(() => undefined);
    }
  }

  /** One call for a round's events, whatever its chats (the inbound worker in rounds, #16): per
   * chat, the events the round may handle now, in order. An event not taken is another's turn. */
  async takeMany(events: { address: Address; id: string }[]): Promise<RoundHolds> {
    const chats = new Map<string, { address: Address; ids: string[] }>();
    for (const e of events) {
      const chat = conversationOf(e.address);
      const at = chats.get(chat) ?? { address: e.address, ids: [] };
      at.ids.push(e.id);
      chats.set(chat, at);
    }
    const owner = `round:${randomUUID()}`;
    const list = [...chats.values()];
    const keys = list.flatMap((c) => this.keys(c.address));
    const args = list.flatMap((c) => [c.ids.length, ...c.ids]);
    const taken = (await this.redis.eval(TAKE_MANY, keys.length, ...keys, owner, HOLD_MS, `${this.prefix}:${INBOUND}:`, NEVER_QUEUED_MS * 1000, ...args)) as string[][];
    return { owner, chats: list.map((c, i) => ({ address: c.address, taken: taken[i] ?? [] })) };
  }

  /** Gives back a round's holds; the events it took leave their lines. */
  async releaseMany(holds: RoundHolds): Promise<void> {
    const held = holds.chats.filter((c) => c.taken.length);
    if (!held.length) return;
    const keys = held.flatMap((c) => this.keys(c.address));
    const args = held.flatMap((c) => [c.taken.length, ...c.taken]);
    await this.redis.eval(RELEASE_MANY, keys.length, ...keys, holds.owner, ...args);
  }
}
