// Slash commands for intents outside the parser's contract (shared/nlu/CONTRACT.md covers the
// rest): matched before the parser runs.
import type { Args } from '../intents/index.js';
import { COMMAND as SETTINGS, parseSettings } from '../intents/settings-parse.js';

export interface ExtraCommand {
  pattern: RegExp;
  intent: string;
  args(text: string): Args;
}

export const extraCommands: ExtraCommand[] = [
  // `/设置 日报 19:00`, `/settings mute birthday` … (issue #5); the handler validates again.
  { pattern: SETTINGS, intent: 'settings', args: (text) => parseSettings(text) as Args },
];
