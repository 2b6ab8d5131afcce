// The message parser's public surface (shared/nlu/CONTRACT.md).
export type { Intent, Slots, ParseResult } from './types.js';
export { parseResultSchema, slotsSchema, INTENTS } from './types.js';
export { parse, type ParseOptions } from './parse.js';
export { nowIso } from './time/reference.js';
export { warmUp } from './warm-up.js';
