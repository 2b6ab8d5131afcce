import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root (where package.json and prisma.config.ts are). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The prefix of every Redis key the product writes (BullMQ uses `${KEY_PREFIX}:bull`). */
export const KEY_PREFIX = 'salesbot';
