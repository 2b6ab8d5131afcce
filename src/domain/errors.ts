import type { MessageKey } from '../i18n/index.js';

/**
 * Something the user can fix: the router rolls the message's transaction back and replies with
 * the message `key` (in the user's language), never a stack trace.
 */
export class UserError extends Error {
  constructor(readonly key: MessageKey, readonly params: Record<string, string | number> = {}) {
    super(key);
    this.name = 'UserError';
  }
}
