// Daily team KPI digests, weekly summaries and reps' own daily summaries (issue #5).
import type { JobDefinition } from '../types.js';
import { dailyDigestJob } from './daily.job.js';
import { weeklySummaryJob } from './weekly.job.js';

export const digestJobs: JobDefinition[] = [dailyDigestJob, weeklySummaryJob];
