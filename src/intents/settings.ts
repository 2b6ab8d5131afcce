// `/设置` `/settings`: mute kinds of messages, change the digest time — issue #5.
import type { IntentHandler } from './types.js';

export const settingsIntents: Record<string, IntentHandler> = {};
