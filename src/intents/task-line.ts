// What the to-do list says about one reminder: a follow-up's own note; for a callback prompt the
// kind of call (its note is the prompt's key, `prompt:<reason>:<ref>`, not for people); for a
// low-score alert, that it is one, and the callback's summary.
import type { Reminder } from '../generated/prisma/client.js';
import type { CallbackCategory } from '../generated/prisma/enums.js';
import { t, type Locale } from '../i18n/index.js';

/** The call each prompt asks for (as jobs/reminders/callbacks.ts files it). */
const PROMPT_CATEGORY: Record<string, CallbackCategory> = { won: 'feedback', renewal: 'renewal', tier: 'satisfaction' };

export function taskNote(locale: Locale, r: Pick<Reminder, 'kind' | 'note'>): string | null {
  if (r.kind === 'low_score_alert') return [t(locale, 'tasks.lowScore'), r.note].filter(Boolean).join(': ');
  const reason = r.kind === 'callback' ? /^prompt:(\w+):/.exec(r.note ?? '')?.[1] : undefined;
  if (reason) return t(locale, `category.${PROMPT_CATEGORY[reason] ?? 'satisfaction'}`);
  return r.note;
}
