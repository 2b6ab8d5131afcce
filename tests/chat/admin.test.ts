// Admins set roles and teams by chat; everyone else is refused and nothing changes. The CLI
// sets a tenant's first admin.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { testApp } from '../support/app.js';

describe('people admin', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(); });
  const user = (handle: string) => t.db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId: 'demo', handle } }, include: { team: true } });

  it('lists people with their role and team', async () => {
    const answer = await t.say('admin', '/用户');
    const fields = answer.replies[0]!.card!.fields!;
    expect(fields.find((f) => f.label === '张伟 (rep1)')?.value).toBe('销售 · 华东销售一组');
    expect(fields).toHaveLength(await t.db.user.count({ where: { tenantId: 'demo' } }));
  });

  it('sets a role by name and a team by handle, creating the team', async () => {
    expect((await t.say('admin', '/角色 李娜 客服')).replies[0]!.text).toBe('已把 李娜 设为客服');
    expect((await user('rep2')).role).toBe('care');
    expect((await t.say('admin', '/team rep2 North China')).replies[0]!.text).toBe('李娜 is now in team "North China"');
    expect((await user('rep2')).team?.name).toBe('North China');
  });

  it('makes someone a team manager, who then sees that team', async () => {
    await t.say('admin', '/经理 张伟 华南组');
    await t.say('admin', '/团队 李娜 华南组');
    const team = await t.db.team.findFirstOrThrow({ where: { tenantId: 'demo', name: '华南组' } });
    expect(team.managerId).toBe((await user('rep1')).id);
    expect((await user('rep1')).role).toBe('manager');
    const kpi = await t.say('rep1', '团队本月业绩');
    expect(kpi.replies[0]!.text).not.toContain('只有经理');
  });

  it('audits a role change, and /撤销 takes it back', async () => {
    const before = await user('care');
    expect((await t.say('admin', '/角色 陈静 管理员')).replies[0]!.text).toBe('已把 陈静 设为管理员');
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { tenantId: 'demo', entity: 'user', entityId: before.id }, orderBy: { seq: 'desc' } });
    expect(audit.userId).toBe(await t.userId('admin'));
    expect([(audit.before as { role: string }).role, (audit.after as { role: string }).role]).toEqual(['care', 'admin']);
    expect((await t.say('admin', '/撤销')).replies[0]!.text).toContain('已撤销');
    expect((await user('care')).role).toBe('care');
  });

  it('refuses non-admins and bad input without changing anything', async () => {
    const before = await t.db.user.findMany({ where: { tenantId: 'demo' }, orderBy: { id: 'asc' } });
    expect((await t.say('manager', '/角色 rep1 admin')).replies[0]!.text).toBe('你没有权限做这个操作。');
    expect((await t.say('admin', '/role rep1 boss')).replies[0]!.text).toContain('"boss" is not a role');
    expect((await t.say('admin', '/角色 不存在 经理')).replies[0]!.text).toContain('没有找到成员「不存在」');
    expect((await t.say('admin', '/角色')).replies[0]!.text).toContain('用法');
    expect(await t.db.user.findMany({ where: { tenantId: 'demo' }, orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('sets the first admin of a tenant from the command line', async () => {
    await t.db.tenant.create({ data: { id: 'feishu-t1', name: 'feishu-t1' } });
    await t.db.user.create({ data: { tenantId: 'feishu-t1', handle: 'feishu-ou_1', name: 'Amy' } });
    const env = { ...process.env, DATABASE_URL: t.url, REDIS_URL: inject('redisUrl'), LOG_LEVEL: 'warn' };
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/cli/main.ts', 'set-role', 'Amy', 'admin', '--tenant', 'feishu-t1'], { env, timeout: 90_000 });
    expect(stdout.trim()).toBe('Amy (feishu-ou_1) in feishu-t1: admin');
    expect((await t.db.user.findFirstOrThrow({ where: { tenantId: 'feishu-t1' } })).role).toBe('admin');
  }, 120_000);
});
