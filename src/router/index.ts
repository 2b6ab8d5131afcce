// The router: inbound event → user → understand → one transaction (dedup + handler + audit)
// → replies. Adapters call `handle`; nothing here knows a platform.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { InboundEvent, Reply } from '../chat/index.js';
import { poolOf, type Db } from '../db.js';
import { Prisma } from '../generated/prisma/client.js';
import { NeedsPrisma, pgTransaction, rawDb } from '../db-tx.js';
import { storeAddress } from '../delivery/addresses.js';
import { isDbTransient, isDbUnreachable } from '../db-errors.js';
import type { Actor, Tx } from '../domain/actor.js';
import { Changes } from '../domain/changes.js';
import { UserError } from '../domain/errors.js';
import { detectLocale, t, type Locale } from '../i18n/index.js';
import { intents, QUERIES, READ_ONLY, type IntentContext } from '../intents/index.js';
import { textOnly } from '../chat/index.js';
import { cleanEvent } from '../chat/clean-text.js';
import { PendingQuestions } from './pending.js';
import { NamesCache } from './names.js';
import { ActorCache } from './actors.js';
import type { ActionPayload } from '../chat/index.js';
import type { AskOptions } from '../intents/index.js';
import { eventKey } from '../delivery/inbound.js';
import type { LlmConfig } from '../nlu/llm.js';
import { CONFIRM_BELOW, understand, type Dispatch, type Understood } from './understand.js';
import { isGreeting, welcome, Welcomes } from './first-contact.js';
import { attachmentReply, withHeard, withTranscript, type Transcribe } from './media.js';
import type { Metrics } from '../http/metrics.js';

export interface RouterDeps {
  db: Db;
  redis: Redis;
  log: Logger;
  /** Redis key prefix (tests give each file its own). */
  keyPrefix?: string;
  /** The optional language-model fallback of the parser (LLM_* variables). */
  llm?: LlmConfig;
  /** Prometheus counters (#7): messages in, parse outcomes. */
  metrics?: Metrics;
  /** A voice message's words from its platform's adapter (Feishu speech-to-text, issue #13). */
  transcribe?: Transcribe;
}

export interface RouterResult {
  replies: Reply[];
  /** Who the event came from, in salesbot's terms (for delivering the replies). */
  tenantId: string;
  userId: string;
  /** The event id was already applied: nothing was done again. */
  duplicate?: boolean;
  /** On a duplicate: the replies its transaction stored with the event (ProcessedEvent.replies),
   * when one of them is not sent yet — as when a worker was killed between the commit and
   * queueing them (#16). Queued again under the same keys (`${eventKey}:reply${i}`), none goes
   * out twice. `replies` stays empty: the web chat answers a repeat with nothing. */
  unsent?: Reply[];
}

class DuplicateEvent extends Error {}

/** A user writing again from the address this process stored for them less than a minute ago
 * costs no write (one query less per message, issue #6): ChatAddress.updatedAt, which picks
 * where jobs reach the user, then lags by at most this much. */
const ADDRESS_REFRESH_MS = 60_000;

/** Intents whose every statement is raw SQL on the usual paths (src/domain/rows.ts): their
 * transaction goes on a pg client first (see transaction()). */
const RAW_INTENTS: ReadonlySet<string> = new Set(['log_activity', 'update_deal', 'schedule_follow_up', 'add_contact']);

export class Router {
  private readonly pending: PendingQuestions;
  private readonly names: NamesCache;
  private readonly actors: ActorCache;
  private readonly welcomes: Welcomes;
  /** The address this process last stored for each user, and when (see remember()). */
  private readonly addresses = new Map<string, { key: string; at: number }>();
  /** Raw statements outside the message's transaction, on the pg pool (db-tx.ts). */
  private readonly raw: ReturnType<typeof rawDb>;

