// Where adapters put verified inbound events: the `inbound` queue. The job id is the event's
// key, so a platform's re-delivery while the first is still queued is dropped by BullMQ; the
// router's processed-event row catches any later one.
import type { Queue } from 'bullmq';
import type { InboundEvent } from '../chat/index.js';
import { cleanEvent } from '../chat/clean-text.js';
import { jobId, type InboundPayload } from '../../jobs/queues.js';
import type { ChatTurns } from './chat-turns.js';

export interface InboundSink {
  /** Resolves once the event is safely queued; rejects when Redis is unreachable (answer 503). */
  accept(event: InboundEvent): Promise<void>;
}

export const eventKey = (e: Pick<InboundEvent, 'from' | 'eventId'>): string =>
  `${e.from.platform}:${e.from.platformTenant}:${e.eventId}`;

/** `turns`: the chats' lines (chat-turns.ts); each event enters its chat's line before it is queued. */
export function queueSink(queue: Queue<InboundPayload>, turns?: ChatTurns): InboundSink {
  return {
    async accept(received) {
      // Cleaned before its id becomes a job id and reply keys: with an unpaired surrogate in the
      // id BullMQ lost the job ("Missing key for job", stored as U+FFFD, looked up as the
      // original), and NUL failed the job over and over (its reply keys go to Postgres).
      const event = cleanEvent(received);
      const id = jobId(eventKey(event));
      await turns?.enter(event.address, id);
      await queue.add('event', { event }, {
        jobId: id,
        attempts: 10,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { age: 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      });
    },
  };
}
