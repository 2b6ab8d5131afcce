// The settings the digests and /设置 read and write, kept in the JSON `settings` columns:
// User.settings.muted (kinds of messages turned off), User.settings.dailySummary (a rep's own
// daily summary, opt-in) and Team.settings.group (where the team digest also goes).
import { z } from 'zod';
import type { Prisma } from '../db.js';

export const MESSAGE_KINDS = ['follow_up', 'stale_deal', 'callback', 'birthday', 'anniversary', 'renewal', 'digest', 'weekly'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

// `.catch` everywhere: a hand-edited bad value falls back instead of stopping every digest.
const userSettingsSchema = z.object({
  muted: z.array(z.string()).catch([]),
  dailySummary: z.boolean().catch(false),
});
export type UserSettings = z.infer<typeof userSettingsSchema>;

const asObject = (json: unknown): Record<string, unknown> => (json && typeof json === 'object' && !Array.isArray(json) ? json as Record<string, unknown> : {});

export function userSettings(json: unknown): UserSettings {
  return userSettingsSchema.catch({ muted: [], dailySummary: false }).parse(asObject(json));
}

/** The JSON to store: the changed fields over whatever else the column holds. */
export function withUserSettings(json: unknown, change: Partial<UserSettings>): Prisma.InputJsonObject {
  return { ...asObject(json), ...change } as Prisma.InputJsonObject;
}

/** A chat (Feishu/Slack …) address, or a WeCom group robot's webhook. */
const groupSchema = z.union([
  z.object({ platform: z.enum(['feishu', 'slack', 'wecom', 'wechaty', 'web']), platformTenant: z.string().min(1), conversationId: z.string().min(1) }),
  z.object({ wecomRobot: z.string().url() }),
]);
export type GroupTarget = z.infer<typeof groupSchema>;

export function teamGroup(json: unknown): GroupTarget | null {
  const parsed = groupSchema.safeParse(asObject(json).group);
  return parsed.success ? parsed.data : null;
}

/** Team.settings.leaderboard: the digests' leaderboard section (issue #15), off unless turned on. */
export function teamLeaderboard(json: unknown): boolean {
  return asObject(json).leaderboard === true;
}
