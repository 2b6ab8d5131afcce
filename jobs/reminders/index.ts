// Follow-up reminders, stale-deal nudges, callbacks (回访) and anniversaries (issue #5); payment
// nudges (issue #15).
import type { JobDefinition } from '../types.js';
import { anniversaries } from './anniversaries.js';
import { callbacks } from './callbacks.js';
import { reminders } from './follow-ups.js';
import { staleDeals } from './stale-deals.js';
import { paymentsDue } from './payments-due.js';

export const reminderJobs: JobDefinition[] = [reminders, staleDeals, callbacks, anniversaries, paymentsDue];
