// Intents behind the buttons of reminders and callback prompts (done, snooze, reschedule,
// satisfaction scores) — issue #5.
import type { IntentHandler } from './types.js';

export const reminderIntents: Record<string, IntentHandler> = {};
