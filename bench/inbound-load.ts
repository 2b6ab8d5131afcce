// The inbound bench's load generator, a child process of bench/inbound.ts so that it never
// shares the measured server's event loop. It posts signed, encrypted Feishu
// im.message.receive_v1 events over keep-alive loopback connections, and hosts the fake Feishu
// open API (tests/adapters/fakes) that the product's replies go to, so it times both the ack
// (HTTP response) and the end-to-end path (event sent → reply received) on one clock.
import { Agent, request } from 'node:http';
import { encrypt, signatureOf } from '../adapters/feishu/crypto.js';
import { FakeFeishuApi } from '../tests/adapters/fakes/feishu-api.js';
import { ENCRYPT_KEY, messageEvent } from '../tests/adapters/fakes/feishu-rig.js';
import { sayings, type LoadCommand, type LoadReply, type StageResult, type StageSpec } from './inbound-protocol.js';

const now = () => performance.timeOrigin + performance.now();
const agent = new Agent({ keepAlive: true, maxSockets: 128 });
const api = new FakeFeishuApi();
/** Reply arrival times and counts by the Feishu message id replied to (`om_<eventId>`). */
const replies = new Map<string, { at: number; count: number }>();
api.onSend = (s) => {
  if (s.via !== 'reply' || !s.replyTo) return;
  const seen = replies.get(s.replyTo);
  if (seen) seen.count++;
  else {
    replies.set(s.replyTo, { at: now(), count: 1 });
    waiting.get(s.replyTo)?.();
  }
};

let users: { openId: string; customers: string[] }[] = [];
let tenantKey = '';

interface Item { eventId: string; body: string; headers: Record<string, string>; again: boolean }

/** The event `seq` of the run: a rep of the bench tenant logging a visit with deal facts. */
function eventFor(runTag: string, seq: number): { eventId: string; payload: object } {
  const user = users[seq % users.length]!;
  const customer = user.customers[Math.floor(seq / users.length) % user.customers.length]!;
  const eventId = `${runTag}_${seq}`;
  const payload = messageEvent({ eventId, userId: user.openId, text: sayings(customer, seq) });
  // The rig's events come from its fixed test tenant; the bench's come from a throwaway one.
  payload.header.tenant_key = tenantKey;
  payload.event.sender.tenant_key = tenantKey;
  return { eventId, payload };
}

function signed(eventId: string, payload: object, again = false): Item {
  const body = JSON.stringify({ encrypt: encrypt(JSON.stringify(payload), ENCRYPT_KEY) });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = `${eventId}-${Math.random().toString(36).slice(2)}`;
  return {
    eventId, body, again,
    headers: {
      'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)),
      'x-lark-request-timestamp': timestamp, 'x-lark-request-nonce': nonce, 'x-lark-signature': signatureOf(timestamp, nonce, ENCRYPT_KEY, body),
    },
  };
}

/** The stage's requests, built before the clock starts; every `dupEvery`-th event is posted
 * again five requests later (Feishu re-delivers): it must still be stored once. */
function build(spec: StageSpec): Item[] {
  const items: Item[] = [];
  const resend: { after: number; item: Item }[] = [];
  for (let i = 0; i < spec.count; i++) {
    const { eventId, payload } = eventFor(spec.runTag, spec.firstSeq + i);
    items.push(signed(eventId, payload));
    if (spec.dupEvery && i % spec.dupEvery === spec.dupEvery - 1) resend.push({ after: i + 5, item: signed(eventId, payload, true) });
    while (resend.length && resend[0]!.after <= i) items.push(resend.shift()!.item);
  }
  return [...items, ...resend.map((r) => r.item)];
}

function post(url: string, item: Item): Promise<{ status: number | string; ms: number; at: number }> {
  const started = now();
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers: item.headers, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: now() - started, at: now() }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ status: err.code ?? err.message, ms: now() - started, at: now() }));
    req.end(item.body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Closed-loop slots waiting for a reply, by the message id replied to. */
const waiting = new Map<string, () => void>();

/** Resolves when the reply to `eventId` has reached the fake API, or after `ms`. */
function replyTo(eventId: string, ms: number): Promise<void> {
  const id = `om_${eventId}`;
  if (replies.has(id)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => { waiting.delete(id); resolve(); }, ms);
    waiting.set(id, () => { clearTimeout(timer); waiting.delete(id); resolve(); });
  });
}

