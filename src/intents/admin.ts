// Admins set roles and teams by chat: `/用户` `/users`, `/角色 张伟 经理` `/role alice manager`,
// `/团队 张伟 华东一组` `/team alice East`, `/经理 王强 华东一组` `/manager bob East`.
// Audited like every other change: `/撤销` takes the last one back.
import { z } from 'zod';
import { UserError } from '../domain/errors.js';
import { listPeople, setManager, setRole, setTeam } from '../domain/people.js';
import { t } from '../i18n/index.js';
import type { IntentContext, IntentHandler } from './types.js';

export const adminArgs = z.discriminatedUnion('op', [
  z.object({ op: z.literal('list') }),
  z.object({ op: z.enum(['role', 'team', 'manager']), who: z.string().min(1).max(100), value: z.string().min(1).max(100) }),
  z.object({ op: z.literal('usage') }),
]);
export type AdminArgs = z.infer<typeof adminArgs>;

const OPS = {
  role: async (ctx: IntentContext, who: string, value: string) => {
    const user = await setRole(ctx.tx, ctx.actor.tenantId, who, value, ctx.changes);
    return t(ctx.locale, 'admin.roleSet', { name: user.name, role: t(ctx.locale, `role.${user.role}`) });
  },
  team: async (ctx: IntentContext, who: string, value: string) => {
    const { user, team } = await setTeam(ctx.tx, ctx.actor.tenantId, who, value, ctx.changes);
    return t(ctx.locale, 'admin.teamSet', { name: user.name, team: team.name });
  },
  manager: async (ctx: IntentContext, who: string, value: string) => {
    const { user, team } = await setManager(ctx.tx, ctx.actor.tenantId, who, value, ctx.changes);
    return t(ctx.locale, 'admin.managerSet', { name: user.name, team: team.name });
  },
};

export const admin: IntentHandler = {
  async handle(ctx, raw) {
    if (ctx.actor.role !== 'admin') throw new UserError('error.notAllowed');
    const args = adminArgs.safeParse(raw);
    if (!args.success || args.data.op === 'usage') return { text: t(ctx.locale, 'admin.usage') };
    if (args.data.op === 'list') {
      const people = await listPeople(ctx.tx, ctx.actor.tenantId);
      const title = t(ctx.locale, 'admin.listTitle');
      const fields = people.map((p) => ({ label: `${p.name} (${p.handle})`, value: [t(ctx.locale, `role.${p.role}`), p.team?.name].filter(Boolean).join(' · ') }));
      return { text: title, card: { title, fields } };
    }
    return { text: await OPS[args.data.op](ctx, args.data.who, args.data.value) };
  },
};