  constructor(private readonly deps: RouterDeps) {
    this.raw = rawDb(deps.db);
    this.pending = new PendingQuestions(deps.redis, deps.keyPrefix ?? 'salesbot');
    this.names = new NamesCache(deps.db, deps.redis, deps.keyPrefix ?? 'salesbot');
    this.actors = new ActorCache(deps.db, deps.redis, deps.keyPrefix ?? 'salesbot');
    this.welcomes = new Welcomes(deps.redis, deps.keyPrefix ?? 'salesbot', deps.db);
  }

  /** For the workers: count what they do in the same registry. */
  get metrics(): Metrics | undefined {
    return this.deps.metrics;
  }

  async handle(received: InboundEvent): Promise<RouterResult> {
    const event = cleanEvent(received); // NUL and lone surrogates: see clean-text.ts
    const key = eventKey(event);
    const count = (outcome: 'handled' | 'duplicate' | 'error') =>
      this.deps.metrics?.messagesIn.inc({ platform: event.from.platform, outcome });
    try {
      const { failed, kept, ...result } = await this.handleEvent(event);
      const outcome = failed ? 'error' : result.duplicate ? 'duplicate' : 'handled';
      count(outcome);
      this.deps.log.info({ eventKey: key, outcome, replies: result.replies.length }, 'event handled');
      return failed || kept ? result : replacingCard(event, result);
    } catch (err) {
      count('error');
      throw err;
    }
  }

  /** `failed`: an internal error; `kept`: the click can be made again (the card stays as it was). */
  private async handleEvent(received: InboundEvent): Promise<RouterResult & { failed?: true; kept?: true }> {
    const { db, log } = this.deps;
    // One MGET: the actor's version, the tenant's names version and the user's pending question.
    const { actor, also: [namesVersion, question] } = await this.actors.get(received.from, (who) => [this.names.key(who.tenantId), this.pending.key(who.tenantId, who.userId)]);
    // dispatch's insert is the guard. Checked up front too, but for plain text: a redelivered
    // button click would find its question already answered and reply "expired", a voice message
    // would be recognised again. A repeated text is caught by the insert, which puts its pending
    // question back: one statement less for most messages (#16).
    const plainText = received.type === 'text' && !received.audio;
    const seen = plainText ? undefined : await this.processed(eventKey(received));
    if (seen) return { replies: [], duplicate: true, tenantId: actor.tenantId, userId: actor.userId, ...seen };
    // After the duplicate check: a redelivered voice message is not sent for recognition again.
    const event = await withTranscript(received, this.deps.transcribe, log);
    const locale = event.type === 'text' ? detectLocale(event.text, actor.locale) : actor.locale;
    await this.remember(actor, event, locale);
    const ctxActor = { ...actor, locale };
    const who = { tenantId: actor.tenantId, userId: actor.userId };
    const direct = await this.directAnswer(event, locale);
    if (direct) return { ...who, replies: direct };
    const pending = this.pending.forMessage({ key: this.pending.key(actor.tenantId, actor.userId), raw: question ?? null });
    try {
      const understood = await understand(event, ctxActor, { pending, names: this.names.at(namesVersion), llm: this.deps.llm, metrics: this.deps.metrics });
      if (understood.kind === 'say') return { ...who, replies: [{ text: t(locale, understood.key, understood.params) }] };
      return { ...who, replies: await this.dispatch(event, ctxActor, locale, understood, pending) };
    } catch (err) {
      // Its transaction rolled back (or it was a repeat): the question it answered (or replaced) is put back too.
      await pending.rollback().catch((e: unknown) => log.warn({ err: e, eventKey: eventKey(event) }, 'pending question not restored'));
      if (err instanceof DuplicateEvent) return { ...who, replies: [], duplicate: true, ...await this.processed(eventKey(event)) };
      if (err instanceof UserError) return { ...who, replies: [{ text: t(locale, err.key, err.params) }], kept: true };
      // Postgres went away mid-message, or a deadlock / expired transaction: nothing was committed;
      // the caller retries (worker) or answers 503 (web chat).
      if (isDbTransient(err)) throw await this.outageOr(err);
      log.error({ err, eventId: event.eventId, eventKey: eventKey(event), tenantId: actor.tenantId }, 'message failed');
      return { ...who, replies: [{ text: t(locale, 'error.internal') }], failed: true };
    }
  }

