// The inbound worker while Postgres is unreachable. The event is already acknowledged and safe in
// Redis, so nothing is lost: the job is put back in the queue (BullMQ's moveToDelayed +
// DelayedError, which does not use up one of its attempts) and tried again every few seconds for
// as long as the outage lasts, up to a day. The first time, the user gets a notice that their
// message will be saved once the database is back — sent as a transient message, which touches
// only Redis. Their normal confirmation follows when the retry succeeds.
import { DelayedError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { InboundEvent, Reply } from '../chat/index.js';
import { isDbUnreachable } from '../db-errors.js';
import { detectLocale, translator, type Locale } from '../i18n/index.js';
import { inboundPayloadSchema, type InboundPayload } from '../../jobs/queues.js';
import { eventKey } from './inbound.js';
import type { Outbox } from './outbox.js';

/** Retries back off 1 s, 2 s, 4 s … to this: how long after the database is back the queue still waits at most. */
export const OUTAGE_MAX_DELAY_MS = 10_000;
/** After this the event fails the normal way (BullMQ attempts, then the failed set, kept 7 days). */
export const OUTAGE_GIVE_UP_MS = 24 * 3600_000;

const tr = translator({
  'outage.queued': {
    zh: '已收到，数据库暂时不可用，恢复后会自动保存，届时再给你确认。',
    en: "Got it. The database is unavailable right now; your message will be saved automatically once it is back, and I'll confirm then.",
  },
  'outage.notSaved': {
    zh: '数据库暂时不可用，这条消息没有保存。请稍后再发一次。',
    en: 'The database is unavailable right now, so this message was not saved. Please send it again in a minute.',
  },
});

/** The user's locale lives in Postgres, which is down: the script of what they wrote decides (Chinese by default). */
export const outageLocale = (event: InboundEvent): Locale => (event.type === 'text' ? detectLocale(event.text, 'zh') : 'zh');

export const outageText = (locale: Locale, key: 'outage.queued' | 'outage.notSaved'): string => tr(locale, key);

/** The notice's key: one per event, whatever the number of retries. */
export const outageNoticeKey = (event: InboundEvent): string => `${eventKey(event)}:db-down`;

export interface OutageDeps {
  outbox: Pick<Outbox, 'send'>;
  log: Logger;
  now?: () => number;
  /** false: the event is already stored (only its replies wait), so no "will be saved" notice. */
  notice?: boolean;
}

/**
 * For the inbound processor's catch: rethrows anything that is not an outage (BullMQ's attempts
 * and backoff apply); otherwise notifies once and puts the job back, delayed.
 */
export async function waitOutOutage(job: Job<InboundPayload>, token: string | undefined, err: unknown, deps: OutageDeps): Promise<never> {
  const now = deps.now?.() ?? Date.now();
  if (!isDbUnreachable(err) || !token || now - job.timestamp > OUTAGE_GIVE_UP_MS) throw err;
  const { event } = inboundPayloadSchema.parse(job.data);
  const retries = job.data.outageRetries ?? 0;
  if (retries === 0 && deps.notice !== false) await notify(event, deps);
  const delay = Math.min(OUTAGE_MAX_DELAY_MS, 1000 * 2 ** retries);
  deps.log.warn({ eventKey: eventKey(event), retries, delayMs: delay }, 'Postgres unreachable: event put back');
  await job.updateData({ ...job.data, outageRetries: retries + 1 });
  await job.moveToDelayed(now + delay, token);
  throw new DelayedError();
}

async function notify(event: InboundEvent, deps: OutageDeps): Promise<void> {
  const reply: Reply = { text: outageText(outageLocale(event), 'outage.queued') };
  // tenantId is not known without the database; a transient message does not record it.
  await deps.outbox.send({
    tenantId: event.from.platformTenant, address: event.address, reply, key: outageNoticeKey(event),
    ...(event.messageId && { replyTo: event.messageId }), transient: true,
  }).catch((err: Error) => deps.log.error({ err: err.message, eventKey: eventKey(event) }, 'outage notice not queued'));
}
