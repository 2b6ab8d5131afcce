// Slash commands for intents outside the parser's contract (shared/nlu/CONTRACT.md covers the
// rest): matched before the parser runs.
import type { Args } from '../intents/index.js';
import { COMMAND as SETTINGS, parseSettings } from '../intents/settings-parse.js';
import { ADMIN_COMMAND, parseAdmin } from '../intents/admin-parse.js';

export interface ExtraCommand {
  pattern: RegExp;
  intent: string;
  args(text: string): Args;
}

export const extraCommands: ExtraCommand[] = [
  // `/设置 日报 19:00`, `/settings mute birthday` … (issue #5); the handler validates again.
  { pattern: SETTINGS, intent: 'settings', args: (text) => parseSettings(text) as Args },
  // `/角色 张伟 经理`, `/team alice East` … (admins; issue #4's identity section).
  { pattern: ADMIN_COMMAND, intent: 'admin', args: (text) => parseAdmin(text) as Args },
];