  /**
   * An event already applied, with its stored replies when one of them has not been sent (no
   * Delivery row yet, or one still pending); undefined when it was not applied. Only duplicates
   * and events that are not plain text (the up-front check) run it.
   */
  private async processed(key: string): Promise<{ unsent?: Reply[] } | undefined> {
    const [row] = await this.raw.$queryRaw<{ unsent: boolean; replies: Reply[] | null }[]>`
      SELECT p.replies, EXISTS (
        SELECT 1 FROM jsonb_array_elements(p.replies) WITH ORDINALITY AS r(reply, n)
          LEFT JOIN "Delivery" d ON d.id = p.id || ':reply' || (r.n - 1)
         WHERE d.id IS NULL OR d.status = 'pending') AS unsent
        FROM "ProcessedEvent" p WHERE p.id = ${key}`;
    if (!row) return undefined;
    return row.unsent && row.replies?.length ? { unsent: row.replies } : {};
  }

  /**
   * A message whose first database statement is its transaction (the actor cached, #16) may see
   * an outage as the transaction failing to start or closing, not as "unreachable" — then the
   * user would not be told the message waits (db-down.ts). A one-statement probe, only on this
   * failure path, tells an outage apart.
   */
  private async outageOr(err: unknown): Promise<unknown> {
    if (isDbUnreachable(err)) return err;
    return this.deps.db.$queryRaw`SELECT 1`.then(() => err, (probe: unknown) => (isDbUnreachable(probe) ? probe : err));
  }

  /** First contact and attachments without text are answered before anything is understood (issue #13). */
  private async directAnswer(event: InboundEvent, locale: Locale): Promise<Reply[] | undefined> {
    if (event.type === 'joined') return (await this.welcomes.firstEntry(event.address)) ? [welcome(locale)] : [];
    if (event.type !== 'text') return undefined;
    const media = attachmentReply(event, locale);
    if (media) return [media];
    if (!isGreeting(event.text)) return undefined;
    await this.welcomes.first(event.address);
    return [welcome(locale)];
  }

