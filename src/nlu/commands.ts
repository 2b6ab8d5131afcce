// Slash commands: a message starting with one sets the intent, and the rest is parsed for
// that intent's slots.
import type { Intent } from './types.js';

const COMMANDS: Record<string, Intent> = {
  新客户: 'create_customer', customer: 'create_customer', new: 'create_customer',
  跟进: 'log_activity', log: 'log_activity',
  商机: 'update_deal', deal: 'update_deal',
  阶段: 'update_deal', stage: 'update_deal',
  提醒: 'schedule_follow_up', remind: 'schedule_follow_up',
  联系人: 'add_contact', contact: 'add_contact',
  回访: 'record_callback', callback: 'record_callback',
  漏斗: 'query_pipeline', pipeline: 'query_pipeline',
  客户: 'query_customer', status: 'query_customer',
  业绩: 'query_kpi', kpi: 'query_kpi',
  待办: 'query_tasks', tasks: 'query_tasks',
  撤销: 'undo', undo: 'undo',
  帮助: 'help', help: 'help',
};

// Longest first, so /新客户 is not read as /客户 + 新.
const NAMES = Object.keys(COMMANDS).sort((a, b) => b.length - a.length);

export interface Command { intent: Intent; rest: string }

export function readCommand(text: string): Command | undefined {
  if (!text.startsWith('/')) return undefined;
  const body = text.slice(1).trimStart();
  const lower = body.toLowerCase();
  const name = NAMES.find((n) => lower.startsWith(n) && !/^[a-z]$/i.test(body.charAt(n.length)));
  const intent = name ? COMMANDS[name] : undefined;
  return name && intent ? { intent, rest: body.slice(name.length).trim() } : undefined;
}
