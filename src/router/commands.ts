// Slash commands for intents outside the parser's contract (shared/nlu/CONTRACT.md covers the
// rest): matched before the parser runs.
import type { Args } from '../intents/index.js';

export interface ExtraCommand {
  pattern: RegExp;
  intent: string;
  args(text: string): Args;
}

export const extraCommands: ExtraCommand[] = [];