  private async dispatch(event: InboundEvent, actor: Actor, locale: Locale, understood: Understood & { kind: 'intent' }, pending: PendingQuestions): Promise<Reply[]> {
    const { intent, args, confidence } = understood;
    const key = eventKey(event);
    const run = async (tx: Tx, questions: PendingQuestions) => {
      let waits = false; // the reply asked something or waits for an answer
      // The duplicate check and the mark in one raw statement (Prisma's create costs ~1 ms of CPU).
      const fresh = await tx.$queryRaw<unknown[]>`
        INSERT INTO "ProcessedEvent" (id, "tenantId") VALUES (${key}, ${actor.tenantId}) ON CONFLICT (id) DO NOTHING RETURNING id`;
      if (!fresh.length) throw new DuplicateEvent();
      const batchId = randomUUID();
      const changes = new Changes(tx, { tenantId: actor.tenantId, userId: actor.userId, batchId, sourceEventId: key });
      const ctx: IntentContext = {
        tx, actor, changes, locale, now: event.at, eventId: key,
        text: event.type === 'text' ? event.text : undefined,
        ask: (question, options, opts) => { waits = true; return this.ask(questions, actor, question, options, opts); },
        expect: async (awaits) => { waits = true; await questions.expect(actor.tenantId, actor.userId, awaits); },
      };
      if (confidence < CONFIRM_BELOW && !READ_ONLY.has(intent) && intent !== 'undo') {
        const reply = await ctx.ask(t(locale, 'ask.confirmIntent', { intent: t(locale, `intent.${intent}` as never) }), [
          { label: t(locale, `intent.${intent}` as never), action: { intent, args }, style: 'primary' },
          { label: t(locale, 'button.help'), action: { intent: 'help', args: {} } },
        ]);
        const sent = [finalReply(event, reply, locale)];
        await tx.$executeRaw(storeReplies(key, sent));
        return { changes, waits, reply, sent };
      }
      const replies = await handleParts(ctx, understood, () => waits);
      const reply = replies.at(-1)!;
      // The reply is stored with the event in its transaction (#16): once this commits, a retry
      // of the event finds it (processed()) even if the worker dies before queueing it. Joined to
      // the audit rows' INSERT when there are any, so most messages pay no statement for it.
      const sent = replies.map((r) => finalReply(event, r, locale));
      const store = storeReplies(key, sent);
      if (!(await changes.flush(replies[0]!.text.split('\n')[0]!.slice(0, 200), store))) await tx.$executeRaw(store);
      return { changes, reply, waits, sent };
    };
    const done = await this.transaction(intent, run, pending);
    // Both are conveniences after the commit: a Redis hiccup here must not report a saved message as failed.
    const later = (what: string) => (err: unknown) => this.deps.log.warn({ err, eventKey: key }, `${what} not recorded`);
    await this.names.changed(actor.tenantId, done.changes.made).catch(later('names version'));
    // Undo and the admin command write people without an audited change to show for it.
    await this.actors.changed(actor.tenantId, done.changes.made, intent === 'undo' || intent === 'admin').catch(later('people version'));
    // "比亚迪呢" right after: the query is remembered like a question (issue #11).
    if (!done.waits && QUERIES.has(intent)) {
      await pending.expect(actor.tenantId, actor.userId, { kind: 'query', action: { intent, args } }).catch(later('last query'));
    }
    // "金额说错了 是85万" right after: a correction of the customer the card was about.
    const last = understood.parts?.at(-1)?.intent ?? intent;
    const amends = !done.waits && AMENDABLE.has(last) && done.changes.made.length > 0 ? cardCustomer(done.reply) : undefined;
    const dealId = done.changes.made.findLast((m) => m.entity === 'deal')?.id;
    if (amends) await pending.expect(actor.tenantId, actor.userId, { kind: 'amend', customerId: amends, ...(last === 'record_callback' && { callback: true }), ...(dealId && { dealId }) }).catch(later('last card'));
    return done.sent;
  }

  /**
   * The message's transaction. The intents a working day is made of run on a pg client with
   * prepared statements (db-tx.ts, #16); one that turns out to need a Prisma model query (a new
   * customer, say) is rolled back, its questions put back, and run again on Prisma's.
   */
  private async transaction<T>(intent: string, run: (tx: Tx, questions: PendingQuestions) => Promise<T>, pending: PendingQuestions): Promise<T> {
    const pool = RAW_INTENTS.has(intent) ? poolOf(this.deps.db) : undefined;
    if (pool) {
      const questions = pending.forTry();
      try {
        return await pgTransaction(pool, (tx) => run(tx, questions));
      } catch (err) {
        if (!(err instanceof NeedsPrisma)) throw err;
        await questions.rollback();
        this.deps.log.debug({ intent, needs: err.what }, 'message runs on Prisma\'s transaction');
      }
    }
    return this.deps.db.$transaction((tx) => run(tx, pending), { timeout: 15_000, maxWait: 10_000 });
  }

  private async ask(pending: PendingQuestions, actor: Actor, question: string, options: { label: string; action: ActionPayload; style?: 'primary' | 'danger' | 'default' }[], opts: AskOptions = {}): Promise<Reply> {
    const primary = options.flatMap((o, i) => (o.style === 'primary' ? [i] : []));
    const token = await pending.ask(actor.tenantId, actor.userId, options.map((o) => o.action), {
      yes: primary.length === 1 ? primary[0] : undefined, noCancel: opts.noCancel, no: opts.no, labels: options.map((o) => o.label),
      awaits: opts.awaitsTime && { kind: 'time', action: opts.awaitsTime },
    });
    const cancel = { label: t(actor.locale, 'button.cancel'), style: 'default' as const, action: { intent: 'cancel', args: {} } };
    const buttons = [
      ...options.map((o, index) => ({ label: o.label, style: o.style, action: { intent: 'choose', args: { token, index } } })),
      ...(opts.noCancel ? [] : [cancel]),
    ];
    const reply: Reply = { text: question, card: { title: question, buttons } };
    // The numbered list lets text-only surfaces (and typists) answer with the number.
    return { ...reply, text: textOnly({ text: question, card: { buttons } }) };
  }

