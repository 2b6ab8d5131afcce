// The message parser's public surface (shared/nlu/CONTRACT.md).
export type { Intent, Slots, ParseResult } from './types.js';
export { parseResultSchema, slotsSchema, INTENTS, RANK_BY, TASK_KINDS, ASKS } from './types.js';
export { parse, type ParseOptions, type KnownNames } from './parse.js';
export { nowIso } from './time/reference.js';
export { warmUp } from './warm-up.js';
