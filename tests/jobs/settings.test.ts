// /设置 /settings through the whole web-chat app: what each command stores, who may change the
// team digest time, and the buttons of the settings card.
import { describe, expect, it } from 'vitest';
import { userSettings } from '../../src/domain/digest-settings.js';
import { button, testApp } from '../support/app.js';
import { only } from '../chat/support.js';

const app = await testApp();
const settingsOf = async (handle: string) => userSettings((await app.db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId: 'demo', handle } } })).settings);
const team = () => app.db.team.findFirstOrThrow({ where: { tenantId: 'demo' } });

describe('/设置 /settings', () => {
  it('a manager changes the team digest time, in either language', async () => {
    expect(only(await app.say('manager', '/设置 日报 19:00')).text).toContain('19:00');
    expect((await team()).digestTime).toBe('19:00');
    expect(only(await app.say('manager', '/settings digest 07:30')).text).toBe('Digest time for 华东销售一组 is now 07:30');
    expect((await team()).digestTime).toBe('07:30');
  });

  it('a rep may not change it', async () => {
    expect(only(await app.say('rep1', '/设置 日报 20:00')).text).toBe('只有经理或管理员可以修改团队日报时间。');
    expect((await team()).digestTime).toBe('07:30');
  });

  it('mutes and unmutes kinds of messages, keeping the rest of the settings', async () => {
    await app.db.user.update({ where: { tenantId_handle: { tenantId: 'demo', handle: 'rep1' } }, data: { settings: { other: 1 } } });
    expect(only(await app.say('rep1', '/设置 静音 生日')).text).toBe('已静音：生日');
    expect(only(await app.say('rep1', '/settings mute stale')).text).toBe('Muted: stale');
    expect((await settingsOf('rep1')).muted).toEqual(['birthday', 'stale_deal']);
    expect(only(await app.say('rep1', '/设置 取消静音 生日')).text).toBe('已取消静音：生日');
    expect((await settingsOf('rep1')).muted).toEqual(['stale_deal']);
    const row = await app.db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId: 'demo', handle: 'rep1' } } });
    expect(row.settings).toMatchObject({ other: 1 });
  });

  it('shows the settings with buttons, and a button does what the command does', async () => {
    const shown = only(await app.say('rep2', '/设置'));
    expect(shown.text).toContain('已静音：无');
    expect(shown.text).toContain('个人日报：关');
    expect(shown.card?.buttons).toHaveLength(9);
    only(await app.click('rep2', button(await app.say('rep2', '/设置'), '静音 周报')));
    expect((await settingsOf('rep2')).muted).toEqual(['weekly']);
    only(await app.click('rep2', button(await app.say('rep2', '/设置'), '开启个人日报')));
    expect((await settingsOf('rep2')).dailySummary).toBe(true);
    const again = only(await app.say('rep2', '/设置'));
    expect(again.text).toContain('已静音：周报');
    expect(button({ status: 200, replies: [again] }, '取消静音 周报')).toEqual({ intent: 'settings', args: { op: 'unmute', kind: 'weekly' } });
  });

  it('turns the own daily summary on and off by command', async () => {
    expect(only(await app.say('rep1', '/settings summary on')).text).toBe('Your daily summary is on');
    expect((await settingsOf('rep1')).dailySummary).toBe(true);
    expect(only(await app.say('rep1', '/设置 个人日报 关')).text).toBe('个人日报已关');
    expect((await settingsOf('rep1')).dailySummary).toBe(false);
  });

  it('answers nonsense with the usage, changing nothing', async () => {
    const before = await settingsOf('rep1');
    expect(only(await app.say('rep1', '/设置 静音 天气')).text).toContain('用法');
    expect(only(await app.say('manager', '/settings digest 25:00')).text).toContain('Usage');
    expect(only(await app.click('rep1', { intent: 'settings', args: { op: 'mute', kind: 'everything' } })).text).toContain('用法');
    expect(await settingsOf('rep1')).toEqual(before);
    expect((await team()).digestTime).toBe('07:30');
  });
});