  /** The language the user last wrote in, and where to reach them later (jobs). */
  private async remember(actor: Actor, event: InboundEvent, locale: Locale): Promise<void> {
    const { db } = this.deps;
    const a = event.address;
    const key = [a.platform, a.platformTenant, a.conversationId, a.kind, a.threadId ?? ''].join('\n');
    const stored = this.addresses.get(actor.userId);
    const unchanged = stored?.key === key && Date.now() - stored.at < ADDRESS_REFRESH_MS;
    await Promise.all([
      locale !== actor.locale
        ? db.user.update({ where: { id: actor.userId }, data: { locale } }).then(() => this.actors.changed(actor.tenantId, [], true))
        : undefined,
      unchanged ? undefined : storeAddress(this.raw, actor, a).then(() => {
        if (this.addresses.size >= 50_000) this.addresses.clear();
        this.addresses.set(actor.userId, { key, at: Date.now() });
      }),
    ]);
  }
}

/** The reply as it goes out: what was heard of a voice message shown with it, a click's answer in
 * the clicked card's place (replacingCard does the same again, harmlessly, in handle()). */
function finalReply(event: InboundEvent, reply: Reply, locale: Locale): Reply {
  if (event.type === 'text') return withHeard(reply, event, locale);
  return event.type === 'action' && event.source ? { ...reply, replaces: event.source } : reply;
}

/**
 * The message's intent, or each part's in turn when it reports on several customers (one
 * transaction, one undo). A part that asks a question ends the run: the parts after it are
 * named in its reply, to be sent again, never dropped.
 */
async function handleParts(ctx: IntentContext, understood: Dispatch & { parts?: Dispatch[] }, waits: () => boolean): Promise<Reply[]> {
  const parts = understood.parts ?? [understood];
  const replies: Reply[] = [];
  for (const [i, part] of parts.entries()) {
    const reply = await intents[part.intent].handle(ctx, part.args);
    const rest = parts.slice(i + 1).map((p) => p.args.summary).filter(Boolean);
    if (waits() && rest.length) return [...replies, { ...reply, text: `${reply.text}\n${t(ctx.locale, 'parts.notYet', { rest: rest.join(' ') })}` }];
    replies.push(reply);
  }
  return replies;
}

/** The statement that stores an event's replies on its ProcessedEvent row (written earlier in the same transaction). */
const storeReplies = (key: string, replies: Reply[]) =>
  Prisma.sql`UPDATE "ProcessedEvent" SET replies = ${JSON.stringify(replies)}::jsonb WHERE id = ${key}`;

const AMENDABLE = new Set<string>(['log_activity', 'update_deal', 'schedule_follow_up', 'create_customer', 'record_callback', 'add_contact']);

/** The customer a card is about: the one its "view customer" button opens. */
function cardCustomer(reply: Reply): string | undefined {
  const view = reply.card?.buttons?.find((b) => b.action.intent === 'query_customer');
  const id = (view?.action.args as { customerId?: unknown } | undefined)?.customerId;
  return typeof id === 'string' ? id : undefined;
}

/** The answer to a click takes the clicked card's place (issue #13); a failed click leaves it. */
function replacingCard(event: InboundEvent, result: RouterResult): RouterResult {
  if (event.type !== 'action' || !event.source || !result.replies[0]) return result;
  const [first, ...rest] = result.replies;
  return { ...result, replies: [{ ...first, replaces: event.source }, ...rest] };
}
