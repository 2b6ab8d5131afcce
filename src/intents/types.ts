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
  ask(question: string, options: { label: string; action: ActionPayload; style?: 'primary' | 'danger' | 'default' }[]): Promise<Reply>;
}

export interface IntentHandler {
  handle(ctx: IntentContext, args: Args): Promise<Reply>;
}

export type ArgsSchema = z.ZodType<Args>;
