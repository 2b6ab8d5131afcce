// `/用户`, `/角色 <who> <role>`, `/团队 <who> <team>`, `/经理 <who> <team>` (and English) → args.
import type { AdminArgs } from './admin.js';

export const ADMIN_COMMAND = /^\/(用户|users|角色|role|团队|team|经理|manager)(\s|$)/i;

const OPS: Record<string, 'list' | 'role' | 'team' | 'manager'> = {
  用户: 'list', users: 'list', 角色: 'role', role: 'role', 团队: 'team', team: 'team', 经理: 'manager', manager: 'manager',
};

export function parseAdmin(text: string): AdminArgs {
  const [command = '', who, ...rest] = text.trim().slice(1).split(/\s+/);
  const op = OPS[command.toLowerCase()];
  if (op === 'list') return { op };
  const value = rest.join(' ');
  return op && who && value ? { op, who, value } : { op: 'usage' };
}
