import type { z } from 'zod';
import type { ActionPayload, Reply } from '../chat/index.js';
import type { Actor, Tx } from '../domain/actor.js';
import type { Changes } from '../domain/changes.js';
import type { Locale } from '../i18n/index.js';
import type { Args } from './args.js';

export interface IntentContext {
  tx: Tx;
  actor: Actor;
  changes: Changes;
  locale: Locale;
  now: Date;
  /** The message as typed (absent for button clicks). */
  text?: string;
  eventId: string;
  /** Asks the user to pick one of `options`; returns the reply's buttons (see router/pending.ts). */
  ask(question: string, options: { label: string; action: ActionPayload; style?: 'primary' | 'danger' | 'default' }[], opts?: AskOptions): Promise<Reply>;
  /** Remembers what the bot's reply waits for (a time, an outcome), like a question with no buttons. */
  expect(awaiting: Awaiting): Promise<void>;
}

/** What the user's next typed message may be the answer to (issue #11, conversation state). */
export type Awaiting =
  /** A time ("1月4号上午") completes `action` as its `next_follow_up`. */
  | { kind: 'time'; action: ActionPayload }
  /** The next sentence reports how it went with this customer ("结果如何？"). */
  | { kind: 'outcome'; customerId: string }
  /** "比亚迪呢" / "李娜呢" asks `action` (a query) again about someone else. */
  | { kind: 'query'; action: ActionPayload }
  /** The next message, whatever it says, completes `action` as its `note` (a nudge's 说明原因, #15). */
  | { kind: 'note'; action: ActionPayload }
  /** A deal fact said without a customer ("金额说错了 是85万") corrects this customer, the one the
   * last card was about. */
  | { kind: 'amend'; customerId: string; /** The card was a callback's: a score said corrects it. */ callback?: boolean;
      /** The deal the card showed: a figure said corrects that deal, even one just won. */ dealId?: string };

export interface AskOptions {
  /** A typed time answers the question as well as the buttons do. */
  awaitsTime?: ActionPayload;
  /** The question has its own "no" option, so no Cancel button. */
  noCancel?: boolean;
  /** The option a plain "no" / "不用" picks. */
  no?: number;
}

export interface IntentHandler {
  handle(ctx: IntentContext, args: Args): Promise<Reply>;
}

export type ArgsSchema = z.ZodType<Args>;
