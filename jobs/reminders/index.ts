// Follow-up reminders, stale-deal nudges, callbacks (回访) and anniversaries (issue #5).
import type { JobDefinition } from '../types.js';

export const reminderJobs: JobDefinition[] = [];