async function run(spec: StageSpec): Promise<StageResult> {
  const items = build(spec);
  const acks: number[] = [];
  const statuses: Record<string, number> = {};
  const sentAt = new Map<string, number>();
  const acked = new Set<string>();
  const ackTimes: number[] = [];
  let lag = 0;
  let sent = 0;
  const one = async (item: Item) => {
    sent++;
    if (!sentAt.has(item.eventId)) sentAt.set(item.eventId, now());
    const r = await post(spec.url, item);
    acks.push(r.ms);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.status !== 200) return;
    ackTimes.push(r.at);
    acked.add(item.eventId);
    if (spec.until === 'reply' && !item.again) await replyTo(item.eventId, spec.drainTimeoutMs);
  };
  const first = now();
  const deadline = first + (spec.maxSeconds ?? Infinity) * 1000;
  if (spec.rate) {
    // Open loop: request i leaves at first + i/rate, whatever the server's answers do.
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < items.length;) {
      const due = first + (i * 1000) / spec.rate;
      const t = now();
      if (t < due) { await sleep(Math.min(due - t, 5)); continue; }
      lag = Math.max(lag, t - due);
      for (; i < items.length && first + (i * 1000) / spec.rate <= now(); i++) inflight.push(one(items[i]!));
    }
    await Promise.all(inflight);
  } else {
    // Closed loop: `concurrency` events in flight — until acknowledged, or until replied to —
    // the next one leaves when one completes; new ones stop at the deadline.
    let next = 0;
    await Promise.all(Array.from({ length: spec.concurrency ?? 64 }, async () => {
      while (next < items.length && now() < deadline) await one(items[next++]!);
    }));
  }
  const sendEnd = now();
  if (spec.expectReplies) await waitForReplies(acked, spec.drainTimeoutMs);
  const e2e: number[] = [];
  let lastReply = 0;
  let duplicateReplies = 0;
  let repliedInWindow = 0;
  for (const id of acked) {
    const r = replies.get(`om_${id}`);
    if (!r) continue;
    e2e.push(r.at - sentAt.get(id)!);
    lastReply = Math.max(lastReply, r.at);
    duplicateReplies += r.count - 1;
    if (r.at <= sendEnd) repliedInWindow++;
  }
  const window = (sendEnd - first) / 1000;
  const completed = spec.expectReplies ? repliedInWindow : ackTimes.filter((t) => t <= sendEnd).length;
  return {
    name: spec.name, requests: sent, distinct: sentAt.size, statuses,
    acked: acked.size, ackedIds: [...acked], acks, e2e, replied: e2e.length, duplicateReplies,
    sendSeconds: window, ackSeconds: (Math.max(...ackTimes, first) - first) / 1000,
    replySeconds: lastReply ? (lastReply - first) / 1000 : 0, maxLagMs: lag,
    windowRate: completed / window,
  };
}

/** Until every acknowledged event has its reply, or no reply came for `idleMs`. */
async function waitForReplies(acked: Set<string>, idleMs: number): Promise<void> {
  let missing = Infinity;
  let progressAt = now();
  for (;;) {
    let m = 0;
    for (const id of acked) if (!replies.has(`om_${id}`)) m++;
    if (m === 0) return;
    if (m < missing) { missing = m; progressAt = now(); }
    if (now() - progressAt > idleMs) return;
    await sleep(20);
  }
}

const send = (msg: LoadReply) => process.send!(msg);

process.on('message', (cmd: LoadCommand) => {
  const handle = async () => {
    if (cmd.type === 'init') {
      users = cmd.users;
      tenantKey = cmd.tenantKey;
      await api.start();
      send({ type: 'ready', apiUrl: api.url });
    } else if (cmd.type === 'stage') {
      send({ type: 'result', result: await run(cmd.spec) });
    } else {
      agent.destroy();
      // The product's SDK may hold a keep-alive connection open: do not wait on it for long.
      await Promise.race([api.close(), sleep(2000)]);
      process.exit(0);
    }
  };
  handle().catch((err: Error) => {
    send({ type: 'error', message: err.stack ?? err.message });
    process.exit(1);
  });
});
// The parent going away (a crash, Ctrl-C) must not leave this process behind.
process.on('disconnect', () => process.exit(0));
