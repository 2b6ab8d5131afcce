// The public pool's jobs (公海, issue #14).
import type { JobDefinition } from '../types.js';
import { poolRecycle } from './recycle.job.js';

export const poolJobs: JobDefinition[] = [poolRecycle];
