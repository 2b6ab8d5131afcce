// `/设置 …` `/settings …` → the settings intent's arguments. Words are looked up in tables, so
// a new synonym is one entry; anything unrecognised becomes `op: 'invalid'` (the handler then
// shows how to use the command).
import { z } from 'zod';
import { HHMM, MESSAGE_KINDS, type MessageKind } from '../domain/digest-settings.js';
import { poolRulesChange } from '../domain/pool-rules.js';
import { parsePoolWords, POOL_WORDS } from './settings-pool.js';

export const COMMAND = /^\s*[/／](设置|settings)(?=\s|$)/i;

const VERBS: Record<string, 'digest' | 'mute' | 'unmute' | 'summary' | 'attainment' | 'leaderboard'> = {
  日报: 'digest', 日报时间: 'digest', digest: 'digest',
  静音: 'mute', 屏蔽: 'mute', mute: 'mute',
  取消静音: 'unmute', 恢复: 'unmute', unmute: 'unmute',
  个人日报: 'summary', 我的日报: 'summary', summary: 'summary', 'my-summary': 'summary',
  // Issue #15: what attainment counts (admins), the digests' leaderboard section (managers).
  考核: 'attainment', 完成率: 'attainment', 业绩口径: 'attainment', attainment: 'attainment',
  排行榜: 'leaderboard', 排名: 'leaderboard', leaderboard: 'leaderboard',
};

const BASIS_WORDS: Record<string, 'won' | 'collected'> = { 赢单: 'won', 签单: 'won', won: 'won', 回款: 'collected', collected: 'collected' };

export const KIND_WORDS: Record<string, MessageKind> = {
  跟进: 'follow_up', 跟进提醒: 'follow_up', 'follow-up': 'follow_up', followup: 'follow_up', follow_up: 'follow_up', 'follow-ups': 'follow_up',
  停滞: 'stale_deal', 商机停滞: 'stale_deal', stale: 'stale_deal', 'stale-deal': 'stale_deal', stale_deal: 'stale_deal', 'stale-deals': 'stale_deal',
  回访: 'callback', callback: 'callback', callbacks: 'callback',
  生日: 'birthday', birthday: 'birthday', birthdays: 'birthday',
  纪念日: 'anniversary', 周年: 'anniversary', anniversary: 'anniversary', anniversaries: 'anniversary',
  续约: 'renewal', renewal: 'renewal', renewals: 'renewal',
  日报: 'digest', digest: 'digest',
  周报: 'weekly', weekly: 'weekly',
};

const SWITCH: Record<string, boolean> = { 开: true, 开启: true, 打开: true, on: true, yes: true, 关: false, 关闭: false, off: false, no: false };

export const settingsArgs = z.discriminatedUnion('op', [
  z.object({ op: z.literal('show') }),
  z.object({ op: z.literal('invalid') }),
  z.object({ op: z.literal('digest'), time: z.string().regex(HHMM) }),
  z.object({ op: z.literal('mute'), kind: z.enum(MESSAGE_KINDS) }),
  z.object({ op: z.literal('unmute'), kind: z.enum(MESSAGE_KINDS) }),
  z.object({ op: z.literal('summary'), on: z.boolean() }),
  // `/设置 公海 …`: the tenant's pool rules (issue #14); no change = show them.
  z.object({ op: z.literal('pool'), change: poolRulesChange.optional() }),
  z.object({ op: z.literal('attainment'), basis: z.enum(['won', 'collected']) }),
  z.object({ op: z.literal('leaderboard'), on: z.boolean() }),
]);
export type SettingsArgs = z.infer<typeof settingsArgs>;

/** "19:00", "7:30", "19点", "19：30" → "HH:MM". */
function clock(word: string | undefined): string | undefined {
  const m = /^(\d{1,2})(?:[:：](\d{2})|点(?:(\d{1,2})分?|半)?)$/.exec(word ?? '');
  if (!m) return undefined;
  const minute = m[2] ?? m[3] ?? (word!.endsWith('半') ? '30' : '0');
  const hhmm = `${m[1]!.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  return HHMM.test(hhmm) ? hhmm : undefined;
}

export function parseSettings(text: string): SettingsArgs {
  const [verbWord, value, ...extra] = text.replace(COMMAND, '').trim().split(/\s+/).filter(Boolean);
  if (!verbWord) return { op: 'show' };
  if (POOL_WORDS.has(verbWord.toLowerCase())) {
    const change = parsePoolWords([value, ...extra].filter((w): w is string => !!w));
    return change === null ? { op: 'invalid' } : { op: 'pool', ...(change && { change }) };
  }
  const verb = VERBS[verbWord.toLowerCase()];
  const word = value?.toLowerCase();
  const parsed = settingsArgs.safeParse(
    verb === 'digest' ? { op: verb, time: clock(word) }
      : verb === 'summary' || verb === 'leaderboard' ? { op: verb, on: word === undefined ? undefined : SWITCH[word] }
      : verb === 'attainment' ? { op: verb, basis: word === undefined ? undefined : BASIS_WORDS[word] }
      : { op: verb, kind: word === undefined ? undefined : KIND_WORDS[word] },
  );
  return parsed.success && !extra.length ? parsed.data : { op: 'invalid' };
}
