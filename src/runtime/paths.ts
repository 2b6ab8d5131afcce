import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root (where package.json and prisma.config.ts are). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
