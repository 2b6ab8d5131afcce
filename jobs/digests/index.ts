// Daily team KPI digests, weekly summaries and reps' own daily summaries (issue #5).
import type { JobDefinition } from '../types.js';

export const digestJobs: JobDefinition[] = [];
